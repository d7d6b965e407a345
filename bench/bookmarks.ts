// Bookmarks at scale: 10,000 saved, the store must stay quick to open, list and add to.
//   node --import tsx bench/bookmarks.ts        prints the figures
// Figures that include start-up run in fresh processes, since that is what a user waits for.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle } from '../src/article.js';
import { openBookmarkStore } from '../src/store/bookmarks/conf-store.js';
import type { Bookmark } from '../src/store/bookmarks/types.js';
import { CLI, ROOT, median, now, timeProcess, type Figure } from './util.js';

const COUNT = 10_000;
const RUNS = 7;

/** Bookmarks shaped like real ones: a headline, a site, a URL, tags, now and then a note. */
function seedBookmarks(): Bookmark[] {
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: COUNT }, (_, i) => ({
    id: `bench${i.toString(16).padStart(11, '0')}`,
    title: `Council weighs plan number ${i} for the harbour bridge after a long public consultation`,
    source: `https://news${i % 40}.example/section/story-${i}`,
    url: `https://news${i % 40}.example/section/story-${i}`,
    siteName: `News Site ${i % 40}`,
    savedAt: new Date(start + i * 3_600_000).toISOString(),
    ...(i % 10 === 0 ? { note: `Remember to follow up on story ${i} next week.` } : {}),
    tags: ['news', `topic-${i % 25}`],
    quotes: i % 20 === 0 ? [{ text: 'We will rebuild it before the winter storms.', speaker: 'Mayor Ann Lee' }] : [],
  }));
}

interface Probe {
  open: number;
  list: number;
  firstAdd: number;
  nextAdd: number;
}

/** In a fresh process: open the store, list it (what the bookmarks view needs), add twice. */
function probe(home: string): Probe {
  const article = (n: number) =>
    makeArticle({ source: `/bench/probe-${n}.txt`, title: `Probe ${n} ${Math.random()}`, blocks: [{ type: 'paragraph', text: `Probe body ${n}.` }] });
  let start = now();
  const store = openBookmarkStore({ home });
  const open = now() - start;
  start = now();
  store.list();
  const list = now() - start;
  start = now();
  store.add(article(1));
  const firstAdd = now() - start;
  start = now();
  store.add(article(2));
  const nextAdd = now() - start;
  return { open, list, firstAdd, nextAdd };
}

function runProbe(home: string): Probe {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'bookmarks.ts'), '--probe', home], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bookmarks probe failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Probe;
}

export async function bookmarkFigures(): Promise<Figure[]> {
  const home = mkdtempSync(join(tmpdir(), 'inkwire-bench-bookmarks-'));
  try {
    openBookmarkStore({ home }).merge(seedBookmarks());
    const nodeRuns = Array.from({ length: RUNS }, () => timeProcess(process.execPath, ['-e', "console.log('x')"], { env: { INKWIRE_HOME: home } }));
    const listRuns = Array.from({ length: RUNS }, () => timeProcess(process.execPath, [CLI, 'bookmarks', 'list', '--json'], { env: { INKWIRE_HOME: home } }));
    // Each probe adds two bookmarks; 10,000 give or take a few dozen is the same store.
    const probes = Array.from({ length: RUNS }, () => runProbe(home));
    const pick = (key: keyof Probe) => median(probes.map((p) => p[key]));
    const label = `${COUNT.toLocaleString('en')} bookmarks`;
    return [
      {
        figure: `\`inkwire bookmarks list --json\`, ${label} (whole process)`,
        value: median(listRuns),
        unit: 'ms',
        baseline: median(nodeRuns),
        baselineLabel: "node -e \"console.log('x')\"",
      },
      { figure: `open the bookmark store, ${label} (fresh process)`, value: pick('open'), unit: 'ms' },
      { figure: `bookmarks view data: list() after opening, ${label}`, value: pick('list'), unit: 'ms' },
      { figure: `add one bookmark, ${label}: first in a process (opens conf)`, value: pick('firstAdd'), unit: 'ms' },
      { figure: `add one bookmark, ${label}: store already open`, value: pick('nextAdd'), unit: 'ms' },
    ];
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--probe') {
  process.stdout.write(JSON.stringify(probe(process.argv[3]!)));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./table.js');
  printTable(await bookmarkFigures());
}
