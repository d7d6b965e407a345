import { describe, expect, it } from 'vitest';
import { clampTop, ensureVisible, jumpToLine, lineAtOffset, maxTop, moveCursor, offsetOfLine, revealLine, scrollPercent } from '../../src/text/viewport.js';
import { wrapArticle } from '../../src/text/wrap.js';
import { article, paragraphs } from './fixtures.js';

describe('viewport maths', () => {
  it('clamps the top line so the last page stays full', () => {
    expect(maxTop(100, 20)).toBe(80);
    expect(maxTop(10, 20)).toBe(0);
    expect(clampTop(95, 100, 20)).toBe(80);
    expect(clampTop(-3, 100, 20)).toBe(0);
  });

  it('reports 100% when everything fits and at the end', () => {
    expect(scrollPercent(0, 10, 20)).toBe(100);
    expect(scrollPercent(0, 100, 20)).toBe(0);
    expect(scrollPercent(40, 100, 20)).toBe(50);
    expect(scrollPercent(80, 100, 20)).toBe(100);
  });

  it('moves list windows only as far as needed to show the cursor', () => {
    expect(ensureVisible(5, 0, 10, 100)).toBe(0);
    expect(ensureVisible(10, 0, 10, 100)).toBe(1);
    expect(ensureVisible(3, 8, 10, 100)).toBe(3);
    expect(ensureVisible(99, 0, 10, 100)).toBe(90);
    expect(moveCursor(5, 10, 8)).toBe(7);
    expect(moveCursor(0, -1, 8)).toBe(0);
  });

  it('reveals a line with a little context above it', () => {
    expect(revealLine(0, 5, 100, 20)).toBe(0);
    expect(revealLine(0, 50, 100, 20)).toBe(47);
    expect(revealLine(0, 99, 100, 20)).toBe(80);
    // Never above the first line or past the last page, wherever it starts from.
    expect(revealLine(-5, 2, 10, 20)).toBe(0);
    expect(jumpToLine(2, 10, 20)).toBe(0);
  });

  it('maps reading positions to lines and back, at any width', () => {
    const a = article('Positions', paragraphs(20, 50));
    const header = { title: 'Positions', meta: '' };
    const wide = wrapArticle(a, 80, header);
    const narrow = wrapArticle(a, 33, header);
    for (const index of [0, 5, 40, 77]) {
      const offset = offsetOfLine(wide, index);
      const back = narrow[lineAtOffset(narrow, offset)]!;
      // The line found holds the offset: the text at the old top is still at the top.
      expect(back.src).toBeLessThanOrEqual(offset);
      expect(back.src + back.text.length).toBeGreaterThanOrEqual(offset);
    }
    expect(lineAtOffset(wide, 0)).toBe(0);
  });
});
