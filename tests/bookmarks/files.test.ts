// Where inkwire keeps its files, the lock between processes, and the offline copies.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { openBookmarkStore } from '../../src/store/bookmarks/disk-store.js';
import { LockStalledError, LockWaitAborted, withLock } from '../../src/store/bookmarks/lock.js';
import { inkwirePaths } from '../../src/store/paths.js';
import { storyArticle } from './articles.js';
import { holdLockLike, tempHome } from './helpers.js';

describe('inkwirePaths', () => {
  it('puts everything under INKWIRE_HOME when it is set', () => {
    expect(inkwirePaths({ INKWIRE_HOME: '/data/profile', XDG_CONFIG_HOME: '/x' })).toEqual({
      config: '/data/profile/config.json',
      articles: '/data/profile/articles',
      cache: '/data/profile/cache',
      library: '/data/profile/library.db',
      home: '/data/profile',
    });
  });

  it('follows the XDG base directories, and falls back to ~/.config, ~/.local/share and ~/.cache', () => {
    expect(inkwirePaths({ HOME: '/home/ann', XDG_CONFIG_HOME: '/cfg', XDG_DATA_HOME: '/data', XDG_CACHE_HOME: '/cache' })).toEqual({
      config: '/cfg/inkwire/config.json',
      articles: '/data/inkwire/articles',
      cache: '/cache/inkwire',
      library: '/data/inkwire/library.db',
    });
    // A relative XDG path is invalid by the spec and ignored.
    expect(inkwirePaths({ HOME: '/home/ann', XDG_CONFIG_HOME: 'relative' })).toEqual({
      config: '/home/ann/.config/inkwire/config.json',
      articles: '/home/ann/.local/share/inkwire/articles',
      cache: '/home/ann/.cache/inkwire',
      library: '/home/ann/.local/share/inkwire/library.db',
    });
  });

  it("agrees with conf's own location for project inkwire without a suffix", () => {
    const xdg = tempHome();
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = xdg;
    try {
      const conf = new Conf({ projectName: 'inkwire', projectSuffix: '' });
      expect(inkwirePaths({ ...process.env, INKWIRE_HOME: undefined }).config).toBe(conf.path);
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
  });
});

describe('the lock between processes', () => {
  it('is taken over when the process holding it is gone (killed mid-save)', async () => {
    const dir = tempHome();
    const lock = join(dir, 'config.json.lock');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lock, JSON.stringify({ pid: Number(gone.stdout), host: hostname() }));
    expect(await withLock(lock, async () => 'ran')).toBe('ran');
    expect(existsSync(lock)).toBe(false);
  });

  it('is taken over when its pid now names another process than the one that took it', async () => {
    const dir = tempHome();
    const lock = join(dir, 'config.json.lock');
    // Our parent is alive, but it did not start at the time this lock says.
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), start: '1' }));
    expect(await withLock(lock, async () => 'ran')).toBe('ran');
  });

  it('is taken over when its file is unreadable and old (killed while creating it)', async () => {
    const dir = tempHome();
    const lock = join(dir, 'config.json.lock');
    writeFileSync(lock, '');
    utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(await withLock(lock, async () => 'ran')).toBe('ran');
  });

  it('is waited for as long as a live holder shows progress, however long that takes', async () => {
    const dir = tempHome();
    const lock = join(dir, 'config.json.lock');
    const holder = holdLockLike(lock);
    const waits: string[] = [];
    setTimeout(() => holder.stop(), 3_000);
    // Patience for a silent holder is a third of the time this holder keeps the lock.
    expect(await withLock(lock, async () => 'ran', { stallMs: 1_000, onWait: (who) => waits.push(who) })).toBe('ran');
    expect(waits).toEqual([`process ${holder.pid}`]);
  });

  it('gives up on a live holder that shows no progress, naming it, and leaves its lock alone', async () => {
    const dir = tempHome();
    const lock = join(dir, 'config.json.lock');
    // Our parent, the test runner's main process, is alive for the whole test.
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname() }));
    let ran = false;
    const attempt = withLock(lock, async () => (ran = true), { stallMs: 300 });
    await expect(attempt).rejects.toThrow(LockStalledError);
    await expect(withLock(lock, async () => (ran = true), { stallMs: 300 })).rejects.toThrow(`process ${process.ppid}`);
    expect(ran).toBe(false);
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.ppid);
  });

  it('stops waiting at once when told to', async () => {
    const dir = tempHome();
    const lock = join(dir, 'config.json.lock');
    const holder = holdLockLike(lock);
    try {
      const quit = new AbortController();
      const attempt = withLock(lock, async () => 'ran', { signal: quit.signal, onWait: () => setTimeout(() => quit.abort(), 50) });
      const started = Date.now();
      await expect(attempt).rejects.toThrow(LockWaitAborted);
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      holder.stop();
    }
  });

  it('is released when the work fails, and taken in turn by waiters of one process', async () => {
    const dir = tempHome();
    const lock = join(dir, 'config.json.lock');
    await expect(withLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
    const order: string[] = [];
    const names = ['a', 'b', 'c', 'd', 'e'];
    await Promise.all(
      names.map((name) =>
        withLock(lock, async () => {
          order.push(`${name} in`);
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push(`${name} out`);
        }),
      ),
    );
    // Never two inside at once.
    for (let i = 0; i < order.length; i += 2) expect(order[i + 1]).toBe(order[i]!.replace(' in', ' out'));
    expect(order).toHaveLength(names.length * 2);
  });
});

