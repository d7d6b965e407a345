import { describe, expect, it } from 'vitest';
import { highlightsBetween, segmentLine } from '../../src/views/highlights.js';

describe('segmentLine', () => {
  it('splits a line into runs by quote and search highlights', () => {
    const segments = segmentLine('he said hello there', 100, [
      { start: 108, end: 119, mark: 'quote' },
      { start: 108, end: 113, mark: 'matchActive' },
    ]);
    expect(segments).toEqual([
      { text: 'he said ', mark: null },
      { text: 'hello', mark: 'matchActive' },
      { text: ' there', mark: 'quote' },
    ]);
  });

  it('clips highlights that start before or end after the line', () => {
    expect(segmentLine('middle', 10, [{ start: 0, end: 100, mark: 'quoteActive' }])).toEqual([{ text: 'middle', mark: 'quoteActive' }]);
    expect(segmentLine('plain', 10, [{ start: 0, end: 10, mark: 'quote' }])).toEqual([{ text: 'plain', mark: null }]);
  });
});

describe('highlightsBetween', () => {
  it('keeps only what touches the screen, marking the current quote and match', () => {
    const quotes = [
      { text: 'a', speaker: null, mention: null, role: null, cue: null, kind: 'direct' as const, paragraph: 0, start: 0, end: 5 },
      { text: 'b', speaker: null, mention: null, role: null, cue: null, kind: 'direct' as const, paragraph: 0, start: 50, end: 60 },
    ];
    const matches = Array.from({ length: 100 }, (_, i) => ({ start: i * 10, end: i * 10 + 2 }));
    const hits = highlightsBetween(45, 65, quotes, 1, matches, 5);
    expect(hits.filter((h) => h.mark.startsWith('quote'))).toEqual([{ start: 50, end: 60, mark: 'quoteActive' }]);
    expect(hits.filter((h) => h.mark.startsWith('match')).map((h) => [h.start, h.mark])).toEqual([
      [50, 'matchActive'],
      [60, 'match'],
    ]);
  });
});
