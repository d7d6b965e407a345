import type { BookmarkStore } from './types.js';

/**
 * A bookmark store that opens in the background, so reading the file does not delay the
 * reader's first frame. Every call waits for it to open (in the order made), then goes to it;
 * a store that failed to open fails every call with that reason.
 */
export interface DeferredStore extends BookmarkStore {
  /** Opens the real store (once, however often it is called); settles when it is open or failed. */
  start(): Promise<void>;
  /** The same promise start() returns, available before it is called. */
  readonly ready: Promise<void>;
}

export function deferredStore(open: () => Promise<BookmarkStore>): DeferredStore {
  let real: BookmarkStore | undefined;
  let failure: Error | undefined;
  let started = false;
  let settle!: () => void;
  const ready = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const start = (): Promise<void> => {
    if (!started) {
      started = true;
      open()
        .then(
          (store) => {
            real = store;
          },
          (error: unknown) => {
            failure = error instanceof Error ? error : new Error(String(error));
          },
        )
        .finally(settle);
    }
    return ready;
  };
  const opened = async (): Promise<BookmarkStore> => {
    await start();
    if (real) return real;
    throw failure!;
  };
  return {
    ready,
    start,
    list: async () => (await opened()).list(),
    get: async (id) => (await opened()).get(id),
    has: async (id) => (await opened()).has(id),
    add: async (article, options, wait) => (await opened()).add(article, options, wait),
    remove: async (idOrUrl, wait) => (await opened()).remove(idOrUrl, wait),
    restore: async (bookmark, wait) => (await opened()).restore(bookmark, wait),
    restoreRemoved: async (idOrUrl, wait) => (await opened()).restoreRemoved(idOrUrl, wait),
    listRemoved: async () => (await opened()).listRemoved(),
    toggle: async (article, wait) => (await opened()).toggle(article, wait),
    addQuote: async (article, quote, wait) => (await opened()).addQuote(article, quote, wait),
    loadArticle: async (id) => (await opened()).loadArticle(id),
    getPosition: async (articleId) => (await opened()).getPosition(articleId),
    setPosition: async (articleId, position, wait) => (await opened()).setPosition(articleId, position, wait),
    merge: async (bookmarks, wait) => (await opened()).merge(bookmarks, wait),
    prune: async () => (await opened()).prune(),
    get warnings() {
      if (real) return real.warnings;
      return failure ? [`bookmarks: ${failure.message}`] : [];
    },
  };
}
