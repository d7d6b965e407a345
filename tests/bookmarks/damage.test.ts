// A damaged config file is never silently overwritten: it is kept as
// config.json.corrupt-<timestamp>, reported once, and the store goes on from the last good copy.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBookmarkStore } from '../../src/store/bookmarks/conf-store.js';
import { NewerLayoutError } from '../../src/store/bookmarks/store-file.js';
import { storyArticle } from './articles.js';
import { tempHome } from './helpers.js';

const corruptFiles = (home: string) => readdirSync(home).filter((name) => name.startsWith('config.json.corrupt-'));

describe('a damaged config file', () => {
  it('with invalid JSON is kept aside, reported once with its path, and the store starts empty', () => {
    const home = tempHome();
    const damaged = '{"bookmarks": {"abc": {"title": "half a fi';
    writeFileSync(join(home, 'config.json'), damaged);

    const store = openBookmarkStore({ home });
    const [kept] = corruptFiles(home);
    expect(kept).toMatch(/^config\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(readFileSync(join(home, kept!), 'utf8')).toBe(damaged);
    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toContain(join(home, kept!));
    expect(store.warnings[0]).toContain('not valid JSON');
    expect(store.list()).toEqual([]);

    // Reported once: the next run finds a good file and says nothing.
    const again = openBookmarkStore({ home });
    expect(again.warnings).toEqual([]);
    expect(corruptFiles(home)).toHaveLength(1);
    again.add(storyArticle('after'));
    expect(openBookmarkStore({ home }).list()).toHaveLength(1);
  });

  it('that fails the schema goes back to the last good state', () => {
    const home = tempHome();
    const store = openBookmarkStore({ home });
    const kept = store.add(storyArticle('kept'), { note: 'precious' });
    const config = join(home, 'config.json');
    const broken = readFileSync(config, 'utf8').replace(/"savedAt": "[^"]*"/, '"savedAt": 12');
    writeFileSync(config, broken);

    const reopened = openBookmarkStore({ home });
    expect(reopened.warnings).toHaveLength(1);
    expect(reopened.warnings[0]).toMatch(/does not match the schema/);
    expect(reopened.warnings[0]).toMatch(/last good copy/);
    expect(reopened.list()).toEqual([kept]);
    expect(readFileSync(join(home, corruptFiles(home)[0]!), 'utf8')).toBe(broken);
  });

  it('damaged while inkwire runs is kept aside before the next save, not overwritten', () => {
    const home = tempHome();
    const store = openBookmarkStore({ home });
    const first = store.add(storyArticle('first'));
    // Someone edits the file by hand and breaks it, while the store is open.
    writeFileSync(join(home, 'config.json'), '{ oops');
    const second = store.add(storyArticle('second'));

    expect(readFileSync(join(home, corruptFiles(home)[0]!), 'utf8')).toBe('{ oops');
    expect(store.warnings).toHaveLength(1);
    expect(openBookmarkStore({ home }).list().map((b) => b.id).sort()).toEqual([first.id, second.id].sort());
  });

  it('holding JSON that is not an object is damage too', () => {
    const home = tempHome();
    writeFileSync(join(home, 'config.json'), '[1, 2, 3]');
    const store = openBookmarkStore({ home });
    expect(store.warnings[0]).toContain('not a JSON object');
    expect(readFileSync(join(home, corruptFiles(home)[0]!), 'utf8')).toBe('[1, 2, 3]');
  });

  it('written by a newer inkwire is left alone and refused', () => {
    const home = tempHome();
    const newer = JSON.stringify({ bookmarks: { future: { shape: 'unknown' } }, __internal__: { migrations: { version: '3.0.0' } } });
    writeFileSync(join(home, 'config.json'), newer);
    expect(() => openBookmarkStore({ home })).toThrow(NewerLayoutError);
    expect(readFileSync(join(home, 'config.json'), 'utf8')).toBe(newer);
    expect(corruptFiles(home)).toEqual([]);
  });

  it('keeps settings it does not know about when it saves', () => {
    const home = tempHome();
    writeFileSync(join(home, 'config.json'), JSON.stringify({ theme: 'dark', bookmarks: {}, positions: {}, __internal__: { migrations: { version: '2.0.0' } } }));
    openBookmarkStore({ home }).add(storyArticle('x'));
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
  });
});
