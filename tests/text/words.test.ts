import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeLine, wordsIfCleanLine } from '../../src/text/sanitize.js';
import { countWords } from '../../src/text/spaces.js';

// wordsIfCleanLine spares makeArticle the sanitize, collapse and count passes; when it
// answers, the answer must be what those passes would have given.

// Mostly words and spaces, so that many lines are clean or nearly so; now and then
// something the sanitizer or the collapse would change.
const word = fc.constantFrom('word', 'A', '“q”', 'café', '日本語', '😀', 'zero\u200bwidth', 'e\u0301');
const space = fc.constantFrom(' ', '  ');
const odd = fc.constantFrom(
  '\n', '\t', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\x00', '\x1b[1m', '\x9b', '\x85', '\x7f', '\u202e',
  '\u2069', '\ud800', '\udc00',
);
const piece = fc.oneof({ weight: 6, arbitrary: word }, { weight: 3, arbitrary: space }, { weight: 1, arbitrary: odd });
const line = fc.oneof(fc.array(piece, { maxLength: 20 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 80 }));
const cleanLine = fc
  .array(fc.constantFrom('word', 'A', '“q”', 'café', '日本語', '😀', 'e\u0301'), { minLength: 1, maxLength: 20 })
  .map((words) => words.join(' '));

describe('wordsIfCleanLine', () => {
  it('answers only for lines the sanitizer keeps as they are, with their word count', () => {
    fc.assert(
      fc.property(line, (text) => {
        const words = wordsIfCleanLine(text);
        if (words >= 0) {
          expect(sanitizeLine(text)).toBe(text);
          expect(words).toBe(countWords(text));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('answers for every clean line', () => {
    fc.assert(fc.property(cleanLine, (text) => {
      expect(wordsIfCleanLine(text)).toBe(countWords(text));
    }), { numRuns: 300 });
  });
});
