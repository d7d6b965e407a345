import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counted, groupDigits, siteOf } from '../../src/store/format.js';

describe('groupDigits', () => {
  it('writes counts as toLocaleString("en") does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 100_000, 1_000_000, 123_456_789]) expect(groupDigits(n)).toBe(n.toLocaleString('en'));
    fc.assert(fc.property(fc.nat(), (n) => groupDigits(n) === n.toLocaleString('en')), { numRuns: 300 });
  });
});

describe('counted', () => {
  it('makes the noun agree with its count: 1 word, 2 words, 1 entry, 1,200 entries', () => {
    expect(counted(1, 'word')).toBe('1 word');
    expect(counted(0, 'word')).toBe('0 words');
    expect(counted(2, 'feed')).toBe('2 feeds');
    expect(counted(1, 'entry', 'entries')).toBe('1 entry');
    expect(counted(1200, 'entry', 'entries')).toBe('1,200 entries');
  });
});

describe('siteOf without a site name or address', () => {
  it('is the file name, whichever separator the path uses', () => {
    expect(siteOf({ source: '/home/ana/news/harbour.txt' })).toBe('harbour.txt');
    expect(siteOf({ source: 'C:\\news\\harbour.md' })).toBe('harbour.md');
    expect(siteOf({ source: 'news/2026\\harbour.txt' })).toBe('harbour.txt');
    expect(siteOf({ source: 'stdin' })).toBe('stdin');
    // A path ending in a separator has no name after it: the whole of it.
    expect(siteOf({ source: 'news/' })).toBe('news/');
  });
});
