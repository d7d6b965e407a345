import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, KEYS, requireBuild, restored, startSession, type Session } from './pty.js';

const FOLDER = 'tests/fixtures/ui';
const LONG = 'tests/fixtures/ui/saltmarsh-ferry.md';

// Disposed newest first: a session that shares another's home must go before its owner.
const sessions: Session[] = [];
beforeAll(requireBuild);
afterEach(() => {
  for (const s of sessions.splice(0).reverse()) s.dispose();
});

function track(s: Session): Session {
  sessions.push(s);
  return s;
}

function run(args: string[], size?: { columns: number; rows: number }) {
  return track(startSession('node', [CLI, ...args], size));
}

/** No row of the screen is wider than the terminal, and the status bar is on the last row. */
function expectTidy(s: Session, columns: number) {
  const rows = s.screen().split('\n');
  for (const row of rows) expect(row.length).toBeLessThanOrEqual(columns);
  expect(rows.at(-1)).toMatch(/ · /);
  expect(rows.slice(0, -1).some((row) => / · (Tab quotes|H help)/.test(row))).toBe(false);
}

describe('inkwire in a terminal', () => {
  it('opens a folder, filters, reads, walks the quotes, bookmarks and quits cleanly', async () => {
    const s = run([FOLDER]);
    await s.waitFor('inkwire · 3 articles');
    expect(s.screen()).toContain('The Long Winter of the Saltmarsh Ferry');

    await s.press('/', 's', 'a', 'l', 't');
    await s.waitFor('Filter: salt');
    await s.waitFor('1 of 3');
    await s.waitUntil(() => !s.screen().includes('Tram Depot'), 'the filter to hide the other articles');
    await s.press(KEYS.enter, KEYS.enter);
    await s.waitFor('Iris Calloway · Estuary Gazette');
    await s.waitFor('0% ·');

    await s.press(' ');
    await s.waitFor(/\b[1-9]\d?% ·/);
    await s.press('G');
    await s.waitFor('100% ·');
    expect(s.screen()).toContain('whatever the weather');
    await s.press('g');
    await s.waitFor('0% ·');

    await s.press(KEYS.tab);
    await s.waitFor('Quotes · 1 of');
    expect(s.screen()).toContain('Marta Llewellyn');
    await s.press('G');
    await s.waitFor(/Quotes · (\d+) of \1/);
    await s.press(KEYS.enter);
    await s.waitFor('Tab quotes');
    // The jump scrolled the text to the last quote.
    await s.waitFor('It is a bus that floats');
    expectTidy(s, 120);

    await s.press('s');
    await s.waitFor('Bookmarked');
    await s.press('q');
    await s.waitFor('★ The Long Winter');
    await s.press('q');
    const { exitCode } = await s.exit;
    expect(exitCode).toBe(0);
    expect(restored(s)).toBe(true);
  });

  it('searches in an article and moves between matches', async () => {
    const s = run([LONG], { columns: 80, rows: 24 });
    await s.waitFor('The Long Winter of the Saltmarsh Ferry');
    await s.press('/', 'f', 'e', 'r', 'r', 'y');
    await s.waitFor(/Search: ferry▏\s+1\/\d+/);
    await s.press(KEYS.enter, 'n', 'n');
    await s.waitFor(/“ferry” 3\/\d+/);
    await s.press('N');
    await s.waitFor(/“ferry” 2\/\d+/);
    expectTidy(s, 80);
    await s.press('q');
    expect((await s.exit).exitCode).toBe(0);
  });

  it('re-wraps on resize and keeps the paragraph that was at the top', async () => {
    const s = run([LONG], { columns: 120, rows: 40 });
    await s.waitFor('0% ·');
    await s.press(KEYS.pgdown);
    await s.waitFor(/\b[1-9]\d?% ·/);
    const topWords = s.screen().split('\n')[0]!.trim().split(/\s+/).slice(0, 3).join(' ');
    s.resize(80, 24);
    await s.waitUntil(() => s.screen().split('\n')[23]!.includes('% ·'), 'the 80×24 frame');
    expect(s.screen().replace(/\s+/g, ' ')).toContain(topWords);
    expectTidy(s, 80);
    s.resize(30, 8);
    await s.waitFor('need 40×10');
    s.resize(120, 40);
    await s.waitUntil(() => s.screen().split('\n')[39]!.includes('% ·'), 'the 120×40 frame');
    expect(s.screen().replace(/\s+/g, ' ')).toContain(topWords);
    await s.press('q');
    expect((await s.exit).exitCode).toBe(0);
  });

  it('fills the terminal, the status bar on its last row, and leaves the shell’s scrollback alone', async () => {
    // A hundred lines of shell history above the reader, as a terminal person has.
    const s = track(startSession('sh', ['-c', `seq 1 100; node ${CLI} ${LONG}`], { columns: 80, rows: 24 }));
    await s.waitFor('0% ·');
    const rows = () => s.screen().split('\n');
    expect(rows()[23]).toMatch(/0% · Tab quotes/);
    expect(rows()[0]).toContain('The Long Winter of the Saltmarsh Ferry');
    // Every kind of update: a line, a page, the end, a search, the help and back.
    for (const key of ['j', KEYS.pgdown, 'G', 'g', 'H']) await s.press(key);
    await s.waitFor('Keys: Reader');
    expect(rows()[23]).toContain('Help');
    await s.press(KEYS.esc);
    await s.waitUntil(() => /0% · Tab quotes/.test(rows()[23]!), 'the status bar on the last row again');
    expect(rows()[0]).toContain('The Long Winter of the Saltmarsh Ferry');
    expect(rows().slice(0, 23).join('\n')).not.toMatch(/Tab quotes/);
    await s.press('q');
    expect((await s.exit).exitCode).toBe(0);
    // Ink 6 erased the scrollback (ESC[3J) with every frame as tall as the terminal.
    expect(s.output()).not.toContain('\x1b[3J');
    const normal = s.term.buffer.normal;
    const history = Array.from({ length: normal.length }, (_, i) => normal.getLine(i)?.translateToString(true) ?? '');
    expect(history).toContain('1');
    expect(history).toContain('100');
  });

  it('reads an article piped on stdin and takes keys from the terminal', async () => {
    const s = track(startSession('sh', ['-c', `cat ${LONG} | node ${CLI}`], { columns: 100, rows: 30 }));
    await s.waitFor('The Long Winter of the Saltmarsh Ferry');
    await s.press('j', 'j', KEYS.pgdown);
    await s.waitFor(/\b[1-9]\d?% ·/);
    await s.press(KEYS.tab);
    // The sidebar starts at the first quote on screen.
    await s.waitFor(/Quotes · \d+ of \d+/);
    // Esc and q sent together would read as Alt+q: wait for the Esc to land first.
    await s.press(KEYS.esc);
    await s.waitFor('Tab quotes');
    await s.press('q');
    const { exitCode } = await s.exit;
    expect(exitCode).toBe(0);
    expect(restored(s)).toBe(true);
  });

  it('opens an article where the last session left it', async () => {
    const first = run([LONG], { columns: 80, rows: 24 });
    await first.waitFor('0% ·');
    // One key, so the screen read next is the final one, not one between keys.
    await first.press(KEYS.pgdown);
    await first.waitFor(/\b[1-9]\d?% ·/);
    const percent = /\b(\d+)% ·/.exec(first.screen())![1];
    const top = first.screen().split('\n')[0];
    await first.press('q');
    expect((await first.exit).exitCode).toBe(0);
    // Same INKWIRE_HOME, a new process.
    const second = track(startSession('node', [CLI, LONG], { columns: 80, rows: 24, home: first.home }));
    await second.waitFor(`${percent}% ·`);
    expect(second.screen().split('\n')[0]).toBe(top);
    await second.press('q');
    expect((await second.exit).exitCode).toBe(0);
  });

  it('opens on the bookmarks with nothing to read, and reads their saved copies', async () => {
    const first = run([FOLDER]);
    await first.waitFor('inkwire · 3 articles');
    // The cursor stays on the first article to arrive, whichever parser finished first: the
    // top row (Harbour Lights, the first file) is chosen before it is bookmarked.
    await first.press('g');
    await first.press('s');
    await first.waitFor('Bookmarked');
    await first.press('q');
    expect((await first.exit).exitCode).toBe(0);
    const second = track(startSession('node', [CLI], { home: first.home }));
    await second.waitFor('Bookmarks · 1');
    await second.press(KEYS.enter);
    await second.waitFor('The old mains cables will be removed');
    await second.press('q');
    await second.waitFor('Bookmarks · 1');
    await second.press('q');
    expect((await second.exit).exitCode).toBe(0);
  });

  it('shows a welcome screen with usage on a first run with nothing to read', async () => {
    const s = run([]);
    await s.waitFor('Open something to read:');
    expect(s.screen()).toContain('inkwire ~/news/');
    await s.press('q');
    expect((await s.exit).exitCode).toBe(0);
    expect(restored(s)).toBe(true);
  });

  it('restores the terminal when it is killed', async () => {
    const s = run([LONG]);
    await s.waitFor('0% ·');
    s.pty.kill('SIGTERM');
    const { exitCode, signal } = await s.exit;
    expect(exitCode === 143 || signal === 15).toBe(true);
    expect(restored(s)).toBe(true);
  });
});
