import type { Dispatch } from 'react';
import { InkwireError } from '../errors.js';
import type { Article } from '../article.js';
import type { Action } from '../store/actions.js';
import type { BookmarkStore, SavedQuote } from '../store/bookmarks/types.js';
import type { Effect } from '../store/state.js';
import type { Services } from './services.js';

const STORE_EFFECTS = new Set<Effect['type']>(['toggleBookmark', 'removeBookmark', 'restoreBookmark', 'saveQuote', 'loadArticle', 'loadPosition', 'savePosition']);

/**
 * Runs one side effect the reducer asked for and reports the outcome as actions. Store
 * failures (a read-only disk, a damaged file) become a status-bar message, never a crash.
 */
export function runEffect(effect: Effect, services: Services, dispatch: Dispatch<Action>, exit: () => void): void {
  // A store still opening in the background: its effects wait for it, in the order asked.
  if (services.storeReady && STORE_EFFECTS.has(effect.type)) {
    const opened = { ...services, storeReady: undefined };
    void services.storeReady.then(() => runEffect(effect, opened, dispatch, exit));
    return;
  }
  const { store } = services;
  const fail = (what: string, error: unknown) =>
    dispatch({ type: 'flash', tone: 'error', text: `${what}: ${error instanceof Error ? error.message : String(error)}` });
  const changed = () => dispatch({ type: 'bookmarksChanged', bookmarks: store.list() });
  try {
    switch (effect.type) {
      case 'toggleBookmark': {
        const on = store.toggle(effect.article);
        changed();
        dispatch({ type: 'flash', text: on ? 'Bookmarked' : 'Bookmark removed' });
        return;
      }
      case 'removeBookmark':
        store.remove(effect.bookmark.id);
        changed();
        return;
      case 'restoreBookmark':
        store.restore(effect.bookmark);
        changed();
        dispatch({ type: 'flash', text: `Restored “${effect.bookmark.title}”` });
        return;
      case 'saveQuote': {
        let said: string;
        try {
          said = saveQuote(store, effect.article, effect.quote);
        } catch (error) {
          fail('Could not save the quote', error);
          return;
        }
        changed();
        dispatch({ type: 'flash', text: said });
        return;
      }
      case 'loadArticle': {
        const article = store.loadArticle(effect.bookmark.id);
        if (article) dispatch({ type: 'open', article });
        else dispatch({ type: 'flash', tone: 'error', text: 'No saved copy of this article; o opens it in the browser' });
        return;
      }
      case 'loadPosition': {
        const position = store.getPosition(effect.articleId);
        if (position !== undefined) dispatch({ type: 'positionLoaded', articleId: effect.articleId, position });
        return;
      }
      case 'savePosition':
        store.setPosition(effect.articleId, effect.position);
        return;
      case 'openUrl':
        void services.openUrl(effect.url).then((error) => {
          dispatch(error ? { type: 'flash', tone: 'error', text: error } : { type: 'flash', text: 'Opened in the browser' });
        });
        return;
      case 'copy':
        dispatch(
          services.copy(effect.text)
            ? { type: 'flash', text: `${effect.what} copied` }
            : { type: 'flash', tone: 'error', text: `${effect.what} is too long to copy` },
        );
        return;
      case 'fetchFullText': {
        const { article } = effect;
        void services.fullText(article).then(
          (full) => dispatch({ type: 'fullTextLoaded', articleId: article.id, article: full === article ? null : full }),
          (error: unknown) => dispatch({ type: 'fullTextFailed', articleId: article.id, reason: reasonOf(error) }),
        );
        return;
      }
      case 'exit':
        exit();
        return;
    }
  } catch (error) {
    fail('Bookmarks', error);
  }
}

/** Saves a quote with the article's bookmark and says what that did. */
function saveQuote(store: BookmarkStore, article: Article, quote: SavedQuote): string {
  const before = store.get(article.id);
  const after = store.addQuote(article, quote);
  if (!before) return 'Saved quote to bookmarks (article bookmarked)';
  // The store keeps one copy of each quote: nothing added means it was there already.
  return after.quotes.length > before.quotes.length ? 'Saved quote to bookmarks' : 'Quote already saved';
}

/** The part of an error worth a status line: a fetch error's subject is the address itself. */
function reasonOf(error: unknown): string {
  if (error instanceof InkwireError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
