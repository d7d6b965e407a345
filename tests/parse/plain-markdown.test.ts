import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Link } from '../../src/article.js';
import { markedBlocks, parseMarkdown } from '../../src/parse/markdown.js';
import { plainMarkdownBlocks } from '../../src/parse/plain-markdown.js';

// Pieces Markdown bodies are made of, the awkward ones included: every character that can
// open inline or block markup, entities, autolinks, Unicode spaces at line ends, CJK, emoji,
// a byte-order mark, lone surrogates, and line structure (empty lines, lines of spaces,
// indentation, hard breaks, setext underlines).
const piece = fc.constantFrom(
  'word', 'Story', 'said', 'the', 'Ünïcödé', '漢字かな', '😀', 'e\u0301', '\ud800', '\ufeff', '1999', '3.5', '12)', '1.', '2026-03-14',
  ' ', '  ', '\u00a0', '\u2003', '\u3000', '\t', '\n', '\n', '\n\n', '\n\n', '\n\n\n', '\n   \n', '\r\n', '\u2028',
  '#', '# ', '## ', '###### ', '####### ', ' #', '#x', '=', '===', '-', '- ', '---', '+ ', '* ', '_', '__', '***', '>', '> ', '1. ', '1) ',
  '    ', '```', '~~~', '~', '`', '<', '<b>', '</p>', '&', '&amp;', '&quot;', '&#39;', '&copy;', '"', "'", '“', '”', '!', '![', '[', ']', '(', ')',
  '[a]: x', '|', '| a |', '\\', '*', '@', 'a@b.co', 'http://x.io', 'https://a.b/c', 'www.example.com', 'WWW.X.Y', 'mailto:', ':', '.', ',', '?', ';', '%', '$', '^', '{', '}',
);
const body = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));
// Documents shaped like real notes, so that the fast path is taken often enough to be tested.
const word = fc.constantFrom('Council', 'votes', 'on', 'the', 'bridge', '"quote,"', "it's", 'Zürich', '東京', '—', '(aside)', '3.5%', 'end.', 'a:b', 'x!', '😀', 'no\u00a0break', 'em\u2003space', 'e\u0301', '#7', '-3', '1.5');
const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const paragraph = fc.array(line, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'));
const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([level, text]) => `${'#'.repeat(level)} ${text}`);
const note = fc
  .tuple(fc.constantFrom('', '\n', '\n\n'), fc.array(fc.oneof(paragraph, paragraph, heading), { minLength: 1, maxLength: 6 }), fc.constantFrom('', '\n', '\n\n'))
  .map(([lead, blocks, tail]) => `${lead}${blocks.join('\n\n')}${tail}`);

function viaMarked(text: string): { blocks: ReturnType<typeof markedBlocks>; links: Link[] } {
  const links: Link[] = [];
  return { blocks: markedBlocks(text, links), links };
}

describe('plain Markdown blocks', () => {
  it("are marked's blocks wherever the fast path reads a body, and it reads none it cannot", () => {
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(body, note, note), (text) => {
        const fast = plainMarkdownBlocks(text);
        if (fast === null) return;
        read++;
        expect(fast).toEqual(viaMarked(text).blocks);
        expect(viaMarked(text).links).toEqual([]);
      }),
      { numRuns: 6000 },
    );
    // Most note-shaped bodies are taken by the fast path: the comparison above is not empty.
    expect(read).toBeGreaterThan(2000);
  });

  it('read a note with front matter, a title heading and wrapped paragraphs as the full parse does', () => {
    const text = '---\ntitle: "Bridge: Reopened"\ndate: 2026-03-14\nsite: City Desk\n---\n\n# Bridge: Reopened\n\nThe bridge reopened on\nMonday, "at last," said Ana.\n\n## What next\n\nTraffic returns (slowly).\n';
    const body = text.slice(text.indexOf('---\n\n') + 4);
    expect(plainMarkdownBlocks(body)).not.toBeNull();
    const article = parseMarkdown(text, 'notes/bridge.md');
    expect(article.title).toBe('Bridge: Reopened');
    expect(article.blocks).toEqual([
      { type: 'paragraph', text: 'The bridge reopened on Monday, "at last," said Ana.' },
      { type: 'heading', text: 'What next', level: 2 },
      { type: 'paragraph', text: 'Traffic returns (slowly).' },
    ]);
  });

  it('leave anything with markup to marked', () => {
    for (const text of ['A *bold* move.', 'See [x](https://a.b).', '- one\n- two', 'Title\n=====', '    code', 'a  \nb', 'Tom &amp; Jerry', 'www.example.com', '# Closed #', '# Title\nBody']) {
      expect(plainMarkdownBlocks(text)).toBeNull();
    }
  });
});
