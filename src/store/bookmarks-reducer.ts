import type { Command } from '../input/commands.js';
import { keyLabel, keysFor } from '../input/keymap.js';
import type { Bookmark } from './bookmarks/types.js';
import { cursorCommand } from './list-reducer.js';
import { openArticle, relayout } from './reader-reducer.js';
import { keyContext, listHeight } from './selectors.js';
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
      // The undo key first: a long title is cut off at the end of the status bar.
      return flash(request(next, { type: 'removeBookmark', bookmark }), `Bookmark removed${undoHint(next)}: “${bookmark.title}”`);
    }
    default:
      return state;
  }
}

/**
 * `u` (or `z`), in any view: the last bookmark removed in this session comes back as it was,
 * note, tags, quotes and reading position.
 */
export function undoRemoval(state: AppState): AppState {
  const { removed } = state.bookmarks;
  const last = removed[removed.length - 1];
  if (!last) return flash(state, 'Nothing to undo');
  const next = setBookmarks(state, { removed: removed.slice(0, -1) });
  return request(next, { type: 'restoreBookmark', bookmark: last });
}

/** `s` removed bookmarks: each can be brought back with undo, and the status bar says how. */
export function bookmarksRemoved(state: AppState, bookmarks: readonly Bookmark[]): AppState {
  if (bookmarks.length === 0) return state;
  const next = setBookmarks(state, { removed: [...state.bookmarks.removed, ...bookmarks] });
  const what = bookmarks.length === 1 ? 'Bookmark removed' : `${bookmarks.length} bookmarks removed`;
  return flash(next, `${what}${undoHint(next)}`);
}

/** " (u to undo)", with the undo key of the view the user is in. */
function undoHint(state: AppState): string {
  const key = keysFor(keyContext(state), 'undoRemove')[0];
  return key ? ` (${keyLabel(key)} to undo)` : '';
}

/** The store changed (a toggle, a removal, an undo): show what it holds now. */
export function bookmarksChanged(state: AppState, items: readonly Bookmark[]): AppState {
  const cursor = Math.min(state.bookmarks.cursor, Math.max(0, items.length - 1));
  const next = {
    ...state,
    bookmarks: { ...state.bookmarks, items, cursor },
    bookmarked: new Set(items.map((b) => b.id)),
  };
  // The reader's header shows ★ for a bookmarked article: it is laid out again when that changes.
  const id = state.reader?.article.id;
  return id !== undefined && state.bookmarked.has(id) !== next.bookmarked.has(id) ? relayout(next) : next;
}
