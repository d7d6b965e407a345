// Offline copies of bookmarked articles, one `<id>.json` file each, so a bookmark opens even
// when its file was moved or its site is down. Kept out of config.json so the bookmark list
// stays small to read, whatever the articles weigh.
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { makeArticle, type Article, type Block, type Link } from '../../article.js';
import { ensureFolder, isStrayTemp, listFolder, writeFileDurably, type FileOps } from './durable.js';
import { BOOKMARK_ID } from './ids.js';
import { ioError } from './io-errors.js';
import { isRecord } from './normalize.js';

/**
 * How long a copy no bookmark refers to is kept: long enough for another window's undo of a
 * delete to find it again. Copies of removed bookmarks are kept as long as those are.
 */
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

export async function saveOfflineCopy(ops: FileOps, dir: string, article: Article): Promise<void> {
  await ensureFolder(ops, dir);
  await writeFileDurably(ops, copyPath(dir, article.id), Buffer.from(`${JSON.stringify(article)}\n`));
}

/** The saved article, rebuilt through makeArticle so a tampered file is sanitized again. */
export async function loadOfflineCopy(dir: string, id: string): Promise<Article | undefined> {
  if (!BOOKMARK_ID.test(id)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(await fsp.readFile(copyPath(dir, id), 'utf8'));
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

/** Deletes copies (and temporary files) no bookmark in `keep` refers to, once past the grace. */
export async function pruneOfflineCopies(ops: FileOps, dir: string, keep: ReadonlySet<string>, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await listFolder(dir)) {
    const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : undefined;
    const candidate = isStrayTemp(name) || (id !== undefined && BOOKMARK_ID.test(id) && !keep.has(id));
    if (!candidate) continue;
    const path = join(dir, name);
    try {
      if (now - (await fsp.stat(path)).mtimeMs < ORPHAN_GRACE_MS) continue;
      await ops.unlink(path);
      removed++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(error, path, 'write');
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
