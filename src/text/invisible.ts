import { UNSAFE_CHAR, isUnsafeAstral, isUnsafeCodeUnit } from './unsafe-chars.js';

// Invisible characters hide text (tag characters and runs of variation selectors carry
// whole messages no one sees), reorder it (bidi marks) or make the terminal and Ink disagree
// on widths (fillers, soft hyphens). They are removed, except the few a script needs, and
// those only where it needs them. Each decision looks at the character before it as written
// out and the one after it as it stands, so sanitizing twice changes nothing more.

/**
 * The character classes the decisions below test, built on first use: V8 expands each
 * Unicode property when its expression is created (most of a millisecond for these, before
 * the first frame), and most text has no invisible character to decide about.
 */
function classes() {
  return (built ??= {
    /** Letters, marks and emoji: what a zero-width joiner, non-joiner or space joins or parts. */
    joinable: /^[\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{Emoji_Modifier}]$/u,
    /** What the standardized variation selectors can follow: letters, digits and symbols (maths, CJK compatibility). */
    variationBase: /^[\p{L}\p{N}\p{S}]$/u,
    emoji: /^\p{Emoji}$/u,
    keycapBase: /^[0-9#*]$/,
    ideograph: /^\p{Ideographic}$/u,
    mongolianLetter: /^(?=\p{L})\p{sc=Mongolian}$/u,
    letterOrMark: /^[\p{L}\p{M}]$/u,
    mark: /^\p{M}$/u,
  });
}
let built: Record<'joinable' | 'variationBase' | 'emoji' | 'keycapBase' | 'ideograph' | 'mongolianLetter' | 'letterOrMark' | 'mark', RegExp> | undefined;
// Built at run time: TypeScript's target predates the `v` flag, which Node 20 has.
let rgiEmoji: RegExp | undefined;

/**
 * Removes the invisible characters of unsafe-chars.ts, keeping those a script needs where it
 * needs them; with `shown`, writes what it would remove or replace as `shown` makes it instead.
 */
export function removeInvisible(text: string, shown?: (char: string) => string): string {
  // The character last written out, when the previous match ended right here.
  let previousEnd = -1;
  let previousOut = '';
  return text.replace(UNSAFE_CHAR, (char: string, at: number) => {
    const before = at === previousEnd ? previousOut : charBefore(text, at);
    const replaced = replacement(text, at, char, before);
    const out = shown && replaced !== char ? shown(char) : replaced;
    previousEnd = at + char.length;
    previousOut = out || before;
    return out;
  });
}

/**
 * True when the character of the list at `at` stays as it is, given the text before it is
 * already sanitized (so the character before it is the one written out).
 */
export function staysAt(text: string, at: number): boolean {
  const char = charAt(text, at);
  return replacement(text, at, char, charBefore(text, at)) === char;
}

function replacement(text: string, at: number, char: string, before: string): string {
  const code = char.codePointAt(0)!;
  if (code >= 0xe0020 && code <= 0xe007f) return inSubdivisionFlag(text, at) ? char : '';
  return kept(char, before, charBefore(text, at), charAt(text, at + char.length));
}

function isZeroWidth(code: number | undefined): boolean {
  return code !== undefined && code >= 0x200b && code <= 0x200d;
}

/**
 * What becomes of one character of the list, given the character written out before it,
 * the one before it in the text (`previous`, different when that was removed), and the one after.
 */
function kept(char: string, before: string, previous: string, after: string): string {
  const code = char.codePointAt(0)!;
  const { joinable, emoji, keycapBase, ideograph, variationBase, mongolianLetter, letterOrMark, mark } = classes();
  // Zero-width space, non-joiner and joiner: one, between letters or emoji (Thai and
  // Japanese word breaks, Persian and Indic shaping, emoji sequences), never a run.
  if (isZeroWidth(code)) {
    return joinable.test(before) && !isZeroWidth(previous.codePointAt(0)) && joinable.test(after) && !isListed(after) ? char : '';
  }
  // Variation selectors: one, right after a character it can select a form of: text or
  // emoji style after an emoji, an ideographic variant after an ideograph.
  // A digit, # or * is an emoji only as a keycap (with U+20E3 after the selector).
  if (code === 0xfe0e || code === 0xfe0f) return emoji.test(before) && (!keycapBase.test(before) || after === '\u20e3') ? char : '';
  if (code >= 0xe0100 && code <= 0xe01ef) return ideograph.test(before) ? char : '';
  if (code >= 0xfe00 && code <= 0xfe0d) return variationBase.test(before) ? char : '';
  if (code >= 0x180b && code <= 0x180f && code !== 0x180e) return mongolianLetter.test(before) ? char : '';
  // Mongolian vowel separator: between the letters of a Mongolian word.
  if (code === 0x180e) return mongolianLetter.test(before) && mongolianLetter.test(after) ? char : '';
  // Combining grapheme joiner: between a letter or mark and the mark it keeps apart.
  if (code === 0x34f) return letterOrMark.test(before) && mark.test(after) && !isListed(after) ? char : '';
  // Noncharacters are not text: shown as the replacement character, as lone surrogates are.
  if ((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe) return '\ufffd';
  return '';
}

function isListed(char: string): boolean {
  const code = char.codePointAt(0);
  if (code === undefined) return false;
  return code > 0xffff ? isUnsafeAstral(code) : isUnsafeCodeUnit(code);
}

/**
 * True when the tag character at `at` belongs to a subdivision flag (U+1F3F4, tag letters,
 * cancel tag) that is an emoji. Those are a few tags long, so the search is bounded, and a
 * long run of tags costs no more per character.
 */
function inSubdivisionFlag(text: string, at: number): boolean {
  let start = at;
  while (start >= 2 && at - start < 32 && isTagAt(text, start - 2)) start -= 2;
  if (text.codePointAt(start - 2) !== 0x1f3f4) return false;
  let end = at;
  while (end - at < 32 && isTagAt(text, end) && text.codePointAt(end) !== 0xe007f) end += 2;
  if (text.codePointAt(end) !== 0xe007f) return false;
  rgiEmoji ??= new RegExp('^\\p{RGI_Emoji}$', 'v');
  return rgiEmoji.test(text.slice(start - 2, end + 2));
}

function isTagAt(text: string, at: number): boolean {
  const code = text.codePointAt(at);
  return code !== undefined && code >= 0xe0020 && code <= 0xe007f;
}

/** The code point that ends at `at` ('' at the start). */
function charBefore(text: string, at: number): string {
  if (at === 0) return '';
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(at - 2, at);
  }
  return text[at - 1]!;
}

/** The code point that starts at `at` ('' at the end). */
function charAt(text: string, at: number): string {
  const code = text.codePointAt(at);
  return code === undefined ? '' : String.fromCodePoint(code);
}
