import { collapseSpaces } from './spaces.js';

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
