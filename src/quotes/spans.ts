// Finding quotation spans: pairs quotation marks into quoted passages with character offsets.
// A single left-to-right scan per line keeps this linear on any input (10 MB of one mark
// included). Double marks are the quotes of news text; single marks count as quotes only in
// texts that use no double marks at all (British style), because elsewhere they are nested
// quotes or apostrophes.

export interface QuoteSpan {
  /** Offsets of the quoted words (marks excluded), trimmed of surrounding spaces. */
  start: number;
  end: number;
  /** Offset of the opening mark, or `start` when the span begins at a line start. */
  open: number;
  /** Offset just after the closing mark, or `end` when the line ended the quote. */
  close: number;
  /** True when the quote was closed by the end of its line rather than by a mark. */
  unclosed: boolean;
  /** True when this span reopens a quote the previous line left open (multi-paragraph quote). */
  continues: boolean;
}

// Corner brackets (「」, and 『』 within them) are the quotation marks of Chinese and Japanese.
const DOUBLE_OPEN = new Set(['\u201C', '\u201E', '\u201F', '\u00AB', '\u300C', '\u300E']);
const DOUBLE_CLOSE = new Set(['\u201D', '\u00BB', '\u300D', '\u300F']);
/** 「」『』, U+300C-U+300F, by code: the scan asks this of every mark. */
function isCorner(c: string): boolean {
  const code = c.charCodeAt(0);
  return code >= 0x300c && code <= 0x300f;
}
/** Corner brackets pair only with their own kind: 『 inside 「…」 is a nested quote. */
const CORNER_CLOSE: Readonly<Record<string, string>> = { '\u300C': '\u300D', '\u300E': '\u300F' };
const SINGLE_OPEN = new Set(['\u2018', '\u201A', '\u2039']);
const SINGLE_CLOSE = new Set(['\u2019', '\u203A']);

type Mark = 'open' | 'close' | 'either';

/** Jump from mark to mark instead of classifying every character. */
const DOUBLE_MARKS = /["\u201C\u201D\u201E\u201F\u00AB\u00BB\u300C-\u300F]/.source;
const SINGLE_MARKS = /['\u2018\u2019\u201A\u201B\u2039\u203A]/.source;

/** The next quotation mark at or after a position; queries only move forward, so all are linear. */
class MarkCursor {
  private at = -1;
  private readonly re: RegExp;
  constructor(
    private readonly text: string,
    source: string,
  ) {
    this.re = new RegExp(source, 'g');
  }

  /** Offset of the first mark at or after `from`, or the text length. */
  next(from: number): number {
    if (this.at >= from) return this.at;
    this.re.lastIndex = from;
    const m = this.re.exec(this.text);
    this.at = m === null ? this.text.length : m.index;
    return this.at;
  }
}

function doubleMark(c: string): Mark | null {
  if (c === '"') return 'either';
  if (DOUBLE_OPEN.has(c)) return 'open';
  if (DOUBLE_CLOSE.has(c)) return 'close';
  return null;
}

function singleMark(c: string): Mark | null {
  if (c === "'") return 'either';
  if (SINGLE_OPEN.has(c)) return 'open';
  if (SINGLE_CLOSE.has(c)) return 'close';
  return null;
}

const SPACE = /\s/;
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/:]/;
const AFTER_CLOSE = /[\s.,;:!?)\]}\u2014\u2013\-/'"\u2019\u201D]/;
const LETTER = /[\p{L}\p{N}]/u;

/** Invisible format characters (bidi marks, zero-width spaces, BOM) pasted in from web pages. */
const FORMAT = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/;

function looksOpening(text: string, i: number, ls: number, le: number): boolean {
  // Look through invisible characters: "\u202A”Sorry…” opens a quote at the line start.
  let p = i - 1;
  while (p >= ls && FORMAT.test(text[p]!)) p--;
  const prev = p >= ls ? text[p]! : '';
  const next = i + 1 < le ? text[i + 1]! : '';
  // A mark opening a line opens a quote even before a space: "” … he delivered".
  if (prev === '') return next !== '';
  return BEFORE_OPEN.test(prev) && next !== '' && !SPACE.test(next);
}

