// Offline copies of bookmarked articles, one `<id>.json` file each, so a bookmark opens even
// when its file was moved or its site is down. Kept out of config.json so the bookmark list
// stays small to read, whatever the articles weigh.
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { makeArticle, type Article, type Block, type Link } from '../../article.js';
import { isStrayTemp, writeFileAtomic } from './atomic.js';
import { BOOKMARK_ID } from './model.js';
import { isRecord } from './normalize.js';

/**
 * How long a copy no bookmark refers to is kept: long enough for another window's undo of a
 * delete to find it again.
 */
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

export function saveOfflineCopy(dir: string, article: Article): void {
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(copyPath(dir, article.id), `${JSON.stringify(article)}\n`);
}

/** The saved article, rebuilt through makeArticle so a tampered file is sanitized again. */
export function loadOfflineCopy(dir: string, id: string): Article | undefined {
  if (!BOOKMARK_ID.test(id)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(copyPath(dir, id), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(data) || typeof data.source !== 'string' || !Array.isArray(data.blocks)) return undefined;
  const article = makeArticle({
    source: data.source,
    url: optional(data.url),
    title: optional(data.title),
    byline: optional(data.byline),
    siteName: optional(data.siteName),
    published: optional(data.published),
    section: optional(data.section),
    tags: strings(data.tags),
    credits: strings(data.credits),
    excerpt: optional(data.excerpt),
    lang: optional(data.lang),
    blocks: data.blocks.filter(isBlock),
    links: Array.isArray(data.links) ? data.links.filter(isLink) : [],
  });
  // The bookmark knows the article by the id it was saved under.
  return { ...article, id };
}

/** Marks a copy as no longer referred to; `pruneOfflineCopies` removes it after the grace. */
export function releaseOfflineCopy(dir: string, id: string): void {
  if (!BOOKMARK_ID.test(id)) return;
  const now = new Date();
  try {
    utimesSync(copyPath(dir, id), now, now);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Deletes copies (and temporary files) no bookmark in `keep` refers to, once past the grace. */
export function pruneOfflineCopies(dir: string, keep: ReadonlySet<string>, now = Date.now()): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : undefined;
    const candidate = isStrayTemp(name) || (id !== undefined && BOOKMARK_ID.test(id) && !keep.has(id));
    if (!candidate) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs < ORPHAN_GRACE_MS) continue;
      unlinkSync(path);
      removed++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return removed;
}

function copyPath(dir: string, id: string): string {
  // Ids come from import files too; the pattern is what keeps them inside `dir`.
  if (!BOOKMARK_ID.test(id)) throw new Error(`not a bookmark id: ${id}`);
  return join(dir, `${id}.json`);
}

function optional(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isBlock(value: unknown): value is Block {
  if (!isRecord(value) || typeof value.type !== 'string' || typeof value.text !== 'string') return false;
  const { items, level } = value;
  const itemsOk = items === undefined || (Array.isArray(items) && items.every((item) => typeof item === 'string'));
  return itemsOk && (level === undefined || typeof level === 'number');
}

function isLink(value: unknown): value is Link {
  return isRecord(value) && typeof value.text === 'string' && typeof value.url === 'string';
}
