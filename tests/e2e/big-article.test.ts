import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parsePlainText } from '../../src/parse/text.js';
import { runCliAsync } from '../helpers/cli.js';
import { CLI, requireBuild, startSession, type Session } from './pty.js';

// A long article (tens of megabytes, within --max-bytes) opens on its first screen and
// scrolls to its very end with G: the first frame wraps only what it shows, and the whole
// text is laid out before any key is answered. Its first frame is painted from its first
// paragraphs before the file is held whole (src/sources/plain-head.ts): the header must still
// be the whole article's, and search and the quote sidebar must reach its end.

const dir = mkdtempSync(join(tmpdir(), 'inkwire-e2e-big-'));
const FILE = join(dir, 'long.txt');
const WORDS = 'the ferry ran late again and the harbour board said the new engine would come by spring'.split(' ');

beforeAll(() => {
  requireBuild();
  const parts = ['An Article Far Too Long To Read In One Sitting'];
  let size = 0;
  for (let i = 0; size < 24 * 1024 * 1024; i++) {
    const words = Array.from({ length: 40 + (i % 50) }, (_, w) => WORDS[(i * 5 + w * 3) % WORDS.length]);
    const paragraph = `Paragraph ${i + 1}: ${words.join(' ')}.`;
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  parts.push('Advertisement', '"We have reached the end," said the harbour master.', 'And this is where the long article finally ends.');
  writeFileSync(FILE, parts.join('\n\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let session: Session | null = null;
afterEach(() => {
  session?.dispose();
  session = null;
});

describe('a long article', () => {
  it('opens on its first screen and G goes to its last line, g back to the top', async () => {
    session = startSession('node', [CLI, FILE], { columns: 100, rows: 30 });
    const s = session;
    await s.waitFor('An Article Far Too Long To Read In One Sitting', 60_000);
    expect(s.screen()).toContain('Paragraph 1: ');
    expect(s.screen()).toMatch(/ 0% · /);
    s.pty.write('G');
    await s.waitFor('And this is where the long article finally ends.', 60_000);
    expect(s.screen()).toMatch(/ 100% · /);
    // The last line of text sits on the last row above the status bar.
    const rows = s.screen().split('\n');
    expect(rows[rows.length - 2]).toContain('And this is where the long article finally ends.');
    await s.press('g');
    await s.waitFor('Paragraph 1: ', 30_000);
    await s.press('q');
    expect((await s.exit).exitCode).toBe(0);
  });

  it('shows the whole article’s reading time on its first frame; search and the quotes reach its end', async () => {
    const whole = parsePlainText(readFileSync(FILE, 'utf8'), FILE);
    session = startSession('node', [CLI, FILE], { columns: 100, rows: 30 });
    const s = session;
    await s.waitFor('An Article Far Too Long To Read In One Sitting', 60_000);
    expect(s.screen()).toContain(`${whole.readingMinutes} min read`);
    s.pty.write('/finally');
    await s.waitFor('Search: finally', 30_000);
    s.pty.write('\r');
    await s.waitFor('And this is where the long article finally ends.', 60_000);
    s.pty.write('\t');
    await s.waitFor('We have reached the end', 120_000);
    expect(s.screen()).toContain('harbour master');
    await s.press('q');
  }, 240_000);

  // The recording thread gets the whole text: a limit on its memory, or a row cut short,
  // would lose the article or its end while small articles still pass.
  it('is kept in the library once read, and inkwire search finds its last words', async () => {
    session = startSession('node', [CLI, FILE], { columns: 100, rows: 30 });
    const s = session;
    await s.waitFor('An Article Far Too Long To Read In One Sitting', 60_000);
    s.pty.write('G');
    await s.waitFor('And this is where the long article finally ends.', 60_000);
    await s.press('q');
    expect((await s.exit).exitCode).toBe(0);
    const found = await runCliAsync(['search', 'finally', '--json'], { env: { INKWIRE_HOME: s.home } });
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout)).toEqual([expect.objectContaining({ title: 'An Article Far Too Long To Read In One Sitting', source: FILE })]);
  }, 120_000);
});
