// Where inkwire keeps its files, the lock between processes, and the offline copies.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { openBookmarkStore } from '../../src/store/bookmarks/conf-store.js';
import { LockTimeoutError, withLock } from '../../src/store/bookmarks/lock.js';
import { inkwirePaths } from '../../src/store/paths.js';
import { storyArticle } from './articles.js';
import { tempHome } from './helpers.js';

describe('inkwirePaths', () => {
  it('puts everything under INKWIRE_HOME when it is set', () => {
    expect(inkwirePaths({ INKWIRE_HOME: '/data/profile', XDG_CONFIG_HOME: '/x' })).toEqual({
      config: '/data/profile/config.json',
      articles: '/data/profile/articles',
      cache: '/data/profile/cache',
      home: '/data/profile',
    });
  });

  it('follows the XDG base directories, and falls back to ~/.config, ~/.local/share and ~/.cache', () => {
    expect(inkwirePaths({ HOME: '/home/ann', XDG_CONFIG_HOME: '/cfg', XDG_DATA_HOME: '/data', XDG_CACHE_HOME: '/cache' })).toEqual({
      config: '/cfg/inkwire/config.json',
      articles: '/data/inkwire/articles',
      cache: '/cache/inkwire',
    });
    // A relative XDG path is invalid by the spec and ignored.
    expect(inkwirePaths({ HOME: '/home/ann', XDG_CONFIG_HOME: 'relative' })).toEqual({
      config: '/home/ann/.config/inkwire/config.json',
      articles: '/home/ann/.local/share/inkwire/articles',
      cache: '/home/ann/.cache/inkwire',
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
  it('is broken when the process holding it is gone (killed mid-save)', () => {
    const dir = tempHome();
    const lock = join(dir, 'config.json.lock');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lock, JSON.stringify({ pid: Number(gone.stdout), host: hostname() }));
    expect(withLock(lock, () => 'ran', { timeoutMs: 5_000 })).toBe('ran');
    expect(existsSync(lock)).toBe(false);
  });

  it('is broken when its file is unreadable and old (killed while creating it)', () => {
    const dir = tempHome();
    const lock = join(dir, 'config.json.lock');
    writeFileSync(lock, '');
    utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(withLock(lock, () => 'ran', { timeoutMs: 5_000 })).toBe('ran');
  });

  it('is waited for while a live process holds it, and names that process when waiting fails', () => {
    const dir = tempHome();
    const lock = join(dir, 'config.json.lock');
    // Our parent, the test runner's main process, is alive for the whole test.
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname() }));
    let ran = false;
    expect(() => withLock(lock, () => (ran = true), { timeoutMs: 100 })).toThrow(LockTimeoutError);
    expect(() => withLock(lock, () => (ran = true), { timeoutMs: 100 })).toThrow(`process ${process.ppid}`);
    expect(ran).toBe(false);
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.ppid);
  });
});

describe('offline copies', () => {
  it('are one JSON file per article under the articles folder', () => {
    const home = tempHome();
    const article = storyArticle('offline');
    openBookmarkStore({ home }).add(article);
    const copy = JSON.parse(readFileSync(join(home, 'articles', `${article.id}.json`), 'utf8'));
    expect(copy).toMatchObject({ id: article.id, title: article.title, text: article.text });
  });

  it('are sanitized again when loaded, should the file have been tampered with', () => {
    const home = tempHome();
    const article = storyArticle('tampered');
    const store = openBookmarkStore({ home });
    store.add(article);
    const path = join(home, 'articles', `${article.id}.json`);
    const copy = JSON.parse(readFileSync(path, 'utf8'));
    copy.title = 'Hacked \u001b]52;c;cGF5bG9hZA==\u0007title';
    writeFileSync(path, JSON.stringify(copy));
    expect(store.loadArticle(article.id)?.title).toBe('Hacked title');
  });

  it('outlive their bookmark for a day, so an undo elsewhere still finds them, then are pruned', () => {
    const home = tempHome();
    const store = openBookmarkStore({ home });
    const gone = storyArticle('gone');
    const kept = storyArticle('kept');
    store.add(gone);
    store.add(kept);
    store.remove(gone.id);
    const path = join(home, 'articles', `${gone.id}.json`);
    expect(store.prune()).toBe(0);
    expect(store.loadArticle(gone.id)?.title).toBe('Story gone');

    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(path, twoDaysAgo, twoDaysAgo);
    utimesSync(join(home, 'articles', `${kept.id}.json`), twoDaysAgo, twoDaysAgo);
    expect(store.prune()).toBe(1);
    expect(existsSync(path)).toBe(false);
    expect(store.loadArticle(kept.id)?.title).toBe('Story kept');
  });

  it('are refused for ids that could leave the folder', () => {
    const home = tempHome();
    mkdirSync(join(home, 'articles'), { recursive: true });
    writeFileSync(join(home, 'secret.json'), '{}');
    expect(openBookmarkStore({ home }).loadArticle('../secret')).toBeUndefined();
  });
});
