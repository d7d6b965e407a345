// Unbookmarking from any view can be undone: the status bar names the undo key of the view
// (u, or z in the reader where u pages up), and undo asks the store to put the bookmark back
// exactly as it was.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/store/actions.js';
import type { Bookmark } from '../../src/store/bookmarks/types.js';
import { reducer } from '../../src/store/reducer.js';
import { createState, type AppState } from '../../src/store/state.js';
import { article, paragraphs } from './fixtures.js';

const story = article('Night trains', paragraphs(5), { url: 'https://rail.example/night' });
const bookmark: Bookmark = { id: story.id, title: story.title, source: story.source, url: story.url, savedAt: '2026-01-01T00:00:00.000Z', note: 'fares', tags: ['rail'], quotes: [{ text: 'Sold out.', speaker: 'Ann' }], position: 40 };
const key = (name: string): Action => ({ type: 'key', key: { name, text: name } });
const start = () => createState({ articles: [story, article('Other', paragraphs(2))], bookmarks: [bookmark], size: { columns: 100, rows: 30 } });
const restores = (s: AppState) => s.effects.filter((e) => e.type === 'restoreBookmark');

describe('undoing an unbookmarking', () => {
  it.each([
    ['the list', (s: AppState) => s, 'u'],
    ['the reader', (s: AppState) => reducer(s, { type: 'open', article: story }), 'z'],
    ['the quote sidebar', (s: AppState) => reducer(reducer(reducer(s, { type: 'open', article: story }), { type: 'quotesLoaded', articleId: story.id, quotes: [] }), key('tab')), 'u'],
  ])('in %s: says which key undoes, and that key puts the bookmark back whole', (_, into, undoKey) => {
    const s = reducer(into(start()), { type: 'bookmarksRemoved', bookmarks: [bookmark] });
    expect(s.flash?.text).toBe(`Bookmark removed (${undoKey} to undo)`);
    const undone = reducer(s, key(undoKey));
    expect(restores(undone)).toEqual([expect.objectContaining({ bookmark })]);
    // Once: a second undo has nothing left.
    expect(reducer(undone, key(undoKey)).flash?.text).toBe('Nothing to undo');
  });

  it('in the bookmarks view, d removes and u brings back, the undo key before the title', () => {
    let s = reducer(start(), key('B'));
    s = reducer(s, key('d'));
    expect(s.flash?.text).toBe(`Bookmark removed (u to undo): “${bookmark.title}”`);
    expect(s.bookmarks.items).toEqual([]);
    expect(restores(reducer(s, key('u')))).toEqual([expect.objectContaining({ bookmark })]);
  });
});
