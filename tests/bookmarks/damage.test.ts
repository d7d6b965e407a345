// A damaged config file is never silently overwritten: it is kept as
// config.json.corrupt-<timestamp>, reported once, and the store goes on from the last good copy.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBookmarkStore } from '../../src/store/bookmarks/disk-store.js';
import { NewerLayoutError } from '../../src/store/bookmarks/store-file.js';
import { storyArticle } from './articles.js';
import { tempHome } from './helpers.js';

const corruptFiles = (home: string) => readdirSync(home).filter((name) => name.startsWith('config.json.corrupt-'));

describe('a damaged config file', () => {
  it('with invalid JSON is kept aside, reported once with its path, and the store starts empty', async () => {
    const home = tempHome();
    const damaged = '{"bookmarks": {"abc": {"title": "half a fi';
    writeFileSync(join(home, 'config.json'), damaged);

    const store = openBookmarkStore({ home });
    expect(await store.list()).toEqual([]);
    const [kept] = corruptFiles(home);
    expect(kept).toMatch(/^config\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(readFileSync(join(home, kept!), 'utf8')).toBe(damaged);
    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toContain(join(home, kept!));
    expect(store.warnings[0]).toContain('not valid JSON');

    // Reported once: the next run finds a good file and says nothing.
    const again = openBookmarkStore({ home });
    await again.list();
    expect(again.warnings).toEqual([]);
    expect(corruptFiles(home)).toHaveLength(1);
    await again.add(storyArticle('after'));
    expect(await openBookmarkStore({ home }).list()).toHaveLength(1);
  });

  it('that fails the schema goes back to the last good state', async () => {
    const home = tempHome();
    const store = openBookmarkStore({ home });
    await store.add(storyArticle('kept'), { note: 'precious' });
    const kept = await store.list();
    const config = join(home, 'config.json');
    const broken = readFileSync(config, 'utf8').replace(/"savedAt": "[^"]*"/, '"savedAt": 12');
    writeFileSync(config, broken);

    const reopened = openBookmarkStore({ home });
    expect(await reopened.list()).toEqual(kept);
    expect(reopened.warnings).toHaveLength(1);
    expect(reopened.warnings[0]).toMatch(/does not match the schema/);
    expect(reopened.warnings[0]).toMatch(/last good copy/);
    expect(readFileSync(join(home, corruptFiles(home)[0]!), 'utf8')).toBe(broken);
  });

  it('damaged while inkwire runs is kept aside before the next save, not overwritten', async () => {
    const home = tempHome();
    const store = openBookmarkStore({ home });
    const first = await store.add(storyArticle('first'));
    await store.list();
    // Someone edits the file by hand and breaks it, while the store is open.
    writeFileSync(join(home, 'config.json'), '{ oops');
    const second = await store.add(storyArticle('second'));
    // The next read finds the damage, keeps the file aside and goes back to the last good copy.
    expect((await store.list()).map((b) => b.id).sort()).toEqual([first.id, second.id].sort());

    expect(readFileSync(join(home, corruptFiles(home)[0]!), 'utf8')).toBe('{ oops');
    expect(store.warnings).toHaveLength(1);
    expect((await openBookmarkStore({ home }).list()).map((b) => b.id).sort()).toEqual([first.id, second.id].sort());
  });

  it('never becomes the last good copy, and a truncated file goes back to it with the journal on top', async () => {
    const home = tempHome();
    const store = openBookmarkStore({ home });
    await store.merge(Array.from({ length: 50 }, (_, i) => ({ id: `b${i}`, title: `Bookmark ${i}`, source: 'import', savedAt: '2025-01-01T00:00:00.000Z', tags: [], quotes: [] })));
    await store.add(storyArticle('journaled'));
    const backup = readFileSync(join(home, 'config.json.bak'), 'utf8');
    // What a disk that filled up under an older inkwire left: the file cut short.
    const config = join(home, 'config.json');
    writeFileSync(config, readFileSync(config).subarray(0, 1000));
    await openBookmarkStore({ home }).add(storyArticle('after the damage'));

    const reopened = openBookmarkStore({ home });
    const list = await reopened.list();
    expect(list).toHaveLength(52);
    expect(reopened.warnings).toHaveLength(1);
    expect(reopened.warnings[0]).toMatch(/not valid JSON.*went back to the last good copy/);
    // The copy taken at the last compaction was never replaced by the damaged file.
    const kept = JSON.parse(readFileSync(join(home, 'config.json.bak'), 'utf8'));
    expect(Object.keys(kept.bookmarks)).toHaveLength(list.length);
    expect(JSON.parse(backup).__internal__).toBeDefined();
  });

  it('in the journal, a line that is not a change is kept aside, and every other change stays', async () => {
    const home = tempHome();
    const store = openBookmarkStore({ home });
    await store.add(storyArticle('one'));
    await store.add(storyArticle('two'));
    const journal = join(home, 'config.json.journal');
    const lines = readFileSync(journal, 'utf8').split('\n');
    writeFileSync(journal, [...lines.slice(0, -1), '{"op":"add","garbage":true}', ''].join('\n'));
    await openBookmarkStore({ home }).add(storyArticle('three'));

    const reopened = openBookmarkStore({ home });
    expect((await reopened.list()).map((b) => b.title).sort()).toEqual(['Story one', 'Story three', 'Story two']);
    expect(reopened.warnings).toEqual([expect.stringMatching(/config\.json\.journal was damaged \(1 line is not a change inkwire wrote\); kept it as .*\.corrupt-.* and kept every change it could read/)]);
    expect(readdirSync(home).filter((name) => name.startsWith('config.json.journal.corrupt-'))).toHaveLength(1);
    const again = openBookmarkStore({ home });
    await again.list();
    expect(again.warnings).toEqual([]);
  });

  it('holding JSON that is not an object is damage too', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'config.json'), '[1, 2, 3]');
    const store = openBookmarkStore({ home });
    await store.list();
    expect(store.warnings[0]).toContain('not a JSON object');
    expect(readFileSync(join(home, corruptFiles(home)[0]!), 'utf8')).toBe('[1, 2, 3]');
  });

  it('written by a newer inkwire is left alone and refused', async () => {
    const home = tempHome();
    const newer = JSON.stringify({ bookmarks: { future: { shape: 'unknown' } }, __internal__: { migrations: { version: '4.0.0' } } });
    writeFileSync(join(home, 'config.json'), newer);
    await expect(openBookmarkStore({ home }).list()).rejects.toThrow(NewerLayoutError);
    await expect(openBookmarkStore({ home }).merge([])).rejects.toThrow(NewerLayoutError);
    expect(readFileSync(join(home, 'config.json'), 'utf8')).toBe(newer);
    expect(corruptFiles(home)).toEqual([]);
  });

  it('keeps settings it does not know about when it saves', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'config.json'), JSON.stringify({ theme: 'dark', bookmarks: {}, positions: {}, __internal__: { migrations: { version: '2.0.0' } } }));
    await openBookmarkStore({ home }).add(storyArticle('x'));
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
  });
});
