import { describe, expect, it } from 'vitest';
import { linkRanges } from '../../src/store/search.js';
import { highlightsBetween, segmentLine } from '../../src/views/highlights.js';
import { readerRow } from '../../src/views/rows.js';
import { colorTheme, monoTheme } from '../../src/views/themes.js';
import { quoteOf } from './fixtures.js';

describe('segmentLine', () => {
  it('splits a line into runs by quote and search highlights', () => {
    const segments = segmentLine('he said hello there', 100, [
      { start: 108, end: 119, mark: 'quote' },
      { start: 108, end: 113, mark: 'matchActive' },
    ]);
    expect(segments).toEqual([
      { text: 'he said ', mark: null, link: false },
      { text: 'hello', mark: 'matchActive', link: false },
      { text: ' there', mark: 'quote', link: false },
    ]);
  });

  it('clips highlights that start before or end after the line', () => {
    expect(segmentLine('middle', 10, [{ start: 0, end: 100, mark: 'quoteActive' }])).toEqual([{ text: 'middle', mark: 'quoteActive', link: false }]);
    expect(segmentLine('plain', 10, [{ start: 0, end: 10, mark: 'quote' }])).toEqual([{ text: 'plain', mark: null, link: false }]);
  });
});

describe('highlightsBetween', () => {
  it('keeps only what touches the screen, marking the current quote and match', () => {
    const quotes = [
      { text: 'a', parts: [{ text: 'a', start: 0, end: 5 }], speaker: null, mention: null, role: null, cue: null, kind: 'direct' as const, paragraph: 0, start: 0, end: 5 },
      { text: 'b', parts: [{ text: 'b', start: 50, end: 60 }], speaker: null, mention: null, role: null, cue: null, kind: 'direct' as const, paragraph: 0, start: 50, end: 60 },
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

describe('quotes in the text', () => {
  const text = '“We have done this before,” Solberg said. “It will be slower, but it will work.” She said the ferries would run.';
  const interrupted = quoteOf(text, ['We have done this before,', 'It will be slower, but it will work.']);
  const paraphrase = quoteOf(text, ['the ferries would run'], { kind: 'indirect' });
  const marked = (active: number) =>
    segmentLine(text, 0, highlightsBetween(0, text.length, [interrupted, paraphrase], active, [], -1)).filter((s) => s.mark !== null);

  it('marks the pieces of an interrupted quote, not the attribution between them', () => {
    expect(marked(-1).map((s) => [s.text, s.mark])).toEqual([
      ['We have done this before,', 'quote'],
      ['It will be slower, but it will work.', 'quote'],
      ['the ferries would run', 'paraphrase'],
    ]);
    const plain = segmentLine(text, 0, highlightsBetween(0, text.length, [interrupted], 0, [], -1)).filter((s) => s.mark === null);
    expect(plain.map((s) => s.text)).toContain('” Solberg said. “');
  });

  it('sets paraphrases apart from direct quotes, the current one too', () => {
    expect(marked(0).map((s) => s.mark)).toEqual(['quoteActive', 'quoteActive', 'paraphrase']);
    expect(marked(1).map((s) => s.mark)).toEqual(['quote', 'quote', 'paraphraseActive']);
  });

  it('draws a paraphrase in a style of its own, with colours and without', () => {
    for (const theme of [colorTheme, monoTheme]) {
      expect(theme.paraphrase).not.toEqual(theme.quote);
      expect(theme.paraphraseActive).not.toEqual(theme.quoteActive);
      const line = { text, src: 0, kind: 'paragraph' as const, prefix: '' };
      const row = readerRow(line, '', highlightsBetween(0, text.length, [interrupted, paraphrase], -1, [], -1), theme);
      const styleOf = (words: string) => row.runs.find((r) => r.text === words)?.styles[0];
      expect(styleOf('the ferries would run')).toEqual(theme.paraphrase);
      expect(styleOf('We have done this before,')).toEqual(theme.quote);
    }
  });

  it('marks only the pieces on screen', () => {
    const from = text.indexOf('Solberg');
    expect(highlightsBetween(from, from + 10, [interrupted], -1, [], -1)).toEqual([]);
  });
});

describe('links in the text', () => {
  it('finds each link after the previous one, in document order', () => {
    const text = 'See the report and the report appendix; also the minutes.';
    const ranges = linkRanges(text, [
      { text: 'report', url: 'https://a.example/1' },
      { text: 'report', url: 'https://a.example/2' },
      { text: 'not there', url: 'https://a.example/3' },
      { text: 'minutes', url: 'https://a.example/4' },
    ]);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['report', 'report', 'minutes']);
    expect(ranges[1]!.start).toBe(text.indexOf('report', ranges[0]!.end));
  });

  it('marks link text as a link under quotes and matches too', () => {
    const hits = highlightsBetween(0, 100, [], -1, [{ start: 4, end: 6 }], 0, [{ start: 0, end: 10 }]);
    expect(segmentLine('0123456789', 0, hits).map((s) => [s.text, s.mark, s.link])).toEqual([
      ['0123', null, true],
      ['45', 'matchActive', true],
      ['6789', null, true],
    ]);
  });
});
