import type { Article } from '../article.js';
import type { Command } from '../input/commands.js';
import { clampTop, ensureVisible, jumpToLine, lineAtOffset, offsetOfLine, revealLine } from '../text/viewport.js';
import { wrapArticle, wrapArticleHead, type WrappedLine } from '../text/wrap.js';
import { enclosureLines, readerLinks } from './enclosures.js';
import { articleMeta } from './format.js';
import { computeLayout, type Layout } from './layout.js';
import { findMatches, firstMatchFrom, lastMatchBefore, linkRanges } from './search.js';
import { listHeight, readerHeight, sidebarBox } from './selectors.js';
import { revealQuote } from './sidebar-layout.js';
import { initialSearch, type AppState, type Range, type ReaderState } from './state.js';
import { flash, popScreen, pushScreen, quit, request } from './update.js';

/**
 * The text with its header: ★ before a bookmarked article's title, then what print shows.
 * With `head`, only the first lines, at least that many (see openArticle).
 */
function wrapFor(article: Article, layout: Layout, bookmarked: ReadonlySet<string>, head?: number): readonly WrappedLine[] {
  // An empty set (the first frame's) is asked nothing: the id is made when first read (makeArticle).
  const title = bookmarked.size > 0 && bookmarked.has(article.id) ? `★ ${article.title}` : article.title;
  const header = { title, meta: articleMeta(article), extra: enclosureLines(article) };
  return head === undefined ? wrapArticle(article, layout.textWidth, header) : wrapArticleHead(article, layout.textWidth, header, head);
}

/**
 * Opens an article in the reader, where it was last left when that is known. `head` wraps
 * only the first screen (the painted first frame of a long article): such a state is for
 * drawing that screen once, never for keys, which need the whole text.
 */
export function openArticle(state: AppState, article: Article, head?: number): AppState {
  // Keep the sidebar open between articles only where it does not hide the text.
  const sidebarOpen = Boolean(state.reader?.sidebarOpen && state.layout.sidebarBeside);
  const layout = computeLayout(state.size, { sidebarOpen });
  const lines = wrapFor(article, layout, state.bookmarked, head === undefined ? undefined : Math.max(head, layout.bodyHeight + 1));
  const saved = state.positions.size > 0 ? state.positions.get(article.id) : undefined;
  const top = saved === undefined ? 0 : clampTop(lineAtOffset(lines, saved), lines.length, layout.bodyHeight);
  const reader: ReaderState = {
    article,
    lines,
    top,
    search: initialSearch(),
    quotes: null,
    quoteCursor: 0,
    quoteOffset: 0,
    sidebarOpen,
    focus: 'text',
    linkCursor: 0,
    linkOffset: 0,
    linkRanges: linkRanges(article.text, article.links),
    anchor: null,
    untouched: saved === undefined,
  };
  // One reader at a time: opening another article goes back to where the first was opened.
  const at = state.stack.indexOf('reader');
  const stack = at >= 0 ? state.stack.slice(0, at) : state.stack;
  const listIndex = state.list.matches.findIndex((i) => state.articles[i] === article || state.articles[i]?.id === article.id);
  // The list keeps the opened article in view, for when the reader goes back to it (J and K
  // move through the list from the reader, on a terminal of any height).
  const list =
    listIndex >= 0
      ? { ...state.list, cursor: listIndex, offset: ensureVisible(listIndex, state.list.offset, listHeight({ ...state, layout }), state.list.matches.length) }
      : state.list;
  let next: AppState = { ...state, layout, reader, list, stack: [...stack, 'reader'] };
  if (saved === undefined) next = request(next, { type: 'loadPosition', article });
  return next;
}

/** Remembers where the reader is, for this session and in the bookmark store. */
export function rememberPosition(state: AppState): AppState {
  const reader = state.reader;
  if (!reader) return state;
  const position = offsetOfLine(reader.lines, reader.top);
  const next = { ...state, positions: new Map(state.positions).set(reader.article.id, position) };
  return request(next, { type: 'savePosition', articleId: reader.article.id, position });
}

/**
 * Back from the reader to the list. An article opened on its own has nothing under it: `q`
 * quits there (as in less), and Esc, h and ← stay, saying so, since they never quit.
 */
function closeReader(state: AppState, quitting = false): AppState {
  if (state.stack.length <= 1) return quitting ? quit(rememberPosition(state)) : flash(state, 'q quits');
  const left = popScreen(rememberPosition(state));
  return { ...left, reader: null, layout: computeLayout(state.size, { sidebarOpen: false }) };
}

