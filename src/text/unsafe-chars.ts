// The characters the sanitizer looks at: every control (Cc), format character (Cf),
// default-ignorable code point and noncharacter, except tab and line feed, plus the line and
// paragraph separators. Nearly all of them are removed (see sanitizeText); the few that some
// script needs survive only where it needs them (see invisible.ts). One list, so the quick
// test for clean text, the exact scan and the removal pattern cannot drift apart;
// tests/sanitize.test.ts checks it covers those Unicode classes.

/** Inclusive code point ranges. */
export const UNSAFE_RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0x08], // C0 controls (tab and line feed are kept)
  [0x0b, 0x1f], // VT, FF, CR (line ends are normalised first), the rest of C0, ESC
  [0x7f, 0x9f], // DEL and the C1 controls, including 8-bit CSI, OSC, DCS and ST
  [0xad, 0xad], // soft hyphen: zero columns to Ink, one to most terminals
  [0x34f, 0x34f], // combining grapheme joiner
  [0x600, 0x605], // Arabic prepended number signs
  [0x61c, 0x61c], // Arabic letter mark (bidi)
  [0x6dd, 0x6dd], // Arabic end of ayah
  [0x70f, 0x70f], // Syriac abbreviation mark
  [0x890, 0x891], // Arabic pound and piastre marks above
  [0x8e2, 0x8e2], // Arabic disputed end of ayah
  [0x115f, 0x1160], // Hangul choseong and jungseong fillers
  [0x17b4, 0x17b5], // Khmer inherent vowels (invisible, deprecated)
  [0x180b, 0x180f], // Mongolian variation selectors and vowel separator
  [0x200b, 0x200f], // zero-width space, non-joiner, joiner; LRM, RLM
  [0x2028, 0x202e], // line and paragraph separators; bidi embeddings and overrides
  [0x2060, 0x206f], // word joiner, invisible operators, bidi isolates, deprecated format controls
  [0x3164, 0x3164], // Hangul filler
  [0xfdd0, 0xfdef], // noncharacters
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // zero-width no-break space (byte-order mark)
  [0xffa0, 0xffa0], // halfwidth Hangul filler
  [0xfff0, 0xfffb], // unassigned specials; interlinear annotation anchor, separator, terminator
  [0xfffe, 0xffff], // noncharacters
  [0x110bd, 0x110bd], // Kaithi number sign
  [0x110cd, 0x110cd], // Kaithi number sign above
  [0x13430, 0x1345f], // Egyptian hieroglyph format controls
  [0x1bca0, 0x1bca3], // shorthand format controls
  [0x1d173, 0x1d17a], // musical symbol format controls
  [0xe0000, 0xe0fff], // tags, variation selectors supplement, the rest of plane 14
  // The last two code points of every supplementary plane are noncharacters.
  ...Array.from({ length: 16 }, (_, i) => [((i + 1) << 16) | 0xfffe, ((i + 1) << 16) | 0xffff] as const),
];

/** One flag per BMP code unit: the ranges above, and every surrogate (checked as pairs). */
const BMP_FLAGS = new Uint8Array(0x10000);
for (const [from, to] of UNSAFE_RANGES) if (from < 0x10000) BMP_FLAGS.fill(1, from, to + 1);
BMP_FLAGS.fill(2, 0xd800, 0xe000);

/** True for a BMP character of the list (a surrogate is neither: see isUnsafeAstral). */
export function isUnsafeCodeUnit(code: number): boolean {
  return BMP_FLAGS[code] === 1;
}

const ASTRAL_RANGES = UNSAFE_RANGES.filter(([from]) => from >= 0x10000);

/** True for a supplementary-plane character of the list. */
export function isUnsafeAstral(codePoint: number): boolean {
  for (const [from, to] of ASTRAL_RANGES) if (codePoint >= from && codePoint <= to) return true;
  return false;
}

/**
 * A quick superset of the list, in few enough ranges that V8 scans a two-byte string with
 * it about as fast as with a handful (past about sixteen ranges a class gets several times
 * slower). Whole blocks stand in for scattered characters: Arabic, Khmer, Mongolian or
 * fullwidth text, and anything outside the BMP, goes on to the exact scan.
 */
const MAYBE_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u034f\u0600-\u08ff\u115f-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufdd0-\uffff\ud800-\udfff]/g;

/**
 * Where the first character of the list from `from` on is (or a surrogate that is not half
 * of a pair), or -1: the quick test, then a scan by code unit from the first thing it found.
 */
export function firstUnsafeIndex(text: string, from = 0): number {
  MAYBE_UNSAFE.lastIndex = from;
  const start = MAYBE_UNSAFE.test(text) ? MAYBE_UNSAFE.lastIndex - 1 : -1;
  if (start < 0) return -1;
  const n = text.length;
  for (let i = start; i < n; i++) {
    const code = text.charCodeAt(i);
    const flag = BMP_FLAGS[code];
    if (flag === 0) continue;
    if (flag === 1) return i;
    const next = text.charCodeAt(i + 1);
    if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return i;
    if (isUnsafeAstral(((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000)) return i;
    i++;
  }
  return -1;
}

/** True when the text holds a character the sanitizer would change. */
export function hasUnsafeChar(text: string): boolean {
  return firstUnsafeIndex(text) >= 0;
}

function escapeCodePoint(codePoint: number): string {
  return `\\u{${codePoint.toString(16)}}`;
}

/** Every character of the list, for a global search-and-replace (with the `u` flag). */
export const UNSAFE_CHAR = new RegExp(
  `[${UNSAFE_RANGES.map(([from, to]) => (from === to ? escapeCodePoint(from) : `${escapeCodePoint(from)}-${escapeCodePoint(to)}`)).join('')}]`,
  'gu',
);
