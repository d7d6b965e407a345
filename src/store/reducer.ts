import type { Command, KeyContext } from '../input/commands.js';
import type { KeyPress } from '../input/keys.js';
import { resolveKey } from '../input/keymap.js';
import { clampTop, ensureVisible, lineAtOffset, maxTop } from '../text/viewport.js';
import type { Action } from './actions.js';
import { bookmarksChanged, bookmarksCommand, bookmarksRemoved, undoRemoval } from './bookmarks-reducer.js';
import { readerLinks } from './enclosures.js';
import { entriesCommand, feedEntriesArrived, feedsCommand, feedsLoaded, markShownRead, nextUnread, refreshProgress } from './library-reducer.js';
import { leaveLibrarySearchField, librarySearchCommand, librarySearchResults, openSearchResult, startLibrarySearch, typeLibrarySearch } from './library-search.js';
import { linksCommand } from './links-reducer.js';
import { mouseEvent } from './mouse-reducer.js';
import {
  applyPeopleFilter,
  clearPeopleFilter,
  openAtQuote,
  peopleCommand,
  peopleLoaded,
  personCommand,
  personPageSize,
  showPeople,
  showSpeaker,
  shownPerson,
} from './people-reducer.js';
import { acceptFilter, applyFilter, articlesLoaded, clearFilterKeepingCursor, listCommand, loadFailed, loadFinished, loadProgress } from './list-reducer.js';
import {
  acceptSearch,
  fullTextFailed,
  fullTextLoaded,
  openArticle,
  readerCommand,
  rememberPosition,
  relayout,
  scrollReaderTo,
  searchText,
  setReader,
} from './reader-reducer.js';
import { helpLineCount, keyContext, listHeight, readerHeight, sidebarBox } from './selectors.js';
import { revealQuote } from './sidebar-layout.js';
import { moveQuoteCursor, quotesLoaded, sidebarCommand } from './sidebar-reducer.js';
import type { AppState, PromptState } from './state.js';
import { currentScreen, flash, pushScreen, quit, request } from './update.js';

/** The whole app's update function: pure, so every key sequence is testable without a terminal. */
export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'key':
      return pressKey(state, action.key);
    case 'resize':
      return resize(state, action.columns, action.rows);
    case 'mouse':
      return mouseEvent(state, action.event, (s, context, command) => runCommand({ ...s, count: '', flash: null }, context, command));
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
      return articlesLoaded(state, action.sources);
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
    case 'librarySearchResults':
      return librarySearchResults(state, action.query, action.results);
    case 'searchResultArticle':
      return openSearchResult(state, action.article, action.read, action.match);
    case 'feedEntries':
      return feedEntriesArrived(state, action);
    case 'refreshProgress':
      return refreshProgress(state, action.done, action.total, action.failed);
    case 'peopleLoaded':
      return peopleLoaded(state, action.people, action.pending, action.show);
    case 'openAtQuote':
      return openAtQuote(state, action.article, action.start);
  }
}

/** Commands a count repeats (`5j`, `3J`); others take it as a place to go (`50%`, `10G`). */
const REPEATED: ReadonlySet<Command> = new Set<Command>([
  'down',
  'up',
  'pageDown',
  'pageUp',
  'halfDown',
  'halfUp',
  'nextMatch',
  'prevMatch',
  'nextArticle',
  'prevArticle',
]);
/** More repeats than any screen has rows or any list needs; keeps `99999j` cheap. */
const MAX_REPEAT = 10_000;
const MAX_COUNT_DIGITS = 7;

/** What keys still do while the terminal is too small to show anything: leave. */
const UNSEEN_COMMANDS: ReadonlySet<Command> = new Set(['quit', 'quitNow', 'back', 'suspend']);

function pressKey(state: AppState, key: KeyPress): AppState {
  if (state.quitting) return state;
  const context = keyContext(state);
  const command = resolveKey(context, key.name);
  // Nothing is on screen but the size it needs: a key must not change what cannot be seen.
  if (state.layout.tooSmall && (command === null || !UNSEEN_COMMANDS.has(command))) return state;
  if (context === 'input') {
    if (command) return inputCommand(state, command);
    return key.text ? typeText(state, key.text) : state;
  }
  // Digits make a count for the next command, as in less and vim (0 alone is no count).
  if (/^[0-9]$/.test(key.name) && !command && (state.count !== '' || key.name !== '0') && context !== 'welcome') {
    return { ...state, flash: null, count: (state.count + key.name).slice(0, MAX_COUNT_DIGITS) };
  }
  const count = state.count === '' ? null : Number(state.count);
  // Esc drops a count being typed, as in less; any other key that means nothing drops it too.
  if (!command || (count !== null && key.name === 'esc')) return state.count === '' ? state : { ...state, count: '' };
  // A message is about what the last key did: the next key takes it away.
  const ready = { ...state, count: '', flash: null };
  return runCounted(ready, context, command, count);
}

