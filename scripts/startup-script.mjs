// The start-up file's text as the bin compiles it (src/boot/bin.ts): see build.mjs.

/**
 * The text with every character past ASCII written as its \u escape. esbuild leaves such
 * characters in regular expressions as they are (…, ’, “), and one of them makes V8 hold the
 * whole start-up file two bytes a character: 300 KB more of the 1 MB young generation before
 * the first frame, and a garbage collection more. An escape is the same character in a
 * string, a template and a regular expression (with or without the u flag, a surrogate pair
 * of escapes is one code point where the character was); after a backslash it would not be.
 */
export function asAscii(text) {
  return text.replace(/[^\x00-\x7f]/gu, (char, at) => {
    let slashes = 0;
    while (text[at - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 1) throw new Error(`build: an escaped non-ASCII character in the start-up file (${JSON.stringify(text.slice(at - 20, at + 20))}); review asAscii`);
    return [...Array(char.length).keys()].map((i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
  });
}

/** What the bin calls the start-up file with (src/boot/bin.ts): a CommonJS module's parameters and the lazy loader. */
const STARTUP_PARAMETERS = 'exports, require, module, __filename, __dirname, __inkwireImport';

/**
 * The start-up file as the function expression the bin compiles: wrapped here, the bin
 * compiles the text as read instead of a copy joined with the wrapper, 150 KB less to
 * allocate before the first frame. On one line with the file's first, so line numbers in
 * stack traces stay the bundle's own.
 */
export function asStartupScript(text) {
  return `(function (${STARTUP_PARAMETERS}) {${text}\n})`;
}
