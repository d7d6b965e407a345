// Bookmarks as text: the JSON of `--json` (schema/bookmark.schema.json) and a Markdown list.
// Every string is hostile (titles and quotes come from articles, notes from anyone), so each
// is sanitized again here, the last step before the terminal or a file.
import { escapeDestination, escapeInline } from '../../export/markdown.js';
import { sanitizeLine, sanitizeText } from '../../text/sanitize.js';
import type { Bookmark, RemovedBookmark } from './types.js';

export function bookmarksJson(bookmarks: readonly Bookmark[]): string {
  // JSON.stringify escapes C0 controls but not C1 ones or bidi overrides; inside JSON strings
  // those can only be text, so removing them keeps the document valid.
  return `${sanitizeText(JSON.stringify(bookmarks, null, 2))}\n`;
}

/**
 * The bookmarks as a Markdown list, escaped as `export --format md` escapes an article: the
 * text renders as itself, never as a link, image, HTML or emphasis the bookmark did not have.
 */
export function bookmarksMarkdown(bookmarks: readonly Bookmark[]): string {
  const lines = ['# Bookmarks', ''];
  for (const b of bookmarks) {
    const title = sanitizeLine(b.title);
    // Angle brackets keep a URL with parentheses whole; what could end them early is escaped
    // (stored URLs are normalised already, but the file may have been edited by hand).
    const link = b.url ? `[${escapeInline(title, true)}](<${escapeDestination(sanitizeLine(b.url))}>)` : escapeInline(title);
    const details = [escapeInline(sanitizeLine(b.siteName ?? b.source)), `saved ${b.savedAt.slice(0, 10)}`];
    if (b.tags.length > 0) details.push(b.tags.map((t) => `#${escapeInline(sanitizeLine(t))}`).join(' '));
    lines.push(`- ${link} — ${details.join(' · ')}`);
    if (b.note) lines.push(...sanitizeText(b.note).split('\n').map((line) => `  > ${escapeInline(line)}`));
    for (const q of b.quotes) {
      const speaker = ` — ${q.speaker ? escapeInline(sanitizeLine(q.speaker)) : 'unattributed'}`;
      lines.push(`  - “${escapeInline(sanitizeLine(q.text))}”${speaker}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** One line per bookmark for people: id (what `remove` takes), date, title, where from, tags. */
export function bookmarkLine(b: Bookmark): string {
  const where = sanitizeLine(b.siteName ?? (b.url ? hostOf(b.url) : b.source));
  const tags = b.tags.map((t) => ` #${sanitizeLine(t)}`).join('');
  return `${sanitizeLine(b.id)}  ${b.savedAt.slice(0, 10)}  ${sanitizeLine(b.title)}  (${where})${tags}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** `bookmarks list --removed --json`: `[{removedAt, bookmark}]`, most recently removed first. */
export function removedJson(entries: readonly RemovedBookmark[]): string {
  return `${sanitizeText(JSON.stringify(entries, null, 2))}\n`;
}

/** One line per removed bookmark: id (what `restore` takes), when removed, title, where from. */
export function removedLine(entry: RemovedBookmark): string {
  const b = entry.bookmark;
  const where = sanitizeLine(b.siteName ?? (b.url ? hostOf(b.url) : b.source));
  return `${sanitizeLine(b.id)}  removed ${entry.removedAt.slice(0, 10)}  ${sanitizeLine(b.title)}  (${where})`;
}