/** Re-lays out after a resize or a sidebar toggle, keeping the top line's text on screen. */
export function relayout(state: AppState): AppState {
  const layout = computeLayout(state.size, { sidebarOpen: Boolean(state.reader?.sidebarOpen) });
  const reader = state.reader;
  if (!reader) return { ...state, layout };
  if (reader.top === 0 && reader.anchor === null) {
    return { ...state, layout, reader: { ...reader, lines: wrapFor(reader.article, layout, state.bookmarked) } };
  }
  const anchor = reader.anchor ?? offsetOfLine(reader.lines, reader.top);
  const lines = wrapFor(reader.article, layout, state.bookmarked);
  const top = clampTop(lineAtOffset(lines, anchor), lines.length, layout.bodyHeight);
  return { ...state, layout, reader: { ...reader, lines, top, anchor } };
}

export function setReader(state: AppState, patch: Partial<ReaderState>): AppState {
  if (!state.reader) return state;
  return { ...state, reader: { ...state.reader, ...patch } };
}

/** Puts line `top` (0-based, of the wrapped text) at the top of the screen, as far as the text allows. */
export function scrollReaderTo(state: AppState, top: number): AppState {
  return scrollTo(state, top);
}

function scrollTo(state: AppState, top: number): AppState {
  const reader = state.reader;
  if (!reader) return state;
  return setReader(state, { top: clampTop(top, reader.lines.length, readerHeight(state)), untouched: false, anchor: null });
}

/** Scrolls so the text at `offset` is on screen, with a little lead-in above it. */
export function revealOffset(state: AppState, offset: number, jump = false): AppState {
  const reader = state.reader;
  if (!reader) return state;
  const height = readerHeight(state);
  const line = lineAtOffset(reader.lines, offset);
  const total = reader.lines.length;
  const top = jump ? jumpToLine(line, total, height) : revealLine(reader.top, line, total, height);
  return setReader(state, { top, untouched: false, anchor: null });
}

export function readerCommand(state: AppState, command: Command): AppState {
  const reader = state.reader;
  if (!reader) return state;
  const height = readerHeight(state);
  switch (command) {
    case 'down':
      return scrollTo(state, reader.top + 1);
    case 'up':
      return scrollTo(state, reader.top - 1);
    case 'pageDown':
      return scrollTo(state, reader.top + Math.max(1, height - 1));
    case 'pageUp':
      return scrollTo(state, reader.top - Math.max(1, height - 1));
    case 'halfDown':
      return scrollTo(state, reader.top + Math.max(1, Math.floor(height / 2)));
    case 'halfUp':
      return scrollTo(state, reader.top - Math.max(1, Math.floor(height / 2)));
    case 'top':
      return scrollTo(state, 0);
    case 'bottom':
      return scrollTo(state, reader.lines.length);
    case 'open':
      // Enter without a number scrolls a line, as in less; `3` Enter opens link 3 (reducer.ts).
      return scrollTo(state, reader.top + 1);
    case 'find':
    case 'findBackward':
      return setReader(state, {
        search: { ...initialSearch(), editing: true, origin: offsetOfLine(reader.lines, reader.top), backward: command === 'findBackward' },
      });
    case 'clearFilter':
      return reader.search.query ? setReader(state, { search: initialSearch() }) : closeReader(state);
    case 'nextMatch':
    case 'prevMatch':
      return stepMatch(state, command === 'nextMatch' ? 1 : -1);
    case 'back':
      return closeReader(state);
    case 'close':
      return closeReader(state, true);
    case 'nextArticle':
    case 'prevArticle':
      return stepArticle(state, command === 'nextArticle' ? 1 : -1);
    case 'toggleSidebar': {
      const quoteCursor = reader.sidebarOpen ? reader.quoteCursor : firstQuoteOnScreen(reader);
      const quoteOffset = revealQuote(reader.quotes ?? [], quoteCursor, reader.quoteOffset, sidebarBox(state));
      return relayout(setReader(state, { sidebarOpen: true, focus: 'quotes', quoteCursor, quoteOffset }));
    }
    case 'showLinks':
      if (readerLinks(reader.article).length === 0) return flash(state, 'This article has no links');
      return pushScreen(setReader(state, { linkCursor: 0, linkOffset: 0 }), 'links');
    case 'showEnclosures': {
      const count = reader.article.enclosures?.length ?? 0;
      if (count === 0) return flash(state, 'This article has no enclosures (podcast audio, images)');
      // The links view, at the first enclosure (they come after the text's links).
      const first = reader.article.links.length;
      return pushScreen(setReader(state, { linkCursor: first, linkOffset: ensureVisible(first, 0, listHeight(state), first + count) }), 'links');
    }
    case 'openInBrowser':
      return reader.article.url
        ? request(state, { type: 'openUrl', url: reader.article.url })
        : flash(state, 'This article has no web address');
    case 'copy':
      return reader.article.url
        ? request(state, { type: 'copy', text: reader.article.url, what: 'Link' })
        : flash(state, 'This article has no web address');
    case 'toggleBookmark':
      return request(rememberPosition(state), { type: 'toggleBookmark', article: reader.article });
    case 'fullText':
      return askFullText(state, reader.article);
    default:
      return state;
  }
}

