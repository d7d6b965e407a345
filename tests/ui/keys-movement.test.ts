import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../../src/input/keys.js';
import type { Action } from '../../src/store/actions.js';
import { reducer } from '../../src/store/reducer.js';
import { readerHeight } from '../../src/store/selectors.js';
import { createState, type AppState } from '../../src/store/state.js';
import { currentScreen } from '../../src/store/update.js';
import { maxTop } from '../../src/text/viewport.js';
import { firstState } from '../../src/app/run.js';
import { statusParts } from '../../src/views/status.js';
import { article, paragraphs } from './fixtures.js';

const press = (name: string): Action => {
  const key: KeyPress = name === 'space' ? { name, text: ' ' } : name.length === 1 ? { name, text: name } : { name };
  return { type: 'key', key };
};
const run = (state: AppState, ...keys: string[]) => keys.reduce((s, k) => reducer(s, press(k)), state);
const type = (state: AppState, text: string) => run(state, ...[...text]);

const links = Array.from({ length: 4 }, (_, i) => ({ text: `link number ${i + 1}`, url: `https://example.org/${i + 1}` }));
const long = article('Bridge vote', [{ type: 'paragraph', text: links.map((l) => l.text).join(' and ') }, ...paragraphs(60)], {
  siteName: 'Harbour Herald',
  links,
});
const articles = [long, article('Night trains', paragraphs(3), { siteName: 'Rail Weekly' }), article('Orchard festival', paragraphs(3), { siteName: 'Valley Voice', tags: ['food'] })];
const size = { columns: 100, rows: 30 };
const list = () => createState({ articles, bookmarks: [], size });
const single = () => firstState([long], [], size, []);
const top = (s: AppState) => s.reader!.top;

describe('keys: Esc, h and ← never quit', () => {
  it('stay in a reader opened on its own, and say q quits; q quits', () => {
    for (const key of ['esc', 'h', 'left']) {
      const s = run(single(), key);
      expect(s.quitting).toBe(false);
      expect(currentScreen(s)).toBe('reader');
      expect(statusParts(s).left).toBe('q quits');
    }
    expect(run(single(), 'q').quitting).toBe(true);
    expect(run(single(), 'ctrl+c').quitting).toBe(true);
  });

  it('leave the links view, the help and the search back to the reader', () => {
    let s = run(single(), 'L');
    expect(currentScreen(s)).toBe('links');
    s = run(s, 'esc');
    expect(currentScreen(s)).toBe('reader');
    s = run(s, 'H');
    expect(s.help.open).toBe(true);
    s = run(s, 'esc');
    expect(s.help.open).toBe(false);
    s = run(type(run(s, '/'), 'link'), 'enter', 'esc');
    expect(s.reader!.search.query).toBe('');
    expect(currentScreen(s)).toBe('reader');
    expect(s.quitting).toBe(false);
    s = run(s, 'tab', 'esc', 'esc');
    expect(s.quitting).toBe(false);
  });

  it('go back to the list from a reader opened from it', () => {
    const s = run(list(), 'enter', 'esc');
    expect(currentScreen(s)).toBe('list');
    expect(run(list(), 'enter', 'Q').quitting).toBe(true);
  });
});

