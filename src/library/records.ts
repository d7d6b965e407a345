import { BLOCK_SEPARATOR, isJoined, type Article, type Block } from '../article.js';

// An Article as an entries row and back. The text is its own column (the search index reads
// it); the rest is JSON. An article's text is its blocks' texts joined, so it is not stored
// twice: each block in the JSON gives its text's length (`length`), and reading the row
// slices the texts back out of the text column. Rows written before hold each block's text,
// and read as they are.

export interface EntryColumns {
  key: string;
  article_id: string;
  title: string;
  url: string | null;
  published: number | null;
  text: string;
  article: string;
  summary: string;
}

/** The entry's identity within its feed: a changed text keeps the address. */
export function entryKey(article: Article): string {
  return article.url ?? article.id;
}

/** A block as stored: its text's length in the text column instead of the text. */
type StoredBlock = Omit<Block, 'text'> & { length: number };

export function toColumns(article: Article): EntryColumns {
  const { text, blocks, ...rest } = article;
  void text;
  // Lengths only where the text is the blocks joined, as makeArticle makes it; else the texts.
  const stored: (Block | StoredBlock)[] = isJoined(text, blocks) ? blocks.map(({ text: blockText, ...block }) => ({ ...block, length: blockText.length })) : blocks;
  const published = article.published ? Date.parse(article.published) : Number.NaN;
  return {
    key: entryKey(article),
    article_id: article.id,
    title: article.title,
    url: article.url ?? null,
    published: Number.isNaN(published) ? null : published,
    text: article.text,
    article: JSON.stringify({ ...rest, blocks: stored }),
    summary: summaryOf(article),
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
  const article = parsed as Omit<Article, 'text' | 'blocks'> & { text?: string; blocks: (Block | StoredBlock)[] };
  if (article.blocks.some((b) => typeof (b as Partial<Block>).text !== 'string')) article.blocks = blocksFrom(article.blocks, text);
  // The column is what the blocks were joined into when stored; a row edited by hand that lost
  // it still reads, rebuilt from the blocks (which, stored with lengths, are then empty).
  article.text = text || article.blocks.map((b) => (b as Block).text).join(BLOCK_SEPARATOR);
  return article as Article;
}

/** Blocks stored with their lengths, their texts sliced back out of the article's text. */
function blocksFrom(stored: readonly (Block | StoredBlock)[], text: string): Block[] {
  let at = 0;
  return stored.map((b, i) => {
    if (typeof (b as Partial<Block>).text === 'string') return b as Block;
    const { length, ...block } = b as StoredBlock;
    const size = Number.isInteger(length) && length >= 0 ? length : 0;
    const start = at + (i > 0 ? BLOCK_SEPARATOR.length : 0);
    at = start + size;
    return { ...block, text: text.slice(start, at) };
  });
}

function isArticleShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.title === 'string' && Array.isArray(v.blocks) && Array.isArray(v.tags) && Array.isArray(v.links);
}

const HEAVY_FIELDS = ['byline', 'section', 'credits', 'excerpt', 'lang', 'blocks', 'text', 'links', 'enclosures'] as const;
const HEAVY: ReadonlySet<string | symbol> = new Set(HEAVY_FIELDS);
/** What a required field is when the row has lost it; optional fields are then absent. */
const REQUIRED: Partial<Record<(typeof HEAVY_FIELDS)[number], unknown>> = { credits: [], excerpt: '', blocks: [], text: '', links: [] };

/** The `summary` column: the fields a list shows that have no column of their own. */
export function summaryOf(article: Article): string {
  return JSON.stringify([article.source, article.siteName ?? null, article.published ?? null, article.tags, article.wordCount, article.readingMinutes]);
}

/**
 * A stored article whose list fields come from its row's columns and whose body (blocks,
 * text, links…) is read with `load` the first time anything reads it. Opening a feed of
 * 10,000 entries then reads none of their bodies; the one opened in the reader reads its own.
 * It behaves as a plain Article: every field is an own, enumerable property (spreading it or
 * writing it as JSON reads the body first).
 */
export function lazyArticle(
  row: { id: number; article_id: string; title: string; url: string | null; summary: string | null },
  load: (row: number) => { text: string; article: string } | undefined,
): Article | null {
  let summary: unknown;
  try {
    summary = JSON.parse(row.summary ?? 'null');
  } catch {
    summary = null;
  }
  if (!Array.isArray(summary)) {
    // A row without its summary (written by hand): read whole.
    const stored = load(row.id);
    return stored ? fromColumns(stored.article, stored.text) : null;
  }
  const [source, siteName, published, tags, wordCount, readingMinutes] = summary as unknown[];
  const article = { id: row.article_id, source: typeof source === 'string' ? source : 'unknown', title: row.title } as Article;
  if (row.url) article.url = row.url;
  if (typeof siteName === 'string') article.siteName = siteName;
  if (typeof published === 'string') article.published = published;
  article.tags = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  article.wordCount = typeof wordCount === 'number' ? wordCount : 0;
  article.readingMinutes = typeof readingMinutes === 'number' ? readingMinutes : 0;
  let filled = false;
  const fill = () => {
    if (filled) return;
    filled = true;
    const stored = load(row.id);
    // A row removed or damaged since it was listed reads as an empty article.
    const full = stored ? fromColumns(stored.article, stored.text) : null;
    for (const key of HEAVY_FIELDS) {
      const value = full?.[key] ?? REQUIRED[key];
      if (value !== undefined) (article as unknown as Record<string, unknown>)[key] = value;
    }
  };
  // A proxy rather than getters: one object, where 9 getters an article make 10,000 articles
  // slower to build than to parse. Anything that lists the fields (a spread, JSON) reads the
  // body first, so the article is always whole to whoever looks at it as a whole.
  return new Proxy(article, {
    get(target, key, receiver) {
      if (!filled && HEAVY.has(key)) fill();
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (!filled && HEAVY.has(key)) fill();
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      fill();
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(target, key) {
      if (!filled && HEAVY.has(key)) fill();
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    set(target, key, value) {
      fill();
      return Reflect.set(target, key, value);
    },
  });
}
