// The shape of quoted words, to tell quotations from titles, names and scare quotes:
// "Meet the Press" (title case) is a title; "the people's champion" is a partial quote.

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
const MINOR = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'for', 'to', 'in', 'on', 'at', 'with', 'by', 'is', 'from', 'as']);

export interface Shape {
  words: number;
  /** Every significant word starts with a capital (titles, names, slogans). */
  titleCase: boolean;
}

/** The shape of `text`, reading no further than `limit` words (a long quote is no title). */
export function shapeOf(text: string, limit = Infinity): Shape {
  let words = 0;
  let significant = 0;
  let capitalised = 0;
  for (const m of text.matchAll(WORD)) {
    if (words >= limit) break;
    // Scripts written without spaces (all past U+0E00, Thai): a run is many words; count one
    // per two characters.
    const unspaced = m[0].charCodeAt(0) < 0x0e00 ? 0 : (m[0].match(UNSPACED)?.length ?? 0);
    if (unspaced > 0) {
      words += Math.max(1, Math.ceil(unspaced / 2));
      significant++;
      continue;
    }
    words++;
    if (MINOR.has(m[0].toLowerCase())) continue;
    significant++;
    if (/^[\p{Lu}\p{N}]/u.test(m[0])) capitalised++;
  }
  return { words, titleCase: significant > 0 && capitalised === significant };
}