describe('keys: counts and movement', () => {
  it('repeat a movement: 5j, 10k, ctrl+e, ctrl+y, ctrl+f, ctrl+b', () => {
    const s = run(single(), '1', '2', 'j');
    expect(top(s)).toBe(12);
    expect(top(run(s, '1', '0', 'k'))).toBe(2);
    expect(top(run(s, 'ctrl+e'))).toBe(13);
    expect(top(run(s, 'ctrl+y'))).toBe(11);
    const page = readerHeight(s) - 1;
    expect(top(run(s, 'ctrl+f'))).toBe(12 + page);
    expect(top(run(s, 'ctrl+f', 'ctrl+b'))).toBe(12);
    expect(run(s, '5').count).toBe('5');
    expect(statusParts(run(s, '5')).left).toContain('5');
    // Esc drops the count instead of acting.
    const dropped = run(s, '5', 'esc');
    expect(dropped.count).toBe('');
    expect(top(run(dropped, 'j'))).toBe(13);
  });

  it('moves the list cursor by a count and opens article N with N Enter', () => {
    expect(run(list(), '2', 'j').list.cursor).toBe(2);
    expect(run(list(), '9', 'j').list.cursor).toBe(2);
    const s = run(list(), '3', 'enter');
    expect(s.reader?.article.title).toBe('Orchard festival');
  });

  it('3J moves three articles on, stopping at the last with a message', () => {
    const s = run(list(), 'enter', '3', 'J');
    expect(s.reader?.article.title).toBe('Orchard festival');
    expect(statusParts(s).left).toBe('This is the last article');
  });

  it('goes to line N with NG and Ng, and N% of the way as less does', () => {
    const s = single();
    expect(top(run(s, '2', '0', 'G'))).toBe(19);
    expect(top(run(s, '2', '0', 'g'))).toBe(19);
    const max = maxTop(s.reader!.lines.length, readerHeight(s));
    expect(top(run(s, '5', '0', '%'))).toBe(Math.round(max / 2));
    expect(top(run(s, '1', '0', '0', '%'))).toBe(max);
    expect(statusParts(run(s, '%')).left).toBe('Type a number first: 50% goes halfway');
  });

  it('goes to a line or a percentage typed at the : prompt', () => {
    let s = type(run(single(), ':'), '30');
    expect(statusParts(s).left).toContain('Go to: 30');
    s = run(s, 'enter');
    expect(top(s)).toBe(29);
    expect(s.prompt).toBeNull();
    s = run(type(run(s, ':'), '0%'), 'enter');
    expect(top(s)).toBe(0);
    // Letters are not typed into it, and Esc leaves it.
    s = run(type(run(s, ':'), 'q'), 'esc');
    expect(s.quitting).toBe(false);
    expect(s.prompt).toBeNull();
  });

  it('opens link N with N Enter; Enter alone scrolls a line', () => {
    const s = run(single(), '3', 'enter');
    expect(s.effects.filter((e) => e.type === 'openUrl').map((e) => (e.type === 'openUrl' ? e.url : ''))).toEqual(['https://example.org/3']);
    expect(statusParts(run(single(), '9', 'enter')).left).toBe('No link 9: links go from 1 to 4');
    expect(top(run(single(), 'enter'))).toBe(1);
  });

  it('asks for ctrl+z to suspend', () => {
    expect(run(single(), 'ctrl+z').effects.map((e) => e.type)).toContain('suspend');
    expect(run(list(), 'ctrl+z').effects.map((e) => e.type)).toContain('suspend');
  });
});

describe('keys: backwards search', () => {
  it('? finds the match before the top of the screen, and n keeps going up', () => {
    let s = run(single(), 'G');
    const bottom = top(s);
    s = run(type(run(s, '?'), 'Paragraph 3'), 'enter');
    const search = s.reader!.search;
    expect(search.backward).toBe(true);
    expect(statusParts(run(single(), '?')).left).toContain('Search backwards');
    const first = search.current;
    expect(search.matches[first]!.start).toBeLessThan(search.matches.at(-1)!.start + 1);
    expect(top(s)).toBeLessThan(bottom);
    s = run(s, 'n');
    expect(s.reader!.search.current).toBe((first - 1 + search.matches.length) % search.matches.length);
    s = run(s, 'N');
    expect(s.reader!.search.current).toBe(first);
  });
});

describe('status messages', () => {
  it('go away on the next move and never show in another view', () => {
    let s = run(list(), 'G', 'enter', 'J');
    expect(statusParts(s).left).toBe('This is the last article');
    expect(statusParts(run(s, 'j')).left).toBe('Orchard festival');
    // A message from the reader does not follow the reader back to the list.
    s = reducer(run(list(), 'enter'), { type: 'flash', text: 'Link copied' });
    const back = { ...s, stack: s.stack.slice(0, -1) };
    expect(statusParts(back).left).not.toBe('Link copied');
  });
});

describe('list filter', () => {
  it('Esc clears the filter and the cursor stays on the article it was on', () => {
    let s = run(type(run(list(), '/'), 'orchard'), 'enter');
    expect(s.list.matches.length).toBe(1);
    s = run(s, 'esc');
    expect(s.list.filter).toBe('');
    expect(s.list.cursor).toBe(2);
    // Esc while still typing clears it the same way.
    s = run(type(run(list(), '/'), 'night'), 'esc');
    expect(s.list.cursor).toBe(1);
  });
});

describe('search count in the status bar', () => {
  const many = article('Many matches', [{ type: 'paragraph', text: Array.from({ length: 12_000 }, (_, i) => `word${i} ferry`).join(' ') }]);
  it('groups its digits and says when the matches were cut at the most kept', () => {
    const searched = type(run(firstState([many], [], size, []), '/'), 'ferry');
    const s = run(searched, 'enter');
    expect(statusParts(s).right).toContain('“ferry” 1/10,000+');
    const few = run(type(run(single(), '/'), 'link'), 'enter');
    expect(statusParts(few).right).toMatch(/“link” 1\/4 /);
  });
});