function looksClosing(text: string, i: number, ls: number, le: number): boolean {
  const prev = i > ls ? text[i - 1]! : '';
  const next = i + 1 < le ? text[i + 1]! : '';
  return prev !== '' && !SPACE.test(prev) && (next === '' || AFTER_CLOSE.test(next));
}

/** A single mark inside a word ("don't") or an elision ("'90s") is an apostrophe. */
function isApostrophe(text: string, i: number, ls: number, le: number): boolean {
  const prev = i > ls ? text[i - 1]! : '';
  const next = i + 1 < le ? text[i + 1]! : '';
  if (LETTER.test(prev) && LETTER.test(next)) return true;
  if (/\d/.test(next) && /^\d\ds?\b/.test(text.slice(i + 1, Math.min(le, i + 5)))) return true;
  // "Jones' car": a closing-looking mark after an s with nothing open is possessive; the
  // caller handles that through `open < 0`.
  return false;
}

/**
 * True when the text has quoted words in double marks (decides single-mark handling). Two
 * apostrophes in a row are the typewriter form of a double mark (''like this''): such a
 * text is not in single-mark style, and its lone single marks are nested quotes or
 * apostrophes. The doubled marks themselves are not paired (yet).
 */
function usesDoubleMarks(text: string): boolean {
  return /["\u201C\u201D\u201E\u201F\u00AB\u00BB\u300C-\u300F]|''|\u2019\u2019/.test(text);
}

function hasWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (LETTER.test(text[i]!)) return true;
  return false;
}

/**
 * Quote spans of `text`, in text order. A line (paragraph) that leaves a quote open ends it
 * at the line end; if the next line starts with an opening mark, that span is flagged
 * `continues` (the news convention for a quote running over several paragraphs).
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const classify = usesDoubleMarks(text) ? doubleMark : singleMark;
  const single = classify === singleMark;
  const spans: QuoteSpan[] = [];
  let ls = 0;
  let prevLineOpen = false;
  const cursor = new MarkCursor(text, single ? SINGLE_MARKS : DOUBLE_MARKS);
  while (ls <= text.length) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    // Blank lines separate paragraphs; they neither open nor close anything.
    if (text.slice(ls, le).trim() !== '') {
      prevLineOpen = cursor.next(ls) < le && scanLine(text, ls, le, classify, single, prevLineOpen, spans, cursor);
    }
    ls = le + 1;
  }
  return spans;
}

function push(
  spans: QuoteSpan[],
  text: string,
  open: number,
  from: number,
  to: number,
  close: number,
  unclosed: boolean,
  continues: boolean,
): void {
  let s = from;
  let e = to;
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  if (!hasWord(text, s, e)) return;
  spans.push({ start: s, end: e, open, close, unclosed, continues });
}

/**
 * True when a mark opens a quote in the other style from the open one: curly inside
 * straight or straight inside curly. Writers who mix the two styles in one paragraph use
 * one for the outer quote and the other for the quote within it.
 */
function otherStyle(outer: string, mark: Mark): boolean {
  return outer === '"' ? mark === 'open' : mark === 'either';
}

/**
 * Markup left in an article body (`<tweet author="…">`): marks inside a tag delimit
 * attribute values, not quotations. Tags are looked for within the line only, and
 * positions are asked in increasing order, so a line costs one pass.
 */
class TagRanges {
  private readonly line: string;
  private readonly re = /<[A-Za-z][^<>]*>/g;
  private start = -1;
  private end = -1;
  private done: boolean;
  constructor(
    text: string,
    private readonly ls: number,
    le: number,
  ) {
    this.line = text.slice(ls, le);
    this.done = !this.line.includes('<');
  }

  covers(i: number): boolean {
    const at = i - this.ls;
    while (!this.done && this.end <= at) {
      const m = this.re.exec(this.line);
      if (m === null) this.done = true;
      else {
        this.start = m.index;
        this.end = m.index + m[0].length;
      }
    }
    return this.start <= at && at < this.end;
  }
}

const CURLY_OPEN = /[\u201C\u201E\u201F\u00AB\u300C\u300E]/g;
const CURLY_CLOSE = /[\u201D\u00BB\u300D\u300F]/g;

