import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/store/quote.js';
import { halfPage, pageDown, pageUp, quoteCard, revealQuote, visibleCards, type SidebarBox } from '../../src/store/sidebar-layout.js';
import { textWidth } from '../../src/text/wrap.js';

const words = (n: number, seed = 0) => Array.from({ length: n }, (_, i) => `w${(i + seed) % 97}`).join(' ');

function quote(text: string, extra: Partial<Quote> = {}): Quote {
  return { text, parts: [{ text, start: 0, end: text.length }], speaker: 'Ada Lund', mention: null, role: null, cue: null, kind: 'direct', paragraph: 0, start: 0, end: text.length, ...extra };
}

/** Quotes whose entries take `rows` rows each at width 20 (one row of attribution). */
function entries(...rows: number[]): Quote[] {
  // Each row's worth of text is one word and 12 x's: two do not fit in 20 columns.
  return rows.map((r, i) => quote(Array.from({ length: r - 1 }, (_, row) => `q${i}r${row} ${'x'.repeat(12)}`).join(' ')));
}

/** Rows entries offset..cursor take, one blank row apart. */
function rowsThrough(quotes: readonly Quote[], offset: number, cursor: number, width: number): number {
  let rows = -1;
  for (let i = offset; i <= cursor; i++) rows += 1 + quoteCard(quotes[i]!, width).rows;
  return rows;
}

describe('quoteCard', () => {
  it('wraps the whole quote, marks included, never wider than the sidebar', () => {
    const text = words(60);
    const card = quoteCard(quote(text), 30);
    expect(card.words.length).toBeGreaterThan(2);
    for (const row of card.words) expect(textWidth(row)).toBeLessThanOrEqual(30);
    expect(card.words.join(' ')).toBe(`“${text}”`);
    expect(card.credit.map((r) => r.speaker + r.kind).join(' ')).toBe('— Ada Lund · direct');
    expect(card.rows).toBe(card.words.length + card.credit.length);
  });

  it('shows a paraphrase without quotation marks, labelled as one', () => {
    const card = quoteCard(quote('the bridge would reopen in May', { kind: 'indirect' }), 40);
    expect(card.words).toEqual(['the bridge would reopen in May']);
    expect(card.credit).toEqual([{ speaker: '— Ada Lund', kind: ' · paraphrase' }]);
  });

  it('says unattributed for a quote without a speaker, and wraps a long attribution', () => {
    expect(quoteCard(quote('Yes.', { speaker: null }), 40).credit).toEqual([{ speaker: '— unattributed', kind: ' · direct' }]);
    const long = quoteCard(quote('Yes.', { speaker: 'The Regional Farming Association of the Northern Valleys' }), 24);
    expect(long.credit.length).toBeGreaterThan(1);
    expect(long.credit.map((r) => r.speaker).filter(Boolean).join(' ')).toBe('— The Regional Farming Association of the Northern Valleys');
    // The kind is never split from its name by a dangling "·".
    expect(long.credit.at(-1)).toEqual({ speaker: '', kind: 'direct' });
    expect(quoteCard(quote('Yes.', { speaker: 'Tomasz Wiśniewski' }), 24).credit).toEqual([
      { speaker: '— Tomasz Wiśniewski', kind: '' },
      { speaker: '', kind: 'direct' },
    ]);
  });

  it('keeps the pieces of an interrupted quote apart, as the quote record joins them', () => {
    const q = quote('We have done this before, … It will work.', {
      parts: [
        { text: 'We have done this before,', start: 1, end: 26 },
        { text: 'It will work.', start: 42, end: 55 },
      ],
    });
    expect(quoteCard(q, 80).words).toEqual(['“We have done this before, … It will work.”']);
  });

  it('is wrapped once per width', () => {
    const q = quote(words(40));
    const at30 = quoteCard(q, 30);
    expect(quoteCard(q, 30)).toBe(at30);
    const at50 = quoteCard(q, 50);
    expect(at50).not.toBe(at30);
    expect(at50.words.length).toBeLessThan(at30.words.length);
  });
});

