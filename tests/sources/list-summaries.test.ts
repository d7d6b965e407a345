import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summaryOf, type ArticleSummary } from '../../src/article.js';
import { listRow } from '../../src/export/list-rows.js';
import { parseMarkdown, summarizeMarkdown } from '../../src/parse/markdown.js';
import { parsePlainText, summarizePlainText } from '../../src/parse/text.js';
import { loadSources, loadSummaries } from '../../src/sources/load.js';

// `inkwire list` reads text and Markdown files for what a row shows, without building their
// articles; its ids must be the full parse's, since bookmarks and reading positions are keyed
// by them, and so must every other field of the row.

const root = mkdtempSync(join(tmpdir(), 'inkwire-summaries-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const word = fc.constantFrom('Council', 'votes', 'bridge', 'Zürich', '東京の橋', '😀', 'e\u0301', '"quote,"', '*bold*', '[link](https://a.b/c)', '&amp;', '<b>x</b>', 'www.x.io', '(Reuters)', 'Home', 'By', 'Dana', 'Whitfield', 'share', 'on', 'WhatsApp', 'a,', 'b', 'end.');
const line = fc.array(word, { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
const space = fc.constantFrom('\n\n', '\n\n', '\n', '\r\n\r\n', '\n \n', '\n\n\n', '  \n\n', '\u2028', '\t\n\n');
const frontMatter = fc.constantFrom(
  '',
  '---\ntitle: "Bridge: Reopened"\ndate: 2026-03-14\nsite: City Desk\nurl: https://example.com/bridge\n---\n',
  '---\ntitle: Plain\nauthor: Jane Roe\ntags: [a, b]\n---\n\n',
  '---\ntitle: [broken\n---\n',
  '---\ndate: 2026-01-01T00:04:00.000Z\nlink: javascript:alert(1)\n---\n',
);
const heading = fc.constantFrom('', '# Title Line\n\n', '## Second\n\n', '# \n\n', 'Home News Council votes...\n\n');
const body = fc.array(fc.tuple(line, space), { maxLength: 8 }).map((parts) => parts.map(([l, s]) => l + s).join(''));
const document = fc.tuple(frontMatter, heading, body).map(([f, h, b]) => f + h + b);
// Odd bytes: a byte-order mark, UTF-16, Windows-1252, escape sequences, a NUL, a huge line, nothing.
const encoding = fc.constantFrom('utf8', 'utf8', 'utf8', 'bom', 'utf16le', 'latin1', 'escapes', 'nul', 'huge', 'empty', 'blank');

function bytesOf(text: string, how: string): Buffer {
  switch (how) {
    case 'bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'latin1':
      return Buffer.from(`${text} caf\u00e9 \u0093quoted\u0094`, 'latin1');
    case 'escapes':
      return Buffer.from(`\x1b]0;title\x07${text}\x1b[31m red\x1b[0m \u200e`);
    case 'nul':
      return Buffer.from(`${text}\0`);
    case 'huge':
      return Buffer.from(`${text}\n\n${'word '.repeat(40_000)}end.`);
    case 'empty':
      return Buffer.alloc(0);
    case 'blank':
      return Buffer.from(' \n\n\t\n');
    default:
      return Buffer.from(text);
  }
}

const rowsOf = (items: readonly ArticleSummary[]) => items.map(listRow);

describe('list summaries', () => {
  it('are the full parse of the same text, id first, for plain text and Markdown', () => {
    fc.assert(
      fc.property(document, fc.constantFrom('notes/a.txt', 'x/bridge-reopens.md', 'story'), (text, source) => {
        expect(summarizePlainText(text, source)).toEqual(summaryOf(parsePlainText(text, source)));
        expect(summarizeMarkdown(text, source)).toEqual(summaryOf(parseMarkdown(text, source)));
      }),
      { numRuns: 3000 },
    );
  });

  it('of a folder of odd files give the rows, failures and warnings of the full parse', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(document, encoding, fc.constantFrom('.txt', '.md', '.markdown', '.text')), { minLength: 1, maxLength: 8 }), async (files) => {
        const dir = join(root, `run-${run++}`);
        mkdirSync(dir);
        files.forEach(([text, how, ext], i) => writeFileSync(join(dir, `file-${i}${ext}`), bytesOf(text, how)));
        const full = await loadSources([dir]);
        const summaries: ArticleSummary[] = [];
        const listed = await loadSummaries([dir], { onSource: (outcome) => void ('articles' in outcome && summaries.push(...outcome.articles)), inOrder: true });
        expect(rowsOf(summaries)).toEqual(full.articles.map(listRow));
        expect(listed.failures).toEqual(full.failures);
        expect(listed.warnings).toEqual(full.warnings);
        expect(listed.articleCount).toBe(full.articleCount);
      }),
      { numRuns: 60 },
    );
  });

  it('list a folder as the articles it holds: the id of each row is the one the reader keys bookmarks by', async () => {
    const dir = join(root, 'named');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), 'Bridge Reopens\n\nThe council met on Monday and voted to rebuild the bridge.\n');
    writeFileSync(join(dir, 'b.md'), '---\ntitle: Harbour Plans\nsite: City Desk\ndate: 2026-03-14\n---\n\nThe harbour will be dredged in spring, officials said.\n');
    const summaries: ArticleSummary[] = [];
    await loadSummaries([dir], { onSource: (outcome) => void ('articles' in outcome && summaries.push(...outcome.articles)), inOrder: true });
    const { articles } = await loadSources([dir]);
    expect(summaries.map((s) => [s.title, s.id])).toEqual(articles.map((a) => [a.title, a.id]));
    expect(rowsOf(summaries)[1]).toMatchObject({ title: 'Harbour Plans', site: 'City Desk', published: '2026-03-14' });
  });
});
