// An article opened from a bookmark's offline copy carries the bookmark's id, and an imported
// bookmark's id may be any name, `constructor` or `__proto__` included: the interface's state
// keyed by article id (reading positions, full-text fetches) treats them as data.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article.js';
import { reducer } from '../../src/store/reducer.js';
import { offersFullText } from '../../src/store/selectors.js';
import { createState } from '../../src/store/state.js';
import { article, paragraphs } from './fixtures.js';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('article ids that are names of object properties', () => {
  /** Opens, checks the first look, pages down, leaves and opens again: where it comes back. */
  const session = (id: string) => {
    const copy: Article = { ...article('Saved copy', paragraphs(30)), id, url: 'https://news.example/story', source: '/saved/copy.json' };
    const state = createState({ articles: [copy], bookmarks: [], size: { columns: 100, rows: 30 } });
    const opened = reducer(state, { type: 'open', article: copy });
    expect(opened.reader?.top).toBe(0);
    expect(opened.reader?.untouched).toBe(true);
    expect(opened.effects.map((e) => e.type)).toContain('loadPosition');
    expect(offersFullText(opened, copy)).toBe(true);
    const scrolled = reducer(opened, { type: 'key', key: { name: 'space', text: ' ' } });
    const left = reducer(scrolled, { type: 'key', key: { name: 'q', text: 'q' } });
    return reducer(left, { type: 'open', article: copy }).reader?.top;
  };

  it.each(NAMES)('%s: opens at the top, asks for its saved position, offers the full text, comes back where left', (id) => {
    expect(session(id)).toBe(session('0123456789abcdef'));
  });
});
