import { createHash } from 'node:crypto';

/** What an id may be: also what keeps an id safe to use as a file name. */
export const BOOKMARK_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * An id for a bookmark that arrived without one (a browser's bookmark file), or whose own is
 * taken by another address: the URL alone decides it, so importing the same file twice merges
 * instead of duplicating.
 */
export function derivedId(url: string | undefined, title: string, source: string): string {
  const key = url ?? `${source}\u0000${title}`;
  return createHash('sha256').update(`bookmark\u0000${key}`).digest('hex').slice(0, 16);
}
