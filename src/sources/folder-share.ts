// A big folder's files shared with a second thread (see loadSummaries): the files are cut into
// numbered chunks of CHUNK_FILES, and both threads claim the next chunk from one shared
// counter (io/threads.ts), so each reads and summarizes every other stretch of the folder and
// a thread that starts late or shares its core takes fewer. The worker sends each chunk's
// outcomes back as one message; this thread reports them with its own, in the files' order,
// so what a command prints is the same, byte for byte, as on one thread. A chunk the worker
// claimed but could not finish (it failed or stopped) is read here.

import { Worker } from 'node:worker_threads';
import type { ArticleSummary } from '../article.js';
import { builtWorkerFile, claimChunk, linkWorker, secondThreadWanted, type ThreadLink } from '../io/threads.js';
import type { FileRead, FolderHelper } from './load.js';

/** Files per chunk: a few milliseconds of work, and a message small enough to answer at once. */
export const CHUNK_FILES = 256;

/** A file's outcome as the worker sends it (its place is its rank in the chunk), with the warnings it gave. */
export type FileOutcome = FileRead<ArticleSummary> & { warnings?: string[] };

/** To the worker, once: the files, the counter and the limits. */
export interface FolderJob {
  paths: readonly string[];
  claims: SharedArrayBuffer;
  maxBytes: number;
  timeoutMs: number | undefined;
}

/** From the worker: a chunk's outcomes, one per file in order. */
export interface FolderChunkReply {
  chunk: number;
  outcomes: FileOutcome[];
}

/**
 * The messages a share needs of its second thread (a Worker, or a stand-in in tests): the job
 * once, by `start`. It is lost, too, when it ends, whether or not its work is done.
 */
export type FolderThread = Omit<ThreadLink<FolderJob, FolderChunkReply>, 'post'> & { start(job: FolderJob): void };

/** Which thread reads a chunk: not known until this thread comes to it. */
const enum Owner {
  unknown = 0,
  here = 1,
  worker = 2,
}

export class FolderShare {
  readonly #claims = new Int32Array(new SharedArrayBuffer(4));
  readonly #owner: Uint8Array;
  readonly #chunks: number;
  readonly #files: number;
  /** Chunks whose outcomes are in (from the worker) or taken back to be read here. */
  readonly #settled: Uint8Array;
  #thread: FolderThread | null;
  #wake: (() => void) | undefined;

  /** `onOutcome` gets each file the worker read, by its rank among the shared files. */
  constructor(job: Omit<FolderJob, 'claims'>, thread: FolderThread, onOutcome: (rank: number, outcome: FileOutcome) => void) {
    this.#files = job.paths.length;
    this.#chunks = Math.ceil(this.#files / CHUNK_FILES);
    this.#owner = new Uint8Array(this.#chunks);
    this.#settled = new Uint8Array(this.#chunks);
    this.#thread = thread;
    thread.onReply(({ chunk, outcomes }) => {
      if (this.#settled[chunk]) return;
      this.#settled[chunk] = 1;
      outcomes.forEach((outcome, i) => onOutcome(chunk * CHUNK_FILES + i, outcome));
      this.#wake?.();
    });
    thread.onLost(() => {
      this.#thread = null;
      this.#wake?.();
    });
    thread.start({ ...job, claims: this.#claims.buffer as SharedArrayBuffer });
  }

  /**
   * Whether this thread reads the shared file of this rank. Called in rank order: the first
   * file of each chunk claims the next chunk free, and those the worker took before it are
   * the worker's.
   */
  mine(rank: number): boolean {
    const chunk = Math.floor(rank / CHUNK_FILES);
    if (this.#owner[chunk] === Owner.unknown) {
      const claimed = claimChunk(this.#claims, this.#chunks);
      const end = claimed === -1 ? this.#chunks : claimed;
      for (let c = chunk; c < end; c++) if (this.#owner[c] === Owner.unknown) this.#owner[c] = Owner.worker;
      if (claimed !== -1) this.#owner[claimed] = Owner.here;
    }
    return this.#owner[chunk] === Owner.here;
  }

  /**
   * Once this thread has read its own chunks: waits for the worker's, and gives the ranks of
   * those it could not finish, for this thread to read.
   */
  async rest(): Promise<number[]> {
    for (;;) {
      const missing: number[] = [];
      for (let c = 0; c < this.#chunks; c++) if (this.#owner[c] === Owner.worker && !this.#settled[c]) missing.push(c);
      if (missing.length === 0) break;
      if (this.#thread) {
        await new Promise<void>((resolve) => (this.#wake = resolve));
        continue;
      }
      const ranks: number[] = [];
      for (const c of missing) {
        this.#settled[c] = 1;
        for (let r = c * CHUNK_FILES; r < Math.min((c + 1) * CHUNK_FILES, this.#files); r++) ranks.push(r);
      }
      return ranks;
    }
    this.stop();
    return [];
  }

  stop(): void {
    this.#thread?.stop();
    this.#thread = null;
    this.#wake?.();
  }
}

/**
 * The second thread of `inkwire list` (see FolderHelper in load.ts): it starts as soon as a
 * folder's walk has found enough files, and is ready by the time the walk is done. There is
 * none on one core (see spareCore), when INKWIRE_THREADS=1, or without the built worker
 * (running from the sources).
 */
export class FolderSharing implements FolderHelper {
  #thread: FolderThread | null | undefined;

  warm(): void {
    if (this.#thread !== undefined) return;
    const file = secondThreadWanted() ? builtWorkerFile(new URL('../sources/folder-worker.js', import.meta.url)) : null;
    this.#thread = file === null ? null : workerThread(file);
  }

  share(job: Omit<FolderJob, 'claims'>, onOutcome: ConstructorParameters<typeof FolderShare>[2]): FolderShare | null {
    this.warm();
    return this.#thread ? new FolderShare(job, this.#thread, onOutcome) : null;
  }

  cancel(): void {
    this.#thread?.stop();
  }
}

function workerThread(file: string): FolderThread {
  // Its young generation kept small: the summaries it makes are short-lived, and a bigger
  // nursery is memory the folder's peak pays for without saving time.
  const worker = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: 12 } });
  const link = linkWorker<FolderJob, FolderChunkReply>(worker);
  // Loading before it has work, it does not keep the process: if the work never comes (a
  // failure on the way), the process ends as it would without it.
  worker.unref();
  return {
    ...link,
    start: (job) => {
      worker.ref();
      link.post(job);
    },
  };
}
