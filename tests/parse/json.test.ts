import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/article.js';
import { formatJson } from '../../src/export/json.js';
import { parseJson } from '../../src/parse/json.js';

describe('JSON parser', () => {
  it('reads inkwire’s own export back to the same articles', async () => {
    const original = makeArticle({
      source: 'a.md',
      title: 'Round Trip',
      byline: 'Jane Roe',
      tags: ['x'],
      blocks: [
        { type: 'heading', text: 'Part', level: 2 },
        { type: 'paragraph', text: 'Body.' },
        { type: 'list', text: '', items: ['a', 'b'] },
      ],
      links: [{ text: 'l', url: 'https://example.com/' }],
    });
    const [back] = await parseJson(formatJson([original]), 'export.json');
    expect(back).toEqual(original);
  });

  it('reads common shapes: title with body, content, or HTML content', async () => {
    const articles = await parseJson(
      JSON.stringify([
        { title: 'One', body: 'First para.\n\nSecond para.', author: { name: 'A. Writer' }, date: '2025-10-05' },
        { headline: 'Two', content: '<p>HTML <b>para</b>.</p><p>Next.</p>', url: 'https://example.com/two' },
        { title: 'Three', text: 'Line one\nLine two', keywords: 'a, b' },
      ]),
      'many.json',
    );
    expect(articles.map((a) => a.title)).toEqual(['One', 'Two', 'Three']);
    expect(articles[0]!.blocks.map((b) => b.text)).toEqual(['First para.', 'Second para.']);
    expect(articles[0]!.byline).toBe('A. Writer');
    expect(articles[1]!.blocks.map((b) => b.text)).toEqual(['HTML para.', 'Next.']);
    expect(articles[2]!.tags).toEqual(['a', 'b']);
  });

  it('strips \\u001b escapes written in JSON strings', async () => {
    const [article] = await parseJson('{"title": "T\\u001b]0;x\\u0007", "body": "a \\u001b[2J b"}', 'x.json');
    expect(article!.title).toBe('T');
    expect(article!.text).toBe('a b');
  });

  it('rejects JSON that holds no article', async () => {
    await expect(parseJson('{"foo": 1}', 'x.json')).rejects.toThrow(/no article found/);
  });
});
