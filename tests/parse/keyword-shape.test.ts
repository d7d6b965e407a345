import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keywordShaped } from '../../src/parse/text.js';

// The tag line's keywords are tested with an ASCII expression where the text is ASCII (the
// Unicode one costs a millisecond to build before the first frame): both must agree.
const UNICODE_KEYWORD = /^[\p{Ll}\p{N}][\p{Ll}\p{N}\p{M} '’&-]*$/u;

describe('keyword shape', () => {
  it('agrees with the Unicode expression on any ASCII text', () => {
    const asciiItem = fc.string({ unit: fc.constantFrom(...'abcxyzAZ0189 \'&-_.,;:!?"`~\t/\\'), maxLength: 12 });
    fc.assert(fc.property(asciiItem, (item) => keywordShaped(item) === UNICODE_KEYWORD.test(item)), { numRuns: 5000 });
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 12 }), (item) => keywordShaped(item) === UNICODE_KEYWORD.test(item)), { numRuns: 5000 });
  });

  it('still takes lower-case letters and marks beyond ASCII', () => {
    for (const item of ['café', 'über-cities', 'nordic’s', 'ﬁsh', '٣ items']) expect(keywordShaped(item)).toBe(UNICODE_KEYWORD.test(item));
    expect(keywordShaped('café')).toBe(true);
    expect(keywordShaped('Café')).toBe(false);
    expect(keywordShaped('harbour bridge')).toBe(true);
    expect(keywordShaped('Harbour')).toBe(false);
  });
});
