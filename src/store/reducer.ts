import type { Command, KeyContext } from '../input/commands.js';
import type { KeyPress } from '../input/keys.js';
import { resolveKey } from '../input/keymap.js';
import { clampTop, ensureVisible, lineAtOffset } from '../text/viewport.js';
import type { Action } from './actions.js';
import { bookmarksChanged, bookmarksCommand, bookmarksRemoved, undoRemoval } from './bookmarks-reducer.js';
import { entriesCommand, feedEntriesLoaded, feedsCommand, feedsLoaded, firstUnreadIndex, refreshProgress } from './library-reducer.js';
import { linksCommand } from './links-reducer.js';
import { acceptFilter, applyFilter, articlesLoaded, listCommand, loadFailed, loadFinished, loadProgress } from './list-reducer.js';
import {
  acceptSearch,
  fullTextFailed,
  fullTextLoaded,
  openArticle,
  readerCommand,
  rememberPosition,
  relayout,
  searchText,
  setReader,
} from './reader-reducer.js';
import { helpLineCount, keyContext, listHeight, readerHeight, sidebarBox } from './selectors.js';
import { revealQuote } from './sidebar-layout.js';
import { quotesLoaded, sidebarCommand } from './sidebar-reducer.js';
import type { AppState } from './state.js';
import { currentScreen, flash, pushScreen, quit } from './update.js';

/** The whole app's update function: pure, so every key sequence is testable without a terminal. */
export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'key':
      return pressKey(state, action.key);
    case 'resize':
      return resize(state, action.columns, action.rows);
    case 'open':
      return openArticle(state, action.article);
    case 'quotesLoaded':
      return quotesLoaded(state, action.articleId, action.quotes);
    case 'positionLoaded': {
      const reader = state.reader;
      if (!reader || reader.article.id !== action.articleId || !reader.untouched) return state;
      const top = clampTop(lineAtOffset(reader.lines, action.position), reader.lines.length, readerHeight(state));
      return setReader(state, { top, untouched: false, anchor: null });
    }
    case 'bookmarksChanged':
      return bookmarksChanged(state, action.bookmarks);
    case 'bookmarksRemoved':
      return bookmarksRemoved(state, action.bookmarks);
    case 'flash':
      return flash(state, action.text, action.tone);
    case 'clearFlash':
      return state.flash?.id === action.id ? { ...state, flash: null } : state;
    case 'effectsTaken':
      return { ...state, effects: state.effects.filter((e) => e.id > action.upTo) };
    case 'loadProgress':
      return loadProgress(state, action.done, action.total);
    case 'articlesLoaded':
      return articlesLoaded(state, action.order, action.articles);
    case 'loadFailed':
      return loadFailed(state, action.message);
    case 'loadFinished':
      return loadFinished(state);
    case 'fullTextLoaded':
      return fullTextLoaded(state, action.articleId, action.article);
    case 'fullTextFailed':
      return fullTextFailed(state, action.articleId, action.reason);
    case 'feedsLoaded':
      return feedsLoaded(state, action.feeds);
    case 'feedEntries': {
      const shown = feedEntriesLoaded(state, action.feedId, action.entries, action.title);
      const first = action.firstUnread ? firstUnreadIndex(shown) : -1;
      return first >= 0 ? { ...shown, list: { ...shown.list, cursor: first, offset: ensureVisible(first, 0, listHeight(shown), shown.list.matches.length) } } : shown;
    }
    case 'refreshProgress':
      return refreshProgress(state, action.done, action.total, action.failed);
  }
}

function pressKey(state: AppState, key: KeyPress): AppState {
  if (state.quitting) return state;
  const context = keyContext(state);
  const command = resolveKey(context, key.name);
  if (context === 'input') {
    if (command) return inputCommand(state, command);
    return key.text ? typeText(state, key.text) : state;
  }
  return command ? runCommand(state, context, command) : state;
}

