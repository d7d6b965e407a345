// The bookmark store's state and every change to it, as pure functions: both the conf-backed
// store and the in-memory one apply these, so they cannot disagree about what "add" means.
import { safeUrl, type Article } from '../../article.js';
import { sanitizeLine, sanitizeText } from '../../text/sanitize.js';
import type { AddOptions, Bookmark, MergeResult, SavedQuote } from './types.js';

export interface StoreState {
  /** By id. Stored without `position`: reading positions live in `positions`. */
  readonly bookmarks: Readonly<Record<string, Bookmark>>;
  /** Reading position by article id, bookmarked or not; oldest first. */
  readonly positions: Readonly<Record<string, number>>;
}

/** A change: the next state (the same object when nothing changed) and what the caller gets. */
export interface Change<T> {
  state: StoreState;
  result: T;
}

export const EMPTY_STATE: StoreState = { bookmarks: {}, positions: {} };

/** Positions of articles that are not bookmarked are forgotten oldest first beyond this. */
export const MAX_POSITIONS = 5000;

/** What an id may be: also what keeps an id safe to use as a file name. */
export const BOOKMARK_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function listNewestFirst(state: StoreState): Bookmark[] {
  const dated = Object.values(state.bookmarks).map((b) => ({ b, at: Date.parse(b.savedAt) }));
  dated.sort((x, y) => y.at - x.at || (x.b.id < y.b.id ? -1 : x.b.id > y.b.id ? 1 : 0));
  return dated.map(({ b }) => withPositionOf(state, b));
}

export function bookmarkById(state: StoreState, id: string): Bookmark | undefined {
  const bookmark = Object.hasOwn(state.bookmarks, id) ? state.bookmarks[id] : undefined;
  return bookmark && withPositionOf(state, bookmark);
}

export function positionOf(state: StoreState, id: string): number | undefined {
  return Object.hasOwn(state.positions, id) ? state.positions[id] : undefined;
}

/** Adds the article, or updates the bookmark that has its id or its URL. */
export function addArticle(state: StoreState, article: Article, options: AddOptions, now: Date): Change<{ bookmark: Bookmark; replaced: string[] }> {
  const matches = matching(state, article.id, safeUrl(article.url));
  const earlier = matches.map((id) => state.bookmarks[id]!);
  const note = cleanNote(options.note) ?? earlier.find((b) => b.note !== undefined)?.note;
  const bookmark: Bookmark = {
    id: article.id,
    title: sanitizeLine(article.title) || 'Untitled',
    source: sanitizeLine(article.source) || 'unknown',
    savedAt: earliest(earlier.map((b) => b.savedAt)) ?? now.toISOString(),
    tags: cleanTags([...earlier.flatMap((b) => b.tags), ...(options.tags ?? [])]),
    quotes: uniqueQuotes(earlier.flatMap((b) => b.quotes)),
  };
  const url = safeUrl(article.url);
  if (url) bookmark.url = url;
  const siteName = article.siteName && sanitizeLine(article.siteName);
  if (siteName) bookmark.siteName = siteName;
  if (note !== undefined) bookmark.note = note;
  const next = replace(state, matches, [bookmark]);
  return {
    state: next,
    result: { bookmark: withPositionOf(next, bookmark), replaced: matches.filter((id) => id !== bookmark.id) },
  };
}

/** Removes every bookmark whose id or URL is `idOrUrl`. */
export function removeMatching(state: StoreState, idOrUrl: string): Change<Bookmark[]> {
  const url = safeUrl(idOrUrl) ?? idOrUrl;
  const ids = Object.values(state.bookmarks)
    .filter((b) => b.id === idOrUrl || b.url === url)
    .map((b) => b.id);
  if (ids.length === 0) return { state, result: [] };
  const removed = ids.map((id) => withPositionOf(state, state.bookmarks[id]!));
  return { state: replace(state, ids, []), result: removed };
}

/** Removes the article's bookmarks (by id or URL) when it has any, else adds it; returns the removed. */
export function toggleArticle(state: StoreState, article: Article, now: Date): Change<Bookmark[]> {
  const ids = matching(state, article.id, safeUrl(article.url));
  if (ids.length === 0) return { state: addArticle(state, article, {}, now).state, result: [] };
  return { state: replace(state, ids, []), result: ids.map((id) => withPositionOf(state, state.bookmarks[id]!)) };
}

/** Puts a removed bookmark back as it was, replacing any that took its id or URL since. */
export function restoreBookmark(state: StoreState, bookmark: Bookmark): StoreState {
  const { position, ...stored } = bookmark;
  const next = replace(state, matching(state, bookmark.id, bookmark.url), [stored]);
  return position === undefined ? next : setPosition(next, bookmark.id, position);
}

/**
 * Merges bookmarks from elsewhere (an import): the ones already here keep what they have.
 * Works on one copy with a URL index, since an import may bring tens of thousands at once.
 */
