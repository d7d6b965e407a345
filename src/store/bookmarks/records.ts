// Journal records as text: one JSON object per line. A record read back is hostile like any
// file (it may have been edited or damaged), so each is checked and sanitized again, and one
// that does not make sense is reported, never applied.
import { isoDate, safeUrl } from '../../article.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { BOOKMARK_ID } from './ids.js';
import { cleanNote, cleanTags, type Draft, type StoreRecord } from './model.js';
import { isRecord, normalizeBookmark, quoteOf } from './normalize.js';
import type { Bookmark } from './types.js';

export function encodeRecord(record: StoreRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/** The record on one line of the journal, or undefined when the line is not one. */
export function decodeRecord(line: string): StoreRecord | undefined {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isRecord(data)) return undefined;
  const at = typeof data.at === 'string' ? isoDate(data.at) : undefined;
  switch (data.op) {
    case 'add': {
      const draft = draftOf(data.draft);
      if (!draft || !at || !Array.isArray(data.tags)) return undefined;
      const note = typeof data.note === 'string' ? cleanNote(data.note) : undefined;
      return { op: 'add', at, draft, tags: cleanTags(data.tags.filter((t) => typeof t === 'string')), ...(note === undefined ? {} : { note }) };
    }
    case 'quote': {
      const draft = draftOf(data.draft);
      const [quote] = quoteOf(data.quote);
      return draft && at && quote ? { op: 'quote', at, draft, quote } : undefined;
    }
    case 'remove': {
      const keys = Array.isArray(data.keys) ? data.keys.filter((k): k is string => typeof k === 'string' && k !== '') : [];
      return at && keys.length > 0 ? { op: 'remove', at, keys } : undefined;
    }
    case 'restore': {
      const bookmark = bookmarkOf(data.bookmark);
      return bookmark ? { op: 'restore', bookmark } : undefined;
    }
    case 'revive':
      return typeof data.key === 'string' && data.key !== '' ? { op: 'revive', key: data.key } : undefined;
    case 'position': {
      const { id, position } = data;
      if (typeof id !== 'string' || id === '' || typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0) return undefined;
      return { op: 'position', id, position };
    }
    case 'merge': {
      if (!at || !Array.isArray(data.bookmarks)) return undefined;
      const bookmarks = data.bookmarks.map(bookmarkOf);
      if (bookmarks.some((b) => b === undefined)) return undefined;
      return { op: 'merge', at, bookmarks: bookmarks as Bookmark[] };
    }
    default:
      return undefined;
  }
}

/** A bookmark as a record holds it: complete, its id as written (never replaced by another). */
function bookmarkOf(raw: unknown): Bookmark | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !BOOKMARK_ID.test(raw.id) || typeof raw.savedAt !== 'string') return undefined;
  const bookmark = normalizeBookmark(raw, new Date(0));
  return bookmark && bookmark.id === raw.id ? bookmark : undefined;
}

function draftOf(raw: unknown): Draft | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !BOOKMARK_ID.test(raw.id)) return undefined;
  const title = typeof raw.title === 'string' ? sanitizeLine(raw.title) : '';
  const source = typeof raw.source === 'string' ? sanitizeLine(raw.source) : '';
  if (!title || !source) return undefined;
  const draft: Draft = { id: raw.id, title, source };
  const url = typeof raw.url === 'string' ? safeUrl(raw.url) : undefined;
  if (url) draft.url = url;
  const siteName = typeof raw.siteName === 'string' ? sanitizeLine(raw.siteName) : '';
  if (siteName) draft.siteName = siteName;
  return draft;
}
