import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/text/sanitize.js';
import { fitToWidth, hardBreak, textWidth, truncateToWidth, wrapArticle, wrapWords } from '../../src/text/wrap.js';
import { article } from './fixtures.js';

const header = { title: 'T', meta: 'm' };

describe('wrapWords', () => {
  it('breaks between words and keeps each line a substring at its offset', () => {
    const text = 'the quick brown fox jumps over the lazy dog';
    const lines = wrapWords(text, 10);
    expect(lines.map((l) => l.text)).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy', 'dog']);
    for (const line of lines) expect(text.slice(line.start, line.start + line.text.length)).toBe(line.text);
  });

  it('breaks CJK text, which has no spaces, between characters by display width', () => {
    const text = '東京都議会は本日、新しい橋の建設を承認した。';
    const lines = wrapWords(text, 10);
    for (const line of lines) expect(stringWidth(line.text)).toBeLessThanOrEqual(10);
    expect(lines.map((l) => l.text).join('')).toBe(text);
    expect(stringWidth(lines[0]!.text)).toBe(10);
  });

  it('keeps emoji and combining marks whole', () => {
    const text = 'café 👩‍👩‍👧 naïve e\u0301 🇳🇴🇳🇴🇳🇴🇳🇴';
    for (const line of wrapWords(text, 4)) {
      expect(stringWidth(line.text)).toBeLessThanOrEqual(4);
      expect(line.text.isWellFormed()).toBe(true);
    }
    expect(hardBreak('👩‍👩‍👧👩‍👩‍👧', 2).map((s) => s.text)).toEqual(['👩‍👩‍👧', '👩‍👩‍👧']);
  });

  it('splits a cluster wider than the line, which Ink measures a column per spacing mark', () => {
    // One grapheme: a letter and 40 Devanagari visargas, 41 columns to Ink.
    const text = `a${'\u0903'.repeat(40)} b`;
    const lines = wrapWords(text, 10);
    for (const line of lines) expect(stringWidth(line.text)).toBeLessThanOrEqual(10);
    expect(lines.map((l) => l.text).join('').replace(' ', '')).toBe(text.replace(' ', ''));
    expect(hardBreak('\u{1D158}\u{1D165}\u{1D16E}', 2).map((s) => stringWidth(s.text))).toEqual([2, 1]);
  });

  it('never makes a line wider than the width, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 60 }), (raw, width) => {
        const text = raw.replace(/[\p{Cc}\p{Cf}]/gu, ' ');
        for (const line of wrapWords(text, width)) {
          // A single grapheme wider than the width (some symbols are 3 columns) stands alone.
          const single = [...new Intl.Segmenter().segment(line.text)].length === 1;
          if (!single) expect(stringWidth(line.text)).toBeLessThanOrEqual(width);
          expect(text.slice(line.start, line.start + line.text.length)).toBe(line.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('wrapWords on plain ASCII (the fast path)', () => {
  it('fills lines greedily, breaks only at spaces unless a word is too long, and loses no word', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,14}$/), { maxLength: 60 }), fc.integer({ min: 3, max: 40 }), (words, width) => {
        const text = words.join(' ');
        const lines = wrapWords(text, width);
        for (const [i, line] of lines.entries()) {
          expect(line.text.length).toBeLessThanOrEqual(width);
          expect(text.slice(line.start, line.start + line.text.length)).toBe(line.text);
          const next = lines[i + 1];
          // Greedy: the next line's first word would not have fitted on this one.
          if (next && text[next.start - 1] === ' ') {
            const firstWord = next.text.split(' ')[0]!;
            expect(line.text.length + 1 + firstWord.length).toBeGreaterThan(width);
          }
        }
        expect(lines.map((l) => l.text).join(' ').split(' ').join('')).toBe(words.join(''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('truncation', () => {
  it('cuts to the width with an ellipsis, measuring wide characters', () => {
    expect(truncateToWidth('hello world', 8)).toBe('hello w…');
    expect(truncateToWidth('short', 8)).toBe('short');
    expect(stringWidth(truncateToWidth('日本語のテキスト', 7))).toBeLessThanOrEqual(7);
    expect(textWidth(fitToWidth('日本', 7))).toBe(7);
  });
});

describe('wrapArticle', () => {
  const a = article('A Title', [
    { type: 'heading', text: 'Heading', level: 2 },
    { type: 'paragraph', text: 'A paragraph that is long enough to wrap onto a second line.' },
    { type: 'quote', text: 'A block quote that also wraps somewhere.' },
    { type: 'list', text: 'first item\nsecond item that wraps over', items: ['first item', 'second item that wraps over'] },
    { type: 'code', text: 'const x = 1; // a long line of code here' },
  ]);

  it('maps every body line back to its text in article.text', () => {
    const lines = wrapArticle(a, 24, header);
    for (const line of lines.filter((l) => l.src >= 0)) {
      expect(a.text.slice(line.src, line.src + line.text.length)).toBe(line.text);
      expect(textWidth(line.prefix + line.text)).toBeLessThanOrEqual(24);
    }
    expect(lines[0]).toMatchObject({ kind: 'title', text: 'T' });
  });

  it('styles blocks apart: bullets, quote bars, code indent, headings', () => {
    const lines = wrapArticle(a, 24, header);
    expect(lines.find((l) => l.kind === 'heading')?.text).toBe('Heading');
    expect(lines.filter((l) => l.kind === 'list').map((l) => l.prefix)).toEqual(['• ', '• ', '  ']);
    expect(lines.filter((l) => l.kind === 'quote').every((l) => l.prefix === '│ ')).toBe(true);
    expect(lines.filter((l) => l.kind === 'code').every((l) => l.prefix === '  ')).toBe(true);
  });

  it('separates blocks with one blank line', () => {
    const kinds = wrapArticle(a, 60, header).map((l) => l.kind);
    expect(kinds.slice(0, 5)).toEqual(['title', 'meta', 'blank', 'heading', 'blank']);
  });

  it('returns the same lines for the same width without wrapping again', () => {
    expect(wrapArticle(a, 30, header)).toBe(wrapArticle(a, 30, header));
  });
});

describe('textWidth without string-width (narrow text)', () => {
  // The fast path measures by length: every character it accepts must be one column to
  // string-width (what Ink measures with) and never join its neighbours into one grapheme.
  const NARROW = [
    [0x20, 0x7e],
    [0xa0, 0xa8],
    [0xaa, 0xac],
    [0xaf, 0x2ff],
    [0x2010, 0x2029],
    [0x202f, 0x203b],
    [0x203d, 0x2048],
    [0x204a, 0x205f],
  ] as const;
  const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

  it('accepts only characters string-width counts as one column, each its own grapheme', () => {
    for (const [from, to] of NARROW) {
      for (let cp = from; cp <= to; cp++) {
        const c = String.fromCodePoint(cp);
        expect(stringWidth(c), `U+${cp.toString(16)}`).toBe(1);
        expect([...graphemes.segment(`a${c}${c}a`)].length, `U+${cp.toString(16)}`).toBe(4);
        expect(textWidth(`x${c}y`)).toBe(3);
      }
    }
  });

  it('leaves the characters string-width counts otherwise to string-width', () => {
    for (const c of ['©', '®', '\u00ad', '‼', '⁉', 'é\u0301', '日本', '👍🏽', '\u200b']) expect(textWidth(`a${c}`)).toBe(stringWidth(`a${c}`));
  });

  it('agrees with string-width on any mix of narrow and other text', () => {
    const narrowChar = fc.constantFrom(...'aZ “quoted” — ‘x’ … • é ß ø ŋ ə ʃ ‰ ′ ″ ‹ › \u00a0 \u202f');
    const otherChar = fc.constantFrom('©', '®', '‼', '日', '\u0301', '👍', '\u200d', '\u00ad');
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 9, arbitrary: narrowChar }, { weight: 1, arbitrary: otherChar }), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(textWidth(text)).toBe(stringWidth(text));
        expect(hardBreak(text, 5).map((s) => s.text).join('')).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('textWidth and what survives the sanitizer', () => {
  // Ink lays rows out with its own string-width; if inkwire measured with another version,
  // the reader, the list columns and the quote sidebar's border would be off where the two
  // disagree (© and ‼, spacing marks, Hangul jamo, some emoji: hundreds of characters).
  const inkStringWidth = async (): Promise<(text: string) => number> => {
    const path = createRequire(join(import.meta.dirname, '..', '..', 'node_modules', 'ink', 'package.json')).resolve('string-width');
    return ((await import(pathToFileURL(path).href)) as { default: (text: string) => number }).default;
  };
  // Blocks of one kind of character are sampled (their first 256), the rest taken whole.
  const UNIFORM = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0xe000, 0xf8ff], [0x17000, 0x187ff], [0x20000, 0x3ffff]] as const;
  function* codePoints(): Generator<number> {
    for (let cp = 0; cp <= 0xe0fff; cp++) {
      if ((cp >= 0xd800 && cp <= 0xdfff) || (cp > 0x3ffff && cp < 0xe0000)) continue;
      const block = UNIFORM.find(([from, to]) => cp >= from && cp <= to);
      if (block && cp > block[0] + 255) {
        cp = block[1];
        continue;
      }
      yield cp;
    }
  }

  it('measures every character the sanitizer lets through as Ink does', async () => {
    const inkWidth = await inkStringWidth();
    const wrong: string[] = [];
    for (const cp of codePoints()) {
      const text = sanitizeText(`a${String.fromCodePoint(cp)}b`);
      if (textWidth(text) !== inkWidth(text)) wrong.push(`U+${cp.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lets no character through that takes no columns unless it is a mark, a letter that joins, or a joiner between letters', async () => {
    const inkWidth = await inkStringWidth();
    const invisible: string[] = [];
    for (const cp of codePoints()) {
      const c = String.fromCodePoint(cp);
      const text = sanitizeText(` ${c} `);
      if (text.includes(c) && inkWidth(text) === 2 && !/^[\s\p{M}\p{L}\p{Emoji_Modifier}]$/u.test(c)) invisible.push(`U+${cp.toString(16)}`);
    }
    expect(invisible).toEqual([]);
  });
});
