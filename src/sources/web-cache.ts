import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// The web cache: one `<key>.json` (what the server said about the copy) and one `<key>.body`
// (the decoded-from-transport bytes) per address asked for. It lets a reopen be answered by a
// 304 instead of a download, and lets inkwire read pages offline that it fetched before.
// Everything here is best effort: a cache that cannot be read or written is simply skipped.

export interface CacheMeta {
  /** The address asked for (the key). */
  url: string;
  /** The address after redirects; relative links resolve against it. */
  finalUrl: string;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** When the copy was fetched or last confirmed current (ms since the epoch). */
  storedAt: number;
  /** Until when the server said the copy may be used without asking again (ms). */
  freshUntil: number;
  /**
   * The request headers the response said it varies by (`Vary`), with the values they had:
   * the copy answers only a request that sends the same. `*` never matches.
   */
  vary?: Record<string, string>;
}

export interface CachedCopy {
  meta: CacheMeta;
  bytes: Uint8Array;
}

export function cacheKey(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 32);
}

export async function readCached(folder: string, url: string): Promise<CachedCopy | undefined> {
  const base = join(folder, 'web', cacheKey(url));
  try {
    const meta = JSON.parse(await readFile(`${base}.json`, 'utf8')) as CacheMeta;
    if (meta.url !== url) return undefined;
    return { meta, bytes: await readFile(`${base}.body`) };
  } catch {
    return undefined;
  }
}

export async function writeCached(folder: string, copy: CachedCopy): Promise<void> {
  const dir = join(folder, 'web');
  const base = join(dir, cacheKey(copy.meta.url));
  try {
    await mkdir(dir, { recursive: true });
    // Body first, then meta, each by rename: a reader never pairs new meta with an old body
    // for long, and never sees a half-written file.
    await writeAtomic(`${base}.body`, copy.bytes);
    await writeAtomic(`${base}.json`, JSON.stringify(copy.meta));
  } catch {
    // A read-only or full disk must not stop reading the page.
  }
}

/** Moves a copy's freshness on after the server answered 304. */
export async function touchCached(folder: string, meta: CacheMeta): Promise<void> {
  const base = join(folder, 'web', cacheKey(meta.url));
  await writeAtomic(`${base}.json`, JSON.stringify(meta)).catch(() => undefined);
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

const MAX_FRESH_MS = 24 * 60 * 60 * 1000;

/**
 * How long a response may be reused without asking: its `max-age`, else its `Expires` less
 * its `Date` (or now), capped at a day; zero (ask every time, cheaply, with validators) when
 * the server says nothing, or `Vary: *`. Returns undefined when it must not be stored at all.
 */
export function freshnessMs(headers: Headers, now: number = Date.now()): number | undefined {
  const directives = (headers.get('cache-control') ?? '').toLowerCase();
  if (/(?:^|[,\s])no-store\b/.test(directives)) return undefined;
  if (/(?:^|[,\s])no-cache\b/.test(directives)) return 0;
  if ((headers.get('vary') ?? '').split(',').some((name) => name.trim() === '*')) return 0;
  const maxAge = /(?:^|[,\s])max-age\s*=\s*"?(\d+)/.exec(directives);
  if (maxAge) return Math.min(Number(maxAge[1]) * 1000, MAX_FRESH_MS);
  const expires = headers.get('expires');
  if (expires === null) return 0;
  // An Expires that is not a date ("0", "-1") means already expired.
  const until = Date.parse(expires);
  if (Number.isNaN(until)) return 0;
  const served = Date.parse(headers.get('date') ?? '');
  return Math.min(Math.max(0, until - (Number.isNaN(served) ? now : served)), MAX_FRESH_MS);
}

/** The request header values a response varies by, to keep with its copy (`*` is kept as is). */
export function varyValues(headers: Headers, requestHeader: (name: string) => string | undefined): Record<string, string> | undefined {
  const names = (headers.get('vary') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) return undefined;
  return Object.fromEntries(names.map((name) => [name, name === '*' ? '*' : (requestHeader(name) ?? '')]));
}

/** Whether a copy stored with these Vary values answers a request sending these headers. */
export function varyMatches(vary: Record<string, string> | undefined, requestHeader: (name: string) => string | undefined): boolean {
  if (!vary) return true;
  return Object.entries(vary).every(([name, value]) => name !== '*' && (requestHeader(name) ?? '') === value);
}
