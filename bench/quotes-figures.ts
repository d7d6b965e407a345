// Quote-engine figures on the PolNeAR corpus in ../shared: the scorer's F1, precision, recall
// and speaker accuracy on a split, and throughput over the train split. Used by
// `npm run bench:quotes` and by the project-wide bench table.

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractQuotes } from '../src/quotes/index.js';
import { SHARED } from './util.js';

const run = promisify(execFile);

const corpus = path.join(SHARED, 'corpus', 'quotes', 'polnear');
const scorer = path.join(SHARED, 'bench', 'score-quotes.mjs');

export interface QuoteFigures {
  split: string;
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
  /** Throughput over the train split, one process, in MB (10^6 bytes of UTF-8) per second. */
  mbPerSecond: number;
  /** Seconds for the whole train split. */
  trainSeconds: number;
  /** The scorer's text report (with the worst articles when asked). */
  report: string;
}

async function readSplit(split: string): Promise<{ id: string; text: string }[]> {
  const dir = path.join(corpus, split, 'text');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(files.map(async (f) => ({ id: f.slice(0, -4), text: await readFile(path.join(dir, f), 'utf8') })));
}

/** Runs the engine in-process and returns the scorer's figures for `split` plus throughput. */
export async function quoteFigures(options: { split?: 'dev' | 'train'; worst?: number } = {}): Promise<QuoteFigures> {
  const split = options.split ?? 'dev';
  const docs = await readSplit(split);
  const predictions: Record<string, unknown> = {};
  for (const doc of docs) predictions[doc.id] = extractQuotes(doc.text);
  const tmp = await mkdtemp(path.join(tmpdir(), 'inkwire-quotes-'));
  try {
    const pred = path.join(tmp, 'predictions.json');
    await writeFile(pred, JSON.stringify(predictions));
    const args = [scorer, '--gold', path.join(corpus, split), '--pred', pred];
    const json = JSON.parse((await run('node', [...args, '--json'], { maxBuffer: 64 << 20 })).stdout) as ScorerJson;
    const worst = options.worst ? ['--worst', String(options.worst)] : [];
    const report = (await run('node', [...args, ...worst], { maxBuffer: 64 << 20 })).stdout;
    const speed = await throughput();
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
      ...speed,
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

/** Best of three timed passes over the train split (the first also warms the JIT). */
async function throughput(): Promise<{ mbPerSecond: number; trainSeconds: number }> {
  const docs = await readSplit('train');
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const t0 = performance.now();
    for (const d of docs) extractQuotes(d.text);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { mbPerSecond: bytes / 1e6 / best, trainSeconds: best };
}
