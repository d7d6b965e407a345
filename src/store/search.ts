import type { Range } from './state.js';

/** Enough to highlight and step through; searching for "e" in 5 MB must not build millions. */
export const MAX_MATCHES = 10_000;

/**
 * Where `query` occurs in `text`. Smart case, as in less and vim: case-insensitive unless the
 * query has a capital letter.
 */
export function findMatches(text: string, query: string, limit = MAX_MATCHES): Range[] {
  if (query.length === 0) return [];
  const flags = query === query.toLowerCase() ? 'giu' : 'gu';
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
  const matches: Range[] = [];
  for (const match of text.matchAll(pattern)) {
    matches.push({ start: match.index, end: match.index + match[0].length });
    if (matches.length >= limit) break;
  }
  return matches;
}

/** The first match at or after `offset`, wrapping to the first match. */
export function firstMatchFrom(matches: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < matches.length ? lo : 0;
}

/** The last match that starts before `offset`, wrapping to the last match (`?` in less). */
export function lastMatchBefore(matches: readonly Range[], offset: number): number {
  if (matches.length === 0) return 0;
  const after = firstMatchFrom(matches, offset);
  // firstMatchFrom wraps to 0 when nothing is at or after the offset.
  const firstAtOrAfter = matches[after]!.start >= offset ? after : matches.length;
  return firstAtOrAfter > 0 ? firstAtOrAfter - 1 : matches.length - 1;
}

export { linkRanges } from '../text/link-ranges.js';
