import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../src/store/format.js';

describe('groupDigits', () => {
  it('writes counts as toLocaleString("en") does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 100_000, 1_000_000, 123_456_789]) expect(groupDigits(n)).toBe(n.toLocaleString('en'));
    fc.assert(fc.property(fc.nat(), (n) => groupDigits(n) === n.toLocaleString('en')), { numRuns: 300 });
  });
});
