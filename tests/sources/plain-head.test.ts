import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBytes } from '../../src/sources/load.js';
import { HEAD_FIRST_BYTES, readPlainTextHead } from '../../src/sources/plain-head.js';

// A big text file's first frame comes from its first paragraphs, read without holding the
// file: its header must be the whole article's, reading time included.

const dir = mkdtempSync(join(tmpdir(), 'inkwire-plain-head-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Paragraphs enough for a file past HEAD_FIRST_BYTES, with accents, curly quotes and emoji across the 64 KiB reads. */
function bigText(extra: (i: number) => string | null = () => null): string {
  const parts = ['Home World Harbour bridge to reopen...', 'Harbour bridge to reopen', 'harbour, bridge, council', 'By Dana Whitfield'];
  for (let i = 0, size = 0; size < HEAD_FIRST_BYTES + 200_000; i++) {
    const paragraph = extra(i) ?? `Paragraph ${i}: the café in Zürich said “we will finish by spring” and the 👩‍🔧 crew agreed${' and more'.repeat(i % 37)}.`;
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  parts.push('Advertisement', 'The last paragraph.', '(Reuters)');
  return `${parts.join('\n\n')}\n`;
}

function write(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function wholeArticle(path: string, text: string) {
  const [article] = await parseBytes(Buffer.from(text), { source: path, path }, []);
  return article!;
}

describe('readPlainTextHead', () => {
  it('gives the first paragraphs with the whole article’s header and reading time', async () => {
    const text = bigText((i) => (i % 5000 === 17 ? 'Also Read: the ferry timetable' : null));
    const path = write('big.txt', text);
    const head = readPlainTextHead(path, 64 * 1024 * 1024)!;
    const whole = await wholeArticle(path, text);
    expect(head).not.toBeNull();
    expect(head.text.length).toBeLessThan(whole.text.length / 10);
    expect(whole.text.startsWith(head.text.slice(0, 100_000))).toBe(true);
    expect({ title: head.title, section: head.section, tags: head.tags, byline: head.byline, words: head.wordCount, minutes: head.readingMinutes }).toEqual({
      title: whole.title,
      section: whole.section,
      tags: whole.tags,
      byline: whole.byline,
      words: whole.wordCount,
      minutes: whole.readingMinutes,
    });
  });

  it('leaves to the usual path what only the whole text can tell, or what is not clean UTF-8 text', () => {
    const late = (odd: string) => bigText((i) => (i === 12_000 ? `Paragraph with ${odd} in it.` : null));
    const cases: Record<string, string | Buffer> = {
      'small.txt': 'Title\n\nA short article.',
      'line-break.txt': late('a line\nbreak'),
      'tab.txt': late('a\ttab'),
      'double-space.txt': late('two  spaces'),
      'escape.txt': late('an \x1b]0;title\x07 escape'),
      'cjk.txt': late('日本語'),
      'crlf.txt': bigText().replace(/\n/g, '\r\n'),
      'latin1.txt': Buffer.concat([Buffer.from(bigText()), Buffer.from([0x63, 0x61, 0x66, 0xe9])]),
      'big.md': bigText(),
    };
    for (const [name, text] of Object.entries(cases)) {
      expect(readPlainTextHead(write(name, text), 64 * 1024 * 1024), name).toBeNull();
    }
    // Over --max-bytes: the usual path says so.
    expect(readPlainTextHead(write('limit.txt', bigText()), HEAD_FIRST_BYTES)).toBeNull();
  });
});
