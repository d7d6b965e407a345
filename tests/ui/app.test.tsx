import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/article.js';
import type { BookmarkStore } from '../../src/store/bookmarks/types.js';
import { expectFits, startApp, type AppSession } from './app-session.js';
import { article, paragraphs, quoted } from './fixtures.js';
import { KEYS, waitFor } from './harness.js';

const articles = [
  quoted,
  article('Night Trains Return', paragraphs(5), { siteName: 'Rail Weekly', tags: ['transport'] }),
  article('Orchard Festival Draws Crowd', paragraphs(5), { siteName: 'Valley Voice' }),
];

let current: AppSession | null = null;
afterEach(() => {
  current?.instance.unmount();
  current = null;
});

async function start(list: Article[], size = { columns: 100, rows: 30 }, store?: BookmarkStore) {
  current = await startApp(list, { size, ...(store ? { store } : {}) });
  return current;
}

describe('App', () => {
  it('lists the articles, moves the cursor, filters as you type and opens one', async () => {
    const app = await start(articles);
    await app.waitForText('Night Trains Return');
    expect(app.frame()).toContain('Rail Weekly');
    expect(app.frame()).toContain('inkwire · 3 articles');
    await app.press('j');
    await app.waitForText('2/3');
    await app.press('/', 'o', 'r', 'c');
    await app.waitForText('Filter: orc');
    await waitFor(() => !app.frame().includes('Night Trains'), 'the filter to hide other rows');
    expect(app.frame()).toContain('1 of 3');
    await app.press(KEYS.enter, KEYS.enter);
    await app.waitForText('Valley Voice ·');
    expect(app.frame()).toContain('Orchard Festival Draws Crowd');
    expectFits(app.frame(), 100, 30);
  });

  it('scrolls the reader and shows how far in it is', async () => {
    const app = await start([articles[1]!, quoted]);
    await app.press(KEYS.down, KEYS.enter);
    await app.waitForText('0% ·');
    await app.press(' ');
    await waitFor(() => /\b[1-9]\d?% ·/.test(app.frame()), 'the percentage to grow');
    await app.press('G');
    await app.waitForText('100% ·');
    expect(app.frame()).toContain('Bridges end careers');
  });

  it('re-wraps on resize, keeps the place, and never draws wider than the terminal', async () => {
    const app = await start([quoted]);
    await app.waitForText('Council Votes On Bridge');
    await app.press(' ', ' ');
    await waitFor(() => /Filler \d+/.test(app.frame()), 'filler paragraphs');
    const firstText = () => /(Filler|More) (\d+)\./.exec(app.frame())?.[0];
    const before = firstText();
    for (const [columns, rows] of [[60, 20], [130, 45], [100, 30]] as const) {
      app.resize(columns, rows);
      await waitFor(() => app.frame().split('\n').length === rows, `a ${columns}×${rows} frame`);
      expectFits(app.frame(), columns, rows);
    }
    // The paragraph that was at the top is still on screen.
    expect(app.frame()).toContain(before);
  });

  it('says the terminal is too small below 40×10, and recovers', async () => {
    const app = await start(articles);
    app.resize(30, 8);
    await app.waitForText('need 40×10');
    expectFits(app.frame(), 30, 8);
    app.resize(80, 24);
    await app.waitForText('inkwire · 3 articles');
  });

  it('changes nothing unseen while too small: keys wait for a screen, q still leaves', async () => {
    const app = await start(articles);
    app.resize(30, 8);
    await app.waitForText('need 40×10');
    await app.press('j');
    await app.press(KEYS.enter);
    await app.press('s');
    app.resize(80, 24);
    await app.waitForText('inkwire · 3 articles');
    expect(app.frame()).toContain(' 1/3 ');
    expect(app.frame()).not.toContain('★');
    app.resize(30, 8);
    await app.waitForText('need 40×10');
    const exited = app.instance.waitUntilExit();
    await app.press('q');
    await expect(exited).resolves.toBeUndefined();
  });

  it('walks the quotes in the sidebar, scrolling the text to each, and copies one', async () => {
    const app = await start([quoted], { columns: 120, rows: 30 });
    await app.press(KEYS.tab);
    await app.waitForText('Quotes · 1 of 3');
    expect(app.frame()).toContain('— Ada Lund · direct');
    await app.press('j');
    await app.waitForText('Quotes · 2 of 3');
    // The text beside the sidebar has scrolled to the second quote.
    await app.waitForText('It is a waste of money');
    await app.press('y');
    await waitFor(() => app.copies.length === 1, 'the copy');
    expect(app.copies[0]).toContain('Omar Reyes');
    await app.waitForText('Quote copied');
    await app.press(KEYS.enter);
    await app.waitForText('Tab quotes');
    expectFits(app.frame(), 120, 30);
  });

  it('shows the sidebar instead of the text on a narrow terminal', async () => {
    const app = await start([quoted], { columns: 80, rows: 24 });
    await app.press(KEYS.tab);
    await app.waitForText('Quotes · 1 of 3');
    expect(app.frame()).not.toContain('The council met on Tuesday');
    await app.press('G', KEYS.enter);
    await app.waitForText('Bridges end careers');
    expect(app.frame()).not.toContain('Quotes ·');
  });

  it('bookmarks an article, lists it under B, and marks it in the list', async () => {
    const app = await start(articles);
    await app.press(KEYS.down, 's');
    await app.waitForText('Bookmarked');
    expect(await app.store.has(articles[1]!.id)).toBe(true);
    await app.waitForText('★ Night Trains Return');
    await app.press('B');
    await app.waitForText('Bookmarks · 1');
    await app.press('d');
    await app.waitForText('Bookmarks · 0');
    expect(await app.store.has(articles[1]!.id)).toBe(false);
    await app.press('u');
    await app.waitForText('Bookmarks · 1');
    expect(await app.store.has(articles[1]!.id)).toBe(true);
  });

  it('searches in the text and highlights the match count', async () => {
    const app = await start([quoted]);
    await app.press('/', 'w', 'a', 's', 't', 'e');
    await app.waitForText('Search: waste');
    await app.waitForText('1/1');
    await app.press(KEYS.enter);
    await app.waitForText('“waste” 1/1');
    expect(app.frame()).toContain('It is a waste of money');
  });

  it('shows the keys for the current view, generated from the keymap', async () => {
    const app = await start(articles);
    // ? searches backwards in the reader, as in less; H (and F1) show the keys.
    await app.press(KEYS.enter, 'H');
    await app.waitForText('Keys: Reader');
    expect(app.frame()).toContain('next article');
    await app.press(KEYS.esc);
    await waitFor(() => !app.frame().includes('Keys: Reader'), 'help to close');
  });

  it('opens the numbered links view and the browser', async () => {
    const app = await start([quoted]);
    await app.press('L');
    await app.waitForText('[1] minutes');
    await app.press(KEYS.enter);
    await waitFor(() => app.opened.length === 1, 'the browser');
    expect(app.opened[0]).toBe('https://example.org/minutes');
  });

  it('fits wide characters and emoji without overflowing', async () => {
    const wide = article('東京の新しい橋 🌉 が開通', [
      { type: 'paragraph', text: '東京都議会は本日、新しい橋の建設を承認した。'.repeat(12) },
      { type: 'paragraph', text: 'Emoji 👩‍👩‍👧 and combining e\u0301 marks 🇳🇴 '.repeat(10) },
    ]);
    for (const columns of [41, 57, 100]) {
      const app = await start([wide], { columns, rows: 20 });
      await app.waitForText('東京の新しい橋');
      expectFits(app.frame(), columns, 20);
      app.instance.unmount();
    }
  });

  it('quits on q from the list', async () => {
    const app = await start(articles);
    const exited = app.instance.waitUntilExit();
    await app.press('q');
    await expect(exited).resolves.toBeUndefined();
  });
});
