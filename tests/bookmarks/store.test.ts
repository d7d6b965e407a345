// What every BookmarkStore does, checked on the in-memory store and on the disk store alike.
import { describe, expect, it } from 'vitest';
import { openBookmarkStore } from '../../src/store/bookmarks/disk-store.js';
import { memoryBookmarkStore } from '../../src/store/bookmarks/memory.js';
import type { Bookmark, BookmarkStore } from '../../src/store/bookmarks/types.js';
import { storyArticle } from './articles.js';
import { tempHome } from './helpers.js';

const stores: [string, () => BookmarkStore][] = [
  ['memory', () => memoryBookmarkStore()],
  ['disk', () => openBookmarkStore({ home: tempHome() })],
];

describe.each(stores)('%s store', (_, open) => {
  it('adds a bookmark with its note, tags and an offline copy', async () => {
    const store = open();
    const article = storyArticle('harbour', { url: 'https://news.example/harbour' });
    expect(await store.add(article, { note: 'read later', tags: ['local', 'local', 'bridges'] })).toEqual({ id: article.id, title: 'Story harbour' });
    const bookmark = await store.get(article.id);
    expect(bookmark).toMatchObject({ id: article.id, title: 'Story harbour', url: 'https://news.example/harbour', note: 'read later', tags: ['local', 'bridges'], quotes: [] });
    expect(await store.has(article.id)).toBe(true);
    expect(await store.list()).toEqual([bookmark]);
    expect(await store.loadArticle(article.id)).toMatchObject({ id: article.id, title: article.title, text: article.text });
  });

  it('updates instead of duplicating when the same article or URL is added again', async () => {
    const store = open();
    const first = storyArticle('a', { url: 'https://news.example/a' });
    await store.add(first, { note: 'first', tags: ['x'] });
    const savedAt = (await store.get(first.id))!.savedAt;
    await store.add(storyArticle('a', { url: 'https://news.example/a' }), { tags: ['y'] });
    // The same URL with new text is a new version of the same article: it takes its place.
    const newer = storyArticle('a', { url: 'https://news.example/a', title: 'Story a, updated' });
    await store.add(newer, { note: 'second' });
    expect(await store.list()).toHaveLength(1);
    expect(await store.get(newer.id)).toMatchObject({ id: newer.id, title: 'Story a, updated', note: 'second', tags: ['x', 'y'], savedAt });
    expect(await store.has(first.id)).toBe(false);
  });

  it('removes by id or by URL, and says what it removed', async () => {
    const store = open();
    const a = storyArticle('a', { url: 'https://news.example/a' });
    const b = storyArticle('b');
    await store.add(a);
    await store.add(b);
    const [savedA, savedB] = [await store.get(a.id), await store.get(b.id)];
    expect(await store.remove('https://news.example/a')).toEqual([savedA]);
    expect(await store.remove(b.id)).toEqual([savedB]);
    expect(await store.remove('nothing-like-this')).toEqual([]);
    expect(await store.list()).toEqual([]);
  });

  it('restores a removed bookmark exactly as it was (undo)', async () => {
    const store = open();
    const article = storyArticle('undo');
    await store.add(article, { note: 'keep me', tags: ['t'] });
    await store.addQuote(article, { text: 'a quote,', speaker: 'Ann' });
    await store.setPosition(article.id, 120);
    const [removed] = await store.remove(article.id);
    expect(await store.has(article.id)).toBe(false);
    await store.restore(removed!);
    expect(await store.get(article.id)).toEqual(removed);
    expect((await store.get(article.id))?.position).toBe(120);
    expect((await store.loadArticle(article.id))?.title).toBe('Story undo');
  });

  it('toggles a bookmark off and on, and on again brings back its note, tags, quotes and position', async () => {
    const store = open();
    const article = storyArticle('toggle', { url: 'https://news.example/t' });
    expect(await store.toggle(article)).toMatchObject({ on: true, revived: false });
    await store.add(article, { note: 'worth it', tags: ['trains'] });
    await store.addQuote(article, { text: 'We sold out.', speaker: 'Ann' });
    await store.setPosition(article.id, 44);
    const before = await store.get(article.id);

    const off = await store.toggle(article);
    expect(off).toEqual({ on: false, removed: [before] });
    expect(await store.has(article.id)).toBe(false);
    expect(await store.listRemoved()).toEqual([{ removedAt: expect.any(String), bookmark: before }]);

    const on = await store.toggle(article);
    expect(on).toEqual({ on: true, revived: true, bookmark: before });
    expect(await store.get(article.id)).toEqual(before);
    expect(await store.listRemoved()).toEqual([]);
  });

  it('brings a removed bookmark back by id or URL, and with an add of the same article', async () => {
    const store = open();
    const a = storyArticle('back-a', { url: 'https://news.example/back-a' });
    const b = storyArticle('back-b');
    await store.add(a, { note: 'note a', tags: ['x'] });
    await store.add(b, { note: 'note b' });
    const [removedA] = await store.remove(a.id);
    const [removedB] = await store.remove(b.id);
    expect(await store.restoreRemoved('https://news.example/back-a')).toEqual([removedA]);
    expect(await store.restoreRemoved('https://news.example/back-a')).toEqual([]);
    // Adding it again (bookmarks add) keeps what it had, and takes the new tag.
    await store.add(b, { tags: ['new'] });
    expect(await store.get(b.id)).toMatchObject({ note: 'note b', tags: ['new'], savedAt: removedB!.savedAt });
    expect(await store.listRemoved()).toEqual([]);
  });

  it('saves quotes with the bookmark, once each, creating the bookmark if needed', async () => {
    const store = open();
    const article = storyArticle('quotes');
    await store.addQuote(article, { text: 'We will rebuild it.', speaker: 'Mayor Ann Lee' });
    await store.addQuote(article, { text: 'We will rebuild it.', speaker: 'Mayor Ann Lee' });
    await store.addQuote(article, { text: 'Not before spring.', speaker: null });
    expect((await store.get(article.id))?.quotes).toEqual([
      { text: 'We will rebuild it.', speaker: 'Mayor Ann Lee' },
      { text: 'Not before spring.', speaker: null },
    ]);
    expect(await store.list()).toHaveLength(1);
  });

  it('remembers reading positions of any article, bookmarked or not', async () => {
    const store = open();
    await store.setPosition('0123456789abcdef', 42);
    expect(await store.getPosition('0123456789abcdef')).toBe(42);
    expect(await store.getPosition('fedcba9876543210')).toBeUndefined();
    await expect(store.setPosition('0123456789abcdef', -1)).rejects.toThrow(RangeError);
    const article = storyArticle('pos');
    await store.add(article);
    await store.setPosition(article.id, 7);
    expect((await store.list())[0]?.position).toBe(7);
  });

  it('merges imported bookmarks, keeping what the saved ones already have', async () => {
    const store = open();
    const saved = storyArticle('m', { url: 'https://news.example/m' });
    await store.add(saved, { note: 'mine', tags: ['a'] });
    const incoming: Bookmark[] = [
      { id: 'imported1', title: 'Other title', source: 'import', url: 'https://news.example/m', savedAt: '2020-01-01T00:00:00.000Z', note: 'theirs', tags: ['b'], quotes: [] },
      { id: 'imported2', title: 'New one', source: 'import', url: 'https://news.example/n', savedAt: '2021-01-01T00:00:00.000Z', tags: [], quotes: [], position: 9 },
      { id: 'imported3', title: 'New one again', source: 'import', url: 'https://news.example/n', savedAt: '2022-01-01T00:00:00.000Z', tags: ['c'], quotes: [] },
    ];
    expect(await store.merge(incoming)).toEqual({ added: 1, updated: 2, renamed: 0 });
    expect(await store.list()).toHaveLength(2);
    expect(await store.get(saved.id)).toMatchObject({ title: 'Story m', note: 'mine', tags: ['a', 'b'], savedAt: '2020-01-01T00:00:00.000Z' });
    expect(await store.get('imported2')).toMatchObject({ title: 'New one', tags: ['c'], position: 9 });
  });

  it('keeps bookmarks of different addresses apart, whatever ids they come with', async () => {
    const store = open();
    const same = (n: number): Bookmark => ({ id: 'same', title: `Story ${n}`, source: 'import', url: `https://news.example/${n}`, savedAt: '2021-01-01T00:00:00.000Z', tags: [], quotes: [] });
    expect(await store.merge([same(1), same(2), same(3)])).toEqual({ added: 3, updated: 0, renamed: 2 });
    expect((await store.list()).map((b) => b.url).sort()).toEqual(['https://news.example/1', 'https://news.example/2', 'https://news.example/3']);
    expect(await store.merge([same(1), same(2), same(3)])).toEqual({ added: 0, updated: 3, renamed: 0 });
    // An article whose own id an imported bookmark of another address has taken: both stay.
    const article = storyArticle('taken', { url: 'https://news.example/taken' });
    await store.merge([{ ...same(9), id: article.id }]);
    await store.add(article);
    expect(await store.get(article.id)).toMatchObject({ url: 'https://news.example/taken' });
    expect((await store.list()).map((b) => b.url)).toContain('https://news.example/9');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('treats %s as an id, a tag and a position key like any other', async (name) => {
    const store = open();
    const bookmark: Bookmark = { id: name, title: `The ${name}`, source: 'import', url: `https://news.example/${name}`, savedAt: '2021-01-01T00:00:00.000Z', tags: [name], quotes: [], position: 3 };
    expect(await store.merge([bookmark])).toEqual({ added: 1, updated: 0, renamed: 0 });
    expect(await store.get(name)).toEqual(bookmark);
    expect(await store.has(name)).toBe(true);
    expect(await store.getPosition(name)).toBe(3);
    expect(await store.has('valueOf')).toBe(false);
    expect(await store.remove(name)).toEqual([bookmark]);
    expect(await store.restoreRemoved(name)).toEqual([bookmark]);
  });

  it('lists newest first', async () => {
    const store = open();
    await store.merge(
      ['2021', '2023', '2022'].map((year) => ({ id: `y${year}`, title: year, source: 'import', savedAt: `${year}-05-01T00:00:00.000Z`, tags: [], quotes: [] })),
    );
    expect((await store.list()).map((b) => b.title)).toEqual(['2023', '2022', '2021']);
  });

  it('strips terminal escapes and bidi controls from notes, tags and quotes', async () => {
    const store = open();
    const article = storyArticle('hostile');
    await store.add(article, { note: 'evil\u001b]0;pwned\u0007 note\u202e', tags: ['\u001b[31mred'] });
    await store.addQuote(article, { text: 'say \u009b31m this', speaker: 'Eve\u001b[2J' });
    const bookmark = await store.get(article.id);
    expect(JSON.stringify(bookmark)).not.toMatch(/[\u001b\u009b\u202e\u0007]/);
    expect(bookmark).toMatchObject({ note: 'evil note', tags: ['red'], quotes: [{ text: 'say this', speaker: 'Eve' }] });
  });

  it('gives callers copies they may change without changing the store', async () => {
    const store = open();
    const article = storyArticle('copy');
    await store.add(article, { tags: ['one'] });
    (await store.list())[0]!.tags.push('two');
    expect((await store.get(article.id))?.tags).toEqual(['one']);
  });
});
