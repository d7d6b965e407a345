// Two or more inkwire processes at once must never lose one another's changes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBookmarkStore } from '../../src/store/bookmarks/disk-store.js';
import { storyArticle } from './articles.js';
import { startWorker, tempHome, type Worker } from './helpers.js';

/** Starts the workers, lets them all open the store, then starts them at once. */
async function runTogether(workers: Worker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.waitFor('ready')));
  for (const w of workers) w.child.stdin!.write('go\n');
  const results = await Promise.all(workers.map((w) => w.exited));
  for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
}

const ids = (name: string, count: number) => Array.from({ length: count }, (_, i) => storyArticle(`${name}-${i}`).id);

describe('concurrent processes', () => {
  it('keeps all 200 bookmarks when four processes each add 50 at the same time', async () => {
    const home = tempHome();
    const names = ['north', 'south', 'east', 'west'];
    // Two of them compact after every change: compactions race with appends.
    await runTogether(names.map((name, i) => startWorker(['add', home, name, '50'], i % 2 === 0 ? { JOURNAL_BYTES: '1' } : {})));

    const store = openBookmarkStore({ home });
    const saved = new Set((await store.list()).map((b) => b.id));
    expect(saved.size).toBe(200);
    for (const name of names) for (const id of ids(name, 50)) expect(saved.has(id), `${name}: ${id}`).toBe(true);
    // Every bookmark opens offline, and no lock is left behind.
    for (const id of saved) expect((await store.loadArticle(id))?.id).toBe(id);
    expect(existsSync(join(home, 'config.json.lock'))).toBe(false);
    expect(store.warnings).toEqual([]);
  }, 180_000);

  it('loses none of the adds while another process removes bookmarks', async () => {
    const home = tempHome();
    const seed = openBookmarkStore({ home });
    for (let i = 0; i < 60; i++) await seed.add(storyArticle(`old-${i}`));
    expect(await seed.list()).toHaveLength(60);

    await runTogether([
      startWorker(['remove', home, 'old', '60']),
      startWorker(['add', home, 'red', '50']),
      startWorker(['add', home, 'blue', '50']),
      startWorker(['add', home, 'green', '50']),
    ]);

    const saved = new Set((await openBookmarkStore({ home }).list()).map((b) => b.id));
    for (const name of ['red', 'blue', 'green']) for (const id of ids(name, 50)) expect(saved.has(id), `${name}: ${id}`).toBe(true);
    for (const id of ids('old', 60)) expect(saved.has(id), `old: ${id}`).toBe(false);
    expect(saved.size).toBe(150);
  }, 180_000);
});
