// Speaker mentions: the noun phrase next to a cue verb, read off the items of one sentence.
// "Smith said", "Chinese embassy spokesperson in the US, Liu Pengyu, said", "said the official",
// "according to a senior aide". Pure item walking; each call looks at a bounded window.

import { CUE_ADVERBS, CUE_FORMS, MONTHS_DAYS, PHRASE_STOPS, PRONOUNS } from './lexicon.js';
import type { Item } from './tokens.js';

export interface Mention {
  /** Item range [from, to) of the phrase. */
  from: number;
  to: number;
  /** The phrase as written (an appositive included). */
  text: string;
  start: number;
  end: number;
}

const MAX_WORDS = 18;
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'another', 'one', 'two', 'three', 'several', 'many', 'some', 'other', 'both']);
/** Prepositions that can sit inside a role ("secretary of state", "spokesman for the campaign"). */
const INNER_PREPS = new Set(['of', 'for']);
/** Prepositions allowed inside a phrase only after a lower-case noun ("an aide in the office"). */
const ROLE_PREPS = new Set(['in', 'at', 'with', 'from', 'on', 'to']);
const CONNECTORS = new Set(['-', '&', '\u2019s', "'s", '/']);
const RELATIVE = new Set(['who', 'which', 'whose', 'whom', 'that']);

function isCapital(it: Item): boolean {
  return /^[\p{Lu}\p{N}]/u.test(it.text);
}

export function isCueWord(it: Item | undefined): boolean {
  return it !== undefined && it.kind === 'w' && CUE_FORMS.has(it.lower);
}

/** A word that can be part of a speaker phrase on its own merits. */
function phraseWord(it: Item): boolean {
  if (it.kind !== 'w') return false;
  if (isCapital(it)) return !CUE_FORMS.has(it.lower) || it.lower === 'state';
  if (PHRASE_STOPS.has(it.lower) || CUE_FORMS.has(it.lower)) return false;
  if (/ly$/.test(it.lower) && it.lower.length > 4) return false;
  return true;
}

function mention(items: readonly Item[], text: string, from: number, to: number): Mention | null {
  if (from >= to) return null;
  const start = items[from]!.start;
  const end = items[to - 1]!.end;
  return { from, to, text: text.slice(start, end), start, end };
}

/** Drops leading dates and lower-case non-determiners: "On Tuesday Smith" -> "Smith". */
function trimLeft(items: readonly Item[], from: number, to: number): number {
  let i = from;
  while (i < to) {
    const it = items[i]!;
    if (it.kind === 'w' && (MONTHS_DAYS.has(it.lower) || it.lower === 'on' || /^\d+$/.test(it.text)) && i + 1 < to) {
      i++;
      continue;
    }
    if (it.kind === 'p') {
      i++;
      continue;
    }
    break;
  }
  return i;
}

/**
 * The phrase that ends just before item `end` (exclusive), walking left to `limit`.
 * Words join while they look like a noun phrase; "of"/"for" always join, other prepositions
 * only inside a lower-case role ("spokesperson in the US").
 */
function walkLeft(items: readonly Item[], end: number, limit: number): number {
  let i = end - 1;
  let words = 0;
  while (i >= limit && words < MAX_WORDS) {
    const it = items[i]!;
    if (it.kind === 'p' && CONNECTORS.has(it.text) && i - 1 >= limit && items[i - 1]!.kind === 'w') {
      i--;
      continue;
    }
    if (it.kind !== 'w') break;
    if (phraseWord(it)) {
      words++;
      i--;
      continue;
    }
    const left = items[i - 1];
    if (left === undefined || i - 1 < limit || !phraseWord(left)) break;
    if (INNER_PREPS.has(it.lower) || DETERMINERS.has(it.lower)) {
      i--;
      continue;
    }
    if (ROLE_PREPS.has(it.lower) && !isCapital(left) && !DETERMINERS.has(left.lower)) {
      i--;
      continue;
    }
    break;
  }
  return i + 1;
}

/** Words that open a comma-enclosed aside rather than an appositive. */
function isAside(items: readonly Item[], from: number, to: number): boolean {
  const first = items[from];
  if (first === undefined || first.kind !== 'w') return true;
  if (to - from === 1 && (CUE_ADVERBS.has(first.lower) || /ly$/.test(first.lower))) return true;
  if (!isCapital(first) && (/(ing|ed)$/.test(first.lower) || PHRASE_STOPS.has(first.lower)) && !DETERMINERS.has(first.lower)) return true;
  if (['in', 'at', 'on', 'after', 'before', 'during', 'asked', 'speaking', 'however', 'though'].includes(first.lower)) return true;
  return false;
}

