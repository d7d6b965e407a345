import type { Article } from '../../article.js';
import { applyRecord, StoreState } from './model.js';
import { storeOn } from './store.js';
import type { BookmarkStore } from './types.js';

/** A store that lives and dies with the process: for tests and for runs that must not persist. */
export function memoryBookmarkStore(options: { now?: () => Date } = {}): BookmarkStore {
  const state = new StoreState();
  const articles = new Map<string, Article>();
  return storeOn(
    {
      read: async () => state,
      async change(plan) {
        const planned = plan(state);
        return planned && planned.result(applyRecord(state, planned.record));
      },
      async blind(record) {
        applyRecord(state, record);
      },
      saveArticle: async (article) => void articles.set(article.id, structuredClone(article)),
      async loadArticle(id) {
        const article = articles.get(id);
        return article && structuredClone(article);
      },
      // No other process can want a released copy back, so no grace period here.
      async pruneArticles(keep) {
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
