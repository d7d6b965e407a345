import type { Article } from '../article.js';
import { groupDigits, siteOf } from '../store/format.js';
import { fitToWidth, textWidth } from '../text/wrap.js';
import { formatDate } from './text.js';

/** What `inkwire list` shows for one article, and prints with `--json`. */
export interface ListRow {
  id: string;
  title: string;
  site: string;
  source: string;
  url?: string;
  published?: string;
  wordCount: number;
  readingMinutes: number;
}

/** What a row is made of: an article, or its summary (see makeSummary). */
export type ListedArticle = Pick<Article, 'id' | 'title' | 'siteName' | 'url' | 'source' | 'published' | 'wordCount' | 'readingMinutes'>;

export function listRow(article: ListedArticle): ListRow {
  const row: ListRow = {
    id: article.id,
    title: article.title,
    // The site the interface shows too: its name, else the host, else the file name.
    site: siteOf(article),
    source: article.source,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
  };
  if (article.url) row.url = article.url;
  if (article.published) row.published = article.published;
  return row;
}

/**
 * A row as it stands in the array `JSON.stringify(rows, null, 2)` prints, the same bytes:
 * its keys in listRow's order, each string through JSON.stringify. Laid out by hand, the rows
 * of a 100,000-file folder take a third of the time the generic indenting layout takes.
 */
export function listRowJson(row: ListRow): string {
  let text = `  {\n    "id": ${JSON.stringify(row.id)},\n    "title": ${JSON.stringify(row.title)},\n    "site": ${JSON.stringify(row.site)},\n    "source": ${JSON.stringify(row.source)},\n    "wordCount": ${JSON.stringify(row.wordCount)},\n    "readingMinutes": ${JSON.stringify(row.readingMinutes)}`;
  if (row.url !== undefined) text += `,\n    "url": ${JSON.stringify(row.url)}`;
  if (row.published !== undefined) text += `,\n    "published": ${JSON.stringify(row.published)}`;
  return `${text}\n  }`;
}

/** Aligned columns: title, site or file, date, words, minutes; the title takes what is left. */
export function formatListTable(rows: readonly ListRow[], width: number): string {
  // reduce, not Math.max(...): spreading 200,000 rows as arguments overflows the call stack.
  const siteWidth = Math.min(24, rows.reduce((widest, r) => Math.max(widest, textWidth(r.site)), 4));
  const wordsWidth = rows.reduce((widest, r) => Math.max(widest, groupDigits(r.wordCount).length + 6), 5);
  const fixed = siteWidth + 10 + wordsWidth + 7 + 8;
  const titleWidth = Math.max(20, width - fixed);
  return rows
    .map((row) =>
      [
        fitToWidth(row.title, titleWidth),
        fitToWidth(row.site, siteWidth),
        (row.published ? formatDate(row.published) : '').padEnd(10),
        `${groupDigits(row.wordCount)} ${row.wordCount === 1 ? 'word' : 'words'}`.padStart(wordsWidth),
        `${row.readingMinutes} min`.padStart(7),
      ].join('  '),
    )
    .map((line) => `${line.trimEnd()}\n`)
    .join('');
}
