// A process killed with SIGKILL while it saves must leave a store that loads, holding either
// the state before that save or the state after it, and must not lock out the next process.
import { describe, expect, it } from 'vitest';
import { openBookmarkStore } from '../../src/store/bookmarks/disk-store.js';
import type { Bookmark } from '../../src/store/bookmarks/types.js';
import { storyArticle } from './articles.js';
import { startWorker, tempHome } from './helpers.js';

const ROUNDS = 10;

describe('SIGKILL while saving', () => {
  it('leaves the old or the new state, every time', async () => {
    const home = tempHome();
    // A store big enough that a save takes a while, so kills land inside saves.
    const seed: Bookmark[] = Array.from({ length: 1500 }, (_, i) => ({
      id: `seed${i}`,
      title: `Seeded bookmark ${i}`,
      source: `https://seed.example/${i}`,
      url: `https://seed.example/${i}`,
      savedAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
      tags: ['seed'],
      quotes: [],
    }));
    await openBookmarkStore({ home }).merge(seed);
    let expectedTotal = seed.length;

    for (let round = 0; round < ROUNDS; round++) {
      const name = `crash${round}`;
      // Every other round compacts after every save, so kills land in compactions too.
      const worker = startWorker(['save-forever', home, name], round % 2 === 1 ? { JOURNAL_BYTES: '1' } : {});
      // Kills at a uniformly random point of one save's length, measured on this machine now.
      await worker.waitFor('saved 0');
      const started = performance.now();
      await worker.waitFor('saved 1');
      const delay = Math.floor(Math.random() * (performance.now() - started));
      await new Promise((resolve) => setTimeout(resolve, delay));
      worker.child.kill('SIGKILL');
      const { signal } = await worker.exited;
      expect(signal).toBe('SIGKILL');
      const acknowledged = worker.lines().filter((line) => line.startsWith('saved ')).length;

      const store = openBookmarkStore({ home });
      const context = `round ${round}, killed after ${delay} ms, ${acknowledged} saves acknowledged`;
      const list = await store.list();
      expect(store.warnings, context).toEqual([]);
      const mine = list.filter((b) => b.title.startsWith(`Story ${name}-`));
      // Every acknowledged save is there; the one in flight may or may not be.
      expect([acknowledged, acknowledged + 1], context).toContain(mine.length);
      const expectedIds = Array.from({ length: mine.length }, (_, i) => storyArticle(`${name}-${i}`).id).sort();
      expect(mine.map((b) => b.id).sort(), context).toEqual(expectedIds);
      for (const b of mine) expect((await store.loadArticle(b.id))?.title, context).toBe(b.title);
      expectedTotal += mine.length;
      expect(list, context).toHaveLength(expectedTotal);

      // The next process can still save: a lock the killed one held is recognised as stale.
      await store.setPosition(seed[round]!.id, round + 1);
      expect(await openBookmarkStore({ home }).getPosition(seed[round]!.id), context).toBe(round + 1);
    }
  }, 240_000);
});