function runCounted(state: AppState, context: KeyContext, command: Command, count: number | null): AppState {
  if (count === null) return runCommand(state, context, command);
  if (REPEATED.has(command)) {
    let next = state;
    for (let i = 0; i < Math.min(count, MAX_REPEAT); i++) {
      const after = runCommand(next, context, command);
      // A message means it hit an end ("This is the last article"): stop there.
      if (after === next || after.flash) return after;
      next = after;
    }
    return next;
  }
  switch (command) {
    case 'top':
    case 'bottom':
      return goToItem(state, context, count - 1);
    case 'percent':
      return goToPercent(state, context, count);
    case 'open':
      if (context === 'reader') return openLinkNumber(state, count);
      return runCommand(goToItem(state, context, count - 1), context, command);
    default:
      return runCommand(state, context, command);
  }
}

function runCommand(state: AppState, context: KeyContext, command: Command): AppState {
  // A feed's entries: q goes back to the feeds, opening marks read.
  if (context === 'list') {
    const entries = entriesCommand(state, command);
    if (entries) return entries;
  }
  if (command === 'quit' || command === 'quitNow') return quit(rememberPosition(state));
  if (command === 'suspend') return request(state, { type: 'suspend' });
  if (command === 'help') return { ...state, help: { open: true, top: 0 } };
  if (command === 'goTo') return { ...state, prompt: { text: '' } };
  if (command === 'percent') return flash(state, 'Type a number first: 50% goes halfway');
  if (command === 'showBookmarks') {
    return pushScreen(context === 'list' ? state : rememberPosition(state), 'bookmarks');
  }
  if (command === 'undoRemove') return undoRemoval(state);
  if (command === 'showPeople' && context !== 'person') return showPeople(context === 'list' ? state : rememberPosition(state));
  if (command === 'showSpeaker') return showSpeaker(state);
  if (command === 'nextUnread') return nextUnread(state);
  switch (context) {
    case 'people':
      return peopleCommand(state, command);
    case 'person':
      return personCommand(state, command);
    case 'feeds':
      return command === 'find' ? startLibrarySearch(state) : feedsCommand(state, command);
    case 'search':
      return librarySearchCommand(state, command);
    case 'help':
      return helpCommand(state, command);
    case 'list':
      return listCommand(state, command);
    case 'reader':
      // J and K open the next entry of a feed: read, as Enter would make it.
      return command === 'nextArticle' || command === 'prevArticle' ? markShownRead(readerCommand(state, command)) : readerCommand(state, command);
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

/** The number of rows (or lines) the view in `context` scrolls through. */
function itemCount(state: AppState, context: KeyContext): number {
  switch (context) {
    case 'list':
      return state.list.matches.length;
    case 'bookmarks':
      return state.bookmarks.items.length;
    case 'links':
      return state.reader ? readerLinks(state.reader.article).length : 0;
    case 'quotes':
      return state.reader?.quotes?.length ?? 0;
    case 'help':
      return helpLineCount(state);
    case 'reader':
      return state.reader?.lines.length ?? 0;
    case 'people':
      return state.people.matches.length;
    case 'person':
      return shownPerson(state)?.quotes.length ?? 0;
    default:
      return 0;
  }
}

/** `10G`, `:10`: line 10 of the text, or item 10 of a list (the last when there are fewer). */
export function goToItem(state: AppState, context: KeyContext, index: number): AppState {
  const total = itemCount(state, context);
  if (total === 0) return state;
  const at = Math.min(Math.max(0, index), total - 1);
  const height = listHeight(state);
  switch (context) {
    case 'reader':
      return scrollReaderTo(state, at);
    case 'list':
      return { ...state, list: { ...state.list, cursor: at, offset: ensureVisible(at, state.list.offset, height, total) } };
    case 'bookmarks':
      return { ...state, bookmarks: { ...state.bookmarks, cursor: at, offset: ensureVisible(at, state.bookmarks.offset, height, total) } };
    case 'links':
      return setReader(state, { linkCursor: at, linkOffset: ensureVisible(at, state.reader!.linkOffset, height, total) });
    case 'quotes':
      return moveQuoteCursor(state, at);
    case 'help':
      return { ...state, help: { open: true, top: clampTop(at, total, height) } };
    case 'people':
      return { ...state, people: { ...state.people, cursor: at, offset: ensureVisible(at, state.people.offset, height - 1, total) } };
    case 'person': {
      const page = state.people.person!;
      return { ...state, people: { ...state.people, person: { ...page, cursor: at, offset: ensureVisible(at, page.offset, personPageSize(state), total) } } };
    }
    default:
      return state;
  }
}

/** `50%`: as in less, the line (or item) that far through. */
export function goToPercent(state: AppState, context: KeyContext, percent: number): AppState {
  const total = itemCount(state, context);
  const share = Math.min(100, Math.max(0, percent)) / 100;
  if (context === 'reader') {
    const reader = state.reader;
    if (!reader) return state;
    // 100% is the end of the text, wherever the last screen starts.
    return scrollReaderTo(state, Math.round(maxTop(total, readerHeight(state)) * share));
  }
  return goToItem(state, context, Math.round((total - 1) * share));
}

/** `3` then Enter in the reader: link 3, as numbered in the text and the links view. */
function openLinkNumber(state: AppState, number: number): AppState {
  const links = state.reader ? readerLinks(state.reader.article) : [];
  const link = links[number - 1];
  if (!link) return flash(state, links.length === 0 ? 'This article has no links' : `No link ${number}: links go from 1 to ${links.length}`);
  return request(state, { type: 'openUrl', url: link.url });
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

function inPeopleFilter(state: AppState): boolean {
  return currentScreen(state) === 'people';
}

function typeText(state: AppState, text: string): AppState {
  if (state.prompt) return /^[0-9%]$/.test(text) ? { ...state, prompt: { text: state.prompt.text + text } } : state;
  if (inPeopleFilter(state)) return applyPeopleFilter(state, state.people.filter + text);
  if (currentScreen(state) === 'search') return typeLibrarySearch(state, (state.library?.search?.query ?? '') + text);
  if (inFilter(state)) return applyFilter(state, state.list.filter + text);
  return searchText(state, (state.reader?.search.query ?? '') + text);
}

/** Enter in the `:` prompt: a line or item number, or a percentage. */
function acceptPrompt(state: AppState, text: string): AppState {
  const closed = { ...state, prompt: null };
  const match = /^(\d+)(%?)$/.exec(text);
  if (!match) return text === '' ? closed : flash(closed, 'Type a line number (42) or a percentage (50%)');
  const context = keyContext(closed);
  const number = Number(match[1]);
  return match[2] ? goToPercent(closed, context, number) : goToItem(closed, context, number - 1);
}

function promptCommand(state: AppState, prompt: PromptState, command: Command): AppState {
  switch (command) {
    case 'inputAccept':
      return acceptPrompt(state, prompt.text);
    case 'inputCancel':
      return { ...state, prompt: null };
    case 'inputBackspace':
      return { ...state, prompt: { text: [...prompt.text].slice(0, -1).join('') } };
    case 'inputClear':
      return { ...state, prompt: { text: '' } };
    case 'quit':
      return quit(rememberPosition(state));
    case 'suspend':
      return request(state, { type: 'suspend' });
    default:
      return state;
  }
}

function inputCommand(state: AppState, command: Command): AppState {
  if (state.prompt) return promptCommand(state, state.prompt, command);
  if (command === 'suspend') return request(state, { type: 'suspend' });
  if (inPeopleFilter(state)) return peopleInputCommand(state, command);
  if (currentScreen(state) === 'search') return librarySearchInput(state, command);
  const filtering = inFilter(state);
  const value = filtering ? state.list.filter : (state.reader?.search.query ?? '');
  switch (command) {
    case 'inputAccept':
      return filtering ? acceptFilter(state) : acceptSearch(state);
    case 'inputCancel':
      return filtering ? acceptFilter(clearFilterKeepingCursor(state)) : acceptSearch(searchText(state, ''));
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

/** The People view's filter field: as the article list's. */
function peopleInputCommand(state: AppState, command: Command): AppState {
  const value = state.people.filter;
  switch (command) {
    case 'inputAccept':
      return { ...state, people: { ...state.people, editing: false } };
    case 'inputCancel':
      return clearPeopleFilter(state);
    case 'inputBackspace':
      return applyPeopleFilter(state, [...value].slice(0, -1).join(''));
    case 'inputClear':
      return applyPeopleFilter(state, '');
    case 'quit':
      return quit(rememberPosition(state));
    default:
      return state;
  }
}

function librarySearchInput(state: AppState, command: Command): AppState {
  const query = state.library?.search?.query ?? '';
  switch (command) {
    case 'inputAccept':
      return leaveLibrarySearchField(state, true);
    case 'inputCancel':
      return leaveLibrarySearchField(state, false);
    case 'inputBackspace':
      return typeLibrarySearch(state, [...query].slice(0, -1).join(''));
    case 'inputClear':
      return typeLibrarySearch(state, '');
    case 'quit':
      return quit(state);
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

