// A file written by the previous layout (1.0.0: bookmarks in an array, each with its reading
// position) loads with everything in it, and is saved in the current layout.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBookmarkStore } from '../../src/store/bookmarks/conf-store.js';
import { STORE_VERSION } from '../../src/store/bookmarks/layout.js';
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
  ])('loads a file %s', (_, file) => {
    const home = tempHome();
    writeFileSync(join(home, 'config.json'), JSON.stringify(file, null, '\t'));

    const store = openBookmarkStore({ home });
    expect(store.warnings).toEqual([]);
    expect(store.list()).toEqual([
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
    expect(store.getPosition('a1b2c3d4e5f60718')).toBe(1834);

    const onDisk = JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'));
    expect(onDisk.__internal__.migrations.version).toBe(STORE_VERSION);
    expect(Object.keys(onDisk.bookmarks).sort()).toEqual(['a1b2c3d4e5f60718', 'ffeeddccbbaa0099']);
    expect(onDisk.positions).toEqual({ a1b2c3d4e5f60718: 1834 });
  });
});
