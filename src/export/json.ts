import type { Article } from '../article.js';

/** Field order of the published schema, so output reads the same every time. */
const FIELD_ORDER: (keyof Article)[] = [
  'id', 'source', 'url', 'title', 'byline', 'siteName', 'published', 'section', 'tags', 'credits',
  'excerpt', 'lang', 'wordCount', 'readingMinutes', 'blocks', 'text', 'links',
];

export function orderedArticle(article: Article): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (article[key] !== undefined) out[key] = article[key];
  return out;
}

/** A JSON array of articles (schema/article.schema.json). */
export function formatJson(articles: readonly Article[]): string {
  return `${JSON.stringify(articles.map(orderedArticle), null, 2)}\n`;
}

/** One article object per line. */
export function formatJsonLines(articles: readonly Article[]): string {
  return articles.map((a) => `${JSON.stringify(orderedArticle(a))}\n`).join('');
}
