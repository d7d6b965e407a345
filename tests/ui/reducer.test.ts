import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../../src/input/keys.js';
import type { Action } from '../../src/store/actions.js';
import { reducer } from '../../src/store/reducer.js';
import { keyContext, readerHeight } from '../../src/store/selectors.js';
import { createState, type AppState } from '../../src/store/state.js';
import { currentScreen } from '../../src/store/update.js';
import { offsetOfLine } from '../../src/text/viewport.js';
import { firstState } from '../../src/app/run.js';
import { article, fakeQuotes, paragraphs, quoteOf, quoted } from './fixtures.js';
import { quoteCard } from '../../src/store/sidebar-layout.js';
import { sidebarBox } from '../../src/store/selectors.js';

const press = (name: string): Action => {
  const key: KeyPress = name === 'space' ? { name, text: ' ' } : name.length === 1 ? { name, text: name } : { name };
  return { type: 'key', key };
};
const run = (state: AppState, ...keys: string[]) => keys.reduce((s, k) => reducer(s, press(k)), state);
const type = (state: AppState, text: string) => run(state, ...[...text].map((c) => (c === ' ' ? 'space' : c)));

const articles = [
  article('Bridge vote', paragraphs(40), { siteName: 'Harbour Herald', tags: ['council'] }),
  article('Night trains', paragraphs(3), { siteName: 'Rail Weekly' }),
  article('Orchard festival', paragraphs(3), { siteName: 'Valley Voice', tags: ['food'] }),
];
const start = () => createState({ articles, bookmarks: [], size: { columns: 100, rows: 30 } });
const effectTypes = (s: AppState) => s.effects.map((e) => e.type);

describe('reducer: list', () => {
  it('moves the cursor and opens the article under it', () => {
    let s = run(start(), 'j', 'j', 'k');
    expect(s.list.cursor).toBe(1);
    s = run(s, 'enter');
    expect(currentScreen(s)).toBe('reader');
    expect(s.reader?.article.title).toBe('Night trains');
    expect(effectTypes(s)).toContain('loadPosition');
  });

  it('filters as you type by title, site or tag, and Esc clears', () => {
    let s = type(run(start(), '/'), 'food');
    expect(keyContext(s)).toBe('input');
    expect(s.list.matches).toEqual([2]);
    s = run(s, 'enter');
    expect(keyContext(s)).toBe('list');
    expect(s.list.matches).toEqual([2]);
    s = run(s, 'esc');
    expect(s.list.matches).toEqual([0, 1, 2]);
    // q typed into the filter is text, not quit.
    s = type(run(s, '/'), 'q');
    expect(s.quitting).toBe(false);
    expect(s.list.filter).toBe('q');
    s = run(s, 'backspace', 'esc');
    expect(s.list.filter).toBe('');
  });

  it('quits with q, and everywhere with ctrl+c', () => {
    expect(effectTypes(run(start(), 'q'))).toEqual(['exit']);
    const reading = run(start(), 'enter', 'j', 'ctrl+c');
    expect(reading.quitting).toBe(true);
    expect(effectTypes(reading)).toEqual(['loadPosition', 'savePosition', 'exit']);
  });

  it('asks the store to toggle a bookmark and shows bookmarks on B', () => {
    let s = run(start(), 's');
    expect(s.effects.at(-1)).toMatchObject({ type: 'toggleBookmark', article: { title: 'Bridge vote' } });
    s = run(s, 'B');
    expect(currentScreen(s)).toBe('bookmarks');
    s = run(s, 'esc');
    expect(currentScreen(s)).toBe('list');
  });
});

