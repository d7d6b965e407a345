import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArraySplitter, NotSplittable } from '../../src/parse/json-array.js';

/** Every element the splitter yields for `pieces`, then `end`; throws what the splitter throws. */
function split(pieces: readonly string[]): unknown[] {
  const splitter = new JsonArraySplitter();
  const out: unknown[] = [];
  for (const piece of pieces) for (const value of splitter.push(piece)) out.push(value);
  splitter.end();
  return out;
}

/** `text` cut at the given places, as a file read in slices would deliver it. */
function cutAt(text: string, cuts: readonly number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => text.slice(start, at[i] ?? text.length));
}

const json = fc.jsonValue({ maxDepth: 3 });
// Strings with quotes, backslashes and brackets inside, which the scanner must step over.
const tricky = fc.array(fc.constantFrom('"', '\\', '[', ']', '{', '}', ',', 'a', ' ', '\n', 'é', '😀'), { maxLength: 12 }).map((c) => c.join(''));
const element = fc.oneof(json, tricky, fc.dictionary(tricky, fc.oneof(tricky, json), { maxKeys: 3 }));

describe('JSON array splitter', () => {
  it('yields what JSON.parse gives, however the text is formatted and cut', () => {
    fc.assert(
      fc.property(fc.array(element, { maxLength: 8 }), fc.constantFrom(undefined, 0, 2, '\t'), fc.array(fc.nat(), { maxLength: 6 }), (values, indent, cuts) => {
        const text = ` ${JSON.stringify(values, null, indent)}\n`;
        expect(split(cutAt(text, cuts))).toEqual(JSON.parse(text));
      }),
    );
  });

  it('finishes only for text JSON.parse reads as the same array, and refuses the rest', () => {
    const token = fc.constantFrom('[', ']', '{', '}', ',', ':', '"a"', '"\\""', '"\\\\"', '1', 'null', ' ', '\n', '"', 'x', '\u0000', '\ufeff');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 14 }), fc.array(fc.nat(), { maxLength: 3 }), (tokens, cuts) => {
        const text = tokens.join('');
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          expected = NotSplittable;
        }
        if (!Array.isArray(expected)) {
          expect(() => split(cutAt(text, cuts))).toThrow(NotSplittable);
          return;
        }
        expect(split(cutAt(text, cuts))).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses text that stops before the array is closed', () => {
    expect(() => split(['[{"a": 1}, '])).toThrow(NotSplittable);
    expect(() => split(['  '])).toThrow(NotSplittable);
    expect(() => split(['[1, 2] x'])).toThrow(NotSplittable);
  });
});
