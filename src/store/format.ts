import { tidyByline } from '../text/byline.js';
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
  // The last part of the path, found without splitting it (a list of 100,000 files asks each).
  const { source } = article;
  const name = source.slice(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
  return name || source;
}

/**
 * The lines under the title in the reader: what print and export show. Section, byline, site,
 * date and reading time; then the tags; then the credits.
 */
export function articleMeta(article: Article): string {
  const site = siteOf(article);
  const time = readingTime(article.readingMinutes);
  const main = [article.section, tidyByline(article.byline, site), site, shortDate(article.published), time && `${time} read`]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
  const tags = article.tags.length > 0 ? ` · ${article.tags.map((t) => `#${t}`).join(' ')}` : '';
  const credits = article.credits.length > 0 ? ` · ${article.credits.join(', ')}` : '';
  return main + tags + credits;
}

/** `1 word`, `2 words`, `1,200 entries`: a count and its noun, which agree. */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${groupDigits(count)} ${count === 1 ? one : many}`;
}

/**
 * A whole count with thousands separators, as `toLocaleString('en')` writes it. Written out because
 * the first toLocaleString of a process loads ICU's number formats: 30 ms or more, before the
 * list's first frame.
 */
export function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}
