import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleId, blockOffsets, makeArticle, type Article, type Block } from '../src/article.js';

// Anything a terminal could act on, or that makes text read other than it is.
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function strings(article: Article): string[] {
  return [
    article.id, article.source, article.url ?? '', article.title, article.byline ?? '', article.siteName ?? '',
    article.published ?? '', article.section ?? '', article.excerpt, article.lang ?? '', article.text,
    ...article.tags, ...article.credits,
    ...article.blocks.flatMap((b) => [b.text, ...(b.items ?? [])]),
    ...article.links.flatMap((l) => [l.text, l.url]),
  ];
}

const hostileChar = fc.constantFrom('\x1b', '\x9b', '\x9d', '\x07', '\x00', '\x7f', '\r', '\u202e', '\u2066', '\ud800', '[', ']', ';', '\\', 'a', ' ', '\n');
const hostileString = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: hostileChar, maxLength: 60 }));
const blockArb: fc.Arbitrary<Block> = fc.record({
  type: fc.constantFrom('heading', 'paragraph', 'quote', 'list', 'code'),
  text: hostileString,
  level: fc.option(fc.integer({ min: -3, max: 9 }), { nil: undefined }),
  items: fc.option(fc.array(hostileString, { maxLength: 4 }), { nil: undefined }),
}) as fc.Arbitrary<Block>;

describe('makeArticle', () => {
  it('never lets a control character, escape sequence or bidi override into any field', () => {
    fc.assert(
      fc.property(
        fc.record({
          source: hostileString,
          url: fc.option(fc.oneof(hostileString, fc.webUrl()), { nil: undefined }),
          title: fc.option(hostileString, { nil: undefined }),
          byline: fc.option(hostileString, { nil: undefined }),
          siteName: fc.option(hostileString, { nil: undefined }),
          published: fc.option(hostileString, { nil: undefined }),
          section: fc.option(hostileString, { nil: undefined }),
          tags: fc.array(hostileString, { maxLength: 4 }),
          credits: fc.array(hostileString, { maxLength: 3 }),
          lang: fc.option(hostileString, { nil: undefined }),
          blocks: fc.array(blockArb, { maxLength: 6 }),
          links: fc.array(fc.record({ text: hostileString, url: fc.oneof(hostileString, fc.webUrl()) }), { maxLength: 3 }),
        }),
        (draft) => {
          const article = makeArticle(draft);
          for (const value of strings(article)) {
            expect(value).not.toMatch(UNSAFE);
            expect(value.isWellFormed()).toBe(true);
          }
          for (const link of article.links) expect(link.url).toMatch(/^https?:\/\//);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('removes a whole escape sequence, not just its ESC byte', () => {
    const article = makeArticle({
      source: 'x',
      title: 'Title\x1b]0;pwned\x07 here',
      blocks: [{ type: 'paragraph', text: 'red \x1b[31mtext\x1b[0m and \x9b2J clear' }],
    });
    expect(article.title).toBe('Title here');
    expect(article.text).toBe('red text and clear');
  });

  it('derives text, word count and reading time from the blocks', () => {
    const words = Array.from({ length: 460 }, (_, i) => `w${i}`).join(' ');
    const article = makeArticle({
      source: 'a.txt',
      title: 'T',
      blocks: [
        { type: 'heading', text: 'Head', level: 2 },
        { type: 'paragraph', text: words },
        { type: 'list', text: '', items: ['one', 'two'] },
      ],
    });
    expect(article.text).toBe(`Head\n\n${words}\n\none\ntwo`);
    expect(article.wordCount).toBe(463);
    expect(article.readingMinutes).toBe(2);
    const offsets = blockOffsets(article.blocks);
    article.blocks.forEach((block, i) => expect(article.text.slice(offsets[i], offsets[i]! + block.text.length)).toBe(block.text));
  });

  it('gives the same id for the same content, and a different one when the text changes', () => {
    const draft = { source: 'a.txt', title: 'Same', blocks: [{ type: 'paragraph' as const, text: 'Body.' }] };
    expect(makeArticle(draft).id).toBe(makeArticle({ ...draft }).id);
    expect(makeArticle(draft).id).toBe(articleId(undefined, 'Same', 'Body.'));
    // A fixed value: ids must not change between versions or machines.
    expect(articleId(undefined, 'Same', 'Body.')).toBe('ce857522787f6393');
    expect(makeArticle({ ...draft, blocks: [{ type: 'paragraph', text: 'Other.' }] }).id).not.toBe(makeArticle(draft).id);
  });

  it('has its id however it is first read (made on first read): as a field, in JSON, a structured clone or a copy, first of its fields', () => {
    const draft = { source: 'a.txt', url: 'https://example.com/a', title: 'Same', blocks: [{ type: 'paragraph' as const, text: 'Body “quoted”.' }] };
    const id = articleId('https://example.com/a', 'Same', 'Body “quoted”.');
    expect(makeArticle(draft).id).toBe(id);
    expect(JSON.parse(JSON.stringify(makeArticle(draft))).id).toBe(id);
    expect(structuredClone(makeArticle(draft)).id).toBe(id);
    expect({ ...makeArticle(draft) }.id).toBe(id);
    expect(Object.keys(makeArticle(draft))[0]).toBe('id');
    expect(JSON.stringify(makeArticle(draft)).startsWith(`{"id":"${id}",`)).toBe(true);
    // Set before it is read, it is what was set.
    const renamed = makeArticle(draft);
    renamed.id = 'chosen';
    expect(renamed.id).toBe('chosen');
    expect(JSON.parse(JSON.stringify(renamed)).id).toBe('chosen');
    // A long text (hashed in slices) too.
    const long = makeArticle({ ...draft, blocks: [{ type: 'paragraph', text: 'word ’s '.repeat(20_000).trim() }] });
    expect(structuredClone(long).id).toBe(articleId(long.url, long.title, long.text));
  });

  it('keeps only http(s) links and normalises dates to ISO 8601', () => {
    const article = makeArticle({
      source: 's',
      title: 't',
      url: 'javascript:alert(1)',
      published: 'Tue, 02 Apr 2024 10:00:00 GMT',
      blocks: [{ type: 'paragraph', text: 'x' }],
      links: [
        { text: 'ok', url: 'https://example.com/a' },
        { text: 'bad', url: 'file:///etc/passwd' },
      ],
    });
    expect(article.url).toBeUndefined();
    expect(article.published).toBe('2024-04-02T10:00:00Z');
    expect(article.links).toEqual([{ text: 'ok', url: 'https://example.com/a' }]);
  });
});