function skipAdverbsLeft(items: readonly Item[], i: number, limit: number): number {
  while (i >= limit) {
    const it = items[i]!;
    if (it.kind === 'w' && CUE_ADVERBS.has(it.lower) && !isCapital(it)) {
      i--;
      continue;
    }
    break;
  }
  return i;
}

/**
 * The speaker phrase before a cue at item `cue`, not reaching before `limit`: skips
 * adverbs and auxiliaries ("has also said"), comma asides (", however,"), and keeps an
 * appositive ("Liu Pengyu" in "spokesperson in the US, Liu Pengyu, said").
 */
export function mentionBefore(items: readonly Item[], text: string, cue: number, limit: number): Mention | null {
  let i = skipAdverbsLeft(items, cue - 1, limit);
  for (let guard = 0; guard < 3 && i >= limit && items[i]!.text === ','; guard++) {
    // Find the comma that opens this aside/appositive.
    let j = i - 1;
    while (j >= limit && items[j]!.text !== ',' && items[j]!.kind !== 'q' && i - j <= 16) j--;
    if (j < limit || items[j]!.text !== ',') {
      // No opening comma: the aside runs from the clause start ("Smith, the chairman, said" misses nothing).
      const from = walkLeft(items, i, limit);
      return from < i && !isAside(items, from, i) ? mention(items, text, trimLeft(items, from, i), i) : null;
    }
    if (RELATIVE.has(items[j + 1]!.lower) || isAside(items, j + 1, i)) {
      i = skipAdverbsLeft(items, j - 1, limit);
      continue;
    }
    // Appositive: "<head>, <apposition>, said".
    const headFrom = walkLeft(items, j, limit);
    if (headFrom < j) return mention(items, text, trimLeft(items, headFrom, i), i);
    return mention(items, text, j + 1, i);
  }
  if (i < limit) return null;
  const it = items[i]!;
  if (it.kind === 'w' && PRONOUNS.has(it.lower)) return mention(items, text, i, i + 1);
  const from = walkLeft(items, i + 1, limit);
  if (from > i) return null;
  const trimmed = trimLeft(items, from, i + 1);
  return mention(items, text, trimmed, i + 1);
}

/**
 * The speaker phrase after a cue at item `cue` ("said the official", "said Smith, the
 * chairman."), stopping at the sentence end `limit` (exclusive).
 */
export function mentionAfter(items: readonly Item[], text: string, cue: number, limit: number): Mention | null {
  let i = cue + 1;
  while (i < limit && items[i]!.kind === 'w' && CUE_ADVERBS.has(items[i]!.lower) && items[i]!.lower !== 'in') i++;
  const first = items[i];
  if (first === undefined || i >= limit || first.kind !== 'w') return null;
  if (PRONOUNS.has(first.lower)) return mention(items, text, i, i + 1);
  const from = i;
  let words = 0;
  while (i < limit && words < MAX_WORDS) {
    const it = items[i]!;
    if (it.kind === 'p' && CONNECTORS.has(it.text) && items[i + 1]?.kind === 'w') {
      i++;
      continue;
    }
    if (it.kind !== 'w') break;
    if (phraseWord(it) || (DETERMINERS.has(it.lower) && i === from)) {
      if (words > 0 && MONTHS_DAYS.has(it.lower)) break;
      words++;
      i++;
      continue;
    }
    const prev = items[i - 1]!;
    const next = items[i + 1];
    if (next === undefined || i + 1 >= limit || (!phraseWord(next) && !DETERMINERS.has(next.lower))) break;
    if (INNER_PREPS.has(it.lower) || DETERMINERS.has(it.lower)) {
      i++;
      continue;
    }
    if (ROLE_PREPS.has(it.lower) && i > from && !isCapital(prev) && prev.kind === 'w') {
      i++;
      continue;
    }
    break;
  }
  if (i === from) return null;
  let to = i;
  // "said Smith, the party's chairman." keeps the appositive.
  if (items[to]?.text === ',' && to + 1 < limit) {
    const a = to + 1;
    const ap = items[a]!;
    if (ap.kind === 'w' && (DETERMINERS.has(ap.lower) || isCapital(ap)) && !isAside(items, a, a + 1) && !MONTHS_DAYS.has(ap.lower)) {
      let k = a;
      while (k < limit && items[k]!.kind !== 'q' && ![',', '.', ';', ':', '!', '?', '\u2014'].includes(items[k]!.text) && k - a < MAX_WORDS) k++;
      if (k < limit && items[k]!.kind === 'q') k = a;
      if (k > a && !items.slice(a, k).some((x) => x.kind === 'w' && CUE_FORMS.has(x.lower) && !isCapital(x))) to = k;
    }
  }
  return mention(items, text, from, to);
}
