// The bookmark store's state and every change to it. A change is a record (see records.ts):
// the disk store appends it to its journal and every process replays the journal with
// `applyRecord`, so the meaning of "add" is written once, here, for the disk store and the
// in-memory one alike, and replaying gives each process the same state.
//
// Ids, URLs and tags are data: everything keyed by them is a Map, never a plain object, so
// `__proto__`, `constructor` or `toString` are ids like any other.
import { safeUrl, type Article } from '../../article.js';
import { sanitizeLine, sanitizeText } from '../../text/sanitize.js';
import { derivedId } from './ids.js';
import type { Bookmark, MergeResult, RemovedBookmark, SavedQuote } from './types.js';

/** Positions of articles that are not bookmarked are forgotten oldest first beyond this. */
export const MAX_POSITIONS = 5000;

/** How long a removed bookmark is kept, so that it can come back whole. */
export const REMOVED_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

/** The fields of a bookmark that come from the article itself. */
export interface Draft {
  id: string;
  title: string;
  source: string;
  url?: string;
  siteName?: string;
}

/** One change, as written to the journal. Times are ISO 8601, taken when the change was asked. */
export type StoreRecord =
  | { op: 'add'; at: string; draft: Draft; note?: string; tags: string[] }
  | { op: 'quote'; at: string; draft: Draft; quote: SavedQuote }
  /** Removes every bookmark whose id or URL is one of `keys`, keeping each as removed. */
  | { op: 'remove'; at: string; keys: string[] }
  /** Puts a bookmark back exactly as given (the interface's undo). */
  | { op: 'restore'; bookmark: Bookmark }
  /** Brings back the removed bookmarks whose id or URL is `key`. */
  | { op: 'revive'; key: string }
  | { op: 'position'; id: string; position: number }
  | { op: 'merge'; at: string; bookmarks: Bookmark[] };

/** What applying a record did, for the caller that asked for it. */
export interface Outcome {
  /** The bookmark added or changed, with its reading position. */
  bookmark?: Bookmark;
  /** An add or quote brought back a removed bookmark's note, tags and quotes. */
  revived: boolean;
  /** Bookmarks removed (by `remove`) or brought back (by `revive`), with their positions. */
  bookmarks: Bookmark[];
  merge?: MergeResult;
}

/**
 * The whole store in memory, with the indexes a change needs (by URL), so that replaying a
 * journal of many changes over many bookmarks costs each change about the same.
 */
export class StoreState {
  /** By id; stored without `position` (reading positions live in `positions`). */
  readonly bookmarks = new Map<string, Bookmark>();
  /** Reading position by article id, bookmarked or not; oldest first. */
  readonly positions = new Map<string, number>();
  /** Removed bookmarks by id, each with its position, kept REMOVED_KEPT_MS. */
  readonly removed = new Map<string, RemovedBookmark>();
  readonly #byUrl: UrlIndex = new Map();
  readonly #removedByUrl: UrlIndex = new Map();

