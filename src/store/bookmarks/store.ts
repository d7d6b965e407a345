// The BookmarkStore methods, written once over a small backend: the conf-backed store and the
// in-memory one differ only in where state and article copies live and how updates are guarded.
import { isAbsolute, resolve } from 'node:path';
import type { Article } from '../../article.js';
import {
  addArticle,
  addQuoteTo,
  bookmarkById,
  listNewestFirst,
  mergeBookmarks,
  positionOf,
  removeMatching,
  restoreBookmark,
  setPosition,
  toggleArticle,
  type Change,
  type StoreState,
} from './model.js';
import type { BookmarkStore } from './types.js';

export interface StoreBackend {
  /** The current state, as on disk now. */
  read(): StoreState;
  /** Applies `change` to the current state with no other writer in between, and saves it. */
  update<T>(change: (state: StoreState) => Change<T>): T;
  saveArticle(article: Article): void;
  loadArticle(id: string): Article | undefined;
  /** The copy lost its bookmark; it is kept a while for undo. */
  releaseArticle(id: string): void;
  pruneArticles(keep: ReadonlySet<string>): number;
  readonly warnings: readonly string[];
}

export function storeOn(backend: StoreBackend, now: () => Date = () => new Date()): BookmarkStore {
  // The copy is saved before the bookmark, so a bookmark never points at a missing copy.
  const addWith = (article: Article, change: (state: StoreState) => ReturnType<typeof addArticle>) => {
    backend.saveArticle(article);
    const { bookmark, replaced } = backend.update(change);
    for (const id of replaced) backend.releaseArticle(id);
    return bookmark;
  };
  return {
    get warnings() {
      return backend.warnings;
    },
    list: () => listNewestFirst(backend.read()),
    get: (id) => bookmarkById(backend.read(), id),
    has: (id) => Object.hasOwn(backend.read().bookmarks, id),
    add(given, options = {}) {
      const article = locatedArticle(given);
      return addWith(article, (state) => addArticle(state, article, options, now()));
    },
    remove(idOrUrl) {
      const removed = backend.update((state) => removeMatching(state, idOrUrl));
      for (const bookmark of removed) backend.releaseArticle(bookmark.id);
      return removed;
    },
    restore(bookmark) {
      backend.update((state) => ({ state: restoreBookmark(state, bookmark), result: undefined }));
    },
    toggle(given) {
      const article = locatedArticle(given);
      backend.saveArticle(article);
      const removed = backend.update((state) => toggleArticle(state, article, now()));
      // On removal the copy just written belongs to no bookmark; undo may still want it.
      if (removed.length === 0) return true;
      for (const id of new Set([article.id, ...removed.map((b) => b.id)])) backend.releaseArticle(id);
      return false;
    },
    addQuote(given, quote) {
      const article = locatedArticle(given);
      return addWith(article, (state) => addQuoteTo(state, article, quote, now()));
    },
    loadArticle: (id) => backend.loadArticle(id),
    getPosition: (articleId) => positionOf(backend.read(), articleId),
    setPosition(articleId, position) {
      if (!Number.isSafeInteger(position) || position < 0) throw new RangeError(`not a reading position: ${position}`);
      // Reading positions are saved often; an unchanged one costs no lock and no write.
      if (positionOf(backend.read(), articleId) === position) return;
      backend.update((state) => ({ state: setPosition(state, articleId, position), result: undefined }));
    },
    merge: (bookmarks) => backend.update((state) => mergeBookmarks(state, bookmarks)),
    prune: () => backend.pruneArticles(new Set(Object.keys(backend.read().bookmarks))),
  };
}

/**
 * The article with a relative file path as its source made absolute: a bookmark outlives the
 * folder it was added from, and a browser export needs a full file address.
 */
function locatedArticle(article: Article): Article {
  const { source } = article;
  // `stdin` is what the loader names piped input; a scheme (https:) marks a URL.
  if (source === 'stdin' || /^[a-z][a-z0-9+.-]*:/i.test(source) || isAbsolute(source)) return article;
  return { ...article, source: resolve(source) };
}
