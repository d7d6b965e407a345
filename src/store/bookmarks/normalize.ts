// Bookmarks that come from outside the store (an import file, an older store layout) are
// hostile and may be half-formed: everything is sanitized and each field checked, and an
// entry is kept whenever it still says what to open, so no user data is dropped for a detail.
import { isoDate, safeUrl } from '../../article.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { BOOKMARK_ID, derivedId } from './ids.js';
import { cleanNote, cleanTags } from './model.js';
import type { Bookmark, SavedQuote } from './types.js';

/** A bookmark from loose data, or null when it has neither a URL nor a title. */
export function normalizeBookmark(raw: unknown, now: Date): Bookmark | null {
  if (!isRecord(raw)) return null;
  const url = safeUrl(text(raw.url));
  const title = sanitizeLine(text(raw.title) ?? '') || url;
  if (!title) return null;
  const source = sanitizeLine(text(raw.source) ?? '') || url || 'import';
  const id = text(raw.id);
  const bookmark: Bookmark = {
    id: id && BOOKMARK_ID.test(id) ? id : derivedId(url, title, source),
    title,
    source,
    savedAt: isoDate(text(raw.savedAt)) ?? now.toISOString(),
    tags: cleanTags(Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : []),
    quotes: Array.isArray(raw.quotes) ? raw.quotes.flatMap(quoteOf) : [],
  };
  if (url) bookmark.url = url;
  const siteName = sanitizeLine(text(raw.siteName) ?? '');
  if (siteName) bookmark.siteName = siteName;
  const note = cleanNote(text(raw.note));
  if (note !== undefined) bookmark.note = note;
  if (typeof raw.position === 'number' && Number.isSafeInteger(raw.position) && raw.position >= 0) bookmark.position = raw.position;
  return bookmark;
}

export function quoteOf(raw: unknown): SavedQuote[] {
  if (!isRecord(raw)) return [];
  const quoteText = sanitizeLine(text(raw.text) ?? '');
  if (!quoteText) return [];
  const speaker = sanitizeLine(text(raw.speaker) ?? '') || null;
  return [{ text: quoteText, speaker }];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
