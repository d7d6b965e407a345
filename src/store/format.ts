import type { Article } from '../article.js';

/** YYYY-MM-DD, or '' when there is no date. */
export function shortDate(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}

export function readingTime(minutes: number): string {
  return minutes > 0 ? `${minutes} min` : '';
}

/** Where an article is from: its site, else the host of its URL, else its file or source. */
export function siteOf(article: Pick<Article, 'siteName' | 'url' | 'source'>): string {
  if (article.siteName) return article.siteName;
  if (article.url) {
    try {
      return new URL(article.url).host;
    } catch {
      // Urls are validated by makeArticle; a bookmark from an old version might not be.
    }
  }
  const parts = article.source.split(/[\\/]/);
  return parts[parts.length - 1] || article.source;
}

/** The line under the title in the reader: byline, site, date and reading time. */
export function articleMeta(article: Article): string {
  return [article.byline, siteOf(article), shortDate(article.published), readingTime(article.readingMinutes) && `${readingTime(article.readingMinutes)} read`]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}

/**
 * A whole count with thousands separators, as `toLocaleString('en')` writes it. Written out because
 * the first toLocaleString of a process loads ICU's number formats: 30 ms or more, before the
 * list's first frame.
 */
export function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}