export function mergeBookmarks(state: StoreState, incoming: readonly Bookmark[]): Change<MergeResult> {
  const bookmarks: Record<string, Bookmark> = { ...state.bookmarks };
  const byUrl = new Map<string, string[]>();
  const index = (b: Bookmark) => {
    if (b.url) byUrl.set(b.url, [...(byUrl.get(b.url) ?? []), b.id]);
  };
  for (const bookmark of Object.values(bookmarks)) index(bookmark);
  const positions: Record<string, number> = { ...state.positions };
  let added = 0;
  for (const { position, ...bookmark } of incoming) {
    const ids = Object.hasOwn(bookmarks, bookmark.id) ? [bookmark.id] : [];
    if (bookmark.url) ids.push(...(byUrl.get(bookmark.url) ?? []).filter((id) => id !== bookmark.id));
    // The bookmark with the same id comes first, so it is merged last and wins.
    const result = ids.reduceRight((merged, id) => mergeTwo(merged, bookmarks[id]!), bookmark);
    for (const id of ids) {
      const url = bookmarks[id]!.url;
      if (url) byUrl.set(url, byUrl.get(url)!.filter((other) => other !== id));
      delete bookmarks[id];
    }
    bookmarks[result.id] = result;
    index(result);
    if (position !== undefined && !Object.hasOwn(positions, result.id)) positions[result.id] = position;
    if (ids.length === 0) added++;
  }
  trimPositions(positions, bookmarks);
  return { state: { bookmarks, positions }, result: { added, updated: incoming.length - added } };
}

/** Saves a quote with the article's bookmark, bookmarking the article first when needed. */
export function addQuoteTo(state: StoreState, article: Article, quote: SavedQuote, now: Date): Change<{ bookmark: Bookmark; replaced: string[] }> {
  const base: Change<{ bookmark: Bookmark; replaced: string[] }> = Object.hasOwn(state.bookmarks, article.id)
    ? { state, result: { bookmark: state.bookmarks[article.id]!, replaced: [] } }
    : addArticle(state, article, {}, now);
  const current = base.state.bookmarks[base.result.bookmark.id]!;
  const text = sanitizeLine(quote.text);
  const speaker = quote.speaker === null ? null : sanitizeLine(quote.speaker) || null;
  const quotes = text ? uniqueQuotes([...current.quotes, { text, speaker }]) : current.quotes;
  const bookmark = quotes.length === current.quotes.length ? current : { ...current, quotes };
  const next = bookmark === current ? base.state : replace(base.state, [current.id], [bookmark]);
  return { state: next, result: { bookmark: withPositionOf(next, bookmark), replaced: base.result.replaced } };
}

/** Remembers a reading position; the most recently set come last, so trimming drops the oldest. */
export function setPosition(state: StoreState, id: string, position: number): StoreState {
  if (positionOf(state, id) === position) return state;
  const positions: Record<string, number> = { ...state.positions };
  delete positions[id];
  positions[id] = position;
  trimPositions(positions, state.bookmarks);
  return { bookmarks: state.bookmarks, positions };
}

/** Forgets the oldest positions of articles that are not bookmarked, beyond MAX_POSITIONS. */
function trimPositions(positions: Record<string, number>, bookmarks: StoreState['bookmarks']): void {
  let excess = Object.keys(positions).length - MAX_POSITIONS;
  for (const id of Object.keys(positions)) {
    if (excess <= 0) return;
    if (Object.hasOwn(bookmarks, id)) continue;
    delete positions[id];
    excess--;
  }
}

/** Ids of the bookmarks that are this article: the same id, or the same URL. */
function matching(state: StoreState, id: string, url: string | undefined): string[] {
  const ids = Object.hasOwn(state.bookmarks, id) ? [id] : [];
  if (url) {
    for (const bookmark of Object.values(state.bookmarks)) {
      if (bookmark.url === url && bookmark.id !== id) ids.push(bookmark.id);
    }
  }
  return ids;
}

function replace(state: StoreState, removeIds: readonly string[], add: readonly Bookmark[]): StoreState {
  const bookmarks: Record<string, Bookmark> = { ...state.bookmarks };
  for (const id of removeIds) delete bookmarks[id];
  for (const bookmark of add) bookmarks[bookmark.id] = bookmark;
  return { bookmarks, positions: state.positions };
}

/** `kept` wins for every field it has; lists are joined; the earlier save date stays. */
function mergeTwo(incoming: Bookmark, kept: Bookmark): Bookmark {
  const merged: Bookmark = {
    ...incoming,
    ...kept,
    savedAt: earliest([kept.savedAt, incoming.savedAt])!,
    tags: cleanTags([...kept.tags, ...incoming.tags]),
    quotes: uniqueQuotes([...kept.quotes, ...incoming.quotes]),
  };
  delete merged.position;
  return merged;
}

/** The bookmark as callers see it: with its reading position, fields in the schema's order. */
function withPositionOf(state: StoreState, b: Bookmark): Bookmark {
  const position = positionOf(state, b.id);
  return {
    id: b.id,
    title: b.title,
    source: b.source,
    ...(b.url === undefined ? {} : { url: b.url }),
    ...(b.siteName === undefined ? {} : { siteName: b.siteName }),
    savedAt: b.savedAt,
    ...(b.note === undefined ? {} : { note: b.note }),
    tags: [...b.tags],
    ...(position === undefined ? {} : { position }),
    quotes: b.quotes.map((q) => ({ ...q })),
  };
}

function earliest(dates: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const date of dates) if (best === undefined || Date.parse(date) < Date.parse(best)) best = date;
  return best;
}

export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => sanitizeLine(String(t))).filter(Boolean))];
}

export function cleanNote(note: string | undefined): string | undefined {
  if (note === undefined) return undefined;
  const text = sanitizeText(String(note)).trim();
  return text || undefined;
}

function uniqueQuotes(quotes: readonly SavedQuote[]): SavedQuote[] {
  const seen = new Set<string>();
  return quotes.filter((q) => {
    const key = `${q.speaker ?? ''}\u0000${q.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
