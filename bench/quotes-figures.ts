// Quote-engine figures on the PolNeAR corpus in ../shared, measured through the command a
// user runs: `inkwire quotes DIR --json` over a split's text files as one process, scored by
// ../shared/bench/score-quotes.mjs. Used by `npm run bench:quotes` and the project-wide table.
// The built CLI is measured, so run the build first (both npm scripts do).

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CLI, SHARED } from './util.js';

const run = promisify(execFile);
const BUFFER = 256 << 20;

const corpus = path.join(SHARED, 'corpus', 'quotes', 'polnear');
const scorer = path.join(SHARED, 'bench', 'score-quotes.mjs');

export type Split = 'dev' | 'train';

export interface QuoteFigures {
  split: Split;
  articles: number;
  f1: number;
  precision: number;
  recall: number;
  /** Share of matched quotes with a named (non-pronoun) gold source whose speaker is right. */
  speakerAccuracy: number;
  /** Quotes predicted, and the scorer's raw counts at the headline criterion. */
  predicted: number;
  tp: number;
  fp: number;
  fn: number;
  /** The scorer's text report (with the worst articles when asked). */
  report: string;
}

function textDir(split: Split): string {
  return path.join(corpus, split, 'text');
}

/** `inkwire quotes DIR --json` over a split: what a user's script would get. */
async function cliQuotes(split: Split, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return (await run(process.execPath, [CLI, 'quotes', textDir(split), '--json'], { maxBuffer: BUFFER, env })).stdout;
}

/** The CLI's quotes for `split`, scored. */
export async function quoteFigures(options: { split?: Split; worst?: number } = {}): Promise<QuoteFigures> {
  const split = options.split ?? 'dev';
  const tmp = await mkdtemp(path.join(tmpdir(), 'inkwire-quotes-'));
  try {
    const pred = path.join(tmp, 'predictions.json');
    await writeFile(pred, await cliQuotes(split));
    const args = [scorer, '--gold', path.join(corpus, split), '--pred', pred];
    const json = JSON.parse((await run('node', [...args, '--json'], { maxBuffer: BUFFER })).stdout) as ScorerJson;
    const worst = options.worst ? ['--worst', String(options.worst)] : [];
    const report = (await run('node', [...args, ...worst], { maxBuffer: BUFFER })).stdout;
    const h = json.summary.overlap50;
    return {
      split,
      articles: json.summary.articles,
      f1: h.f1,
      precision: h.precision,
      recall: h.recall,
      speakerAccuracy: json.summary.speaker.accuracy,
      predicted: json.summary.predictedQuotes,
      tp: h.tp,
      fp: h.fp,
      fn: h.fn,
      report,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

interface ScorerJson {
  summary: {
    articles: number;
    predictedQuotes: number;
    overlap50: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
    speaker: { accuracy: number };
  };
}

export interface Throughput {
  /** The train split's text, in MB (10^6 bytes). */
  megabytes: number;
  /** Best wall time of `inkwire quotes TRAIN --json`, one process, start-up included. */
  seconds: number;
  mbPerSecond: number;
  /** The same with INKWIRE_THREADS=1: the engine on the main thread only. */
  oneThread: { seconds: number; mbPerSecond: number };
  /** The 1-minute load average before the runs: with no core spare the command uses one thread. */
  load: number;
}

/**
 * Best of three runs of the CLI over the whole train split as one process, as a user runs it
 * (a second thread when a core is spare), and, in turn with those, on one thread.
 */
export async function quoteThroughput(): Promise<Throughput> {
  const dir = textDir('train');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt'));
  let bytes = 0;
  for (const f of files) bytes += (await stat(path.join(dir, f))).size;
  const load = loadavg()[0]!;
  let best = Infinity;
  let bestOne = Infinity;
  const timed = async (env?: NodeJS.ProcessEnv): Promise<number> => {
    const t0 = performance.now();
    await cliQuotes('train', env);
    return (performance.now() - t0) / 1000;
  };
  for (let pass = 0; pass < 3; pass++) {
    best = Math.min(best, await timed());
    bestOne = Math.min(bestOne, await timed({ ...process.env, INKWIRE_THREADS: '1' }));
  }
  const mb = bytes / 1e6;
  return { megabytes: mb, seconds: best, mbPerSecond: mb / best, oneThread: { seconds: bestOne, mbPerSecond: mb / bestOne }, load };
}