describe('offline copies', () => {
  it('are one JSON file per article under the articles folder', async () => {
    const home = tempHome();
    const article = storyArticle('offline');
    await openBookmarkStore({ home }).add(article);
    const copy = JSON.parse(readFileSync(join(home, 'articles', `${article.id}.json`), 'utf8'));
    expect(copy).toMatchObject({ id: article.id, title: article.title, text: article.text });
  });

  it('are sanitized again when loaded, should the file have been tampered with', async () => {
    const home = tempHome();
    const article = storyArticle('tampered');
    const store = openBookmarkStore({ home });
    await store.add(article);
    const path = join(home, 'articles', `${article.id}.json`);
    const copy = JSON.parse(readFileSync(path, 'utf8'));
    copy.title = 'Hacked \u001b]52;c;cGF5bG9hZA==\u0007title';
    writeFileSync(path, JSON.stringify(copy));
    expect((await store.loadArticle(article.id))?.title).toBe('Hacked title');
  });

  it('are kept while their bookmark is kept as removed, and pruned a day after it is gone', async () => {
    let clock = Date.now();
    const home = tempHome();
    const store = openBookmarkStore({ home, now: () => new Date(clock) });
    const gone = storyArticle('gone');
    const kept = storyArticle('kept');
    const stray = storyArticle('stray');
    await store.add(gone);
    await store.add(kept);
    await store.remove(gone.id);
    // An article of no bookmark at all (a toggle off whose removal was then forgotten).
    writeFileSync(join(home, 'articles', `${stray.id}.json`), JSON.stringify(stray));
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    for (const a of [gone, kept, stray]) utimesSync(join(home, 'articles', `${a.id}.json`), twoDaysAgo, twoDaysAgo);
    expect(await store.prune()).toBe(1);
    expect(existsSync(join(home, 'articles', `${stray.id}.json`))).toBe(false);
    expect((await store.loadArticle(gone.id))?.title).toBe('Story gone');

    // 31 days on, the removed bookmark is forgotten at the next compaction, and so its copy.
    clock += 31 * 24 * 60 * 60 * 1000;
    await store.merge(Array.from({ length: 3000 }, (_, i) => ({ id: `filler${i}`, title: `Filler ${i}`, source: 'import', savedAt: '2024-01-01T00:00:00.000Z', tags: [], quotes: [] })));
    expect(await store.listRemoved()).toEqual([]);
    expect(await store.prune()).toBe(1);
    expect(await store.loadArticle(gone.id)).toBeUndefined();
    expect((await store.loadArticle(kept.id))?.title).toBe('Story kept');
  });

  it('are refused for ids that could leave the folder', async () => {
    const home = tempHome();
    mkdirSync(join(home, 'articles'), { recursive: true });
    writeFileSync(join(home, 'secret.json'), '{}');
    expect(await openBookmarkStore({ home }).loadArticle('../secret')).toBeUndefined();
  });
});
