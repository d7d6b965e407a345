import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/quotes/tokens.js';

// The tokenizer scans ASCII words by hand for speed; the definition of a word is the regex
// below (letters and digits, inner . ' ’ - &, a trailing full stop). Both must agree.
const WORD = /[\p{L}\p{N}]+(?:[.'\u2019\-&][\p{L}\p{N}]+)*\.?/uy;

function referenceWords(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (m !== null) {
      out.push(m[0]);
      i += m[0].length;
      continue;
    }
    let j = i + 1;
    while (j < text.length && text[j] === text[i]) j++;
    out.push(text.slice(i, j));
    i = j;
  }
  return out;
}

describe('tokenize', () => {
  it('cuts words exactly where the word pattern does, ASCII or not', () => {
    const piece = fc.constantFrom('a', 'Z', '9', '.', "'", '’', '-', '&', ' ', '\t', 'é', 'ü', '東', '\u00a0', ',', '!', 'U.S.', "O'Neill", 'AT&T', 'e\u0301');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        // Items re-joined: a word that lost its trailing full stop gets it back as an item.
        const items = tokenize(text, 0, text.length, [], 0);
        const joined: string[] = [];
        items.forEach((it, i) => {
          const prev = items[i - 1];
          const split = it.kind === 'p' && it.text === '.' && prev?.kind === 'w' && prev.end === it.start && !prev.text.endsWith('.');
          if (split) joined[joined.length - 1] += '.';
          else joined.push(it.text);
        });
        expect(joined).toEqual(referenceWords(text));
      }),
      { numRuns: 2000 },
    );
  });
});
