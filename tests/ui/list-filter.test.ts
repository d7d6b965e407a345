// Filtering reuses work between keystrokes (the previous matches when typing on, one shared
// array when nothing is filtered out); whatever is typed or deleted, the list must be what a
// plain scan of every article gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFilter } from '../../src/store/list-reducer.js';
import { createState, haystackOf } from '../../src/store/state.js';
import { article } from './fixtures.js';

const WORDS = ['harbour', 'bridge', 'Council', 'rust', 'steel', 'spring', 'a', 'ab'];

function scan(haystacks: readonly string[], filter: string): number[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return haystacks.flatMap((h, i) => (words.every((w) => h.includes(w)) ? [i] : []));
}

describe('the list filter', () => {
  it('matches a plain scan after any sequence of typing and deleting', () => {
    const title = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
    const edit = fc.oneof(fc.constantFrom('a', 'b', 'r', 'u', 's', 't', ' ', 'H', 'e'), fc.constant(null));
    fc.assert(
      fc.property(fc.array(title, { minLength: 1, maxLength: 30 }), fc.array(edit, { maxLength: 20 }), (titles, edits) => {
        const articles = titles.map((t, i) => article(`${t} ${i}`, [{ type: 'paragraph', text: 'Body.' }]));
        let state = createState({ articles, bookmarks: [], size: { columns: 100, rows: 30 }, errors: [] });
        const haystacks = articles.map(haystackOf);
        for (const typed of edits) {
          const filter = typed === null ? [...state.list.filter].slice(0, -1).join('') : state.list.filter + typed;
          state = applyFilter(state, filter);
          expect([...state.list.matches]).toEqual(scan(haystacks, filter));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing, as before, in a state drawn without haystacks', () => {
    const articles = ['One harbour', 'Two harbours'].map((t) => article(t, [{ type: 'paragraph', text: 'Body.' }]));
    const state = createState({ articles, bookmarks: [], size: { columns: 100, rows: 30 }, errors: [], searchable: false });
    expect(applyFilter(state, 'harbour').list.matches).toEqual([]);
  });

  it('shares one array of every index while nothing is filtered out', () => {
    const articles = ['One harbour', 'Two harbours'].map((t) => article(t, [{ type: 'paragraph', text: 'Body.' }]));
    const state = createState({ articles, bookmarks: [], size: { columns: 100, rows: 30 }, errors: [] });
    const all = applyFilter(applyFilter(state, 'x'), '').list.matches;
    expect(all).toEqual([0, 1]);
    expect(applyFilter(applyFilter(state, 'zzz'), '').list.matches).toBe(all);
    expect(applyFilter({ ...state, list: { ...state.list, matches: all } }, 'harbour').list.matches).toBe(all);
  });
});
