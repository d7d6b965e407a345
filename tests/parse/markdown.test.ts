import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/markdown.js';

describe('Markdown parser', () => {
  it('reads front matter and keeps headings, quotes, lists and code as blocks', () => {
    const article = parseMarkdown(
      [
        '---',
        'title: "Bridge Reopens"',
        'author: Jane Roe',
        'date: 2026-03-14',
        'url: https://example.com/bridge',
        'tags: [roads, city]',
        '---',
        '',
        'The bridge reopened *today* with [a ceremony](https://example.com/ceremony) & cake.',
        '',
        '## What changed',
        '',
        '> "It is stronger now," said the engineer.',
        '',
        '- wider lanes',
        '- new **lights**',
        '',
        '```',
        'code line',
        '```',
      ].join('\n'),
      'bridge.md',
    );
    expect(article.title).toBe('Bridge Reopens');
    expect(article.byline).toBe('Jane Roe');
    expect(article.published).toBe('2026-03-14');
    expect(article.url).toBe('https://example.com/bridge');
    expect(article.tags).toEqual(['roads', 'city']);
    expect(article.blocks).toEqual([
      { type: 'paragraph', text: 'The bridge reopened today with a ceremony & cake.' },
      { type: 'heading', text: 'What changed', level: 2 },
      { type: 'quote', text: '"It is stronger now," said the engineer.' },
      { type: 'list', text: 'wider lanes\nnew lights', items: ['wider lanes', 'new lights'] },
      { type: 'code', text: 'code line' },
    ]);
    expect(article.links).toEqual([{ text: 'a ceremony', url: 'https://example.com/ceremony' }]);
  });

  it('takes the title from a leading heading when there is no front matter', () => {
    const article = parseMarkdown('# Quiet Week\n\nNothing happened.', 'week.md');
    expect(article.title).toBe('Quiet Week');
    expect(article.blocks).toEqual([{ type: 'paragraph', text: 'Nothing happened.' }]);
  });

  it('treats broken front matter as text instead of failing', () => {
    const article = parseMarkdown('---\ntitle: [unclosed\n---\n\nBody.', 'broken.md');
    expect(article.blocks.length).toBeGreaterThan(0);
  });
});