/** `r`: fetch the article's page for its full text, once; the status bar says it is coming. */
function askFullText(state: AppState, article: Article): AppState {
  if (!article.url) return flash(state, 'This article has no web address');
  const status = state.fullText.get(article.id);
  if (status === 'fetching') return state;
  if (status === 'done') return flash(state, 'This is already the full text of the page');
  const next = { ...state, fullText: new Map(state.fullText).set(article.id, 'fetching') };
  return request(next, { type: 'fetchFullText', article });
}

/**
 * The full text replaces the entry everywhere it is shown, under the same id, so bookmarks
 * and the list still match it. The reader keeps its top line (the title and byline stay put,
 * the body below them grows); quotes, links and search matches are found again in the new text.
 */
export function fullTextLoaded(state: AppState, articleId: string, article: Article | null): AppState {
  const next: AppState = { ...state, fullText: new Map(state.fullText).set(articleId, 'done') };
  if (!article) return flash(next, 'The page has no more text than the feed gave');
  const articles = next.articles.map((a) => (a.id === articleId ? article : a));
  const reader = next.reader;
  if (!reader || reader.article.id !== articleId) return flash({ ...next, articles }, `Full text of “${article.title}” fetched`);
  const lines = wrapFor(article, next.layout, next.bookmarked);
  const matches = findMatches(article.text, reader.search.query);
  const replaced: ReaderState = {
    ...reader,
    article,
    lines,
    top: clampTop(reader.top, lines.length, readerHeight(next)),
    search: { ...reader.search, matches, current: Math.min(reader.search.current, Math.max(0, matches.length - 1)) },
    quotes: null,
    quoteCursor: 0,
    quoteOffset: 0,
    linkCursor: 0,
    linkOffset: 0,
    linkRanges: linkRanges(article.text, article.links),
    anchor: null,
  };
  return flash({ ...next, articles, reader: replaced }, 'Full text fetched');
}

/** Failed: said in the status bar, and `r` may try again. */
export function fullTextFailed(state: AppState, articleId: string, reason: string): AppState {
  const fullText = new Map(state.fullText);
  fullText.delete(articleId);
  return flash({ ...state, fullText }, `Full text unavailable: ${reason}`, 'error');
}

export function firstQuoteOnScreen(reader: ReaderState): number {
  const quotes = reader.quotes ?? [];
  const offset = offsetOfLine(reader.lines, reader.top);
  const at = quotes.findIndex((q) => q.end > offset);
  return at >= 0 ? at : Math.max(0, quotes.length - 1);
}

function stepArticle(state: AppState, delta: number): AppState {
  const reader = state.reader;
  if (!reader) return state;
  const order = state.list.matches.length > 0 ? state.list.matches : state.articles.map((_, i) => i);
  const here = order.findIndex((i) => state.articles[i]?.id === reader.article.id);
  const target = here < 0 ? undefined : state.articles[order[here + delta] ?? -1];
  if (!target) return flash(state, delta > 0 ? 'This is the last article' : 'This is the first article');
  return openArticle(rememberPosition(state), target);
}

function stepMatch(state: AppState, delta: number): AppState {
  const search = state.reader?.search;
  if (!search || search.matches.length === 0) {
    return flash(state, search?.query ? `No match for “${search.query}”` : 'Press / to search');
  }
  const count = search.matches.length;
  // n goes the way the search went, as in less: up after `?`.
  const step = search.backward ? -delta : delta;
  const current = (search.current + step + count) % count;
  const next = setReader(state, { search: { ...search, current } });
  return revealOffset(next, search.matches[current]!.start);
}

/** Typing in the search field searches as you type, from where the reader is. */
export function searchText(state: AppState, query: string): AppState {
  const reader = state.reader;
  if (!reader) return state;
  const matches: readonly Range[] = findMatches(reader.article.text, query);
  const current = reader.search.backward ? lastMatchBefore(matches, reader.search.origin) : firstMatchFrom(matches, reader.search.origin);
  const next = setReader(state, { search: { ...reader.search, query, matches, current } });
  return matches.length > 0 ? revealOffset(next, matches[current]!.start) : next;
}

export function acceptSearch(state: AppState): AppState {
  const search = state.reader?.search;
  if (!search) return state;
  if (search.query === '') return setReader(state, { search: initialSearch() });
  const next = setReader(state, { search: { ...search, editing: false } });
  return search.matches.length === 0 ? flash(next, `No match for “${search.query}”`) : next;
}
