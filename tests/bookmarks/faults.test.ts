// A full disk without a full disk: the store's writes go through a FileOps, and these tests
// give it one that runs out of space after N bytes (a short write, then ENOSPC), or fails a
// flush or a rename. Whatever N is, every change either happens whole, or fails with a
// sentence and leaves every file as it was, with no temporary file behind.
// tests/bookmarks/disk-full.test.ts does the same on a real full tmpfs where it can mount one.
import { cpSync, readdirSync, statSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFileOps, type FileOps } from '../../src/store/bookmarks/durable.js';
import { openBookmarkStore } from '../../src/store/bookmarks/disk-store.js';
import type { StoreIoError } from '../../src/store/bookmarks/io-errors.js';
import type { Bookmark, BookmarkStore } from '../../src/store/bookmarks/types.js';
import { storyArticle } from './articles.js';
import { snapshotFolder, tempHome } from './helpers.js';

interface Faults {
  /** Bytes that may still be written before the disk is full. */
  budget: number;
  failSync?: boolean;
  failRename?: boolean;
}

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** The real file system, but with a disk of `faults.budget` free bytes. */
function faultyOps(faults: Faults): FileOps {
  const wrap = (handle: FileHandle): FileHandle =>
    new Proxy(handle, {
      get(target, key) {
        if (key === 'write') {
          return async (buffer: Uint8Array, offset = 0, length = buffer.length - offset, position?: number | null) => {
            if (faults.budget <= 0) throw errno('ENOSPC');
            // A short write first, as a nearly full disk gives: the rest fails next time.
            const take = Math.min(length, faults.budget);
            faults.budget -= take;
            return target.write(buffer, offset, take, position);
          };
        }
        if (key === 'sync' && faults.failSync) return async () => Promise.reject(errno('EIO'));
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return {
    ...realFileOps,
    open: async (path, flags, mode) => wrap(await realFileOps.open(path, flags, mode)),
    rename: async (from, to) => (faults.failRename ? Promise.reject(errno('EIO')) : realFileOps.rename(from, to)),
  };
}

const seed: Bookmark[] = Array.from({ length: 200 }, (_, i) => ({
  id: `seed${i}`,
  title: `Seeded bookmark ${i}`,
  source: `https://seed.example/${i}`,
  url: `https://seed.example/${i}`,
  savedAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
  note: i % 3 === 0 ? `note ${i}` : undefined,
  tags: ['seed'],
  quotes: [],
})).map(({ note, ...b }) => (note ? { ...b, note } : b));

/** A store of 200 bookmarks with a few changes in its journal, made once and copied per case. */
async function seededHome(): Promise<string> {
  const home = tempHome();
  const store = openBookmarkStore({ home });
  await store.merge(seed);
  await store.add(storyArticle('journaled'), { note: 'in the journal' });
  await store.remove('seed3');
  return home;
}

const strays = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes('.tmp-') && statSync(join(dir, name)).isFile());

interface Change {
  name: string;
  run(store: BookmarkStore): Promise<unknown>;
  /** What a store that took the change whole shows. */
  check(store: BookmarkStore): Promise<void>;
}

const changes: Change[] = [
  {
    name: 'add',
    run: (store) => store.add(storyArticle('new'), { note: 'new note', tags: ['t'] }),
    check: async (store) => expect(await store.get(storyArticle('new').id)).toMatchObject({ note: 'new note', tags: ['t'] }),
  },
  {
    name: 'remove',
    run: (store) => store.remove('seed7'),
    check: async (store) => {
      expect(await store.has('seed7')).toBe(false);
      expect((await store.listRemoved()).map((r) => r.bookmark.id)).toContain('seed7');
    },
  },
  {
    name: 'toggle',
    run: (store) => store.toggle(storyArticle('journaled')),
    check: async (store) => expect(await store.has(storyArticle('journaled').id)).toBe(false),
  },
  {
    name: 'import (a new base)',
    run: (store) => store.merge(Array.from({ length: 1500 }, (_, i) => ({ ...seed[0]!, id: `more${i}`, url: `https://more.example/${i}`, source: 'import' }))),
    check: async (store) => expect(await store.list()).toHaveLength(200 + 1 - 1 + 1500),
  },
];

async function snapshotOf(home: string) {
  return snapshotFolder(home);
}

describe('a disk that fills up during a change', () => {
  it.each(changes.map((c) => [c.name, c] as const))('%s: whole or not at all, for any amount of free space', async (_, change) => {
    const template = await seededHome();
    const total = Object.values(Object.fromEntries(snapshotFolder(template))).reduce((n, b) => n + b.length, 0);
    // Every step of a change runs out of space at some budget: a geometric series up to ten
    // times the store's size lands in each (the lock, the copy, the journal, the new base,
    // the last good copy, the fresh journal).
    const budgets = [0, 1, 7, 40, 100, 300];
    for (let budget = 1_000; budget < 10 * total; budget = Math.ceil(budget * 1.4)) budgets.push(budget);
    let failed = 0;
    let done = 0;
    for (const budget of budgets) {
      const home = tempHome();
      cpSync(template, home, { recursive: true });
      const before = await snapshotOf(home);
      // journalBytes 1: every change is followed by a compaction, which a full disk may stop.
      for (const journalBytes of [undefined, 1]) {
        const store = openBookmarkStore({ home, fileOps: faultyOps({ budget }), journalBytes });
        const context = `${budget} bytes free, journalBytes ${journalBytes}`;
        let error: unknown;
        await change.run(store).catch((e: unknown) => (error = e));
        expect(strays(home), context).toEqual([]);
        const after = openBookmarkStore({ home });
        if (error) {
          expect(error, context).toMatchObject({ name: 'StoreIoError', code: 'ENOSPC' });
          expect((error as StoreIoError).reason, context).toBe('no space left on the device');
          expect(await snapshotOf(home), context).toEqual(before);
          expect(await after.list(), context).toHaveLength(200);
          failed++;
        } else {
          await change.check(after);
          done++;
        }
        expect(after.warnings, context).toEqual([]);
        if (!error) break;
      }
    }
    // The range of budgets covers both outcomes.
    expect(failed).toBeGreaterThan(0);
    expect(done).toBeGreaterThan(0);
  }, 60_000);

  it.each([
    ['a flush', { budget: Infinity, failSync: true }],
    ['a rename', { budget: Infinity, failRename: true }],
  ] as const)('that fails %s changes nothing', async (_, faults) => {
    const home = await seededHome();
    const before = snapshotFolder(home);
    for (const change of changes) {
      const store = openBookmarkStore({ home, fileOps: faultyOps({ ...faults }), journalBytes: 1 });
      const error = await change.run(store).then(
        () => undefined,
        (e: unknown) => e,
      );
      // An append is flushed but never renamed: only a flush failure stops it.
      if (error === undefined) {
        expect(faults).toMatchObject({ failRename: true });
        continue;
      }
      expect(error, change.name).toMatchObject({ name: 'StoreIoError', code: 'EIO' });
      expect(snapshotFolder(home), change.name).toEqual(before);
      expect(strays(home), change.name).toEqual([]);
    }
  });
});