describe('sidebar scrolling with entries of any height', () => {
  const box: SidebarBox = { width: 20, height: 12 };
  // Entries of 3, 5, 2, 7, 3, 4 and 2 rows.
  const quotes = entries(3, 5, 2, 7, 3, 4, 2);

  it('builds the entries it was asked for', () => {
    expect(quotes.map((q) => quoteCard(q, 20).rows)).toEqual([3, 5, 2, 7, 3, 4, 2]);
  });

  it('keeps the selected entry whole on screen, scrolling as little as it can', () => {
    // 3 + 1 + 5 + 1 + 2 = 12 rows: the first three fit exactly.
    expect(revealQuote(quotes, 2, 0, box)).toBe(0);
    // The fourth needs 7 rows: 2 + 1 + 7 = 10 fit, 5 + 1 + 10 do not.
    expect(revealQuote(quotes, 3, 0, box)).toBe(2);
    // Moving back up puts the entry at the top.
    expect(revealQuote(quotes, 1, 3, box)).toBe(1);
    for (let cursor = 0; cursor < quotes.length; cursor++) {
      for (let offset = 0; offset < quotes.length; offset++) {
        const top = revealQuote(quotes, cursor, offset, box);
        expect(top).toBeLessThanOrEqual(cursor);
        expect(rowsThrough(quotes, top, cursor, 20)).toBeLessThanOrEqual(box.height);
      }
    }
  });

  it('leaves no blank rows at the end while earlier entries would fill them', () => {
    // From the last entry alone (2 rows) it pulls back: 3 + 1 + 4 + 1 + 2 = 11 rows.
    expect(revealQuote(quotes, 6, 6, box)).toBe(4);
  });

  it('shows an entry taller than the sidebar from its top', () => {
    const tall = entries(3, 30, 3);
    expect(revealQuote(tall, 1, 0, box)).toBe(1);
    const cards = visibleCards(tall, 1, box);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ index: 1, rows: 12 });
  });

  it('cuts the entry at the bottom to the rows left', () => {
    const cards = visibleCards(quotes, 3, box);
    // 7 + 1 + 3 = 11 rows, one row left for the 4-row entry.
    expect(cards.map((c) => [c.index, c.rows])).toEqual([
      [3, 7],
      [4, 3],
    ]);
    // 3 + 1 + 5 + 1 + 2 + 1 = 13 rows: of 14, one is left for the next entry's first row.
    expect(visibleCards(quotes, 0, { width: 20, height: 14 }).map((c) => [c.index, c.rows])).toEqual([
      [0, 3],
      [1, 5],
      [2, 2],
      [3, 1],
    ]);
  });

  it('pages by screenfuls, and back again', () => {
    // Screen 1: entries 0-2 whole; PgDn brings 3 to the top, cursor on it.
    let at = pageDown(quotes, { cursor: 0, offset: 0 }, box);
    expect(at).toEqual({ cursor: 3, offset: 3 });
    // Screen 2: 3 and 4 (7 + 1 + 3 = 11); then 5 and 6 are the last screen, pulled back to fill.
    at = pageDown(quotes, at, box);
    expect(at.cursor).toBe(5);
    expect(rowsThrough(quotes, at.offset, at.cursor, 20)).toBeLessThanOrEqual(12);
    at = pageDown(quotes, at, box);
    expect(at.cursor).toBe(6);
    expect(pageDown(quotes, at, box).cursor).toBe(6);
    // Back: the entries that fit above the top one.
    at = pageUp(quotes, { cursor: 3, offset: 3 }, box);
    expect(at).toEqual({ cursor: 0, offset: 0 });
    expect(pageUp(quotes, at, box)).toEqual({ cursor: 0, offset: 0 });
  });

  it('pages over a tall entry one entry at a time rather than skipping past it', () => {
    const tall = entries(3, 30, 3, 3);
    const at = pageDown(tall, { cursor: 0, offset: 0 }, box);
    expect(at).toEqual({ cursor: 1, offset: 1 });
    expect(pageDown(tall, at, box).cursor).toBe(2);
  });

  it('moves half a screen with ctrl+d and ctrl+u, at least one entry', () => {
    expect(halfPage(quotes, { cursor: 0, offset: 0 }, 1, box).cursor).toBe(2);
    expect(halfPage(quotes, { cursor: 3, offset: 2 }, 1, box).cursor).toBe(4);
    expect(halfPage(quotes, { cursor: 3, offset: 2 }, -1, box).cursor).toBe(1);
    expect(halfPage(quotes, { cursor: 0, offset: 0 }, -1, box).cursor).toBe(0);
  });

  it('handles no quotes', () => {
    expect(revealQuote([], 0, 0, box)).toBe(0);
    expect(pageDown([], { cursor: 0, offset: 0 }, box)).toEqual({ cursor: 0, offset: 0 });
    expect(visibleCards([], 0, box)).toEqual([]);
  });
});
