// Single line breaks inside a blank-line separated block: a hard-wrapped paragraph (an
// e-mail, a text file filled to 72 columns) is one paragraph; a block whose lines were
// written one by one (quotes each with its "― Name", a list, an address, a poem) is one
// paragraph a line. Joining the second kind runs each line's last words into the next
// line's first, which the reader would show as one sentence and the quote finder would
// read as one (a credit line glued to the next quotation).

/**
 * A break is one the wrapping needed when the next line's first word would not have fit
 * on the line: len(line) + 1 + len(word) beyond the text's width, estimated as its longest
 * wrapped line. A block is wrapped when at least this share of its breaks were needed.
 */
const NEEDED_SHARE = 0.5;
/**
 * A text whose own paragraphs run longer than its "width" was not wrapped at that width: at
 * least this many such paragraphs, and this share of all, say its breaks were deliberate.
 */
const LONG_PARAGRAPHS = 2;
const LONG_SHARE = 0.2;
/** How far past the width a paragraph must run to count as longer (a URL, a long word). */
const WIDTH_SLACK = 10;

export interface LineBreakReading {
  /** True when the block's lines are paragraphs of their own. */
  linesApart(block: string): boolean;
}

function linesOf(block: string): string[] {
  return block.split('\n').map((line) => line.trim());
}

function firstWordLength(line: string): number {
  const space = line.indexOf(' ');
  return space < 0 ? line.length : space;
}

/** Reads the blocks of one text (as split on blank lines, before any collapsing). */
export function readLineBreaks(blocks: readonly string[]): LineBreakReading {
  let width = 0;
  let multiLine = 0;
  for (const block of blocks) {
    if (!block.includes('\n')) continue;
    multiLine++;
    const lines = linesOf(block);
    for (let i = 0; i < lines.length - 1; i++) width = Math.max(width, lines[i]!.length);
  }
  if (multiLine === 0) return { linesApart: () => false };
  let long = 0;
  for (const block of blocks) if (!block.includes('\n') && block.trim().length > width + WIDTH_SLACK) long++;
  const unwrapped = long >= LONG_PARAGRAPHS && long >= LONG_SHARE * blocks.length;
  return {
    linesApart(block: string): boolean {
      if (unwrapped) return true;
      const lines = linesOf(block).filter((line) => line !== '');
      if (lines.length < 2) return false;
      let needed = 0;
      for (let i = 0; i < lines.length - 1; i++) {
        if (lines[i]!.length + 1 + firstWordLength(lines[i + 1]!) > width) needed++;
      }
      return needed < NEEDED_SHARE * (lines.length - 1);
    },
  };
}