describe('reducer: reader', () => {
  const open = () => run(start(), 'enter');

  it('scrolls by line, page and half page, and stops at both ends', () => {
    let s = open();
    const height = readerHeight(s);
    s = run(s, 'j', 'j');
    expect(s.reader?.top).toBe(2);
    s = run(s, 'space');
    expect(s.reader?.top).toBe(2 + height - 1);
    s = run(s, 'ctrl+u');
    expect(s.reader?.top).toBe(2 + height - 1 - Math.floor(height / 2));
    s = run(s, 'G');
    expect(s.reader!.top).toBe(s.reader!.lines.length - height);
    s = run(s, 'j', 'g', 'k');
    expect(s.reader?.top).toBe(0);
  });

  it('keeps the first visible text on screen across resizes', () => {
    let s = run(open(), 'space', 'space', 'j');
    const offset = offsetOfLine(s.reader!.lines, s.reader!.top);
    const at = (state: AppState) => {
      const line = state.reader!.lines[state.reader!.top]!;
      return [line.src, line.src + line.text.length];
    };
    for (const [columns, rows] of [[60, 20], [140, 50], [41, 12], [100, 30]] as const) {
      s = reducer(s, { type: 'resize', columns, rows });
      const [from, to] = at(s);
      expect(from).toBeLessThanOrEqual(offset);
      expect(to).toBeGreaterThanOrEqual(offset);
    }
  });

  it('goes back to the list and remembers the place for this session', () => {
    let s = run(open(), 'space', 'space');
    const top = s.reader!.top;
    s = run(s, 'q');
    expect(currentScreen(s)).toBe('list');
    expect(s.reader).toBeNull();
    expect(s.effects.at(-1)).toMatchObject({ type: 'savePosition' });
    s = run(s, 'enter');
    expect(s.reader?.top).toBe(top);
  });

  it('restores a saved position that arrives after opening, unless the reader scrolled', () => {
    const s = open();
    const target = s.reader!.lines[40]!.src;
    const moved = reducer(s, { type: 'positionLoaded', articleId: s.reader!.article.id, position: target });
    expect(moved.reader?.top).toBe(40);
    const scrolled = reducer(run(s, 'j'), { type: 'positionLoaded', articleId: s.reader!.article.id, position: target });
    expect(scrolled.reader?.top).toBe(1);
  });

  it('searches as you type, highlights every match, and steps with n and N', () => {
    let s = type(run(open(), '/'), 'paragraph 3');
    expect(s.reader!.search.matches.length).toBeGreaterThan(1); // 3, 30-39
    s = run(s, 'enter');
    expect(keyContext(s)).toBe('reader');
    const first = s.reader!.search.current;
    s = run(s, 'n');
    expect(s.reader!.search.current).toBe(first + 1);
    s = run(s, 'N', 'N');
    expect(s.reader!.search.current).toBe((first - 1 + s.reader!.search.matches.length) % s.reader!.search.matches.length);
    // Esc clears the search first, then goes back.
    s = run(s, 'esc');
    expect(s.reader!.search.query).toBe('');
    expect(currentScreen(run(s, 'esc'))).toBe('list');
  });

  it('smart-cases the search: a capital makes it case-sensitive', () => {
    expect(type(run(open(), '/'), 'PARAGRAPH').reader!.search.matches).toHaveLength(0);
    expect(type(run(open(), '/'), 'paragraph').reader!.search.matches).toHaveLength(40);
  });

  it('moves to the next and previous article with J and K', () => {
    let s = run(open(), 'J');
    expect(s.reader?.article.title).toBe('Night trains');
    expect(s.list.cursor).toBe(1);
    s = run(s, 'J', 'J');
    expect(s.reader?.article.title).toBe('Orchard festival');
    expect(s.flash?.text).toMatch(/last article/);
    s = run(s, 'K', 'q');
    expect(currentScreen(s)).toBe('list');
    expect(s.stack).toEqual(['list']);
  });

  it('opens a lone article straight in the reader, where q quits', () => {
    const s = firstState([articles[0]!], [], { columns: 80, rows: 24 }, []);
    expect(currentScreen(s)).toBe('reader');
    expect(run(s, 'q').quitting).toBe(true);
  });

  it('starts on the bookmarks, or a welcome screen, with nothing to read', () => {
    expect(currentScreen(firstState([], [], { columns: 80, rows: 24 }, []))).toBe('welcome');
    const s = firstState([], [], { columns: 80, rows: 24 }, ['a.txt: not found', 'b.txt: too big']);
    expect(s.flash).toMatchObject({ tone: 'error', text: 'a.txt: not found (and 1 more)' });
  });
});

