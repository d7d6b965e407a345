import type { WrappedLine } from './wrap.js';

/** The last top line that still fills the viewport. */
export function maxTop(total: number, height: number): number {
  return Math.max(0, total - Math.max(1, height));
}

export function clampTop(top: number, total: number, height: number): number {
  return Math.min(Math.max(0, Math.trunc(top)), maxTop(total, height));
}

/** Moves a cursor by `delta` within `count` items, stopping at the ends. */
export function moveCursor(cursor: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(0, cursor + delta), count - 1);
}

/** The smallest scroll change that keeps `cursor` inside a window of `height` rows. */
export function ensureVisible(cursor: number, offset: number, height: number, count: number): number {
  const h = Math.max(1, height);
  let next = offset;
  if (cursor < next) next = cursor;
  else if (cursor >= next + h) next = cursor - h + 1;
  return Math.min(Math.max(0, next), Math.max(0, count - h));
}

/** How far through the text the viewport is, 0-100; 100 when everything fits. */
export function scrollPercent(top: number, total: number, height: number): number {
  const max = maxTop(total, height);
  if (max === 0) return 100;
  return Math.round((Math.min(top, max) / max) * 100);
}

/**
 * The index of the line that shows character `offset` of the article text (the line where
 * the offset starts, or the first line after it). Used to restore a reading position and to
 * keep the reader's place across a re-wrap.
 */
export function lineAtOffset(lines: readonly WrappedLine[], offset: number): number {
  if (offset <= 0) return 0;
  let lo = 0;
  let hi = lines.length - 1;
  let found = -1;
  // Last line whose src <= offset; header lines (src -1) sort first.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.src <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return Math.max(0, found);
}

/** The reading position of a top line: its offset into article.text (0 in the header). */
export function offsetOfLine(lines: readonly WrappedLine[], index: number): number {
  const line = lines[index];
  if (!line || line.src < 0) return 0;
  return line.src;
}

/**
 * Scrolls so that line `target` is visible, leaving it a few lines below the top when it
 * has to move, so the reader sees what leads into it.
 */
export function revealLine(top: number, target: number, total: number, height: number): number {
  if (target >= top && target < top + height) return clampTop(top, total, height);
  return jumpToLine(target, total, height);
}

/** Puts line `target` near the top, a few lines of lead-in above it, as far as the text allows. */
export function jumpToLine(target: number, total: number, height: number): number {
  const context = Math.min(3, Math.floor(height / 4));
  return clampTop(target - context, total, height);
}