function runCommand(state: AppState, context: KeyContext, command: Command): AppState {
  // A feed's entries: q goes back to the feeds, opening marks read.
  if (context === 'list') {
    const entries = entriesCommand(state, command);
    if (entries) return entries;
  }
  if (command === 'quit') return quit(rememberPosition(state));
  if (command === 'help') return { ...state, help: { open: true, top: 0 } };
  if (command === 'showBookmarks') {
    return pushScreen(context === 'list' ? state : rememberPosition(state), 'bookmarks');
  }
  if (command === 'undoRemove') return undoRemoval(state);
  switch (context) {
    case 'feeds':
      return feedsCommand(state, command);
    case 'help':
      return helpCommand(state, command);
    case 'list':
      return listCommand(state, command);
    case 'reader':
      return readerCommand(state, command);
    case 'quotes':
      return sidebarCommand(state, command);
    case 'bookmarks':
      return bookmarksCommand(state, command);
    case 'links':
      return linksCommand(state, command);
    default:
      return state;
  }
}

function helpCommand(state: AppState, command: Command): AppState {
  if (command === 'back') return { ...state, help: { open: false, top: 0 } };
  const height = listHeight(state);
  const total = helpLineCount(state);
  const steps: Partial<Record<Command, number>> = {
    down: 1,
    up: -1,
    pageDown: height - 1,
    pageUp: 1 - height,
    halfDown: Math.floor(height / 2),
    halfUp: -Math.floor(height / 2),
    top: -total,
    bottom: total,
  };
  const step = steps[command];
  if (step === undefined) return state;
  return { ...state, help: { open: true, top: clampTop(state.help.top + step, total, height) } };
}

function inFilter(state: AppState): boolean {
  return currentScreen(state) === 'list';
}

function typeText(state: AppState, text: string): AppState {
  if (inFilter(state)) return applyFilter(state, state.list.filter + text);
  return searchText(state, (state.reader?.search.query ?? '') + text);
}

function inputCommand(state: AppState, command: Command): AppState {
  const filtering = inFilter(state);
  const value = filtering ? state.list.filter : (state.reader?.search.query ?? '');
  switch (command) {
    case 'inputAccept':
      return filtering ? acceptFilter(state) : acceptSearch(state);
    case 'inputCancel':
      return filtering ? acceptFilter(applyFilter(state, '')) : acceptSearch(searchText(state, ''));
    case 'inputBackspace':
    case 'inputClear': {
      const next = command === 'inputClear' ? '' : [...value].slice(0, -1).join('');
      return filtering ? applyFilter(state, next) : searchText(state, next);
    }
    case 'quit':
      return quit(rememberPosition(state));
    default:
      return state;
  }
}

function resize(state: AppState, columns: number, rows: number): AppState {
  if (state.size.columns === columns && state.size.rows === rows) return state;
  let next = relayout({ ...state, size: { columns, rows } });
  // Narrowed with the sidebar open but the text in focus: the sidebar would cover the text
  // being read, so it closes.
  if (next.reader?.sidebarOpen && next.reader.focus === 'text' && !next.layout.sidebarBeside) {
    next = relayout(setReader(next, { sidebarOpen: false }));
  }
  const height = listHeight(next);
  const list = { ...next.list, offset: ensureVisible(next.list.cursor, next.list.offset, height, next.list.matches.length) };
  const bookmarks = {
    ...next.bookmarks,
    offset: ensureVisible(next.bookmarks.cursor, next.bookmarks.offset, height, next.bookmarks.items.length),
  };
  const reader = next.reader && {
    ...next.reader,
    quoteOffset: revealQuote(next.reader.quotes ?? [], next.reader.quoteCursor, next.reader.quoteOffset, sidebarBox(next)),
  };
  return { ...next, list, bookmarks, reader, help: { ...next.help, top: clampTop(next.help.top, helpLineCount(next), height) } };
}

