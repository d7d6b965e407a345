// What every BookmarkStore does, checked on the in-memory store and on the disk store alike.
import { describe, expect, it } from 'vitest';
import { openBookmarkStore } from '../../src/store/bookmarks/conf-store.js';
import { memoryBookmarkStore } from '../../src/store/bookmarks/memory.js';
import type { Bookmark, BookmarkStore } from '../../src/store/bookmarks/types.js';
import { storyArticle } from './articles.js';
import { tempHome } from './helpers.js';

const stores: [string, () => BookmarkStore][] = [
  ['memory', () => memoryBookmarkStore()],
  ['disk', () => openBookmarkStore({ home: tempHome() })],
];

describe.each(stores)('%s store', (_, open) => {
  it('adds a bookmark with its note, tags and an offline copy', () => {
    const store = open();
    const article = storyArticle('harbour', { url: 'https://news.example/harbour' });
    const bookmark = store.add(article, { note: 'read later', tags: ['local', 'local', 'bridges'] });
    expect(bookmark).toMatchObject({ id: article.id, title: 'Story harbour', url: 'https://news.example/harbour', note: 'read later', tags: ['local', 'bridges'], quotes: [] });
    expect(store.has(article.id)).toBe(true);
    expect(store.get(article.id)).toEqual(bookmark);
    expect(store.list()).toEqual([bookmark]);
    expect(store.loadArticle(article.id)).toMatchObject({ id: article.id, title: article.title, text: article.text });
  });

  it('updates instead of duplicating when the same article or URL is added again', () => {
    const store = open();
    const first = store.add(storyArticle('a', { url: 'https://news.example/a' }), { note: 'first', tags: ['x'] });
    store.add(storyArticle('a', { url: 'https://news.example/a' }), { tags: ['y'] });
    // The same URL with new text is a new version of the same article: it takes its place.
    const newer = storyArticle('a', { url: 'https://news.example/a', title: 'Story a, updated' });
    const updated = store.add(newer, { note: 'second' });
    expect(store.list()).toHaveLength(1);
    expect(updated).toMatchObject({ id: newer.id, title: 'Story a, updated', note: 'second', tags: ['x', 'y'], savedAt: first.savedAt });
    expect(store.has(first.id)).toBe(false);
  });

  it('removes by id or by URL, and says what it removed', () => {
    const store = open();
    const a = store.add(storyArticle('a', { url: 'https://news.example/a' }));
    const b = store.add(storyArticle('b'));
    expect(store.remove('https://news.example/a')).toEqual([a]);
    expect(store.remove(b.id)).toEqual([b]);
    expect(store.remove('nothing-like-this')).toEqual([]);
    expect(store.list()).toEqual([]);
  });

  it('restores a removed bookmark exactly as it was (undo)', () => {
    const store = open();
    const article = storyArticle('undo');
    store.add(article, { note: 'keep me', tags: ['t'] });
    store.addQuote(article, { text: 'a quote,', speaker: 'Ann' });
    store.setPosition(article.id, 120);
    const [removed] = store.remove(article.id);
    expect(store.has(article.id)).toBe(false);
    store.restore(removed!);
    expect(store.get(article.id)).toEqual(removed);
    expect(store.get(article.id)?.position).toBe(120);
    expect(store.loadArticle(article.id)?.title).toBe('Story undo');
  });

  it('toggles a bookmark on and off', () => {
    const store = open();
    const article = storyArticle('toggle', { url: 'https://news.example/t' });
    expect(store.toggle(article)).toBe(true);
    expect(store.has(article.id)).toBe(true);
    expect(store.toggle(article)).toBe(false);
    expect(store.has(article.id)).toBe(false);
  });

  it('saves quotes with the bookmark, once each, creating the bookmark if needed', () => {
    const store = open();
    const article = storyArticle('quotes');
    store.addQuote(article, { text: 'We will rebuild it.', speaker: 'Mayor Ann Lee' });
    store.addQuote(article, { text: 'We will rebuild it.', speaker: 'Mayor Ann Lee' });
    const bookmark = store.addQuote(article, { text: 'Not before spring.', speaker: null });
    expect(bookmark.quotes).toEqual([
      { text: 'We will rebuild it.', speaker: 'Mayor Ann Lee' },
      { text: 'Not before spring.', speaker: null },
    ]);
    expect(store.list()).toHaveLength(1);
  });

  it('remembers reading positions of any article, bookmarked or not', () => {
    const store = open();
    store.setPosition('0123456789abcdef', 42);
    expect(store.getPosition('0123456789abcdef')).toBe(42);
    expect(store.getPosition('fedcba9876543210')).toBeUndefined();
    expect(() => store.setPosition('0123456789abcdef', -1)).toThrow(RangeError);
    const article = storyArticle('pos');
    store.add(article);
    store.setPosition(article.id, 7);
    expect(store.list()[0]?.position).toBe(7);
  });

  it('merges imported bookmarks, keeping what the saved ones already have', () => {
    const store = open();
    const saved = store.add(storyArticle('m', { url: 'https://news.example/m' }), { note: 'mine', tags: ['a'] });
    const incoming: Bookmark[] = [
      { id: 'imported1', title: 'Other title', source: 'import', url: 'https://news.example/m', savedAt: '2020-01-01T00:00:00.000Z', note: 'theirs', tags: ['b'], quotes: [] },
      { id: 'imported2', title: 'New one', source: 'import', url: 'https://news.example/n', savedAt: '2021-01-01T00:00:00.000Z', tags: [], quotes: [], position: 9 },
      { id: 'imported3', title: 'New one again', source: 'import', url: 'https://news.example/n', savedAt: '2022-01-01T00:00:00.000Z', tags: ['c'], quotes: [] },
    ];
    expect(store.merge(incoming)).toEqual({ added: 1, updated: 2 });
    const list = store.list();
    expect(list).toHaveLength(2);
    expect(store.get(saved.id)).toMatchObject({ title: 'Story m', note: 'mine', tags: ['a', 'b'], savedAt: '2020-01-01T00:00:00.000Z' });
    expect(store.get('imported2')).toMatchObject({ title: 'New one', tags: ['c'], position: 9 });
  });

  it('lists newest first', () => {
    const store = open();
    store.merge(
      ['2021', '2023', '2022'].map((year) => ({ id: `y${year}`, title: year, source: 'import', savedAt: `${year}-05-01T00:00:00.000Z`, tags: [], quotes: [] })),
    );
    expect(store.list().map((b) => b.title)).toEqual(['2023', '2022', '2021']);
  });

  it('strips terminal escapes and bidi controls from notes, tags and quotes', () => {
    const store = open();
    const article = storyArticle('hostile');
    store.add(article, { note: 'evil\u001b]0;pwned\u0007 note\u202e', tags: ['\u001b[31mred'] });
    const bookmark = store.addQuote(article, { text: 'say \u009b31m this', speaker: 'Eve\u001b[2J' });
    expect(JSON.stringify(bookmark)).not.toMatch(/[\u001b\u009b\u202e\u0007]/);
    expect(bookmark).toMatchObject({ note: 'evil note', tags: ['red'], quotes: [{ text: 'say this', speaker: 'Eve' }] });
  });

  it('gives callers copies they may change without changing the store', () => {
    const store = open();
    const article = storyArticle('copy');
    store.add(article, { tags: ['one'] });
    store.list()[0]!.tags.push('two');
    expect(store.get(article.id)?.tags).toEqual(['one']);
  });
});
