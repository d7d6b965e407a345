import type { Command } from '../input/commands.js';
import { ensureVisible, moveCursor } from '../text/viewport.js';
import { openArticle } from './reader-reducer.js';
import { listHeight } from './selectors.js';
import type { AppState, ListState } from './state.js';
import { flash, pushScreen, quit, request } from './update.js';

/** Moves a cursor through `count` rows shown `height` at a time; shared by every list view. */
export function cursorCommand(
  command: Command,
  cursor: number,
  offset: number,
  count: number,
  height: number,
): { cursor: number; offset: number } | null {
  const half = Math.max(1, Math.floor(height / 2));
  const deltas: Partial<Record<Command, number>> = {
    down: 1,
    up: -1,
    pageDown: height,
    pageUp: -height,
    halfDown: half,
    halfUp: -half,
    top: -Infinity,
    bottom: Infinity,
  };
  const delta = deltas[command];
  if (delta === undefined) return null;
  const next = delta === -Infinity ? 0 : delta === Infinity ? count - 1 : cursor + delta;
  const moved = moveCursor(next, 0, count);
  // A page moves the window with the cursor, as in less, rather than only far enough.
  const paged = command === 'pageDown' || command === 'pageUp' ? offset + (moved - cursor) : offset;
  return { cursor: moved, offset: ensureVisible(moved, Math.max(0, paged), height, count) };
}

function setList(state: AppState, patch: Partial<ListState>): AppState {
  return { ...state, list: { ...state.list, ...patch } };
}

export function listCommand(state: AppState, command: Command): AppState {
  const { list } = state;
  const moved = cursorCommand(command, list.cursor, list.offset, list.matches.length, listHeight(state));
  if (moved) return setList(state, moved);
  const article = state.articles[list.matches[list.cursor] ?? -1];
  switch (command) {
    case 'open':
      return article ? openArticle(state, article) : state;
    case 'find':
      return setList(state, { editing: true });
    case 'clearFilter':
      return list.filter ? applyFilter(state, '') : state;
    case 'quit':
      return quit(state);
    case 'toggleBookmark':
      return article ? request(state, { type: 'toggleBookmark', article }) : state;
    case 'openInBrowser':
      if (!article) return state;
      return article.url ? request(state, { type: 'openUrl', url: article.url }) : flash(state, 'This article has no web address');
    case 'showBookmarks':
      return pushScreen(state, 'bookmarks');
    default:
      return state;
  }
}

/** Filters as you type: every word must appear in the title, site, source or tags. */
export function applyFilter(state: AppState, filter: string): AppState {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const matches: number[] = [];
  state.haystacks.forEach((haystack, i) => {
    if (words.every((w) => haystack.includes(w))) matches.push(i);
  });
  return setList(state, { filter, matches, cursor: 0, offset: 0 });
}

export function acceptFilter(state: AppState): AppState {
  return setList(state, { editing: false });
}
