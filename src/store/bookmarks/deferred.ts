import type { Article } from '../../article.js';
import type { AddOptions, Bookmark, BookmarkStore, MergeResult, SavedQuote } from './types.js';

/**
 * A bookmark store that opens in the background, so loading conf and reading the file does
 * not delay the reader's first frame. Until it is open, reads see no bookmarks and writes
 * fail with a message to try again, so nothing is ever half-saved.
 */
export interface DeferredStore extends BookmarkStore {
  /** Opens the real store (once, however often it is called); settles when it is open or failed. */
  start(): Promise<void>;
  /** The same promise start() returns, available before it is called. */
  readonly ready: Promise<void>;
}

export class StoreNotReadyError extends Error {
  constructor() {
    super('still opening the bookmarks; try again in a moment');
    this.name = 'StoreNotReadyError';
  }
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
      open().then(
        (store) => {
          real = store;
        },
        (error: unknown) => {
          failure = error instanceof Error ? error : new Error(String(error));
        },
      ).finally(settle);
    }
    return ready;
  };
  const writable = (): BookmarkStore => {
    if (real) return real;
    throw failure ?? new StoreNotReadyError();
  };
  return {
    ready,
    start,
    list: () => real?.list() ?? [],
    get: (id: string) => real?.get(id),
    has: (id: string) => real?.has(id) ?? false,
    add: (article: Article, options?: AddOptions) => writable().add(article, options),
    remove: (idOrUrl: string) => writable().remove(idOrUrl),
    restore: (bookmark: Bookmark) => writable().restore(bookmark),
    toggle: (article: Article) => writable().toggle(article),
    addQuote: (article: Article, quote: SavedQuote) => writable().addQuote(article, quote),
    loadArticle: (id: string) => real?.loadArticle(id),
    getPosition: (articleId: string) => real?.getPosition(articleId),
    setPosition: (articleId: string, position: number) => writable().setPosition(articleId, position),
    merge: (bookmarks: readonly Bookmark[]): MergeResult => writable().merge(bookmarks),
    prune: () => writable().prune(),
    get warnings() {
      if (real) return real.warnings;
      return failure ? [`bookmarks: ${failure.message}`] : [];
    },
  };
}
