import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, KEYS, requireBuild, startSession, type Session } from './pty.js';

// The real quote engine on an article the project wrote: an interrupted quote ("“A,” Solberg
// said. “B.”"), a paraphrase, and a long partial quote.
const ARTICLE = 'tests/fixtures/sidebar/harbour-interview.txt';
const LONG_QUOTE = 'will cost more in a winter than the old bridge cost to paint in a decade, and nobody has said who pays for it, or for how long, or what happens when the ferry breaks down in a storm.';

const sessions: Session[] = [];
beforeAll(requireBuild);
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

/** Back to the text (q there would only leave the sidebar), then quit. */
async function quit(s: Session) {
  await s.press(KEYS.esc);
  await s.waitFor('Tab quotes');
  await s.press('q');
  expect((await s.exit).exitCode).toBe(0);
}

function run(size: { columns: number; rows: number }, env?: Record<string, string>) {
  const s = startSession('node', [CLI, ARTICLE], { ...size, ...(env ? { env } : {}) });
  sessions.push(s);
  return s;
}

/** How the screen draws the first character of `text` on the row that holds it, left of column `before`. */
function cellAt(s: Session, text: string, before = Infinity) {
  const buffer = s.term.buffer.active;
  for (let y = 0; y < s.term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y)!;
    const x = line.translateToString(false).indexOf(text);
    if (x < 0 || x >= before) continue;
    const cell = line.getCell(x)!;
    return {
      highlighted: !cell.isBgDefault() || cell.isInverse() !== 0 || !cell.isFgDefault() || cell.isBold() !== 0,
      background: cell.isBgDefault() ? null : cell.getBgColor(),
      foreground: cell.isFgDefault() ? null : cell.getFgColor(),
      italic: cell.isItalic() !== 0,
      dim: cell.isDim() !== 0,
      bold: cell.isBold() !== 0,
      inverse: cell.isInverse() !== 0,
    };
  }
  throw new Error(`“${text}” is not on screen:\n${s.screen()}`);
}

/** The sidebar's side of the screen, its rows joined. */
function sidebarText(s: Session, border: number): string {
  return s
    .screen()
    .split('\n')
    .map((row) => row.slice(border + 1).trim())
    .join(' ')
    .replace(/\s+/g, ' ');
}

describe('the quote sidebar in a terminal', () => {
  it('highlights the words of an interrupted quote and not its attribution, and a paraphrase apart', async () => {
    const s = run({ columns: 120, rows: 40 });
    await s.waitFor(/\d+% ·/);
    await s.press(KEYS.tab);
    await s.waitFor('Quotes · 1 of');
    await s.press('j');
    await s.waitFor('Quotes · 2 of');
    const border = s.screen().split('\n')[0]!.indexOf('│');
    // The current quote, in both its pieces; the attribution between them is plain text.
    expect(cellAt(s, 'We have done', border)).toMatchObject({ background: 3 });
    expect(cellAt(s, 'It will be slower', border)).toMatchObject({ background: 3 });
    expect(cellAt(s, 'Solberg said.', border).highlighted).toBe(false);
    // Another direct quote is yellow; the paraphrase is yellow too, but faint and slanted.
    expect(cellAt(s, 'The harbour has', border)).toMatchObject({ foreground: 3, italic: false, dim: false });
    expect(cellAt(s, 'the ferries would', border)).toMatchObject({ foreground: 3, italic: true, dim: true });
    expect(cellAt(s, 'Solberg said that', border).highlighted).toBe(false);
    expect(border).toBe(79);
    // In the sidebar: the pieces joined with …, the paraphrase without marks, set in italics.
    const side = sidebarText(s, border);
    expect(side).toContain('“We have done this before, … It will be slower, but it will work.” — Ingrid Solberg · direct');
    expect(side).toContain('the ferries would run a free shuttle every twenty minutes from six in the morning until midnight — Ingrid Solberg · paraphrase');
    expect(cellAt(s, 'the ferries would').italic).toBe(true);
    await quit(s);
  });

  it('sets paraphrases apart without colours too (NO_COLOR)', async () => {
    const s = run({ columns: 120, rows: 40 }, { NO_COLOR: '1' });
    await s.waitFor(/\d+% ·/);
    await s.press(KEYS.tab);
    await s.waitFor('Quotes · 1 of');
    const border = s.screen().split('\n')[0]!.indexOf('│');
    expect(cellAt(s, 'We have done', border)).toMatchObject({ foreground: null, bold: true, italic: false });
    expect(cellAt(s, 'the ferries would', border)).toMatchObject({ foreground: null, bold: false, italic: true });
    expect(cellAt(s, 'Solberg said.', border).highlighted).toBe(false);
    await quit(s);
  });

  it('shows every quote whole, wider on a wide terminal, and full width on a narrow one', async () => {
    for (const [columns, rows, border] of [
      [200, 50, 133],
      [80, 24, -1],
    ] as const) {
      const s = run({ columns, rows });
      await s.waitFor(/\d+% ·/);
      await s.press(KEYS.tab, 'G');
      await s.waitFor(/Quotes · (\d+) of \1/);
      expect(s.screen().split('\n')[0]!.indexOf('│')).toBe(border);
      expect(sidebarText(s, border)).toContain(`“${LONG_QUOTE}” — Piet Van der Berg · partial`);
      for (const row of s.screen().split('\n')) expect(row.length).toBeLessThanOrEqual(columns);
      await quit(s);
    }
  });
});
