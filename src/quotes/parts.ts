// The pieces of a quotation: how they are joined for display and moved with their text.

import type { Quote, QuotePart } from './types.js';

/** Stands between the pieces of an interrupted quote wherever it is shown as one string. */
export const PART_JOINER = ' … ';

/** The pieces as one string: the words left out between them marked, never run together. */
export function joinParts(parts: readonly Pick<QuotePart, 'text'>[]): string {
  return parts.map((p) => p.text).join(PART_JOINER);
}

/** The same quote in a text where its own text starts `by` characters later. */
export function shiftQuote(q: Quote, by: number): Quote {
  if (by === 0) return q;
  return { ...q, start: q.start + by, end: q.end + by, parts: q.parts.map((p) => ({ ...p, start: p.start + by, end: p.end + by })) };
}
