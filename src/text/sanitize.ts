import { removeInvisible, staysAt } from './invisible.js';
import { collapseSpaces, isSpaceCode } from './spaces.js';
import { firstUnsafeIndex, isUnsafeAstral, isUnsafeCodeUnit } from './unsafe-chars.js';

// Text from articles is hostile: it may carry terminal escape sequences that retitle the
// window, write the clipboard, forge links or make the terminal answer into our input, and
// invisible characters that reorder text, hide text, or make it measure other than it
// shows. Everything that leaves a parser goes through sanitizeText, and output paths run it
// again as a last guard. What is removed, and what is kept where a script needs it, is listed
// in unsafe-chars.ts and invisible.ts (and in the README).

// ESC-introduced sequences, in the order a terminal would parse them:
//   OSC / DCS / SOS / PM / APC strings, ended by BEL or ST (ESC \ or U+009C), or cut at the
//   end of the line when unterminated (so one stray ESC ] never eats a whole article);
//   CSI with parameters; nF sequences with intermediates; and single-character escapes.
// The 8-bit forms: CSI U+009B, and the string introducers U+0090/98/9D/9E/9F only with their
// terminator. Alone, those are far more often a Windows-1252 byte that has no character
// (0x90, 0x9D) than a terminal string, and they are removed as the controls they are
// without the rest of the line. The string bodies exclude their own introducers, so a run
// of them is matched in linear time.
const ESCAPE_SEQUENCE = new RegExp(
  [
    '\\x1b[\\]PX^_][^\\x07\\x1b\\x9c\\n]*(?:\\x07|\\x1b\\\\|\\x9c)?',
    '\\x1b\\[[0-?]*[ -/]*[@-~]?',
    '\\x1b[ -/]+[0-~]?',
    '\\x1b[0-~]?',
    '\\x9b[0-?]*[ -/]*[@-~]?',
    '[\\x90\\x98\\x9d\\x9e\\x9f][^\\x07\\x1b\\x9c\\n\\x90\\x98\\x9d\\x9e\\x9f]*(?:\\x07|\\x1b\\\\|\\x9c)',
  ].join('|'),
  'g',
);

/** CR LF, CR, and the Unicode line and paragraph separators, as line feeds. */
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;

/**
 * Removes escape sequences, controls and invisible characters; normalises line ends to `\n`
 * (U+2029, a paragraph separator, to a blank line); replaces lone surrogates and
 * noncharacters with U+FFFD. Text with none of these is returned as it is, after one scan.
 */
export function sanitizeText(input: string): string {
  if (!needsSanitizing(input)) return input;
  // Lone surrogates (they would break width measurement and JSON round-trips) are replaced
  // first: removing what stood between two halves would otherwise join them into a character.
  const text = input.isWellFormed() ? input : input.toWellFormed();
  return removeInvisible(text.replace(LINE_BREAK, (b) => (b === '\u2029' ? '\n\n' : '\n')).replace(ESCAPE_SEQUENCE, ''));
}

/** Sanitized and collapsed to one line: for titles, names, link text. */
export function sanitizeLine(input: string): string {
  return collapseSpaces(sanitizeText(input));
}

const SHOWN: Record<string, string> = { '\x1b': '\\e', '\x07': '\\a', '\x08': '\\b' };

/** `\e`, `\a`, `\b`, `\x9d`, `\u200e`, `\u{e0041}`: a character as an escape a person can read. */
function shownAsEscape(char: string): string {
  const code = char.codePointAt(0)!;
  if (SHOWN[char]) return SHOWN[char];
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * One line for a message that quotes what the user typed or named (an option value, a path,
 * an address) or what a library said: line breaks become spaces, and every control and
 * invisible character is written as an escape instead of removed, so a file named
 * `--\e]52;c;…\a` reads as it is and still cannot act on the terminal.
 */
export function escapeLine(input: string): string {
  if (!needsSanitizing(input)) return collapseSpaces(input);
  const text = input.isWellFormed() ? input : input.toWellFormed();
  return collapseSpaces(removeInvisible(text.replace(/[\t\n\v\f\r\x85\u2028\u2029]/g, ' '), shownAsEscape));
}

/** True when sanitizeText would leave the text as it is (the negation of needsSanitizing). */
export function isSafeText(text: string): boolean {
  return !needsSanitizing(text);
}

/**
 * True when sanitizeText would change the text: a character of the list that does not stay
 * where it is (every control does not; a joiner between letters, for one, does). Clean text
 * costs one native scan; text with emoji sequences or Persian joiners, a look at each.
 */
export function needsSanitizing(text: string): boolean {
  for (let at = firstUnsafeIndex(text); at >= 0; at = firstUnsafeIndex(text, at + (text.codePointAt(at)! > 0xffff ? 2 : 1))) {
    if (!staysAt(text, at)) return true;
  }
  return false;
}

/**
 * The number of words in `text` when it is already a clean line (sanitizeLine would return
 * it unchanged), else -1. One pass instead of sanitizing, collapsing and counting in turn:
 * parsers hand over lines that are nearly always clean already.
 */
export function wordsIfCleanLine(text: string): number {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return -1;
  let spaces = 0;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    // Printable ASCII first: it is nearly every character, and one test lets it through.
    if (code > 32 && code < 0x7f) {
      previous = code;
      continue;
    }
    if (code === 32) {
      if (previous === 32) return -1;
      spaces++;
    } else if (code < 0xa1) {
      return -1; // C0 and C1 controls, DEL, no-break space
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return -1;
      if (isUnsafeAstral(((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000)) return -1;
      i++;
    } else if (isUnsafeCodeUnit(code) || isSpaceCode(code)) {
      // Invisible and format characters (even those kept in context: sanitizeLine decides).
      return -1;
    }
    previous = code;
  }
  return spaces + 1;
}
