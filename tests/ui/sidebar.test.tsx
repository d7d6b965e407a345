import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/article.js';
import { memoryBookmarkStore } from '../../src/store/bookmarks/memory.js';
import type { BookmarkStore } from '../../src/store/bookmarks/types.js';
import { expectFits, startApp, type AppSession, type SessionOptions } from './app-session.js';
import { article, paragraphs, quoteOf } from './fixtures.js';
import { KEYS, waitFor } from './harness.js';

// A quote of about 110 characters: three rows in a 38-column sidebar (120 columns), where
// the sidebar used to cut every quote to two.
const MEDIUM = 'The harbour has never seen a winter like this one, and we will not see another like it for a generation.';
const LONG = Array.from({ length: 40 }, (_, i) => `sentence ${i + 1} of the statement goes on.`).join(' ');

const interview = article('Harbour Interview', [
  { type: 'paragraph', text: `“${MEDIUM}” said Ingrid Solberg, the harbour master.` },
  { type: 'paragraph', text: '“We have done this before,” Solberg said. “It will be slower, but it will work.”' },
  { type: 'paragraph', text: 'She said the ferries would run a free shuttle all winter.' },
  { type: 'paragraph', text: '“Nobody will be stranded,” a notice on the quay read.' },
  ...paragraphs(10, 30, 'Filler'),
  { type: 'paragraph', text: `The council published a statement: “${LONG}”` },
  { type: 'paragraph', text: '“That is all,” said Ingrid Solberg.' },
]);

function interviewQuotes(text: string) {
  return [
    quoteOf(text, [MEDIUM], { speaker: 'Ingrid Solberg' }),
    quoteOf(text, ['We have done this before,', 'It will be slower, but it will work.'], { speaker: 'Ingrid Solberg' }),
    quoteOf(text, ['the ferries would run a free shuttle all winter'], { speaker: 'Ingrid Solberg', kind: 'indirect' }),
    quoteOf(text, ['Nobody will be stranded,'], { speaker: null }),
    quoteOf(text, [LONG], { speaker: 'The council' }),
    quoteOf(text, ['That is all,'], { speaker: 'Ingrid Solberg' }),
  ];
}

let current: AppSession | null = null;
afterEach(() => {
  current?.instance.unmount();
  current = null;
});

async function open(list: readonly Article[], options: SessionOptions = {}) {
  current = await startApp(list, { findQuotes: interviewQuotes, ...options });
  await current.press(KEYS.tab);
  await current.waitForText(/Quotes · 1 of \d/);
  return current;
}

/** The sidebar's side of each row: right of its border, or the whole row when it covers the text. */
function sidebarRows(frame: string): string[] {
  const rows = frame.split('\n').slice(0, -1);
  return rows.map((row) => (row.includes('│') ? row.slice(row.indexOf('│') + 1) : row).trim());
}

const sidebarText = (frame: string) => sidebarRows(frame).join(' ').replace(/\s+/g, ' ');

describe('quote sidebar', () => {
  it('shows a three-row quote whole at 120×40, then its speaker', async () => {
    const app = await open([interview], { size: { columns: 120, rows: 40 } });
    const rows = sidebarRows(app.frame());
    const first = rows.findIndex((r) => r.startsWith('“The harbour'));
    const credit = rows.findIndex((r) => r.startsWith('— Ingrid Solberg · direct'));
    expect(credit - first).toBe(3);
    expect(rows.slice(first, credit).join(' ')).toBe(`“${MEDIUM}”`);
    expect(app.frame()).not.toContain('generation…');
    expectFits(app.frame(), 120, 40);
  });

  it('widens with the terminal: the whole width at 80, a third at 120 and 200', async () => {
    for (const [columns, rows, border] of [
      [80, 24, -1],
      [120, 40, 79],
      [200, 50, 133],
    ] as const) {
      const app = await open([interview], { size: { columns, rows } });
      const heading = app.frame().split('\n')[0]!;
      expect(heading.indexOf('│')).toBe(border);
      expect(heading).toContain('Quotes · 1 of 6');
      // Wider sidebars wrap the same quote into fewer rows.
      const lines = sidebarRows(app.frame());
      const first = lines.findIndex((r) => r.startsWith('“The harbour'));
      const credit = lines.findIndex((r) => r.startsWith('— Ingrid Solberg'));
      expect(credit - first).toBe(columns === 120 ? 3 : 2);
      expectFits(app.frame(), columns, rows);
      app.instance.unmount();
    }
  });

  it('keeps an interrupted quote in its pieces, a paraphrase out of quotation marks, and names nobody as unattributed', async () => {
    const app = await open([interview], { size: { columns: 120, rows: 40 } });
    const text = sidebarText(app.frame());
    expect(text).toContain('“We have done this before, … It will be slower, but it will work.”');
    expect(text).not.toContain('before, It will');
    expect(text).toContain('the ferries would run a free shuttle all winter — Ingrid Solberg · paraphrase');
    expect(text).not.toContain('“the ferries');
    expect(text).toContain('“Nobody will be stranded,” — unattributed · direct');
    await app.press('j', 'j', 'j', 'y');
    await waitFor(() => app.copies.length === 1, 'the copy');
    expect(app.copies[0]).toBe('“Nobody will be stranded,” — unattributed, Harbour Interview');
  });

  it('shows the start of a quote taller than the sidebar, how much is left, and who said it', async () => {
    const app = await open([interview], { size: { columns: 120, rows: 24 } });
    await app.press('j', 'j', 'j', 'j');
    await app.waitForText('Quotes · 5 of 6');
    const rows = sidebarRows(app.frame());
    expect(rows[1]).toMatch(/^“sentence 1 of the statement/);
    const more = rows.findIndex((r) => /^… \d+ more lines in the text$/.test(r));
    expect(more).toBeGreaterThan(1);
    expect(rows[more + 1]).toBe('— The council · direct');
    expectFits(app.frame(), 120, 24);
    // The next entry is whole again, from the top.
    await app.press('j');
    await app.waitForText('Quotes · 6 of 6');
    expect(sidebarText(app.frame())).toContain('“That is all,” — Ingrid Solberg · direct');
  });

  it('says what S did: saved and bookmarked, already saved, saved', async () => {
    const app = await open([interview], { size: { columns: 120, rows: 40 } });
    await app.press('S');
    await app.waitForText('Saved quote to bookmarks (article bookmarked)');
    expect((await app.store.get(interview.id))?.quotes).toEqual([{ text: MEDIUM, speaker: 'Ingrid Solberg' }]);
    await app.press('S');
    await app.waitForText('Quote already saved');
    await app.press('j', 'S');
    await app.waitForText(/Saved quote to bookmarks +\d/);
    expect((await app.store.get(interview.id))?.quotes[1]).toEqual({ text: 'We have done this before, … It will be slower, but it will work.', speaker: 'Ingrid Solberg' });
  });

  it('says so in one line when the quote cannot be saved', async () => {
    const failing: BookmarkStore = {
      ...memoryBookmarkStore(),
      addQuote: () => {
        throw new Error('disk full');
      },
    };
    const app = await open([interview], { size: { columns: 120, rows: 40 }, store: failing });
    await app.press('S');
    await app.waitForText('Could not save the quote: disk full');
  });
});