describe('reducer: quote sidebar', () => {
  const withQuotes = (columns = 120) => {
    const s0 = createState({ articles: [quoted], bookmarks: [], size: { columns, rows: 30 } });
    const s = reducer(s0, { type: 'open', article: quoted });
    return reducer(s, { type: 'quotesLoaded', articleId: quoted.id, quotes: fakeQuotes(quoted.text) });
  };

  it('opens beside the text on Tab, focused, and Tab again closes it', () => {
    let s = run(withQuotes(), 'tab');
    expect(s.reader).toMatchObject({ sidebarOpen: true, focus: 'quotes' });
    expect(keyContext(s)).toBe('quotes');
    expect(s.layout.sidebarBeside).toBe(true);
    expect(s.layout.readerWidth).toBeLessThan(120);
    s = run(s, 'tab');
    expect(s.reader).toMatchObject({ sidebarOpen: false, focus: 'text' });
    expect(s.layout.readerWidth).toBe(120);
  });

  it('keeps a G pressed before the quotes were found, and goes to the last one when they are', () => {
    const s0 = createState({ articles: [quoted], bookmarks: [], size: { columns: 120, rows: 30 } });
    let s = run(reducer(s0, { type: 'open', article: quoted }), 'tab', 'G');
    expect(s.reader!.quotes).toBeNull();
    s = reducer(s, { type: 'quotesLoaded', articleId: quoted.id, quotes: fakeQuotes(quoted.text) });
    expect(s.reader!.quoteCursor).toBe(s.reader!.quotes!.length - 1);
    expect(s.reader!.quotes!.length).toBeGreaterThan(1);
  });

  it('scrolls the text to the quote under the cursor, and Enter jumps and focuses the text', () => {
    let s = run(withQuotes(), 'tab', 'j');
    const quote = s.reader!.quotes![1]!;
    expect(quote.speaker).toBe('Omar Reyes');
    const visible = s.reader!.lines.slice(s.reader!.top, s.reader!.top + readerHeight(s));
    expect(visible.some((l) => l.src <= quote.start && quote.start < l.src + l.text.length + 1)).toBe(true);
    s = run(s, 'enter');
    expect(s.reader).toMatchObject({ focus: 'text', sidebarOpen: true });
    expect(keyContext(s)).toBe('reader');
  });

  it('jumps without scrolling past the start when the article fits on screen', () => {
    const short = article('Short', [{ type: 'paragraph', text: 'He said “yes, we will,” said Ada Lund, and left.' }]);
    let s = reducer(createState({ articles: [short], bookmarks: [], size: { columns: 120, rows: 40 } }), { type: 'open', article: short });
    s = reducer(s, { type: 'quotesLoaded', articleId: short.id, quotes: fakeQuotes(short.text) });
    s = run(s, 'tab', 'enter');
    expect(s.reader?.top).toBe(0);
  });

  it('closes when the window narrows while the text has focus', () => {
    let s = run(withQuotes(), 'tab', 'enter');
    expect(s.reader).toMatchObject({ sidebarOpen: true, focus: 'text' });
    s = reducer(s, { type: 'resize', columns: 80, rows: 24 });
    expect(s.reader?.sidebarOpen).toBe(false);
    expect(keyContext(s)).toBe('reader');
  });

  it('covers the text on narrow terminals, and closes when jumping', () => {
    let s = run(withQuotes(80), 'tab');
    expect(s.layout.sidebarBeside).toBe(false);
    s = run(s, 'G', 'enter');
    expect(s.reader).toMatchObject({ focus: 'text', sidebarOpen: false });
    const last = s.reader!.quotes!.at(-1)!;
    const visible = s.reader!.lines.slice(s.reader!.top, s.reader!.top + readerHeight(s));
    expect(visible.some((l) => l.src <= last.start && last.start <= l.src + l.text.length)).toBe(true);
  });

  it('copies the quote with its speaker and the article, and saves it with S', () => {
    const s = run(withQuotes(), 'tab', 'y', 'S');
    const [copy, save] = s.effects.filter((e) => e.type === 'copy' || e.type === 'saveQuote');
    expect(copy).toMatchObject({ type: 'copy', text: '“We will rebuild it,” — Ada Lund, Council Votes On Bridge <https://example.org/bridge>' });
    expect(save).toMatchObject({ type: 'saveQuote', quote: { text: 'We will rebuild it,', speaker: 'Ada Lund' } });
    expect(copy!.id).toBeLessThan(save!.id);
  });

  // The words as written: an interrupted quote, a paraphrase, and a quote nobody is named for.
  const interview = article('Ferry interview', [
    { type: 'paragraph', text: '“We have done this before,” Solberg said. “It will be slower, but it will work.”' },
    ...paragraphs(30, 30, 'Filler'),
    { type: 'paragraph', text: 'She said the ferries would run all winter. “Nobody will be stranded,” a notice read.' },
  ]);
  const interviewQuotes = [
    quoteOf(interview.text, ['We have done this before,', 'It will be slower, but it will work.'], { speaker: 'Ingrid Solberg' }),
    quoteOf(interview.text, ['the ferries would run all winter'], { speaker: 'Ingrid Solberg', kind: 'indirect' }),
    quoteOf(interview.text, ['Nobody will be stranded,'], { speaker: null }),
  ];
  const withInterview = (columns = 120) => {
    const s = reducer(createState({ articles: [interview], bookmarks: [], size: { columns, rows: 30 } }), { type: 'open', article: interview });
    return reducer(s, { type: 'quotesLoaded', articleId: interview.id, quotes: interviewQuotes });
  };

  it('copies and saves a quote as its pieces joined with … , and a missing speaker as unattributed', () => {
    const s = run(withInterview(), 'tab', 'y', 'S', 'j', 'y', 'j', 'y', 'S');
    const copies = s.effects.filter((e) => e.type === 'copy').map((e) => (e.type === 'copy' ? e.text : ''));
    expect(copies).toEqual([
      '“We have done this before, … It will be slower, but it will work.” — Ingrid Solberg, Ferry interview',
      'the ferries would run all winter (paraphrased) — Ingrid Solberg, Ferry interview',
      '“Nobody will be stranded,” — unattributed, Ferry interview',
    ]);
    // Every piece of what is copied is in the article as written.
    for (const piece of copies[0]!.slice(1).split(/” — /)[0]!.split(' … ')) expect(interview.text).toContain(piece);
    const saves = s.effects.filter((e) => e.type === 'saveQuote').map((e) => (e.type === 'saveQuote' ? e.quote : null));
    expect(saves).toEqual([
      { text: 'We have done this before, … It will be slower, but it will work.', speaker: 'Ingrid Solberg' },
      { text: 'Nobody will be stranded,', speaker: null },
    ]);
  });

  it('jumps to the first piece of a quote that runs over paragraphs', () => {
    const long = article('Long quote', [
      ...paragraphs(20, 30, 'Before'),
      { type: 'paragraph', text: '“The first piece starts here.' },
      ...paragraphs(20, 30, 'Inside'),
      { type: 'paragraph', text: '“And the last piece ends here.”' },
    ]);
    const q = quoteOf(long.text, ['The first piece starts here.', 'And the last piece ends here.']);
    let s = reducer(createState({ articles: [long], bookmarks: [], size: { columns: 120, rows: 30 } }), { type: 'open', article: long });
    s = run(reducer(s, { type: 'quotesLoaded', articleId: long.id, quotes: [q] }), 'tab', 'G', 'enter');
    const visible = s.reader!.lines.slice(s.reader!.top, s.reader!.top + readerHeight(s)).map((l) => l.text).join('\n');
    expect(visible).toContain('The first piece starts here.');
    expect(visible).not.toContain('And the last piece ends here.');
  });

  it('pages the sidebar by screenfuls of entries of any height, the selected one always whole', () => {
    const many = article('Many quotes', Array.from({ length: 60 }, (_, i) => ({ type: 'paragraph' as const, text: `“${'word '.repeat(3 + ((i * 7) % 40))}end ${i}.” said Ada Lund.` })));
    let s = reducer(createState({ articles: [many], bookmarks: [], size: { columns: 120, rows: 40 } }), { type: 'open', article: many });
    s = run(reducer(s, { type: 'quotesLoaded', articleId: many.id, quotes: fakeQuotes(many.text) }), 'tab');
    const box = sidebarBox(s);
    const rowsTo = (st: AppState) => {
      let rows = -1;
      for (let i = st.reader!.quoteOffset; i <= st.reader!.quoteCursor; i++) rows += 1 + quoteCard(st.reader!.quotes![i]!, box.width).rows;
      return rows;
    };
    const seen = new Set<number>();
    for (let i = 0; i < 40 && s.reader!.quoteCursor < 59; i++) {
      const before = s.reader!.quoteCursor;
      s = run(s, 'pgdown');
      expect(s.reader!.quoteCursor).toBeGreaterThan(before);
      expect(rowsTo(s)).toBeLessThanOrEqual(box.height);
      seen.add(s.reader!.quoteOffset);
    }
    expect(s.reader!.quoteCursor).toBe(59);
    // More than one entry per page on average: it moved by screenfuls, not entry by entry.
    expect(seen.size).toBeLessThan(30);
    s = run(s, 'g');
    expect(s.reader).toMatchObject({ quoteCursor: 0, quoteOffset: 0 });
  });

  it('ignores quotes that arrive for an article no longer open', () => {
    const s = reducer(createState({ articles, bookmarks: [], size: { columns: 100, rows: 30 } }), { type: 'open', article: articles[0]! });
    expect(reducer(s, { type: 'quotesLoaded', articleId: 'other', quotes: [] }).reader?.quotes).toBeNull();
  });
});

describe('reducer: links, help, effects', () => {
  it('lists links and opens the chosen one', () => {
    let s = reducer(createState({ articles: [quoted], bookmarks: [], size: { columns: 100, rows: 30 } }), { type: 'open', article: quoted });
    s = run(s, 'L');
    expect(currentScreen(s)).toBe('links');
    s = run(s, 'enter');
    expect(s.effects.at(-1)).toMatchObject({ type: 'openUrl', url: 'https://example.org/minutes' });
    expect(currentScreen(run(s, 'esc'))).toBe('reader');
  });

  it('shows help for the view underneath and closes it with Esc', () => {
    let s = run(start(), '?');
    expect(keyContext(s)).toBe('help');
    s = run(s, 'j', 'q');
    expect(s.help.open).toBe(false);
    expect(s.quitting).toBe(false);
  });

  it('drops effects the app has taken', () => {
    const s = run(start(), 's', 'o');
    const upTo = s.effects[0]!.id;
    expect(reducer(s, { type: 'effectsTaken', upTo }).effects).toHaveLength(s.effects.length - 1);
  });
});
