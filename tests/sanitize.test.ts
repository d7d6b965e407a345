import { describe, expect, it } from 'vitest';
import { isSafeText, sanitizeLine, sanitizeText, wordsIfCleanLine } from '../src/text/sanitize.js';

describe('sanitizeText', () => {
  it.each([
    ['CSI colour', 'a\x1b[31mb\x1b[0mc', 'abc'],
    ['CSI clear screen', 'a\x1b[2J\x1b[Hb', 'ab'],
    ['OSC title ended by BEL', 'a\x1b]0;evil\x07b', 'ab'],
    ['OSC 52 clipboard ended by ST', 'a\x1b]52;c;ZXZpbA==\x1b\\b', 'ab'],
    ['OSC 8 hyperlink', '\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\', 'click'],
    ['unterminated OSC stops at the line end', 'a\x1b]0;evil\nnext', 'a\nnext'],
    ['DCS', 'a\x1bPq#0;2;0;0;0\x1b\\b', 'ab'],
    ['APC', 'a\x1b_payload\x1b\\b', 'ab'],
    ['PM and SOS', 'a\x1b^pm\x1b\\b\x1bXsos\x1b\\c', 'abc'],
    ['single-character escape', 'a\x1bcb\x1b7c', 'abc'],
    ['charset designation', 'a\x1b(Bb', 'ab'],
    ['8-bit CSI', 'a\x9b31mb', 'ab'],
    ['8-bit OSC', 'a\x9d0;evil\x9cb', 'ab'],
    ['C0 controls', 'a\x00b\x07c\x08d\x7fe', 'abcde'],
    ['bidi overrides and isolates', 'a\u202eb\u2066c\u2069d', 'abcd'],
    ['CRLF and CR', 'a\r\nb\rc', 'a\nb\nc'],
    ['lone surrogates', 'a\ud800b', 'a\ufffdb'],
  ])('removes %s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
    expect(isSafeText(sanitizeText(input))).toBe(true);
  });

  it('keeps tabs, newlines, emoji and non-Latin text', () => {
    const text = 'tab\there\nnew line — 日本語 😀 مرحبا';
    expect(sanitizeText(text)).toBe(text);
  });

  it('collapses a line for titles', () => {
    expect(sanitizeLine('  A\n\ttitle\x1b[1m  here ')).toBe('A title here');
  });

  it('stays linear on a huge run of escape bytes', () => {
    const text = '\x1b['.repeat(200_000);
    expect(sanitizeText(text)).toBe('');
  });
});

describe('wordsIfCleanLine', () => {
  it('counts the words of a line sanitizeLine would leave as it is', () => {
    expect(wordsIfCleanLine('A clean line, with “quotes” and 日本語 😀.')).toBe(8);
    expect(sanitizeLine('A clean line, with “quotes” and 日本語 😀.')).toBe('A clean line, with “quotes” and 日本語 😀.');
  });

  it.each([
    ['a double space', 'a  b'],
    ['an edge space', ' a'],
    ['a tab', 'a\tb'],
    ['a newline', 'a\nb'],
    ['a no-break space', 'a\u00a0b'],
    ['an escape', 'a\x1b[31mb'],
    ['a C1 control', 'a\x9bb'],
    ['a bidi override', 'a\u202eb'],
    ['a lone surrogate', 'a\ud800b'],
    ['nothing', ''],
  ])('sends a line with %s to the full sanitizer', (_name, text) => {
    expect(wordsIfCleanLine(text)).toBe(-1);
  });
});
