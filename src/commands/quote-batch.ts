// The quote engine over a batch of articles (`inkwire quotes`, `inkwire people`), on two
// threads when the machine has a core to spare and the batch is big enough to pay for one.
// The engine is one large rule set that runs cold in a short process: over PolNeAR train
// (3.9 MB) half the articles take 60 % of the time of all of them.
// Articles are cut into chunks as they are read. Each chunk is sent to the worker as soon as
// it is full, and a shared counter hands each chunk number out once, to whichever thread
// claims it first: the worker starts while this thread is still reading, and this thread
// joins in when the reading is done. A worker that starts late, or shares its core with
// other work, simply takes fewer. The results are put back in the articles' order and are
// the same, byte for byte, as on one thread.

import { Worker } from 'node:worker_threads';
import { builtWorkerFile, claimChunk, linkWorker, secondThreadWanted, type ThreadLink } from '../io/threads.js';
import type { Quote } from '../quotes/types.js';

export interface TextToQuote {
  text: string;
  title: string;
}

/** To the worker: the shared counter and the options first, then each chunk once it is full. */
export type ToThread = { type: 'setup'; claims: SharedArrayBuffer; indirect: boolean } | { type: 'chunk'; chunk: number; texts: readonly TextToQuote[] };

/** From the worker: a chunk's quotes, or null when it could not (it is then done here). */
export interface ChunkReply {
  chunk: number;
  quotes: Quote[][] | null;
}

/** What a chunk holds (UTF-16 units, about 15 ms of engine time), or one article if bigger. */
export const CHUNK_CHARS = 64 * 1024;
/**
 * A batch this big gets a second thread, if a core is spare. Starting a worker and loading
 * the engine there take about 40 ms of the other core, and its engine starts cold: below
 * this, this thread would be done before the worker could take much.
 */
export const PARALLEL_MIN_CHARS = 256 * 1024;

/** Sources enough for a big batch: even short news articles make a few chunks of them. */
export const MANY_SOURCES = 32;

/** The messages a batch needs of its second thread (a Worker, or a stand-in in tests). */
export type QuoteThread = ThreadLink<ToThread, ChunkReply>;

export type Extractor = (text: string, title: string) => Quote[];

export interface BatchOptions {
  indirect: boolean;
  /**
   * A second thread, or null for none. By default a worker, when the machine has a core to
   * spare (see spareCore) or INKWIRE_THREADS says so.
   */
  thread?: (() => QuoteThread | null) | undefined;
}

/**
 * Articles go in as they are read (`add`), in order; `finish` gives every article's quotes in
 * that order.
 */
export class QuoteBatch {
  readonly #texts: TextToQuote[] = [];
  /** Chunk c is texts[ends[c - 1] ?? 0, ends[c]). */
  readonly #ends: number[] = [];
  readonly #results: Array<Quote[][] | undefined> = [];
  readonly #claims = new Int32Array(new SharedArrayBuffer(4));
  readonly #options: BatchOptions;
  #chars = 0;
  #total = 0;
  /** undefined until the batch is big enough to ask for one; null for none (or lost). */
  #thread: QuoteThread | null | undefined;
  /** Chunks the thread gave back undone. */
  readonly #undone: number[] = [];
  #wake: (() => void) | undefined;

  constructor(options: BatchOptions) {
    this.#options = options;
  }

  /**
   * How many sources the articles come from, before any is read: with many (a folder), the
   * worker starts now and is ready by the time the first chunks are full.
   */
  expect(sources: number): void {
    if (this.#thread === undefined && sources >= MANY_SOURCES) this.#start();
  }

  add(texts: readonly TextToQuote[]): void {
    for (const text of texts) {
      this.#texts.push(text);
      this.#chars += text.text.length;
      this.#total += text.text.length;
      if (this.#chars >= CHUNK_CHARS) this.#close();
    }
    if (this.#thread === undefined && this.#total >= PARALLEL_MIN_CHARS) this.#start();
  }

  /** Every article's quotes, `extract` running on this thread. */
  async finish(extract: Extractor): Promise<Quote[][]> {
    if (this.#texts.length > (this.#ends.at(-1) ?? 0)) this.#close();
    const runHere = (chunk: number): void => {
      this.#results[chunk] = this.#chunk(chunk).map(({ text, title }) => extract(text, title));
    };
    try {
      for (let c = claimChunk(this.#claims, this.#ends.length); c >= 0; c = claimChunk(this.#claims, this.#ends.length)) runHere(c);
      // The chunks the thread claimed: wait for them, or do them here once it is lost.
      for (;;) {
        for (let c = this.#undone.pop(); c !== undefined; c = this.#undone.pop()) runHere(c);
        const missing = this.#missing();
        if (missing.length === 0) break;
        if (this.#thread) await new Promise<void>((resolve) => (this.#wake = resolve));
        else for (const c of missing) runHere(c);
      }
    } finally {
      this.stop();
    }
    return this.#results.flat() as Quote[][];
  }

  /** Stops the second thread, if any; also when the reading failed and `finish` never runs. */
  stop(): void {
    this.#thread?.stop();
    this.#thread = null;
  }

  #missing(): number[] {
    const missing: number[] = [];
    for (let c = 0; c < this.#ends.length; c++) if (this.#results[c] === undefined) missing.push(c);
    return missing;
  }

  #chunk(c: number): TextToQuote[] {
    return this.#texts.slice(this.#ends[c - 1] ?? 0, this.#ends[c]);
  }

  #close(): void {
    this.#ends.push(this.#texts.length);
    this.#chars = 0;
    const c = this.#ends.length - 1;
    this.#thread?.post({ type: 'chunk', chunk: c, texts: this.#chunk(c) });
  }

  #start(): void {
    const thread = (this.#options.thread ?? workerThread)();
    this.#thread = thread;
    if (thread === null) return;
    thread.onReply((reply) => {
      if (reply.quotes === null) this.#undone.push(reply.chunk);
      else this.#results[reply.chunk] = reply.quotes;
      this.#wake?.();
    });
    thread.onLost(() => {
      this.#thread = null;
      this.#wake?.();
    });
    thread.post({ type: 'setup', claims: this.#claims.buffer as SharedArrayBuffer, indirect: this.#options.indirect });
    for (let c = 0; c < this.#ends.length; c++) thread.post({ type: 'chunk', chunk: c, texts: this.#chunk(c) });
  }
}

/** Every article's quotes, in the articles' order. */
export function quoteBatch(texts: readonly TextToQuote[], options: BatchOptions & { extract: Extractor }): Promise<Quote[][]> {
  const batch = new QuoteBatch(options);
  batch.add(texts);
  return batch.finish(options.extract);
}

/** A worker thread for the batch, or null on one core or without the built worker. */
function workerThread(): QuoteThread | null {
  if (!secondThreadWanted()) return null;
  const file = builtWorkerFile(new URL('../commands/quote-worker.js', import.meta.url));
  if (file === null) return null;
  // Kept referenced: the batch waits on its replies, and stops it when done, even on an error.
  return linkWorker(new Worker(file));
}
