import { join } from 'node:path';
import xterm from '@xterm/headless';
import chalk from 'chalk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { firstState } from '../../src/app/run.js';
import type { Article } from '../../src/article.js';
import { loadSources } from '../../src/sources/load.js';
import { reducer } from '../../src/store/reducer.js';
import type { AppState } from '../../src/store/state.js';
import { firstFrameText } from '../../src/views/first-frame.js';
import { Screen } from '../../src/views/Screen.js';
import { ThemeContext } from '../../src/views/theme.js';
import { colorTheme, monoTheme, type Theme } from '../../src/views/themes.js';
import { article, paragraphs } from './fixtures.js';
import { renderApp, type Rendered } from './harness.js';

// The first frame is painted without Ink, then Ink draws its own over it without clearing:
// any cell where the two differ would stay wrong on screen. Both are played into a terminal
// emulator here and compared cell by cell, with colours on.

const EXAMPLES = join(import.meta.dirname, '../../examples');

let examples: Article[] = [];
const level = chalk.level;
beforeAll(async () => {
  chalk.level = 3;
  examples = (await loadSources([EXAMPLES])).articles;
});
afterAll(() => {
  chalk.level = level;
});

let current: Rendered | null = null;
afterEach(() => {
  current?.instance.unmount();
  current = null;
});

interface Cell {
  chars: string;
  fg: number;
  fgMode: number;
  bg: number;
  bgMode: number;
  flags: string;
}

async function screenOf(text: string, columns: number, rows: number): Promise<Cell[][]> {
  // A terminal in raw mode still turns \n into \r\n (OPOST stays on); convertEol does that.
  const term = new xterm.Terminal({ cols: columns, rows, convertEol: true, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(text, resolve));
  const cells: Cell[][] = [];
  const cell = term.buffer.active.getNullCell();
  for (let y = 0; y < rows; y++) {
    const line = term.buffer.active.getLine(y)!;
    const row: Cell[] = [];
    for (let x = 0; x < columns; x++) {
      line.getCell(x, cell);
      row.push({
        chars: cell.getChars() || ' ',
        fg: cell.getFgColor(),
        fgMode: cell.getFgColorMode(),
        bg: cell.getBgColor(),
        bgMode: cell.getBgColorMode(),
        flags: [cell.isBold() && 'b', cell.isItalic() && 'i', cell.isUnderline() && 'u', cell.isInverse() && 'r', cell.isDim() && 'd'].filter(Boolean).join(''),
      });
    }
    cells.push(row);
  }
  term.dispose();
  return cells;
}

/** Row by row, what differs: text first, then the first differing cell's attributes. */
function differences(painted: Cell[][], drawn: Cell[][]): string[] {
  const out: string[] = [];
  painted.forEach((row, y) => {
    const a = row.map((c) => c.chars).join('');
    const b = drawn[y]!.map((c) => c.chars).join('');
    if (a !== b) {
      out.push(`row ${y}: painted “${a.trimEnd()}” but Ink drew “${b.trimEnd()}”`);
      return;
    }
    const x = row.findIndex((c, i) => JSON.stringify(c) !== JSON.stringify(drawn[y]![i]));
    if (x >= 0) out.push(`row ${y} column ${x}: painted ${JSON.stringify(row[x])} but Ink drew ${JSON.stringify(drawn[y]![x])}`);
  });
  return out;
}

async function compare(state: AppState, theme: Theme) {
  const { columns, rows } = state.size;
  const painted = firstFrameText(state, theme);
  expect(painted, 'the painter declined this screen').not.toBeNull();
  current = await renderApp(
    <ThemeContext.Provider value={theme}>
      <Screen state={state} />
    </ThemeContext.Provider>,
    { columns, rows },
  );
  const drawn = current.frame();
  expect(differences(await screenOf(painted!, columns, rows), await screenOf(drawn, columns, rows))).toEqual([]);
}

const SIZES = [
  { columns: 120, rows: 40 },
  { columns: 80, rows: 24 },
  { columns: 41, rows: 10 },
];

describe('the painted first frame is the frame Ink draws', () => {
  for (const size of SIZES) {
    for (const [name, theme] of [['colour', colorTheme], ['no colour', monoTheme]] as const) {
      it(`opens each example in the reader at ${size.columns}×${size.rows} (${name})`, async () => {
        for (const one of examples) {
          await compare(firstState([one], [], size, []), theme);
          current?.instance.unmount();
          current = null;
        }
      });

      it(`lists the examples at ${size.columns}×${size.rows} (${name})`, async () => {
        await compare(firstState(examples, [], size, []), theme);
      });
    }
  }

  it('shows bookmarks, a load error in the status bar and a scrolled list', async () => {
    const many = Array.from({ length: 60 }, (_, i) => article(`Story ${i + 1} with a “quoted” title — and more`, paragraphs(2), { siteName: `Site ${i % 4}` }));
    const saved = { id: many[3]!.id, title: many[3]!.title, source: many[3]!.source, savedAt: '2026-11-28T00:00:00.000Z', tags: [], quotes: [] };
    const state = firstState(many, [saved], { columns: 100, rows: 20 }, ['broken.txt: not UTF-8 text']);
    const scrolled = reducer(reducer(state, { type: 'key', key: { name: 'pagedown' } }), { type: 'key', key: { name: 'j', text: 'j' } });
    await compare(state, colorTheme);
    current?.instance.unmount();
    current = null;
    await compare(scrolled, colorTheme);
  });

  it('declines what it does not draw: a terminal too small', () => {
    expect(firstFrameText(firstState(examples, [], { columns: 30, rows: 8 }, []), colorTheme)).toBeNull();
  });
});
