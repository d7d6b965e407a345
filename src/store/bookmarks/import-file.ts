// What `bookmarks import` reads: inkwire's own JSON (an array, as `--json` prints; or an object
// with `bookmarks`, such as a config file kept aside as damaged) or a browser's bookmark file.
import { readNetscapeHtml } from './netscape.js';
import { isRecord, normalizeBookmark } from './normalize.js';
import type { Bookmark } from './types.js';

export interface ImportedFile {
  bookmarks: Bookmark[];
  /** Entries with nothing to open (no web address or file, no title) or not bookmarks at all. */
  skipped: number;
}

/** Thrown when the text is neither kind of bookmark file. */
export class NotABookmarkFile extends Error {}

export async function parseBookmarkFile(text: string, now: Date): Promise<ImportedFile> {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  const entries = body.startsWith('[') || body.startsWith('{') ? jsonEntries(body) : await htmlEntries(body);
  const bookmarks: Bookmark[] = [];
  for (const entry of entries) {
    const bookmark = normalizeBookmark(entry, now);
    if (bookmark) bookmarks.push(bookmark);
  }
  return { bookmarks, skipped: entries.length - bookmarks.length };
}

function jsonEntries(body: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new NotABookmarkFile('not valid JSON');
  }
  if (Array.isArray(data)) return data;
  const inner = isRecord(data) ? data.bookmarks : undefined;
  if (Array.isArray(inner)) return inner;
  if (isRecord(inner)) return Object.values(inner);
  throw new NotABookmarkFile('JSON without bookmarks: expected an array, or an object with "bookmarks"');
}

async function htmlEntries(body: string): Promise<unknown[]> {
  if (!/^<!DOCTYPE\s+NETSCAPE-Bookmark-file/i.test(body) && !/<a\s[^>]*href\s*=/i.test(body)) {
    throw new NotABookmarkFile('neither inkwire JSON nor a browser bookmark file (HTML)');
  }
  // Web links and local files only: browsers also export javascript: bookmarklets and place:
  // queries, which inkwire cannot open and must never keep. They count as skipped.
  const links = await readNetscapeHtml(body);
  return links.map((link) => (typeof link.url === 'string' && /^(https?|file):/i.test(link.url) && link.source ? link : null));
}
