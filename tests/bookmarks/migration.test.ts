// A file written by an earlier layout (1.0.0: bookmarks in an array, each with its reading
// position; 2.0.0: keyed by id) loads with everything in it, and is saved in the current
// layout at the first change, after a copy of the file as it was is kept beside it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBookmarkStore } from '../../src/store/bookmarks/disk-store.js';
import { STORE_VERSION } from '../../src/store/bookmarks/layout.js';
import { storyArticle } from './articles.js';
import { tempHome } from './helpers.js';

const layout1 = {
  bookmarks: [
    {
      id: 'a1b2c3d4e5f60718',
      title: 'Harbour council votes to rebuild the bridge',
      source: '/home/reader/news/harbour.txt',
      url: 'https://news.example/harbour',
      savedAt: '2025-03-01T09:30:00.000Z',
      note: 'follow up in spring',
      tags: ['local'],
      position: 1834,
    },
    { id: 'ffeeddccbbaa0099', title: 'Night trains return', source: 'stdin', savedAt: '2025-02-01T08:00:00.000Z' },
  ],
  __internal__: { migrations: { version: '1.0.0' } },
};

describe('migration from layout 1.0.0', () => {
  it.each([
    ['with its recorded version', layout1],
    ['written before versions were recorded', { bookmarks: layout1.bookmarks }],
  ])('loads a file %s', async (_, file) => {
    const home = tempHome();
    const original = JSON.stringify(file, null, '\t');
    writeFileSync(join(home, 'config.json'), original);

    const store = openBookmarkStore({ home });
    expect(await store.list()).toEqual([
      {
        id: 'a1b2c3d4e5f60718',
        title: 'Harbour council votes to rebuild the bridge',
        source: '/home/reader/news/harbour.txt',
        url: 'https://news.example/harbour',
        savedAt: '2025-03-01T09:30:00.000Z',
        note: 'follow up in spring',
        tags: ['local'],
        position: 1834,
        quotes: [],
      },
      { id: 'ffeeddccbbaa0099', title: 'Night trains return', source: 'stdin', savedAt: '2025-02-01T08:00:00.000Z', tags: [], quotes: [] },
    ]);
    expect(store.warnings).toEqual([]);
    expect(await store.getPosition('a1b2c3d4e5f60718')).toBe(1834);
    // Reading changes nothing on disk.
    expect(readFileSync(join(home, 'config.json'), 'utf8')).toBe(original);

    await store.setPosition('ffeeddccbbaa0099', 5);
    const copies = readdirSync(home).filter((name) => name.startsWith(`config.json.pre-${STORE_VERSION}-`));
    expect(copies).toHaveLength(1);
    expect(readFileSync(join(home, copies[0]!), 'utf8')).toBe(original);
    const onDisk = JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'));
    expect(onDisk.__internal__.migrations.version).toBe(STORE_VERSION);
    expect(Object.keys(onDisk.bookmarks).sort()).toEqual(['a1b2c3d4e5f60718', 'ffeeddccbbaa0099']);
    expect(onDisk.positions).toEqual({ a1b2c3d4e5f60718: 1834, ffeeddccbbaa0099: 5 });
    // Later changes keep the copy as it is, and make no other.
    await store.add(storyArticle('later'));
    expect(readdirSync(home).filter((name) => name.startsWith('config.json.pre-'))).toEqual(copies);
  });

  it('from layout 2.0.0 keeps a copy too, and an older inkwire refuses the new file rather than miss its journal', async () => {
    const home = tempHome();
    const layout2 = JSON.stringify({
      theme: 'dark',
      bookmarks: { a1b2c3d4e5f60718: { ...layout1.bookmarks[0], position: undefined, quotes: [] } },
      positions: { a1b2c3d4e5f60718: 1834 },
      __internal__: { migrations: { version: '2.0.0' } },
    });
    writeFileSync(join(home, 'config.json'), layout2);
    const store = openBookmarkStore({ home });
    await store.add(storyArticle('new'));
    const copies = readdirSync(home).filter((name) => name.startsWith(`config.json.pre-${STORE_VERSION}-`));
    expect(copies.map((name) => readFileSync(join(home, name), 'utf8'))).toEqual([layout2]);
    const onDisk = JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'));
    expect(onDisk).toMatchObject({ theme: 'dark', positions: { a1b2c3d4e5f60718: 1834 }, __internal__: { migrations: { version: STORE_VERSION } } });
    expect(Number.parseInt(STORE_VERSION, 10)).toBeGreaterThan(2);
    expect((await openBookmarkStore({ home }).list()).map((b) => b.title).sort()).toEqual(['Harbour council votes to rebuild the bridge', 'Story new']);
  });
});