/**
 * A mark read against the quote that is open: German and Central European quotes open low
 * and close with what opens an English one („so“), and Germans also quote »so«. Under „
 * a “ closes, under » a « does.
 */
function markUnder(opener: string, c: string, mark: Mark): Mark {
  if ((opener === '\u201E' && c === '\u201C') || (opener === '\u00BB' && c === '\u00AB')) return 'close';
  return mark;
}

/** Opening and closing curly double marks on a line. */
function curlyCounts(text: string, ls: number, le: number): { open: number; close: number } {
  const line = text.slice(ls, le);
  return { open: line.match(CURLY_OPEN)?.length ?? 0, close: line.match(CURLY_CLOSE)?.length ?? 0 };
}

/** Scans one line; returns whether it ended with a quote left open. */
function scanLine(
  text: string,
  ls: number,
  le: number,
  classify: (c: string) => Mark | null,
  single: boolean,
  prevLineOpen: boolean,
  spans: QuoteSpan[],
  cursor: MarkCursor,
): boolean {
  let open = -1;
  let continues = false;
  let sawMark = false;
  let firstOpen = true;
  let nested = false;
  // Curly marks still ahead on the line, to tell a nested quote in the same style from a
  // quote whose closing mark was forgotten.
  const ahead = single ? { open: 0, close: 0 } : curlyCounts(text, ls, le);
  const tags = new TagRanges(text, ls, le);
  for (let i = cursor.next(ls); i < le; i = cursor.next(i + 1)) {
    const c = text[i]!;
    const classified = classify(c);
    if (classified === null || tags.covers(i)) continue;
    const mark = open >= 0 && !nested && classified !== 'either' ? markUnder(text[open]!, c, classified) : classified;
    if (mark === 'open') ahead.open--;
    else if (mark === 'close') ahead.close--;
    if (single && isApostrophe(text, i, ls, le)) continue;
    const opening = looksOpening(text, i, ls, le);
    const closing = looksClosing(text, i, ls, le);
    if (open < 0) {
      const strayClose = mark === 'close' ? !(opening && !closing) : mark === 'either' && closing && !opening;
      if (strayClose) {
        // A continued quote whose new paragraph lacks its opening mark.
        if (!sawMark && prevLineOpen) push(spans, text, ls, ls, i, i + 1, false, true);
        sawMark = true;
        continue;
      }
      open = i;
      continues = firstOpen && prevLineOpen && text.slice(ls, i).trim() === '';
      firstOpen = false;
      sawMark = true;
      continue;
    }
    sawMark = true;
    if (nested) {
      // Inside a nested quote of the other style: its own closing mark ends it; the outer
      // style's mark closes both (a writer who forgot the inner close).
      if (mark === 'close' || (mark === 'either' && text[open] !== '"')) nested = false;
      if (nested || mark !== 'either' || text[open] !== '"') continue;
      nested = false;
    } else if (isCorner(c) || isCorner(text[open]!)) {
      // Corner brackets: their own closer ends the quote, the other kind nests in it.
      if (c === CORNER_CLOSE[text[open]!]) {
        push(spans, text, open, open + 1, i, i + 1, false, continues);
        open = -1;
        continues = false;
      } else if (isCorner(c)) nested = true;
      continue;
    } else if (!single && opening && !closing && otherStyle(text[open]!, mark)) {
      // "… it comes across as “too loud” …": a quote in the other style of marks, inside.
      nested = true;
      continue;
    } else if (mark === 'open' && opening && !closing && ahead.close - ahead.open >= 2) {
      // “… when “our side” errs …”: the line closes both this quote and the outer one.
      nested = true;
      continue;
    } else if (mark === 'open' && opening && !closing) {
      // Two openers in a row: the first one was never closed; start again here.
      open = i;
      continues = false;
      continue;
    }
    push(spans, text, open, open + 1, i, i + 1, false, continues);
    open = -1;
    continues = false;
  }
  if (open >= 0) {
    push(spans, text, open, open + 1, le, le, true, continues);
    return true;
  }
  return false;
}
