import { deepStrictEqual as deepEqual, strictEqual as equal } from 'node:assert';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import { makeArticle, type Article, type Block } from '../../src/article.js';
import { formatMarkdownArticle } from '../../src/export/markdown.js';

// `export -f md` must render as the article's own text: whatever Markdown an article's
// title, headings, paragraphs, list items, quotes, code and links hold, a renderer (marked,
// with GFM) shows them as written, and shows no link, image, HTML or emphasis the article
// did not have. Shared by the test suite and `npm run fuzz` (node:assert, not vitest).

const MARKUP = [
  '*', '**', '_', '__', '`', '``', '```', '~', '~~', '~~~~', '[', ']', '(', ')', '![img](https://evil.example/x.png)', '[a link](https://evil.example/)',
  '<b>', '</div>', '<img src=x onerror=alert(1)>', '<!--', '-->', '<https://evil.example/>', '&amp;', '&#65;', '&lt;script&gt;', '&copy;',
  '#', '##', '# ', '> ', '- ', '+ ', '* ', '1. ', '2) ', '---', '***', '___', '===', '|', '\\', '\\*', ':', '[x]: https://evil.example/', '[^1]',
  'https://evil.example/path', 'www.example.com', 'someone@example.com', '[ ] ', '{#id}', '$x$', '^', '\\\n',
];
const WORDS = ['Harbour', 'council', 'voted', '“quote”', 'café', '日本語', '42', 'C#', 'F#', 'a_b', 'x*y'];
const piece = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...MARKUP) }, { weight: 2, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const line = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '')).map(([parts, glue]) => parts.join(glue));
const codeLine = fc.oneof(line, fc.constantFrom('```', '````', '~~~~', '~~~', '    indented', '```js', '</code></pre>'));

const block: fc.Arbitrary<Block> = fc.oneof(
  line.map((text) => ({ type: 'paragraph' as const, text })),
  fc.tuple(line, fc.integer({ min: 1, max: 6 })).map(([text, level]) => ({ type: 'heading' as const, text, level })),
  line.map((text) => ({ type: 'quote' as const, text })),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((items) => ({ type: 'list' as const, text: items.join('\n'), items })),
  fc.array(codeLine, { minLength: 1, maxLength: 5 }).map((lines) => ({ type: 'code' as const, text: lines.join('\n') })),
);
// Not `&amp;` or `&#41;` in addresses: the export writes them as CommonMark says (`\\&amp;`,
// read as the characters themselves), but marked turns a reference in an address into its
// character anyway. tests/hostile/markdown.test.ts checks what is written.
const urlPiece = fc.constantFrom(')', '(', ' ', '<', '>', '\\', '"', "'", '&', '*', '_', '[', ']', '![x](y)', 'a', '%29', '?q=1', '#frag', '`');
const link = fc.tuple(line, fc.array(urlPiece, { maxLength: 8 })).map(([text, parts]) => ({ text, url: `https://example.com/${parts.join('')}` }));

/** Articles whose every field is full of Markdown syntax. */
export const hostileArticle = fc
  .record({ title: line, blocks: fc.array(block, { minLength: 1, maxLength: 6 }), links: fc.array(link, { maxLength: 3 }) })
  .map((draft) => makeArticle({ source: 'hostile.md', ...draft }));

/** What the tests read of a linkedom element (the project's TypeScript has no DOM library). */
interface Element {
  tagName: string;
  outerHTML: string;
  textContent: string | null;
  children: ArrayLike<Element>;
  querySelector(selector: string): Element | null;
  getAttribute(name: string): string | null;
}

/** The rendered document's top-level elements, after front matter (read by YAML tools, not by marked). */
function rendered(markdown: string): Element[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const html = marked.parse(body, { async: false });
  return Array.from(parseHTML(`<html><body>${html}</body></html>`).document.body.children as unknown as ArrayLike<Element>);
}

/** Throws on any element inside that the article did not ask for: emphasis, links, images, HTML, breaks. */
function expectOnlyText(element: Element): string {
  const injected = element.querySelector('*');
  if (injected) throw new Error(`injected <${injected.tagName.toLowerCase()}> in ${JSON.stringify(element.outerHTML.slice(0, 200))}`);
  return element.textContent ?? '';
}

/** Throws unless the article's Markdown renders as the article: its text, its structure, its links and nothing more. */
export function expectRendersAsItself(a: Article): void {
  const elements = rendered(formatMarkdownArticle(a));
  const next = (tag: string): Element => {
    const element = elements.shift();
    equal(element?.tagName.toLowerCase(), tag, `expected <${tag}>, got ${element?.outerHTML.slice(0, 200)}`);
    return element!;
  };
  equal(expectOnlyText(next('h1')), a.title);
  for (const b of a.blocks) {
    switch (b.type) {
      case 'heading':
        equal(expectOnlyText(next(`h${Math.min(6, (b.level ?? 2) + (b.level === 1 ? 1 : 0))}`)), b.text);
        break;
      case 'quote': {
        const quote = next('blockquote');
        deepEqual(Array.from(quote.children).map((c) => c.tagName.toLowerCase()), ['p']);
        equal(expectOnlyText(quote.children[0]!), b.text);
        break;
      }
      case 'list': {
        const items = Array.from(next('ul').children);
        deepEqual(items.map((li) => expectOnlyText(li)), b.items);
        break;
      }
      case 'code': {
        const pre = next('pre');
        deepEqual(Array.from(pre.children).map((c) => c.tagName.toLowerCase()), ['code']);
        equal(expectOnlyText(pre.children[0]!), `${b.text}\n`);
        break;
      }
      default:
        equal(expectOnlyText(next('p')), b.text);
    }
  }
  if (a.links.length > 0) {
    equal(expectOnlyText(next('h2')), 'Links');
    const shown = Array.from(next('ol').children).map((li) => {
      deepEqual(Array.from(li.children).map((c) => c.tagName.toLowerCase()), ['a']);
      const anchor = li.children[0]!;
      return { text: expectOnlyText(anchor), url: anchor.getAttribute('href') };
    });
    // marked writes the address through encodeURI, as browsers would read it anyway.
    deepEqual(shown, a.links.map((l) => ({ text: l.text, url: encodeURI(l.url).replace(/%25/g, '%') })));
  }
  deepEqual(elements.map((e) => e.outerHTML), []);
}

