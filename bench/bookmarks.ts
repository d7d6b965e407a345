// Bookmarks at scale: the store must stay quick to open, list and add to however many it holds.
//   node --import tsx bench/bookmarks.ts            prints the figures
//   node --import tsx bench/bookmarks.ts --sizes 1000,10000   only those sizes for the add rows
// Figures that include start-up run in fresh processes, since that is what a user waits for.
// Stores are seeded by writing config.json directly in the current layout: seeding through
// the store would time the seeding, not the store.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle } from '../src/article.js';
import { COMPACT_MIN_BYTES, COMPACT_SHARE, openBookmarkStore } from '../src/store/bookmarks/disk-store.js';
import { realFileOps } from '../src/store/bookmarks/durable.js';
import { newJournalId, startJournal } from '../src/store/bookmarks/journal.js';
import { STORE_VERSION } from '../src/store/bookmarks/layout.js';
import { journalPath } from '../src/store/paths.js';
import type { Bookmark } from '../src/store/bookmarks/types.js';
import { CLI, ROOT, median, now, timeProcess, type Figure } from './util.js';

const COUNT = 10_000;
const RUNS = 7;
/** The sizes issue 19 names: one add must cost at most 1.5× its cost at the first. */
const ADD_SIZES = [1_000, 10_000, 50_000, 100_000];
const ADD_RUNS = 9;
const ADD_TARGET = 1.5;

/** Bookmarks shaped like real ones: a headline, a site, a URL, tags, now and then a note. */
function seedBookmarks(count: number): Bookmark[] {
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, (_, i) => ({
    id: `bench${i.toString(16).padStart(11, '0')}`,
    title: `Council weighs plan number ${i} for the harbour bridge after a long public consultation`,
    source: `https://news${i % 40}.example/section/story-${i}`,
    url: `https://news${i % 40}.example/section/story-${i}`,
    siteName: `News Site ${i % 40}`,
    savedAt: new Date(start + i * 60_000).toISOString(),
    ...(i % 10 === 0 ? { note: `Remember to follow up on story ${i} next week.` } : {}),
    tags: ['news', `topic-${i % 25}`],
    quotes: i % 20 === 0 ? [{ text: 'We will rebuild it before the winter storms.', speaker: 'Mayor Ann Lee' }] : [],
  }));
}

/**
 * A home holding `count` bookmarks as a long-used store does: config.json in the current
 * layout and an empty journal beside it, flushed to the disk, so that no figure pays for
 * writing the seed.
 */
async function seededHome(count: number): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'inkwire-bench-bookmarks-'));
  const config = join(home, 'config.json');
  const id = newJournalId();
  const upTo = await startJournal(realFileOps, journalPath(config), id);
  const bookmarks = Object.fromEntries(seedBookmarks(count).map((b) => [b.id, b]));
  const file = { bookmarks, positions: {}, removed: {}, __internal__: { migrations: { version: STORE_VERSION }, journal: { id, upTo } } };
  writeFileSync(config, `${JSON.stringify(file, null, '\t')}\n`);
  spawnSync('sync');
  return home;
}

interface Probe {
  open: number;
  list: number;
  firstAdd: number;
  nextAdd: number;
}

/** In a fresh process: open the store, list it (what the bookmarks view needs), add twice. */
async function probe(home: string): Promise<Probe> {
  const article = (n: number) =>
    makeArticle({ source: `/bench/probe-${n}.txt`, title: `Probe ${n} ${Math.random()}`, blocks: [{ type: 'paragraph', text: `Probe body ${n}.` }] });
  // Opening reads nothing; the first list reads the store whole.
  let start = now();
  const store = openBookmarkStore({ home });
  await store.list();
  const open = now() - start;
  start = now();
  await store.list();
  const list = now() - start;
  start = now();
  await store.add(article(1));
  const firstAdd = now() - start;
  start = now();
  await store.add(article(2));
  const nextAdd = now() - start;
  return { open, list, firstAdd, nextAdd };
}

function runProbe(home: string): Probe {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'bookmarks.ts'), '--probe', home], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bookmarks probe failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Probe;
}

/**
 * `inkwire bookmarks add FILE` as a script runs it, whole process, median of ADD_RUNS, each
 * run adding a new article (the store grows by a few, which is the same store). The sizes
 * take turns run by run, so a machine that gets busier or quieter meanwhile weighs on all
 * of them alike and the ratios hold.
 */
async function addCosts(sizes: readonly number[]): Promise<number[]> {
  const homes: string[] = [];
  try {
    for (const size of sizes) homes.push(await seededHome(size));
    const runs = sizes.map((): number[] => []);
    // One warm-up round, not counted: the first process after seeding loads what the page cache has not.
    for (let i = 0; i <= ADD_RUNS; i++) {
      homes.forEach((home, n) => {
        const file = join(home, `story-${i}.txt`);
        writeFileSync(file, `Probe story ${i} for the bookmark bench\n\nA first paragraph of probe story ${i}, saying something.\n`);
        const ms = timeProcess(process.execPath, [CLI, 'bookmarks', 'add', file], { env: { INKWIRE_HOME: home } });
        if (i > 0) runs[n]!.push(ms);
      });
    }
    return runs.map(median);
  } finally {
    for (const home of homes) rmSync(home, { recursive: true, force: true });
  }
}

