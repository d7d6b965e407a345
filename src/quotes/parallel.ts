// The quotes of many articles at once, for `inkwire quotes DIR`: the engine is pure and
// single-threaded, so a folder of articles is shared out over worker threads, one per core.
// One article, a small set, one core, or no worker script beside this module (the source
// tree under test, where only the built CLI has one): the same work in this thread.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractQuotes, type Quote } from './index.js';
import type { Batch, BatchResult } from './worker.js';

/** Below this much text, starting workers costs more than it saves. */
const PARALLEL_FROM = 512 * 1024;
/** Text per message: big enough that messaging costs little, small enough to share evenly. */
const BATCH_CHARS = 128 * 1024;
const MAX_WORKERS = 4;

export interface ExtractAllOptions {
  indirect?: boolean;
  /** Worker threads to use; defaults to one per core (at most four). */
  threads?: number;
}

/** The built worker, dist/lazy/quotes/worker.js, wherever the bundler put this module's code. */
function workerScript(): string | null {
  const here = import.meta.url;
  const lazy = here.lastIndexOf('/lazy/');
  if (lazy < 0) return null;
  const path = fileURLToPath(`${here.slice(0, lazy)}/lazy/quotes/worker.js`);
  return existsSync(path) ? path : null;
}

function inThread(texts: readonly string[], indirect: boolean): Quote[][] {
  return texts.map((text) => extractQuotes(text, { indirect }));
}

/** Consecutive batches of indices into `texts`, about BATCH_CHARS each. */
function batchesOf(texts: readonly string[]): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let size = 0;
  texts.forEach((text, i) => {
    current.push(i);
    size += text.length;
    if (size >= BATCH_CHARS) {
      batches.push(current);
      current = [];
      size = 0;
    }
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The quotes of every text, in order; as extractQuotes gives them one by one. */
export async function extractAll(texts: readonly string[], options: ExtractAllOptions = {}): Promise<Quote[][]> {
  const indirect = options.indirect === true;
  const total = texts.reduce((n, t) => n + t.length, 0);
  const script = workerScript();
  const batches = batchesOf(texts);
  const threads = Math.min(options.threads ?? Math.min(availableParallelism(), MAX_WORKERS), batches.length);
  if (script === null || threads < 2 || total < PARALLEL_FROM) return inThread(texts, indirect);
  const results: Quote[][] = new Array(texts.length);
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(script));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let current: number[] = [];
            const send = () => {
              if (next >= batches.length) return resolve();
              const id = next++;
              current = batches[id]!;
              worker.postMessage({ id, texts: current.map((i) => texts[i]!), indirect } satisfies Batch);
            };
            worker.on('message', ({ quotes }: BatchResult) => {
              current.forEach((i, k) => (results[i] = quotes[k]!));
              send();
            });
            worker.once('error', reject);
            send();
          }),
      ),
    );
  } catch {
    // A worker that failed to start or crashed: whatever it left is done here.
    for (let i = 0; i < texts.length; i++) results[i] ??= extractQuotes(texts[i]!, { indirect });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
