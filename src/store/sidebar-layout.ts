// The quote sidebar's entries as rows, and its scrolling: each entry is as tall as its quote
// wraps to, so what fits on screen depends on the quotes there, not on a fixed entry height.
import { sanitizeLine } from '../text/sanitize.js';
import { textWidth, wrapWords } from '../text/wrap.js';
import type { Quote, QuoteKind } from './quote.js';

/** A speaker the engine could not find reads the same everywhere a quote is shown. */
const UNATTRIBUTED = 'unattributed';

/** What the sidebar calls each kind: indirect speech is a paraphrase, not the speaker's words. */
const KIND_LABEL: Record<QuoteKind, string> = { direct: 'direct', partial: 'partial', indirect: 'paraphrase' };

/** The words as the sidebar shows them: quotation marks round the speaker's own words only. */
function quoteWords(quote: Quote): string {
  const words = sanitizeLine(quote.text);
  return quote.kind === 'indirect' ? words : `“${words}”`;
}

/** Who said it, as every view and copy of a quote names them. */
export function speakerName(quote: Quote): string {
  return (quote.speaker === null ? '' : sanitizeLine(quote.speaker)) || UNATTRIBUTED;
}

/** One row of the attribution: the speaker's part and the kind's part, either possibly empty. */
export interface CreditRow {
  speaker: string;
  kind: string;
}

/** A sidebar entry wrapped to a width: the words, then the attribution (`— Name · kind`). */
export interface QuoteCard {
  words: readonly string[];
  credit: readonly CreditRow[];
  /** Rows the entry takes, words and attribution, without the blank row after it. */
  rows: number;
}

function layCard(quote: Quote, width: number): QuoteCard {
  const words = wrapWords(quoteWords(quote), width).map((s) => s.text);
  if (words.length === 0) words.push('');
  const credit: CreditRow[] = wrapWords(`— ${speakerName(quote)}`, width).map((s) => ({ speaker: s.text, kind: '' }));
  // The kind follows the name on its last row, or has a row of its own.
  const kind = ` · ${KIND_LABEL[quote.kind]}`;
  const last = credit[credit.length - 1]!;
  if (textWidth(last.speaker) + textWidth(kind) <= width) last.kind = kind;
  else credit.push({ speaker: '', kind: KIND_LABEL[quote.kind] });
  return { words, credit, rows: words.length + credit.length };
}

// One width per quote: the sidebar has one width at a time, and a resize re-wraps only the
// entries it then shows or scrolls past, not all 2,000 of a long article's.
const cards = new WeakMap<Quote, { width: number; card: QuoteCard }>();

export function quoteCard(quote: Quote, width: number): QuoteCard {
  const w = Math.max(1, Math.floor(width));
  const hit = cards.get(quote);
  if (hit && hit.width === w) return hit.card;
  const card = layCard(quote, w);
  cards.set(quote, { width: w, card });
  return card;
}

/** The sidebar's entry area: the width its text wraps to and the rows under its heading. */
export interface SidebarBox {
  width: number;
  height: number;
}

const rowsOf = (quotes: readonly Quote[], i: number, box: SidebarBox) => quoteCard(quotes[i]!, box.width).rows;

/**
 * The first entry to draw so that entry `cursor` is whole on screen, moving `offset` as
 * little as possible (an entry taller than the box is shown from its start), and with no
 * blank rows left at the end while earlier entries would fill them. Entries are one blank
 * row apart. Looks only at the entries around the screen, however many there are.
 */
export function revealQuote(quotes: readonly Quote[], cursor: number, offset: number, box: SidebarBox): number {
  const count = quotes.length;
  if (count === 0) return 0;
  const at = Math.min(Math.max(0, cursor), count - 1);
  const top = Math.min(Math.max(0, offset), at);
  // The entries above the cursor's, from the old top on, stay while they fit with it.
  return fillFrom(quotes, upTo(quotes, at, rowsOf(quotes, at, box), top, box), box);
}

