import type { Command } from '../input/commands.js';
import type { Bookmark } from './bookmarks/types.js';
import { cursorCommand } from './list-reducer.js';
import { openArticle } from './reader-reducer.js';
import { listHeight } from './selectors.js';
import type { AppState, BookmarksState } from './state.js';
import { flash, popScreen, quit, request } from './update.js';

function setBookmarks(state: AppState, patch: Partial<BookmarksState>): AppState {
  return { ...state, bookmarks: { ...state.bookmarks, ...patch } };
}

export function bookmarksCommand(state: AppState, command: Command): AppState {
  const view = state.bookmarks;
  const moved = cursorCommand(command, view.cursor, view.offset, view.items.length, listHeight(state));
  if (moved) return setBookmarks(state, moved);
  const bookmark = view.items[view.cursor];
  switch (command) {
    case 'open': {
      if (!bookmark) return state;
      const loaded = state.articles.find((a) => a.id === bookmark.id);
      return loaded ? openArticle(state, loaded) : request(state, { type: 'loadArticle', bookmark });
    }
    case 'back':
      // The bookmarks are the first view when inkwire starts with nothing to read.
      return state.stack.length > 1 ? popScreen(state) : quit(state);
    case 'openInBrowser':
      if (!bookmark) return state;
      return bookmark.url ? request(state, { type: 'openUrl', url: bookmark.url }) : flash(state, 'This bookmark has no web address');
    case 'removeBookmark': {
      if (!bookmark) return state;
      const items = view.items.filter((b) => b.id !== bookmark.id);
      const next = setBookmarks(state, {
        items,
        cursor: Math.min(view.cursor, Math.max(0, items.length - 1)),
        removed: [...view.removed, bookmark],
      });
      return flash(request(next, { type: 'removeBookmark', bookmark }), `Removed “${bookmark.title}”; z undoes`);
    }
    case 'undoRemove': {
      const last = view.removed[view.removed.length - 1];
      if (!last) return flash(state, 'Nothing to undo');
      const next = setBookmarks(state, { removed: view.removed.slice(0, -1) });
      return request(next, { type: 'restoreBookmark', bookmark: last });
    }
    default:
      return state;
  }
}

/** The store changed (a toggle, a removal, an undo): show what it holds now. */
export function bookmarksChanged(state: AppState, items: readonly Bookmark[]): AppState {
  const cursor = Math.min(state.bookmarks.cursor, Math.max(0, items.length - 1));
  return {
    ...state,
    bookmarks: { ...state.bookmarks, items, cursor },
    bookmarked: new Set(items.map((b) => b.id)),
  };
}
