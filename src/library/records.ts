import { BLOCK_SEPARATOR, type Article } from '../article.js';

// An Article as an entries row and back. The text is its own column (the search index reads
// it); the rest is JSON. An article's text is its blocks' texts joined, so it is not stored
// twice in the JSON.

export interface EntryColumns {
  key: string;
  article_id: string;
  title: string;
  url: string | null;
  published: number | null;
  text: string;
  article: string;
}

/** The entry's identity within its feed: a changed text keeps the address. */
export function entryKey(article: Article): string {
  return article.url ?? article.id;
}

export function toColumns(article: Article): EntryColumns {
  const { text, ...rest } = article;
  void text;
  const published = article.published ? Date.parse(article.published) : Number.NaN;
  return {
    key: entryKey(article),
    article_id: article.id,
    title: article.title,
    url: article.url ?? null,
    published: Number.isNaN(published) ? null : published,
    text: article.text,
    article: JSON.stringify(rest),
  };
}

/** The stored article; null when the row's JSON is not an article (a damaged row). */
export function fromColumns(json: string, text: string): Article | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isArticleShape(parsed)) return null;
  const article = parsed as Omit<Article, 'text'> & { text?: string };
  // The column is what the blocks were joined into when stored; a row edited by hand that lost
  // it still reads, rebuilt from the blocks.
  article.text = text || article.blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
  return article as Article;
}

function isArticleShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.title === 'string' && Array.isArray(v.blocks) && Array.isArray(v.tags) && Array.isArray(v.links);
}
