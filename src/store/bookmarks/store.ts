// The BookmarkStore methods, written once over a small backend: the disk store and the
// in-memory one differ only in where state and article copies live and how changes are kept.
import { isAbsolute, resolve } from 'node:path';
import type { Article } from '../../article.js';
import {
  bookmarkById,
  cleanNote,
  cleanQuote,
  cleanTags,
  draftOf,
  listNewestFirst,
  listRemoved,
  matching,
  positionOf,
  removalKeys,
  type Outcome,
  type StoreRecord,
  type StoreState,
} from './model.js';
import type { BookmarkStore, ToggleResult, WaitOptions } from './types.js';

/** A change planned on the current state: the record to write, and what its outcome means to the caller. */
export interface Planned<T> {
  record: StoreRecord;
  result(outcome: Outcome): T;
}

export interface StoreBackend {
  /** The current state, as on disk now. Callers read it and never change it. */
  read(): Promise<StoreState>;
  /**
   * Plans a change on the current state with no other writer in between, saves it and
   * applies it; undefined when `plan` found nothing to change.
   */
  change<T>(plan: (state: StoreState) => Planned<T> | undefined, wait?: WaitOptions): Promise<T | undefined>;
  /** Saves a change that needs no look at the state first (an add): no read of the store. */
  blind(record: StoreRecord, wait?: WaitOptions): Promise<void>;
  saveArticle(article: Article): Promise<void>;
  loadArticle(id: string): Promise<Article | undefined>;
  pruneArticles(keep: ReadonlySet<string>): Promise<number>;
  readonly warnings: readonly string[];
}

export function storeOn(backend: StoreBackend, now: () => Date = () => new Date()): BookmarkStore {
  const at = () => now().toISOString();
  return {
    get warnings() {
      return backend.warnings;
    },
    list: async () => listNewestFirst(await backend.read()),
    get: async (id) => bookmarkById(await backend.read(), id),
    has: async (id) => (await backend.read()).bookmarks.has(id),
    async add(given, options = {}, wait) {
      const article = locatedArticle(given);
      const draft = draftOf(article);
      const note = cleanNote(options.note);
      // The copy is saved before the bookmark, so a bookmark never points at a missing copy.
      await backend.saveArticle(article);
      await backend.blind({ op: 'add', at: at(), draft, tags: cleanTags(options.tags ?? []), ...(note === undefined ? {} : { note }) }, wait);
      return { id: draft.id, title: draft.title };
    },
    async remove(idOrUrl, wait) {
      const removed = await backend.change(() => ({ record: { op: 'remove', at: at(), keys: removalKeys(idOrUrl) }, result: (o) => o.bookmarks }), wait);
      return removed ?? [];
    },
    async restore(bookmark, wait) {
      await backend.change(() => ({ record: { op: 'restore', bookmark }, result: () => undefined }), wait);
    },
    async restoreRemoved(idOrUrl, wait) {
      const back = await backend.change(
        (state) => (hasRemoved(state, idOrUrl) ? { record: { op: 'revive', key: idOrUrl }, result: (o) => o.bookmarks } : undefined),
        wait,
      );
      return back ?? [];
    },
    listRemoved: async () => listRemoved(await backend.read()),
    async toggle(given, wait) {
      const article = locatedArticle(given);
      const draft = draftOf(article);
      await backend.saveArticle(article);
      const result = await backend.change<ToggleResult>((state) => {
        if (matching(state, draft.id, draft.url).length > 0) {
          const keys = draft.url ? [draft.id, draft.url] : [draft.id];
          return { record: { op: 'remove', at: at(), keys }, result: (o) => ({ on: false, removed: o.bookmarks }) };
        }
        return { record: { op: 'add', at: at(), draft, tags: [] }, result: (o) => ({ on: true, bookmark: o.bookmark!, revived: o.revived }) };
      }, wait);
      return result!;
    },
    async addQuote(given, quote, wait) {
      const article = locatedArticle(given);
      const clean = cleanQuote(quote);
      if (!clean) return;
      await backend.saveArticle(article);
      await backend.blind({ op: 'quote', at: at(), draft: draftOf(article), quote: clean }, wait);
    },
    loadArticle: (id) => backend.loadArticle(id),
    getPosition: async (articleId) => positionOf(await backend.read(), articleId),
    async setPosition(articleId, position, wait) {
      if (!Number.isSafeInteger(position) || position < 0) throw new RangeError(`not a reading position: ${position}`);
      // Reading positions are saved often; an unchanged one costs no lock and no write.
      if (positionOf(await backend.read(), articleId) === position) return;
      await backend.blind({ op: 'position', id: articleId, position }, wait);
    },
    async merge(bookmarks, wait) {
      const result = await backend.change(() => ({ record: { op: 'merge', at: at(), bookmarks: [...bookmarks] }, result: (o) => o.merge! }), wait);
      return result!;
    },
    async prune() {
      const state = await backend.read();
      return backend.pruneArticles(new Set([...state.bookmarks.keys(), ...state.removed.keys()]));
    },
  };
}

function hasRemoved(state: StoreState, idOrUrl: string): boolean {
  if (state.removed.has(idOrUrl)) return true;
  return removalKeys(idOrUrl).some((key) => state.removedWithUrl(key).length > 0);
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
