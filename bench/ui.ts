// Keypress-to-frame time of the interactive reader, measured as a user would feel it: the
// built CLI runs in a pseudo-terminal, a key is written, and the clock stops when Ink ends
// the frame it causes (the end of its synchronized-output block).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn, type IPty } from '@lydell/node-pty';
import { bigArticle, manyArticles } from './inputs.js';
import { printTable } from './table.js';
import { CLI, ROOT, median, now, percentile, type Figure } from './util.js';

/** The built CLI; INKWIRE_CLI times another build. */
const PROGRAM = process.env.INKWIRE_CLI ?? CLI;
const END_OF_FRAME = '\x1b[?2026l';
const COLUMNS = 120;
const ROWS = 40;
/** Ink draws at most 30 frames a second; keys further apart than that each get their own. */
const KEY_GAP_MS = 40;
const SAMPLES = 120;

interface Running {
  pty: IPty;
  output(): string;
  frames(): number;
  close(): void;
}

function start(args: string[], home: string): Running {
  // A clean environment: with CI set, Ink would neither synchronize output nor draw frames.
  const pty = spawn('node', [PROGRAM, ...args], {
    name: 'xterm-256color',
    cols: COLUMNS,
    rows: ROWS,
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, INKWIRE_HOME: home, TERM: 'xterm-256color', LANG: 'C.UTF-8' },
  });
  let raw = '';
  let frames = 0;
  pty.onData((data) => {
    raw += data;
    for (let at = data.indexOf(END_OF_FRAME); at >= 0; at = data.indexOf(END_OF_FRAME, at + 1)) frames++;
    // Only what waiting needs: the latest screenful.
    if (raw.length > 200_000) raw = raw.slice(-100_000);
  });
  return {
    pty,
    output: () => raw,
    frames: () => frames,
    close: () => {
      try {
        pty.kill();
      } catch {
        // Already gone.
      }
    },
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = now() + timeoutMs;
  while (!check()) {
    if (now() > deadline) throw new Error(`bench/ui: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Presses `key` `count` times and returns the milliseconds from each write to its frame. */
async function keyToFrame(app: Running, key: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await pause(KEY_GAP_MS);
    const before = app.frames();
    const t0 = now();
    app.pty.write(key);
    await until(() => app.frames() > before, `a frame after ${JSON.stringify(key)}`, 10_000);
    times.push(now() - t0);
  }
  return times;
}

function figures(label: string, times: readonly number[]): Figure[] {
  const med = median(times);
  const p95 = percentile(times, 95);
  return [
    { figure: `${label}: keypress to frame, median`, value: med, unit: 'ms', target: '≤ 50 ms', ok: med <= 50 },
    { figure: `${label}: keypress to frame, p95`, value: p95, unit: 'ms', target: '≤ 100 ms', ok: p95 <= 100 },
  ];
}

async function scenario(
  args: string[],
  ready: RegExp,
  keys: Array<[string, string]>,
  home: string,
  settle?: (app: Running) => Promise<void>,
): Promise<Figure[]> {
  const app = start(args, home);
  try {
    await until(() => ready.test(app.output()), `the first frame of ${args.join(' ')}`, 120_000);
    await settle?.(app);
    await keyToFrame(app, keys[0]![1], 10);
    const out: Figure[] = [];
    for (const [label, key] of keys) out.push(...figures(label, await keyToFrame(app, key, SAMPLES)));
    return out;
  } finally {
    app.close();
  }
}

/** Scrolling a 5 MB article and moving through a 100,000-article list, in a pty. */
export async function benchUi(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-bench-ui-'));
  try {
    const article = join(dir, 'long-article.txt');
    const list = join(dir, 'articles.json');
    writeFileSync(article, bigArticle(5 * 1024 * 1024));
    writeFileSync(list, manyArticles(100_000));
    const home = join(dir, 'home');
    const reader = await scenario(
      [article],
      /\d+% ·/,
      [
        ['5 MB article, j (line down)', 'j'],
        ['5 MB article, space (page down)', ' '],
      ],
      home,
      // Time scrolling, not scrolling while the quote engine works through the article:
      // open the sidebar, wait for its count, and close it again.
      async (app) => {
        app.pty.write('\t');
        await until(() => /Quotes · \d+ of \d+/.test(app.output().slice(-20_000)), 'the quotes of the 5 MB article', 300_000);
        app.pty.write('\t');
        await pause(200);
      },
    );
    const listFigures = await scenario(
      [list],
      /1\/100,000/,
      [
        ['100,000-article list, j (next)', 'j'],
        ['100,000-article list, PgDn', '\x1b[6~'],
      ],
      home,
    );
    return [...reader, ...listFigures];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(await benchUi());
}
