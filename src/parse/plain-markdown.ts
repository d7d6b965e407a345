import type { Block } from '../article.js';
import { isSpaceCode } from '../text/spaces.js';

// The blocks of Markdown that uses no Markdown beyond headings and paragraphs, read without
// marked's lexer, which takes some 15 µs for even a three-paragraph note: in a folder of
// notes it cost more than reading them. Whatever could be read another way by marked (any
// character that can start inline markup, any line that could open another block, entities,
// autolinks, indentation, hard breaks) makes this give up, so the blocks are always the ones
// marked's tokens give (a property test holds the two side by side).

/**
 * Characters that can begin or end inline markup, an entity, an HTML tag, a table cell or an
 * escape anywhere in a line: emphasis, code, links and images, strikethrough, autolinks
 * (`@` for an address). `"` and `'` are safe: marked escapes them and the parser decodes them
 * back, which without `&` in the text gives them as they were.
 */
const INLINE_MARKUP = /[\\*_`[\]<>&~|@\t\r\f\v]|:\/\/|www\./i;

/**
 * A line that could open a block other than a paragraph, or go on one in another way: a
 * heading, a quote, a list item (`-`, `+`, `*`, `1.`, `1)`), a setext underline or rule (`=`,
 * `-`, `_`), code (a fence, or indentation), HTML, a table, a link definition. Lines are
 * checked by their first character (and a number's end), which covers each of those.
 */
const BLOCK_START = /^(?:[#>+*=\-_`~<|[]|\d+[.)])/;

/** The heading line this path reads: `#` to `######`, one space, text that is not a closing sequence. */
const ATX_HEADING = /^(#{1,6}) (\S(?:.*\S)?)$/;

/**
 * Headings and paragraphs as parseMarkdown's reading of marked's tokens would give them, for
 * a body (front matter already taken off) made only of those; null for anything else.
 * Paragraphs are separated by empty lines; a heading is a line of its own among them.
 */
export function plainMarkdownBlocks(body: string): Block[] | null {
  if (INLINE_MARKUP.test(body)) return null;
  const blocks: Block[] = [];
  let at = 0;
  const n = body.length;
  while (at < n) {
    // Empty lines between blocks; a line of spaces is not empty here, and is given up below.
    while (at < n && body.charCodeAt(at) === 10) at++;
    if (at >= n) break;
    let end = body.indexOf('\n\n', at);
    if (end < 0) end = n;
    // A trailing line feed ends the last block as a blank line would.
    const chunk = body.charCodeAt(end - 1) === 10 ? body.slice(at, end - 1) : body.slice(at, end);
    const block = chunkBlock(chunk);
    if (!block) return null;
    blocks.push(block);
    at = end;
  }
  return blocks;
}

function chunkBlock(chunk: string): Block | null {
  if (chunk.charCodeAt(0) === 35 /* # */) {
    const heading = ATX_HEADING.exec(chunk);
    // One line, its text neither ending in `#` (a closing sequence) nor with white space at either end.
    if (!heading || heading[2]!.endsWith('#') || !plainLine(heading[2]!)) return null;
    return { type: 'heading', text: heading[2]!, level: heading[1]!.length };
  }
  for (let from = 0; from <= chunk.length; ) {
    let lineEnd = chunk.indexOf('\n', from);
    if (lineEnd < 0) lineEnd = chunk.length;
    const line = chunk.slice(from, lineEnd);
    if (!plainLine(line) || BLOCK_START.test(line)) return null;
    from = lineEnd + 1;
  }
  return { type: 'paragraph', text: chunk };
}

/** A line with text and no white space at its ends (indentation, hard breaks, Unicode spaces marked trims). */
function plainLine(line: string): boolean {
  return line.length > 0 && !isSpaceCode(line.charCodeAt(0)) && !isSpaceCode(line.charCodeAt(line.length - 1));
}
