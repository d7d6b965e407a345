import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BACKGROUND_QUERY } from '../../src/io/screen.js';
import { PAYLOADS } from '../hostile/payloads.js';
import { CLI, KEYS, requireBuild, restored, startSession, type Session } from './pty.js';

// A file full of escape sequences, piped into the interface in a real terminal: the screen
// shows plain text, nothing the payloads ask of the terminal happens, and the terminal is
// left as it was.

// Sequences inkwire never writes itself, so any of them in the output came from a payload.
const FORBIDDEN: [string, RegExp][] = [
  ['OSC', /\x1b\]/],
  ['DCS', /\x1bP/],
  ['APC', /\x1b_/],
  ['PM', /\x1b\^/],
  ['SOS', /\x1bX/],
  ['full reset', /\x1bc/],
  ['save cursor', /\x1b7/],
  ['reverse index', /\x1bM/],
  ['screen alignment', /\x1b#8/],
  ['charset designation', /\x1b\(0/],
  ['keypad mode', /\x1b=/],
  ['device status report', /\x1b\[6n/],
  ['device attributes', /\x1b\[c/],
  ['window report', /\x1b\[21t/],
  ['scroll region', /\x1b\[10;20r/],
  ['scroll up', /\x1b\[5S/],
  ['clear scrollback', /\x1b\[3J/],
  ['C0 controls', /[\x00\x05\x07\x08\x0b\x0c\x18\x1a\x7f]/],
  ['C1 controls', /[\x80-\x9f]/],
  ['bidi controls', /[\u202a-\u202e\u2066-\u2069]/],
  ['payload text inside strings', /pwned|cm0gLXJmIH4|evil\.example|rgb:ff\/00\/00|ZXZpbA/],
];

let file: string;
const sessions: Session[] = [];

beforeAll(() => {
  requireBuild();
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-hostile-tty-'));
  file = join(dir, 'hostile.txt');
  const paragraphs = PAYLOADS.map((p, i) => `Paragraph ${i} before${p.raw}after, “a quote${p.raw} here,” said Speaker${p.raw} Name.`);
  writeFileSync(file, [`Hostile Title${PAYLOADS[12]!.raw} Here`, ...paragraphs].join('\n\n'));
});

afterEach(() => {
  while (sessions.length) sessions.pop()!.dispose();
});

describe('escape sequences piped into the interface', () => {
  it('shows plain text, triggers nothing and restores the terminal', async () => {
    const s = startSession('sh', ['-c', `cat '${file}' | node ${CLI}`], { columns: 100, rows: 30 });
    sessions.push(s);
    const titles: string[] = [];
    s.term.onTitleChange((title) => titles.push(title));
    await s.waitFor('Hostile Title Here');
    await s.waitFor('Paragraph 0 beforeafter');
    // Walk the whole article and its quotes, so every payload is drawn at least once.
    await s.press('G');
    await s.waitFor(/100% ·/);
    await s.press(KEYS.tab);
    await s.waitFor(/Quotes · \d+ of \d+/);
    for (let i = 0; i < 8; i++) await s.press('j');
    await s.press(KEYS.tab, 'g', 'q');
    expect((await s.exit).exitCode).toBe(0);

    // inkwire's own question to the terminal (its background colour, for the theme) is the one
    // OSC it writes here; whatever else there is came from the payloads.
    const raw = s.output().replaceAll(BACKGROUND_QUERY, '');
    for (const [name, pattern] of FORBIDDEN) {
      const match = pattern.exec(raw);
      expect(match ? `${name} at ${match.index}: ${JSON.stringify(raw.slice(Math.max(0, match.index - 30), match.index + 30))}` : null).toBeNull();
    }
    // inkwire clears the alternate screen once, on entering it; a payload would clear it again.
    expect(raw.split('\x1b[2J').length - 1).toBe(1);
    expect(titles).toEqual([]);
    expect(restored(s)).toBe(true);
  }, 60_000);
});
