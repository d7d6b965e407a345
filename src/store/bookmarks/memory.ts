import type { Article } from '../../article.js';
import { EMPTY_STATE, type StoreState } from './model.js';
import { storeOn } from './store.js';
import type { BookmarkStore } from './types.js';

/** A store that lives and dies with the process: for tests and for runs that must not persist. */
export function memoryBookmarkStore(options: { now?: () => Date } = {}): BookmarkStore {
  let state: StoreState = EMPTY_STATE;
  const articles = new Map<string, Article>();
  return storeOn(
    {
      read: () => state,
      update(change) {
        const { state: next, result } = change(state);
        state = next;
        return result;
      },
      saveArticle: (article) => void articles.set(article.id, structuredClone(article)),
      loadArticle(id) {
        const article = articles.get(id);
        return article && structuredClone(article);
      },
      // Kept like the disk store keeps a released copy, so undo finds it.
      releaseArticle: () => undefined,
      // No other process can want a released copy back, so no grace period here.
      pruneArticles(keep) {
        let removed = 0;
        for (const id of articles.keys()) {
          if (keep.has(id)) continue;
          articles.delete(id);
          removed++;
        }
        return removed;
      },
      warnings: [],
    },
    options.now,
  );
}