/**
 * The first of the entries ending at `from` that fit in the box, going no further up than
 * `floor`, where `used` rows are taken by `from` and what follows it.
 */
function upTo(quotes: readonly Quote[], from: number, used: number, floor: number, box: SidebarBox): number {
  let first = from;
  let rows = used;
  while (first > floor && rows + 1 + rowsOf(quotes, first - 1, box) <= box.height) rows += 1 + rowsOf(quotes, --first, box);
  return first;
}

/** Moves `top` up while the entries from it to the last one take fewer rows than the box. */
function fillFrom(quotes: readonly Quote[], top: number, box: SidebarBox): number {
  let used = -1;
  for (let i = top; i < quotes.length; i++) {
    used += 1 + rowsOf(quotes, i, box);
    if (used >= box.height) return top;
  }
  return upTo(quotes, top, used, 0, box);
}

/** The last entry from `offset` on that is whole on screen (`offset` itself when none is). */
function lastWhole(quotes: readonly Quote[], offset: number, box: SidebarBox): number {
  let used = rowsOf(quotes, offset, box);
  let last = offset;
  while (last + 1 < quotes.length && used + 1 + rowsOf(quotes, last + 1, box) <= box.height) used += 1 + rowsOf(quotes, ++last, box);
  return last;
}

export interface SidebarPosition {
  cursor: number;
  offset: number;
}

/**
 * A screenful on: the entry after the last whole one on screen comes to the top, with the
 * cursor on it; on the last screen, the cursor goes to the last entry.
 */
export function pageDown(quotes: readonly Quote[], position: SidebarPosition, box: SidebarBox): SidebarPosition {
  const count = quotes.length;
  if (count === 0) return { cursor: 0, offset: 0 };
  const next = lastWhole(quotes, position.offset, box) + 1;
  if (next >= count) return settle(quotes, count - 1, position.offset, box);
  return settle(quotes, next, next, box);
}

/** A screenful back: the entries that fit above the top one, the cursor on the first of them. */
export function pageUp(quotes: readonly Quote[], position: SidebarPosition, box: SidebarBox): SidebarPosition {
  if (quotes.length === 0) return { cursor: 0, offset: 0 };
  if (position.offset === 0) return settle(quotes, 0, 0, box);
  const above = position.offset - 1;
  const first = upTo(quotes, above, rowsOf(quotes, above, box), 0, box);
  return settle(quotes, first, first, box);
}

/** The cursor moved on (or back) by about half the box's rows, at least one entry. */
export function halfPage(quotes: readonly Quote[], position: SidebarPosition, direction: 1 | -1, box: SidebarBox): SidebarPosition {
  const count = quotes.length;
  if (count === 0) return { cursor: 0, offset: 0 };
  const half = Math.max(1, Math.floor(box.height / 2));
  let cursor = position.cursor;
  let passed = 0;
  do {
    const next = cursor + direction;
    if (next < 0 || next >= count) break;
    passed += 1 + rowsOf(quotes, direction > 0 ? cursor : next, box);
    cursor = next;
  } while (passed < half);
  return settle(quotes, cursor, position.offset, box);
}

function settle(quotes: readonly Quote[], cursor: number, offset: number, box: SidebarBox): SidebarPosition {
  return { cursor, offset: revealQuote(quotes, cursor, offset, box) };
}

/** One entry as drawn: its card and the rows of it that fit. */
export interface VisibleCard {
  index: number;
  card: QuoteCard;
  /** Rows of the card drawn: all of them, or those that fit at the bottom of the box. */
  rows: number;
}

/** The entries on screen from `offset`, the last one cut at the bottom of the box if need be. */
export function visibleCards(quotes: readonly Quote[], offset: number, box: SidebarBox): VisibleCard[] {
  const out: VisibleCard[] = [];
  let left = box.height;
  for (let i = Math.max(0, offset); i < quotes.length && left > 0; i++) {
    const card = quoteCard(quotes[i]!, box.width);
    const rows = Math.min(card.rows, left);
    out.push({ index: i, card, rows });
    left -= rows + 1;
  }
  return out;
}
