// Quotes for many articles on two threads: the main thread reads and parses the sources
// while a worker thread starts on the texts already in, and once everything is read both
// take the rest. Both claim a text from one shared counter before working on it, so each is
// done once, and the results come back in the order the texts were given: the same output
// as one thread, sooner. A few articles never start a worker (starting one costs more than
// it saves), nor does a machine with one core, nor INKWIRE_QUOTE_THREADS=1.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractOptions, Quote } from '../quotes/index.js';
import type { PoolMessage, PoolResult, PoolSetup } from './quote-pool-protocol.js';

/** Text queued before a worker is worth its start (some 40 ms): about a hundred articles. */
const WORKER_AFTER_CHARS = 256 * 1024;

export interface QuotePool {
  /** Queues one text; its quotes come back at the same place in `finish`'s list. */
  add(text: string): void;
  /** The quotes of every text added, in order; the main thread takes its share now. */
  finish(): Promise<Quote[][]>;
}

type Extract = (text: string, options: ExtractOptions) => Quote[];

/** Where the built worker is; absent when running from source (tests), then one thread is used. */
function workerFile(): string | null {
  const file = fileURLToPath(new URL('../commands/quote-worker.js', import.meta.url));
  return existsSync(file) ? file : null;
}

export function quotePool(extract: Extract, options: ExtractOptions, env: NodeJS.ProcessEnv = process.env): QuotePool {
  const texts: string[] = [];
  const results: (Quote[] | undefined)[] = [];
  const claims = new SharedArrayBuffer(4);
  const next = new Int32Array(claims);
  let queuedChars = 0;
  let worker: Worker | null = null;
  let workerGone = false;
  let done = 0;
  let wake: (() => void) | null = null;
  const threads = env.INKWIRE_QUOTE_THREADS === '1' ? 1 : availableParallelism();
  const file = threads > 1 ? workerFile() : null;

  const settle = (seq: number, quotes: Quote[]): void => {
    if (results[seq] !== undefined) return;
    results[seq] = quotes;
    done++;
    if (done === texts.length) wake?.();
  };
  const startWorker = (path: string): void => {
    const setup: PoolSetup = { claims, indirect: options.indirect === true };
    try {
      worker = new Worker(path, { workerData: setup });
    } catch {
      workerGone = true;
      return;
    }
    worker.on('message', (result: PoolResult) => settle(result.seq, result.quotes));
    // A worker that fails leaves its claimed text undone: the main thread does it (finish).
    const gone = (): void => {
      workerGone = true;
      wake?.();
    };
    worker.on('error', gone);
    worker.on('exit', gone);
    for (let seq = Atomics.load(next, 0); seq < texts.length; seq++) post(seq);
  };
  const post = (seq: number): void => {
    const message: PoolMessage = { seq, text: texts[seq]! };
    worker!.postMessage(message);
  };

  return {
    add(text) {
      texts.push(text);
      results.push(undefined);
      queuedChars += text.length;
      if (worker !== null) post(texts.length - 1);
      else if (file !== null && !workerGone && queuedChars >= WORKER_AFTER_CHARS) startWorker(file);
    },
    async finish() {
      for (let seq = Atomics.add(next, 0, 1); seq < texts.length; seq = Atomics.add(next, 0, 1)) {
        settle(seq, extract(texts[seq]!, options));
      }
      while (done < texts.length && !workerGone) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
      // What a failed worker claimed and never returned.
      for (let seq = 0; seq < texts.length; seq++) if (results[seq] === undefined) settle(seq, extract(texts[seq]!, options));
      if (worker !== null) void (worker as Worker).terminate();
      return results as Quote[][];
    },
  };
}
