import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/store/actions.js';
import { reducer } from '../../src/store/reducer.js';
import { listHeight, readerHeight, sidebarBox } from '../../src/store/selectors.js';
import { quoteCard } from '../../src/store/sidebar-layout.js';
import { createState, type AppState } from '../../src/store/state.js';
import { maxTop } from '../../src/text/viewport.js';
import { article, fakeQuotes, paragraphs, quoted } from './fixtures.js';

const KEYS = ['j', 'k', 'space', 'b', 'ctrl+d', 'ctrl+u', 'g', 'G', 'enter', 'esc', 'q', 'h', 'tab', 'n', 'N', 'J', 'K', '/', 'a', 'e', 'backspace', 's', 'B', 'L', 'x', 'z', '?', 'y', 'S', 'pgdown', 'pgup'];

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KEYS).map((name): Action => ({ type: 'key', key: name.length === 1 ? { name, text: name } : { name } })) },
  { weight: 1, arbitrary: fc.record({ columns: fc.integer({ min: 20, max: 220 }), rows: fc.integer({ min: 5, max: 70 }) }).map((size): Action => ({ type: 'resize', ...size })) },
);

const articles = [
  quoted,
  article('Short one', paragraphs(1, 5)),
  article('Short with quotes', [{ type: 'paragraph', text: '“Yes,” said Ada Lund. “No,” said Omar Reyes.' }]),
  article('Middle', paragraphs(12)),
  // Sidebar entries from one row to taller than any sidebar.
  article('Long quotes', Array.from({ length: 25 }, (_, i) => ({ type: 'paragraph' as const, text: `“${'word '.repeat(1 + ((i * 37) % 300))}end.” said Ada Lund.` }))),
];

/** What must hold after any sequence of keys and resizes. */
function checkInvariants(s: AppState) {
  const { list, reader, bookmarks } = s;
  expect(list.cursor).toBeGreaterThanOrEqual(0);
  if (list.matches.length > 0) {
    expect(list.cursor).toBeLessThan(list.matches.length);
    expect(list.cursor).toBeGreaterThanOrEqual(list.offset);
    expect(list.cursor).toBeLessThan(list.offset + listHeight(s));
  }
  expect(bookmarks.cursor).toBeGreaterThanOrEqual(0);
  expect(s.stack.length).toBeGreaterThan(0);
  if (s.stack.includes('reader') || s.stack.includes('links')) expect(reader).not.toBeNull();
  if (reader) {
    expect(reader.top).toBeGreaterThanOrEqual(0);
    expect(reader.top).toBeLessThanOrEqual(maxTop(reader.lines.length, readerHeight(s)));
    const quotes = reader.quotes ?? [];
    if (quotes.length > 0) {
      expect(reader.quoteCursor).toBeLessThan(quotes.length);
      expect(reader.quoteCursor).toBeGreaterThanOrEqual(reader.quoteOffset);
      // The selected entry is whole on screen, or at the top when it is taller than the sidebar.
      const box = sidebarBox(s);
      let rows = -1;
      for (let i = reader.quoteOffset; i <= reader.quoteCursor; i++) rows += 1 + quoteCard(quotes[i]!, box.width).rows;
      if (reader.quoteCursor > reader.quoteOffset) expect(rows).toBeLessThanOrEqual(box.height);
    }
    if (reader.focus === 'quotes') expect(reader.sidebarOpen).toBe(true);
  }
}

describe('reducer invariants', () => {
  it('keeps the list cursor in view when J opens the next article on a tiny terminal', () => {
    // Found by the property below (seed -1140694226): j, Enter, a resize to 20×5, then J.
    let s = createState({ articles, bookmarks: [], size: { columns: 40, rows: 10 } });
    const steps: Parameters<typeof reducer>[1][] = [
      { type: 'key', key: { name: 'j', text: 'j' } },
      { type: 'key', key: { name: 'enter' } },
      { type: 'resize', columns: 20, rows: 5 },
      { type: 'key', key: { name: 'J', text: 'J' } },
    ] as Parameters<typeof reducer>[1][];
    for (const a of steps) {
      s = reducer(s, a);
      if (s.reader && s.reader.quotes === null) s = reducer(s, { type: 'quotesLoaded', articleId: s.reader.article.id, quotes: fakeQuotes(s.reader.article.text) });
      checkInvariants(s);
    }
  });

  it('keeps every cursor and scroll position in range, whatever is pressed', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), fc.integer({ min: 40, max: 200 }), fc.integer({ min: 10, max: 60 }), (actions, columns, rows) => {
        let s = createState({ articles, bookmarks: [], size: { columns, rows } });
        for (const a of actions) {
          s = reducer(s, a);
          // The app answers the engine's work as soon as an article opens.
          if (s.reader && s.reader.quotes === null) {
            s = reducer(s, { type: 'quotesLoaded', articleId: s.reader.article.id, quotes: fakeQuotes(s.reader.article.text) });
          }
          s = reducer(s, { type: 'effectsTaken', upTo: s.nextId });
          checkInvariants(s);
          if (s.quitting) break;
        }
      }),
      { numRuns: 300 },
    );
  });
});
