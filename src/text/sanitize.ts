import { collapseSpaces, isSpaceCode } from './spaces.js';

// Text from articles is hostile: it may carry terminal escape sequences that retitle the
// window, write the clipboard, forge links or make the terminal answer into our input, and
// bidi controls that make text read differently from what it is. Everything that leaves a
// parser goes through sanitizeText, and output paths run it again as a last guard.

// ESC-introduced sequences, in the order a terminal would parse them:
//   OSC / DCS / SOS / PM / APC strings, ended by BEL or ST (ESC \ or U+009C), or cut at the
//   end of the line when unterminated (so one stray ESC ] never eats a whole article);
//   CSI with parameters; nF sequences with intermediates; and single-character escapes.
const ESCAPE_SEQUENCE = new RegExp(
  [
    '\\x1b[\\]PX^_][^\\x07\\x1b\\x9c\\n]*(?:\\x07|\\x1b\\\\|\\x9c)?',
    '\\x1b\\[[0-?]*[ -/]*[@-~]?',
    '\\x1b[ -/]+[0-~]?',
    '\\x1b[0-~]?',
    // 8-bit forms: CSI U+009B, and the string introducers U+0090/98/9D/9E/9F.
    '\\x9b[0-?]*[ -/]*[@-~]?',
    '[\\x90\\x98\\x9d\\x9e\\x9f][^\\x07\\x1b\\x9c\\n]*(?:\\x07|\\x1b\\\\|\\x9c)?',
  ].join('|'),
  'g',
);

// C0 controls except tab and newline, DEL, every C1 control, and the bidi embeddings,
// overrides and isolates (U+202A-202E, U+2066-2069).
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

const HAS_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/;

/** Removes escape sequences and control characters; normalises line ends to `\n`. */
export function sanitizeText(input: string): string {
  if (!HAS_UNSAFE.test(input)) return input;
  let text = input.replace(/\r\n?/g, '\n');
  text = text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
  // Lone surrogates would break width measurement and JSON round-trips.
  return text.isWellFormed() ? text : text.toWellFormed();
}

/** Sanitized and collapsed to one line: for titles, names, link text. */
export function sanitizeLine(input: string): string {
  return collapseSpaces(sanitizeText(input));
}


/** True when the text holds nothing sanitizeText would remove. */
export function isSafeText(text: string): boolean {
  return !HAS_UNSAFE.test(text) && !text.includes('\r');
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
      i++;
    } else if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || isSpaceCode(code)) {
      return -1;
    }
    previous = code;
  }
  return spaces + 1;
}