/**
 * A compaction (the journal folded into a new config.json), timed in a fresh process with the
 * journal forced to compact at once: what one add in every few thousand costs on top.
 */
async function compactionFigure(count: number): Promise<Figure> {
  const home = await seededHome(count);
  try {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'bookmarks.ts'), '--compact', home], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`compaction probe failed: ${result.stderr}`);
    const { ms, journalBytes, baseBytes } = JSON.parse(result.stdout) as { ms: number; journalBytes: number; baseBytes: number };
    const addsBetween = Math.round(Math.max(COMPACT_MIN_BYTES, baseBytes * COMPACT_SHARE) / journalBytes);
    return { figure: `compaction, ${count.toLocaleString('en')} bookmarks (one add in about ${addsBetween.toLocaleString('en')} pays it)`, value: ms, unit: 'ms' };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** In a fresh process: one add that compacts; its time, and how long an add's journal line is. */
async function compactProbe(home: string): Promise<{ ms: number; journalBytes: number; baseBytes: number }> {
  const article = makeArticle({ source: '/bench/compact.txt', title: 'Compaction probe', blocks: [{ type: 'paragraph', text: 'Probe body.' }] });
  const config = join(home, 'config.json');
  const baseBytes = statSync(config).size;
  const before = statSync(journalPath(config)).size;
  await openBookmarkStore({ home }).add(article);
  const journalBytes = statSync(journalPath(config)).size - before;
  const start = now();
  await openBookmarkStore({ home, journalBytes: 1 }).add(article);
  return { ms: now() - start, journalBytes, baseBytes };
}

async function addFigures(sizes: readonly number[]): Promise<Figure[]> {
  const costs = (await addCosts(sizes)).map((ms, i) => ({ size: sizes[i]!, ms }));
  const base = costs[0]!;
  const label = (n: number) => `${n.toLocaleString('en')} bookmarks`;
  return costs.map(({ size, ms }, i) =>
    i === 0
      ? { figure: `\`inkwire bookmarks add FILE\` (whole process), ${label(size)}`, value: ms, unit: 'ms' }
      : {
          figure: `\`inkwire bookmarks add FILE\` (whole process), ${label(size)}`,
          value: ms,
          unit: 'ms',
          baseline: base.ms,
          baselineLabel: `the same add at ${label(base.size)}`,
          target: `≤ ${ADD_TARGET}× baseline`,
          ok: ms <= ADD_TARGET * base.ms,
        },
  );
}

export async function bookmarkFigures(sizes: readonly number[] = ADD_SIZES): Promise<Figure[]> {
  const home = await seededHome(COUNT);
  let figures: Figure[];
  try {
    const nodeRuns = Array.from({ length: RUNS }, () => timeProcess(process.execPath, ['-e', "console.log('x')"], { env: { INKWIRE_HOME: home } }));
    const listRuns = Array.from({ length: RUNS }, () => timeProcess(process.execPath, [CLI, 'bookmarks', 'list', '--json'], { env: { INKWIRE_HOME: home } }));
    // Each probe adds two bookmarks; 10,000 give or take a few dozen is the same store.
    const probes = Array.from({ length: RUNS }, () => runProbe(home));
    const pick = (key: keyof Probe) => median(probes.map((p) => p[key]));
    const label = `${COUNT.toLocaleString('en')} bookmarks`;
    figures = [
      {
        figure: `\`inkwire bookmarks list --json\`, ${label} (whole process)`,
        value: median(listRuns),
        unit: 'ms',
        baseline: median(nodeRuns),
        baselineLabel: "node -e \"console.log('x')\"",
      },
      { figure: `open and read the bookmark store, ${label} (fresh process)`, value: pick('open'), unit: 'ms' },
      { figure: `bookmarks view data: list() once read, ${label}`, value: pick('list'), unit: 'ms' },
      { figure: `add one bookmark, ${label}: first in a process`, value: pick('firstAdd'), unit: 'ms' },
      { figure: `add one bookmark, ${label}: store already open`, value: pick('nextAdd'), unit: 'ms' },
    ];
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return [...figures, ...(await addFigures(sizes)), await compactionFigure(sizes[sizes.length - 1]!)];
}

if (process.argv[2] === '--probe') {
  process.stdout.write(JSON.stringify(await probe(process.argv[3]!)));
} else if (process.argv[2] === '--compact') {
  process.stdout.write(JSON.stringify(await compactProbe(process.argv[3]!)));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const sizesAt = process.argv.indexOf('--sizes');
  const sizes = sizesAt > -1 ? process.argv[sizesAt + 1]!.split(',').map(Number) : ADD_SIZES;
  const { printTable } = await import('./table.js');
  printTable(await bookmarkFigures(sizes));
}
