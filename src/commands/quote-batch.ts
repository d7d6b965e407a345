// The quote engine over a batch of articles (`inkwire quotes`, `inkwire people`), on two
// threads when the machine has a second core and the batch is big enough to pay for one.
// The engine is one large rule set that runs cold in a short process: over PolNeAR train
// (3.9 MB) half the articles take 60 % of the time of all of them. The main thread and a
// worker take chunks of articles from one queue, so a worker that starts late or shares its
// core with other work simply takes fewer; the results are put back in the articles' order
// and are the same, byte for byte, as on one thread.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Quote } from '../quotes/types.js';

export interface TextToQuote {
  text: string;
  title: string;
}

/** Sent to the worker: one chunk of the batch. */
export interface ChunkRequest {
  chunk: number;
  texts: readonly TextToQuote[];
  indirect: boolean;
}

/** From the worker: a chunk's quotes, or null when it could not (chunk -1: it is ready). */
export interface ChunkReply {
  chunk: number;
  quotes: Quote[][] | null;
}

/** What a chunk holds at most (UTF-16 units, about 15 ms of engine time) unless one article is bigger. */
export const CHUNK_CHARS = 64 * 1024;
/**
 * Below this a second thread costs more than it saves: starting a worker and loading the
 * engine there take about 40 ms of the other core, and the worker's engine starts cold.
 */
export const PARALLEL_MIN_CHARS = 768 * 1024;

/** Item ranges [from, to) of consecutive articles, each about `size` characters. */
export function chunkRanges(lengths: readonly number[], size: number = CHUNK_CHARS): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  let chars = 0;
  for (let i = 0; i < lengths.length; i++) {
    chars += lengths[i]!;
    if (chars >= size) {
      ranges.push([from, i + 1]);
      from = i + 1;
      chars = 0;
    }
  }
  if (from < lengths.length) ranges.push([from, lengths.length]);
  return ranges;
}

/** The messages a batch needs of its second thread (a Worker, or a stand-in in tests). */
export interface QuoteThread {
  post(request: ChunkRequest): void;
  onReply(listener: (reply: ChunkReply) => void): void;
  /** Called once if the thread fails or stops before it is told to. */
  onLost(listener: () => void): void;
  stop(): void;
}

export type Extract = (text: string, title: string) => Quote[];

export interface BatchOptions {
  indirect: boolean;
  /** The engine on this thread. */
  extract: Extract;
  /** A second thread, or null for none; by default a worker when the batch is worth one. */
  thread?: (() => QuoteThread | null) | undefined;
}

/** Every article's quotes, in the articles' order. */
export async function quoteBatch(texts: readonly TextToQuote[], options: BatchOptions): Promise<Quote[][]> {
  const results: Array<Quote[][] | undefined> = [];
  const ranges = chunkRanges(texts.map((t) => t.text.length));
  const runHere = (chunk: number): void => {
    const [from, to] = ranges[chunk]!;
    results[chunk] = texts.slice(from, to).map(({ text, title }) => options.extract(text, title));
  };
  const total = texts.reduce((sum, t) => sum + t.text.length, 0);
  // One long article is one chunk: nothing to share.
  const thread = total >= PARALLEL_MIN_CHARS && ranges.length > 1 ? (options.thread ?? workerThread)() : null;
  if (thread === null) {
    for (let c = 0; c < ranges.length; c++) runHere(c);
    return results.flat() as Quote[][];
  }
  let next = 0;
  /** The chunk the worker holds, -1 for none. */
  let held = -1;
  let lost = false;
  let settle: (() => void) | undefined;
  const give = (): void => {
    if (lost || next >= ranges.length) return;
    held = next++;
    const [from, to] = ranges[held]!;
    thread.post({ chunk: held, texts: texts.slice(from, to), indirect: options.indirect });
  };
  thread.onReply((reply) => {
    if (reply.chunk >= 0) {
      // A chunk the worker could not do is done here, where its error is reported as usual.
      if (reply.quotes === null) runHere(reply.chunk);
      else results[reply.chunk] = reply.quotes;
      held = -1;
    }
    give();
    if (held < 0) settle?.();
  });
  thread.onLost(() => {
    lost = true;
    if (held >= 0) runHere(held);
    held = -1;
    settle?.();
  });
  try {
    while (next < ranges.length) {
      runHere(next++);
      // Lets the worker's replies in between chunks, so it is never left waiting long.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (held >= 0) await new Promise<void>((resolve) => (settle = resolve));
  } finally {
    thread.stop();
  }
  return results.flat() as Quote[][];
}

/** The worker's file beside the built bundle; none when running from the sources (tests, tsx). */
function workerFile(): string | null {
  const file = fileURLToPath(new URL('../commands/quote-worker.js', import.meta.url));
  return !file.endsWith('.ts') && existsSync(file) ? file : null;
}

/** A worker thread for the batch, or null on one core or without the built worker. */
function workerThread(): QuoteThread | null {
  if (availableParallelism() < 2) return null;
  const file = workerFile();
  if (file === null) return null;
  // Kept referenced: the batch waits on its replies, and stops it when done, even on an error.
  const worker = new Worker(file);
  let stopped = false;
  let lostListener: (() => void) | undefined;
  const lose = (): void => {
    if (stopped) return;
    stopped = true;
    lostListener?.();
  };
  worker.on('error', lose);
  worker.on('exit', lose);
  return {
    post: (request) => worker.postMessage(request),
    onReply: (listener) => worker.on('message', listener),
    onLost: (listener) => (lostListener = listener),
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
