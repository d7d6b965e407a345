import type { WaitOptions } from '../store/bookmarks/types.js';

/**
 * The interface's bookmark-store operations in flight. None blocks the event loop: one that
 * waits for another process's lock waits on timers, and keys go on being handled. On quit,
 * `settle` stops every wait at once (nothing of those is changed), lets the work already
 * under way finish (milliseconds), and says what was not saved, for stderr.
 */
export class StoreWork {
  readonly #quit = new AbortController();
  readonly #pending = new Set<Promise<unknown>>();
  readonly #unsaved: string[] = [];

  /**
   * Runs `op`; resolves undefined when it was stopped by quitting while it waited. `what`
   * names it for the report ("the bookmark of “…”"); undefined keeps it out of the report.
   */
  track<T>(what: string | undefined, op: (wait: WaitOptions) => Promise<T>, onWait?: (holder: string) => void): Promise<T | undefined> {
    const run = op({ signal: this.#quit.signal, onWait }).catch((error: unknown) => {
      if (!isAbortedWait(error)) throw error;
      if (what) this.#unsaved.push(`${what} (${error.holder} was holding the bookmarks)`);
      return undefined;
    });
    this.#pending.add(run);
    void run.finally(() => this.#pending.delete(run)).catch(() => undefined);
    return run;
  }

  /** Stops the waits, lets the rest finish; returns one line per change not saved. */
  async settle(): Promise<string[]> {
    this.#quit.abort();
    await Promise.allSettled([...this.#pending]);
    return [...this.#unsaved];
  }
}

/**
 * The store's LockWaitAborted, told by name: this module is in the start-up bundle and the
 * store in the lazy one, each with its own copy of the class (see scripts/build.mjs).
 */
function isAbortedWait(error: unknown): error is Error & { holder: string } {
  return error instanceof Error && error.name === 'LockWaitAborted' && typeof (error as { holder?: unknown }).holder === 'string';
}