  put(bookmark: Bookmark): void {
    const old = this.bookmarks.get(bookmark.id);
    if (old) unindex(this.#byUrl, old.url, bookmark.id);
    this.bookmarks.set(bookmark.id, bookmark);
    index(this.#byUrl, bookmark.url, bookmark.id);
  }

  delete(id: string): void {
    const old = this.bookmarks.get(id);
    if (!old) return;
    this.bookmarks.delete(id);
    unindex(this.#byUrl, old.url, id);
  }

  withUrl(url: string | undefined): string[] {
    return idsAt(this.#byUrl, url);
  }

  putRemoved(entry: RemovedBookmark): void {
    const old = this.removed.get(entry.bookmark.id);
    if (old) unindex(this.#removedByUrl, old.bookmark.url, entry.bookmark.id);
    this.removed.set(entry.bookmark.id, entry);
    index(this.#removedByUrl, entry.bookmark.url, entry.bookmark.id);
  }

  deleteRemoved(id: string): void {
    const old = this.removed.get(id);
    if (!old) return;
    this.removed.delete(id);
    unindex(this.#removedByUrl, old.bookmark.url, id);
  }

  removedWithUrl(url: string | undefined): string[] {
    return idsAt(this.#removedByUrl, url);
  }

  setPosition(id: string, position: number): void {
    // Deleted first, so the most recently set come last and trimming drops the oldest.
    this.positions.delete(id);
    this.positions.set(id, position);
    // Exact trimming scans every position; a cheap bound keeps replaying quick, and
    // `trimPositions` (run when the store is compacted) makes it exact.
    if (this.positions.size > this.bookmarks.size + MAX_POSITIONS * 1.2) trimPositions(this);
  }
}

/** Ids by URL: nearly always one, so one is kept as a string and only more as a Set. */
type UrlIndex = Map<string, string | Set<string>>;

function index(map: UrlIndex, url: string | undefined, id: string): void {
  if (url === undefined) return;
  const ids = map.get(url);
  if (ids === undefined) map.set(url, id);
  else if (typeof ids === 'string') {
    if (ids !== id) map.set(url, new Set([ids, id]));
  } else ids.add(id);
}

function unindex(map: UrlIndex, url: string | undefined, id: string): void {
  if (url === undefined) return;
  const ids = map.get(url);
  if (ids === id) map.delete(url);
  else if (typeof ids === 'object') {
    ids.delete(id);
    if (ids.size === 1) map.set(url, ids.values().next().value!);
  }
}

function idsAt(map: UrlIndex, url: string | undefined): string[] {
  const ids = url === undefined ? undefined : map.get(url);
  return ids === undefined ? [] : typeof ids === 'string' ? [ids] : [...ids];
}

// Reading

export function listNewestFirst(state: StoreState): Bookmark[] {
  const dated = [...state.bookmarks.values()].map((b) => ({ b, at: Date.parse(b.savedAt) }));
  dated.sort((x, y) => y.at - x.at || compareIds(x.b.id, y.b.id));
  return dated.map(({ b }) => withPositionOf(state, b));
}

export function listRemoved(state: StoreState): RemovedBookmark[] {
  const entries = [...state.removed.values()];
  entries.sort((x, y) => Date.parse(y.removedAt) - Date.parse(x.removedAt) || compareIds(x.bookmark.id, y.bookmark.id));
  return entries.map((e) => ({ removedAt: e.removedAt, bookmark: copyOf(e.bookmark) }));
}

export function bookmarkById(state: StoreState, id: string): Bookmark | undefined {
  const bookmark = state.bookmarks.get(id);
  return bookmark && withPositionOf(state, bookmark);
}

export function positionOf(state: StoreState, id: string): number | undefined {
  return state.positions.get(id);
}

/** Ids of the kept bookmarks that are this article: the same id, or the same URL. */
export function matching(state: StoreState, id: string, url: string | undefined): string[] {
  const ids = state.bookmarks.has(id) ? [id] : [];
  for (const other of state.withUrl(url)) if (other !== id) ids.push(other);
  return ids;
}

// Making records from what the user gave (sanitized here, once, before they are written)

export function draftOf(article: Article): Draft {
  const draft: Draft = {
    id: article.id,
    title: sanitizeLine(article.title) || 'Untitled',
    source: sanitizeLine(article.source) || 'unknown',
  };
  const url = safeUrl(article.url);
  if (url) draft.url = url;
  const siteName = article.siteName && sanitizeLine(article.siteName);
  if (siteName) draft.siteName = siteName;
  return draft;
}

/** The keys a `remove` record takes for an id or URL the user typed. */
export function removalKeys(idOrUrl: string): string[] {
  const url = safeUrl(idOrUrl);
  return url && url !== idOrUrl ? [idOrUrl, url] : [idOrUrl];
}

export function cleanTags(tags: readonly unknown[]): string[] {
  return [...new Set(tags.map((t) => sanitizeLine(String(t))).filter(Boolean))];
}

export function cleanNote(note: string | undefined): string | undefined {
  if (note === undefined) return undefined;
  const text = sanitizeText(String(note)).trim();
  return text || undefined;
}

export function cleanQuote(quote: SavedQuote): SavedQuote | undefined {
  const text = sanitizeLine(quote.text);
  if (!text) return undefined;
  return { text, speaker: quote.speaker === null ? null : sanitizeLine(quote.speaker) || null };
}

// Applying records

export function applyRecord(state: StoreState, record: StoreRecord): Outcome {
  switch (record.op) {
    case 'add':
      return addDraft(state, record.draft, record.note, record.tags, record.at);
    case 'quote':
      return addQuote(state, record.draft, record.quote, record.at);
    case 'remove':
      return { revived: false, bookmarks: removeKeys(state, record.keys, record.at) };
    case 'restore':
      restoreExactly(state, record.bookmark);
      return { revived: false, bookmarks: [], bookmark: bookmarkById(state, record.bookmark.id) };
    case 'revive':
      return { revived: true, bookmarks: revive(state, record.key) };
    case 'position':
      state.setPosition(record.id, record.position);
      return { revived: false, bookmarks: [] };
    case 'merge':
      return { revived: false, bookmarks: [], merge: mergeBookmarks(state, record.bookmarks) };
  }
}

/** Adds the article, or updates the bookmark with its id or URL, or brings back its removed one. */
function addDraft(state: StoreState, draft: Draft, note: string | undefined, tags: readonly string[], at: string): Outcome {
  const same = state.bookmarks.get(draft.id);
  // A kept bookmark with this id but another address is another bookmark: it moves aside.
  if (same && differentAddresses(same.url, draft.url)) moveToOwnId(state, same);
  const live = matching(state, draft.id, draft.url).map((id) => state.bookmarks.get(id)!);
  const gone = matchingRemoved(state, draft.id, draft.url);
  const earlier = [...live, ...gone.map((e) => e.bookmark)];
  const bookmark: Bookmark = {
    ...draft,
    savedAt: earliest(earlier.map((b) => b.savedAt)) ?? at,
    tags: cleanTags([...earlier.flatMap((b) => b.tags), ...tags]),
    quotes: uniqueQuotes(earlier.flatMap((b) => b.quotes)),
  };
  const kept = note ?? earlier.find((b) => b.note !== undefined)?.note;
  if (kept !== undefined) bookmark.note = kept;
  for (const b of live) state.delete(b.id);
  for (const e of gone) {
    state.deleteRemoved(e.bookmark.id);
    if (e.bookmark.position !== undefined && e.bookmark.id === draft.id && !state.positions.has(draft.id)) state.setPosition(draft.id, e.bookmark.position);
  }
  state.put(bookmark);
  return { bookmark: withPositionOf(state, bookmark), revived: gone.length > 0, bookmarks: [] };
}

function addQuote(state: StoreState, draft: Draft, quote: SavedQuote, at: string): Outcome {
  const base = state.bookmarks.has(draft.id) ? { revived: false } : addDraft(state, draft, undefined, [], at);
  const current = state.bookmarks.get(draft.id)!;
  const quotes = uniqueQuotes([...current.quotes, quote]);
  if (quotes.length !== current.quotes.length) state.put({ ...current, quotes });
  return { bookmark: bookmarkById(state, draft.id), revived: base.revived, bookmarks: [] };
}

function removeKeys(state: StoreState, keys: readonly string[], at: string): Bookmark[] {
  const ids = new Set<string>();
  for (const key of keys) {
    if (state.bookmarks.has(key)) ids.add(key);
    for (const id of state.withUrl(key)) ids.add(id);
  }
  const removed: Bookmark[] = [];
  for (const id of ids) {
    const bookmark = withPositionOf(state, state.bookmarks.get(id)!);
    state.delete(id);
    state.putRemoved({ removedAt: at, bookmark });
    removed.push(copyOf(bookmark));
  }
  return removed;
}

/** Puts a bookmark back as it was, replacing any that took its id or URL since. */
function restoreExactly(state: StoreState, bookmark: Bookmark): void {
  const { position, ...stored } = bookmark;
  for (const id of matching(state, bookmark.id, bookmark.url)) state.delete(id);
  state.deleteRemoved(bookmark.id);
  state.put(stored);
  if (position !== undefined) state.setPosition(bookmark.id, position);
}

/** The removed bookmarks with this id or URL come back; one kept meanwhile keeps its fields. */
function revive(state: StoreState, key: string): Bookmark[] {
  const url = safeUrl(key);
  const ids = new Set(state.removed.has(key) ? [key] : []);
  for (const id of state.removedWithUrl(url ?? key)) ids.add(id);
  const back: Bookmark[] = [];
  for (const id of ids) {
    const { position, ...stored } = state.removed.get(id)!.bookmark;
    state.deleteRemoved(id);
    const live = matching(state, stored.id, stored.url).map((other) => state.bookmarks.get(other)!);
    const merged = live.reduce((acc, kept) => mergeTwo(acc, kept), stored);
    for (const b of live) state.delete(b.id);
    state.put(merged);
    if (position !== undefined && !state.positions.has(merged.id)) state.setPosition(merged.id, position);
    back.push(withPositionOf(state, merged));
  }
  return back;
}

/**
 * Merges bookmarks from elsewhere (an import): the ones already here keep what they have. An
 * incoming bookmark whose id is taken by one of another address is a bookmark of its own,
 * under an id derived from its URL (the same on every import, so importing again merges).
 */
function mergeBookmarks(state: StoreState, incoming: readonly Bookmark[]): MergeResult {
  let added = 0;
  let renamed = 0;
  for (const { position, ...given } of incoming) {
    let bookmark = given;
    let moved = false;
    const holder = state.bookmarks.get(bookmark.id);
    if (holder && differentAddresses(holder.url, bookmark.url)) {
      bookmark = { ...bookmark, id: freeIdFor(state, bookmark) };
      moved = true;
    }
    const ids = matching(state, bookmark.id, bookmark.url);
    // The bookmark with the same id comes first, so it is merged last and wins.
    const result = ids.reduceRight((merged, id) => mergeTwo(merged, state.bookmarks.get(id)!), bookmark);
    for (const id of ids) state.delete(id);
    state.put(result);
    if (position !== undefined && !state.positions.has(result.id)) state.setPosition(result.id, position);
    if (ids.length === 0) {
      added++;
      if (moved) renamed++;
    }
  }
  return { added, updated: incoming.length - added, renamed };
}

/** Forgets the oldest positions of articles that are not bookmarked, beyond MAX_POSITIONS. */
export function trimPositions(state: StoreState): void {
  let unbookmarked = 0;
  for (const id of state.positions.keys()) if (!state.bookmarks.has(id)) unbookmarked++;
  let excess = unbookmarked - MAX_POSITIONS;
  for (const id of state.positions.keys()) {
    if (excess <= 0) return;
    if (state.bookmarks.has(id)) continue;
    state.positions.delete(id);
    excess--;
  }
}

/** Forgets removed bookmarks older than REMOVED_KEPT_MS; returns their ids. */
export function expireRemoved(state: StoreState, now: Date): string[] {
  const expired: string[] = [];
  for (const [id, entry] of state.removed) {
    if (now.getTime() - Date.parse(entry.removedAt) > REMOVED_KEPT_MS) expired.push(id);
  }
  for (const id of expired) state.deleteRemoved(id);
  return expired;
}

function matchingRemoved(state: StoreState, id: string, url: string | undefined): RemovedBookmark[] {
  const ids = new Set<string>();
  const same = state.removed.get(id);
  if (same && !differentAddresses(same.bookmark.url, url)) ids.add(id);
  for (const other of state.removedWithUrl(url)) ids.add(other);
  return [...ids].map((other) => state.removed.get(other)!);
}

/** Two bookmarks with one id are different bookmarks when both have URLs and these differ. */
function differentAddresses(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b;
}

function moveToOwnId(state: StoreState, bookmark: Bookmark): void {
  const id = freeIdFor(state, bookmark);
  const position = state.positions.get(bookmark.id);
  state.delete(bookmark.id);
  state.put({ ...bookmark, id });
  if (position !== undefined) state.setPosition(id, position);
}

/**
 * An id for a bookmark whose own is taken by another address: derived from its URL, and if
 * that too is taken by another address, numbered. A bookmark of the same URL under the
 * derived id is the same bookmark (an import done twice), so the derived id is returned.
 */
function freeIdFor(state: StoreState, bookmark: Bookmark): string {
  const base = derivedId(bookmark.url, bookmark.title, bookmark.source);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    const holder = state.bookmarks.get(id);
    if (!holder || !differentAddresses(holder.url, bookmark.url)) return id;
  }
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

/** The bookmark as callers see it: a copy with its reading position, fields in the schema's order. */
function withPositionOf(state: StoreState, b: Bookmark): Bookmark {
  return copyOf(b, state.positions.get(b.id));
}

function copyOf(b: Bookmark, position = b.position): Bookmark {
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

function uniqueQuotes(quotes: readonly SavedQuote[]): SavedQuote[] {
  const seen = new Set<string>();
  return quotes.filter((q) => {
    const key = `${q.speaker ?? ''}\u0000${q.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
