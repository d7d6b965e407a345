import { needsSanitizing, sanitizeText } from '../text/sanitize.js';
import { firstUnsafeIndex } from '../text/unsafe-chars.js';
import { collapseSpaces, isSpaceCode } from '../text/spaces.js';
import { splitParagraphs } from './paragraphs.js';

/** The longest paragraph the layout rules look at (titles, keywords, furniture, credits). */
const MAX_LAYOUT_LINE = 300;

/**
 * The paragraphs of a plain-text article, sanitized, ready for the layout rules: short ones
 * collapsed to one line, long ones only trimmed (makeArticle collapses those in its own pass).
 */
export function layoutParagraphs(content: string): string[] {
  return splitLayout(content).paragraphs;
}

export interface ParagraphLayout {
  paragraphs: string[];
  /**
   * Set when the paragraphs are exactly this string split on blank lines (clean text): a run
   * of them joined is then a slice of it, and the parser need not copy the body to join them.
   */
  whole: string | null;
}

/** layoutParagraphs, saying also whether the paragraphs are slices of one clean string. */
export function splitLayout(content: string): ParagraphLayout {
  const clean = cleanSplit(content);
  return clean ?? { paragraphs: sanitizedParagraphs(content), whole: null };
}

/** The general path: sanitize, split on blank lines, collapse the short paragraphs. */
export function sanitizedParagraphs(content: string): string[] {
  // Sanitized before the layout is read, so a hidden sequence cannot make a keyword line or
  // a title look like something else.
  return splitParagraphs(sanitizeText(content), { collapse: false }).map((p) =>
    p.length <= MAX_LAYOUT_LINE ? collapseSpaces(p) : p,
  );
}

// What cleanParagraphs turns away: characters the sanitizer removes or changes (controls,
// DEL, bidi controls) and white space other than a space or a line feed...
const UNCLEAN_CHAR = /[\x00-\x09\x0b-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202a-\u202f\u205f\u2066-\u2069\u3000\ufeff]/;
// ...and spaces in a run or beside a line feed. Line feeds are checked after the split.
// Two simple regexes rather than one for all: each runs at the speed of a plain scan, and
// alternatives with lookarounds run several times slower.
const UNCLEAN_SPACE = / [ \n]|\n /;

/**
 * What sanitizedParagraphs returns, without its passes, for text that is already clean:
 * paragraphs separated by exactly one blank line (`\n\n`), words by single spaces, nothing
 * for the sanitizer to remove, no lone surrogate. Any other text gives null, for the general
 * path. White space around the whole text is allowed: splitting and trimming drop it.
 * Scraped articles and files nearly always have this shape; two native regex scans and a
 * string split cost a fraction of the general path's unsafe-character test, line-end and
 * blank-line regexes, and trim and collapse scans per paragraph.
 */
export function cleanParagraphs(text: string): string[] | null {
  return cleanSplit(text)?.paragraphs ?? null;
}

// What a run told to PlainTextTally must not hold: UNCLEAN_CHAR, and characters from U+2E80
// on, which textCounts may count one by one (CJK), except emoji (astral, after U+D83C-U+D83E).
const UNCLEAN_OR_WIDE_CHAR = new RegExp(`${UNCLEAN_CHAR.source.slice(0, -1)}\u2e80-\ud83b\ud83f-\udbff\ue000-\uffff]`);

/** What the caller of isCleanRun has already checked, over the whole text the run is cut from. */
export interface RunChecks {
  /** No space beside a space or a line feed, and no three line feeds in a row. */
  spacing?: boolean;
  /** The run is ASCII without controls other than line feeds. */
  ascii?: boolean;
}

/**
 * Whether a run of whole paragraphs cut from a longer text at blank lines is clean text as
 * cleanSplit wants it, and stays so beside the blank lines it was cut at: a text made of
 * clean runs joined by blank lines then splits as they do, each paragraph a clean line of
 * single spaces (its words are its spaces and one). What this leaves to the caller is a
 * line feed alone inside a paragraph: the whole text's line feeds must be exactly two for
 * each blank line. Runs with CJK characters are not clean here (see plain-tally.ts).
 */
export function isCleanRun(text: string, checked: RunChecks = {}): boolean {
  const n = text.length;
  if (n === 0) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(n - 1);
  // A space or line feed at either end would sit beside the blank line it was cut at.
  if (first === 32 || first === 10 || last === 32 || last === 10) return false;
  if (!checked.spacing && (UNCLEAN_SPACE.test(text) || text.includes('\n\n\n'))) return false;
  if (checked.ascii) return true;
  if (UNCLEAN_OR_WIDE_CHAR.test(text)) return false;
  const listed = firstUnsafeIndex(text);
  if (listed < 0) return true;
  // A character kept or not by what stands beside it (a joiner), at an end: the cut changed its neighbour.
  return listed !== 0 && firstUnsafeIndex(text, Math.max(0, n - 2)) < 0 && !needsSanitizing(text);
}

function cleanSplit(text: string): ParagraphLayout | null {
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmedSpace(text.charCodeAt(start))) start++;
  while (end > start && isTrimmedSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return { paragraphs: [], whole: null };
  // The slice starts and ends with a non-space, so with no space beside a line feed, no
  // paragraph below can start or end with white space.
  const body = text.slice(start, end);
  if (UNCLEAN_CHAR.test(body) || UNCLEAN_SPACE.test(body) || needsSanitizing(body)) return null;
  const paragraphs = body.split('\n\n');
  for (const paragraph of paragraphs) {
    // A line feed left inside a paragraph, or an empty paragraph, is a single line break or
    // a run of three or more: the general path joins or drops those.
    if (paragraph.length === 0 || paragraph.includes('\n')) return null;
  }
  return { paragraphs, whole: body };
}

/** White space that trim removes and the sanitizer keeps (VT, FF and CR are sanitized first). */
function isTrimmedSpace(code: number): boolean {
  return isSpaceCode(code) && (code < 11 || code > 13);
}
