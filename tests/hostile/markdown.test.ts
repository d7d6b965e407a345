import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/article.js';
import { formatMarkdownArticle } from '../../src/export/markdown.js';
import { expectRendersAsItself } from './markdown-render.js';

// The attacks on `export -f md`, by name; random hostile articles run through the same check
// in tests/hostile/fuzz.test.ts (the "Markdown export" property) and `npm run fuzz`.

describe('Markdown export of hostile articles', () => {
  it.each([
    ['a link address with a parenthesis and an image after it', { title: 'T', blocks: [{ type: 'paragraph' as const, text: 'Body.' }], links: [{ text: 'site', url: 'https://example.com/a)![x](https://evil.example/p.png' }] }],
    ['a code block holding both fences', { title: 'T', blocks: [{ type: 'code' as const, text: 'a\n```\n~~~~\nb' }] }],
    ['Markdown in a title, heading, list and quote', {
      title: '# [click](https://evil.example/) <b>bold</b> *x* ##',
      blocks: [
        { type: 'heading' as const, text: 'C# and F #', level: 2 },
        { type: 'list' as const, text: '1. not a number\n[ ] not a task', items: ['1. not a number', '[ ] not a task'] },
        { type: 'quote' as const, text: '> nested ![img](x.png)' },
        { type: 'paragraph' as const, text: '--- &copy; https://evil.example/ www.evil.example me@evil.example' },
      ],
    }],
  ])('keeps %s as written', (_name, draft) => {
    expectRendersAsItself(makeArticle({ source: 'x.md', ...draft }));
  });

  it('writes a link address so that nothing in it can end it or be read as a reference', () => {
    const md = formatMarkdownArticle(makeArticle({ source: 'x.md', title: 'T', blocks: [{ type: 'paragraph', text: 'Body.' }], links: [
      { text: 'one', url: 'https://example.com/a)b(c ![x](y)' },
      { text: 'two', url: 'https://example.com/?q=a\\b&amp;c=&#41;' },
    ] }));
    expect(md).toContain('1. [one](<https://example.com/a)b(c%20![x](y)>)');
    expect(md).toContain('2. [two](<https://example.com/?q=a\\\\b\\&amp;c=\\&#41;>)');
  });
});
