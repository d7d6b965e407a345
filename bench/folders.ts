// A folder of many small articles, as `inkwire list DIR --json` reads it (issue 19): its time
// beside the floor of reading the same files with readFileSync in a loop, measured in the same
// run, turn about; and its peak memory, which must stay low and grow with the folder linearly.
//   node --import tsx bench/folders.ts                 prints the figures
//   node --import tsx bench/folders.ts --sizes 20000    other folder sizes (the first is the target's)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smallArticle } from './inputs.js';
import { CLI, ROOT, median, timeProcess, type Figure } from './util.js';

const PROGRAM = process.env.INKWIRE_CLI ?? CLI;

const SIZES = [100_000, 300_000];
const RUNS = 3;
const TIME_TARGET = 2;
const PEAK_TARGET_MB = 200;

/** A folder of `count` small articles (a fifth of them Markdown with front matter), in subfolders of 10,000 as notes often are. */
function makeFolder(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-bench-folder-'));
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `part-${Math.floor(i / 10_000)}`);
    if (i % 10_000 === 0) mkdirSync(sub);
    const { name, text } = smallArticle(i);
    writeFileSync(join(sub, name), text);
  }
  // Written, not left in the page cache's dirty pages for the first timed run to flush.
  spawnSync('sync');
  return dir;
}

interface Run {
  ms: number;
  /** CPU time, user and system: what the load of other work on the machine disturbs least. */
  cpuMs: number;
  peakMB: number;
}

/** Whole-process wall time, CPU time and peak resident memory of `node [-r peak-memory] args` (output thrown away). */
function measuredRun(dir: string, args: string[]): Run {
  const peakFile = join(dir, '..', `${dir.split('/').pop()}.peak`);
  const ms = timeProcess(process.execPath, ['-r', join(ROOT, 'bench', 'peak-memory.cjs'), ...args], { env: { INKWIRE_BENCH_PEAK: peakFile } });
  const [kB, cpuMs] = readFileSync(peakFile, 'utf8').split(' ').map(Number);
  rmSync(peakFile, { force: true });
  return { ms, cpuMs: cpuMs!, peakMB: kB! / 1024 };
}

const listRun = (dir: string) => measuredRun(dir, [PROGRAM, 'list', dir, '--json']);
const floorRun = (dir: string) => measuredRun(dir, [join(ROOT, 'bench', 'read-floor.mjs'), dir]);

interface Measured {
  count: number;
  ms: number;
  floorMs: number;
  cpuMs: number;
  floorCpuMs: number;
  peakMB: number;
}

function measure(count: number): Measured {
  const dir = makeFolder(count);
  try {
    // One warm-up of each, not counted: both then read from the page cache.
    floorRun(dir);
    listRun(dir);
    const floors: Run[] = [];
    const lists: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      floors.push(floorRun(dir));
      lists.push(listRun(dir));
    }
    return {
      count,
      ms: median(lists.map((r) => r.ms)),
      floorMs: median(floors.map((r) => r.ms)),
      cpuMs: median(lists.map((r) => r.cpuMs)),
      floorCpuMs: median(floors.map((r) => r.cpuMs)),
      peakMB: median(lists.map((r) => r.peakMB)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function folderFigures(sizes: readonly number[] = SIZES): Promise<Figure[]> {
  const results = sizes.map(measure);
  const first = results[0]!;
  const label = (n: number) => `${n.toLocaleString('en')} small files`;
  const figures: Figure[] = [];
  for (const r of results) {
    const target = r === first;
    figures.push({
      figure: `\`inkwire list DIR --json\`, ${label(r.count)} (whole process)`,
      value: r.ms,
      unit: 'ms',
      baseline: r.floorMs,
      baselineLabel: 'readFileSync of every file in a loop (whole process)',
      ...(target ? { target: `≤ ${TIME_TARGET}× baseline`, ok: r.ms <= TIME_TARGET * r.floorMs } : {}),
    });
    figures.push({
      figure: `\`inkwire list DIR --json\`, ${label(r.count)} (CPU time, user + system)`,
      value: r.cpuMs,
      unit: 'ms',
      baseline: r.floorCpuMs,
      // Reported, with no target: the target is the time a user waits, and a big folder read on
      // two threads (src/sources/folder-share.ts) spends more CPU time to wait less.
      baselineLabel: 'readFileSync of every file in a loop (CPU time)',
    });
    figures.push(
      target
        ? { figure: `peak memory, \`inkwire list DIR --json\`, ${label(r.count)}`, value: r.peakMB, unit: 'MB', target: `≤ ${PEAK_TARGET_MB} MB`, ok: r.peakMB <= PEAK_TARGET_MB }
        : {
            figure: `peak memory, \`inkwire list DIR --json\`, ${label(r.count)}`,
            value: r.peakMB,
            unit: 'MB',
            baseline: first.peakMB,
            baselineLabel: `the peak at ${first.count.toLocaleString('en')}`,
            // Linear growth: at most in proportion to the files.
            target: `≤ ${r.count / first.count}× baseline`,
            ok: r.peakMB <= (r.count / first.count) * first.peakMB,
          },
    );
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizesAt = process.argv.indexOf('--sizes');
  const sizes = sizesAt > -1 ? process.argv[sizesAt + 1]!.split(',').map(Number) : SIZES;
  const { printTable } = await import('./table.js');
  printTable(await folderFigures(sizes));
}
