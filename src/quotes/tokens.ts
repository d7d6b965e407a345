// Tokens and sentences of one line of text, with quotations kept as single opaque items so
// that a sentence never ends inside a quote and the rules can look "past" a quote in one step.

import { ABBREVIATIONS } from './lexicon.js';
import type { QuoteSpan } from './spans.js';

export interface Item {
  /** w = word, p = punctuation, q = a quotation (see `quote`). */
  kind: 'w' | 'p' | 'q';
  start: number;
  end: number;
  text: string;
  /** Lower case, for lexicon look-ups. */
  lower: string;
  /** Index of the quote span, for kind q. */
  quote: number;
}

export interface Sentence {
  /** Item index range [from, to). */
  from: number;
  to: number;
}

// Words keep inner apostrophes, hyphens, ampersands and dots ("U.S.", "O'Neill", "AT&T").
const WORD = /[\p{L}\p{N}]+(?:[.'\u2019\-&][\p{L}\p{N}]+)*\.?/uy;
const WORD_START = /[\p{L}\p{N}]/uy;
const SPACE = /\s/;

/**
 * Words and punctuation of text[from, to). A run of one punctuation character is one item
 * ("...", "!!!"), scanned by hand so that a flood of marks stays linear and cheap.
 */
function pushWords(text: string, from: number, to: number, items: Item[]): void {
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === 32 || (code < 128 ? code >= 9 && code <= 13 : SPACE.test(text[i]!))) {
      i++;
      continue;
    }
    // Most words are ASCII: scanned by hand, with the regex for anything else.
    const ascii = asciiWordEnd(text, i);
    if (ascii > i) {
      pushWord(text.slice(i, ascii), i, items);
      i = ascii;
      continue;
    }
    WORD_START.lastIndex = i;
    if (ascii === i - 1 || WORD_START.test(text)) {
      WORD.lastIndex = i;
      const m = WORD.exec(text)!;
      pushWord(m[0], i, items);
      i += m[0].length;
      continue;
    }
    const c = text[i]!;
    let j = i + 1;
    while (j < to && text[j] === c) j++;
    const run = text.slice(i, j);
    items.push({ kind: 'p', start: i, end: j, text: run, lower: run, quote: -1 });
    i = j;
  }
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** A joiner inside a word: . ' ’ - & */
function isJoiner(code: number): boolean {
  return code === 46 || code === 39 || code === 0x2019 || code === 45 || code === 38;
}

/**
 * The end of the word WORD would match at `i` when every character it takes is ASCII (and
 * the ’ joiner); `i` when no word starts there with an ASCII character; `i - 1` when the
 * word runs into other characters and only the regex can tell where it ends.
 */
function asciiWordEnd(text: string, i: number): number {
  if (!isAsciiAlnum(text.charCodeAt(i))) return i;
  let j = i + 1;
  for (;;) {
    let code = text.charCodeAt(j);
    while (isAsciiAlnum(code)) code = text.charCodeAt(++j);
    if (code >= 128 && code !== 0x2019) return i - 1;
    if (!isJoiner(code)) return j;
    const after = text.charCodeAt(j + 1);
    if (isAsciiAlnum(after)) {
      j += 2;
      continue;
    }
    if (after >= 128) return i - 1;
    // A trailing full stop belongs to the word; any other joiner does not.
    return code === 46 ? j + 1 : j;
  }
}

function pushWord(raw: string, start: number, items: Item[]): void {
  let word = raw;
  let dot = false;
  if (word.endsWith('.') && !keepsDot(word)) {
    word = word.slice(0, -1);
    dot = true;
  }
  items.push({ kind: 'w', start, end: start + word.length, text: word, lower: word.toLowerCase(), quote: -1 });
  if (dot) {
    const at = start + word.length;
    items.push({ kind: 'p', start: at, end: at + 1, text: '.', lower: '.', quote: -1 });
  }
}

/** An abbreviation or an initial keeps its full stop ("Sen.", "U.S.", "J."). */
function keepsDot(word: string): boolean {
  const base = word.slice(0, -1);
  if (base.includes('.')) return true;
  if (base.length === 1 && /\p{Lu}/u.test(base)) return true;
  return ABBREVIATIONS.has(base.toLowerCase());
}

/**
 * Items of text[from, to), with each quote span that lies inside the range as one item.
 * `spans` must be sorted; `first` is the index of the first span that may lie in range.
 */
export function tokenize(text: string, from: number, to: number, spans: readonly QuoteSpan[], first: number): Item[] {
  const items: Item[] = [];
  let at = from;
  for (let i = first; i < spans.length; i++) {
    const span = spans[i]!;
    if (span.open >= to) break;
    if (span.open < at) continue;
    pushWords(text, at, span.open, items);
    const text_ = text.slice(span.start, span.end);
    items.push({ kind: 'q', start: span.open, end: span.close, text: text_, lower: '', quote: i });
    at = span.close;
  }
  pushWords(text, at, to, items);
  return items;
}

const END = new Set(['.', '!', '?']);
const CAPITAL_START = /^[\p{Lu}\p{N}]/u;

/** Splits items into sentences: after . ! ? (or a quote ending in one) before a capital. */
export function sentences(items: readonly Item[]): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const next = items[i + 1];
    let ends = false;
    if (it.kind === 'p' && it.text.length === 1 && END.has(it.text)) {
      ends = next === undefined || next.kind === 'q' || (next.kind === 'w' && CAPITAL_START.test(next.text));
      // "…," he said. "Next quote": also ends when a closing mark follows the stop.
      if (next?.kind === 'p' && /["\u201D\u2019')\]]/.test(next.text)) ends = false;
    } else if (it.kind === 'q' && next !== undefined) {
      const last = it.text[it.text.length - 1] ?? '';
      // '"…?" Smith asked' goes on; only a full stop before a capital ends the sentence.
      ends = (END.has(last) && next.kind === 'q') || (last === '.' && next.kind === 'w' && CAPITAL_START.test(next.text));
    }
    if (ends) {
      out.push({ from, to: i + 1 });
      from = i + 1;
    }
  }
  if (from < items.length) out.push({ from, to: items.length });
  return out;
}
