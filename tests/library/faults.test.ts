// The faults the library must survive, for real: the built CLI killed mid-refresh, two
// refreshing at once, and a full disk (a small tmpfs; skipped with the reason where mounting
// is not allowed). Damaged files are covered in library.test.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.js';
import { mountTmpfs, type Tmpfs } from '../bookmarks/helpers.js';
import { startServer, type TestServer, type Handler } from '../web/server.js';
import { rssFeed } from './fixtures.js';

const FAST = 12;
const SLOW = 6;
let server: TestServer;
let big = false;
const stalled: Array<() => void> = [];

beforeAll(async () => {
  const routes: Record<string, Handler> = {};
  for (let i = 0; i < FAST; i++) {
    routes[`/fast/${i}.xml`] = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rssFeed(`Fast ${i}`, 20, { prefix: `https://fast${i}.example/e`, words: big ? (n) => `Long entry ${n} `.repeat(4000) : undefined }));
    };
  }
  for (let i = 0; i < SLOW; i++) {
    // Never answers until the test ends: the refresh is killed while these are out.
    routes[`/slow/${i}.xml`] = (_req, res) => {
      stalled.push(() => res.destroy());
    };
  }
  server = await startServer(routes);
});
afterAll(async () => {
  for (const end of stalled) end();
  await server.close();
});

function inkwire(home: string, args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, INKWIRE_HOME: home, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin!.end();
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

const fastUrls = () => Array.from({ length: FAST }, (_, i) => server.url(`/fast/${i}.xml`));

function subscribeAll(home: string, urls: readonly string[]): void {
  // Written straight into a library made by the CLI, so the test does not fetch each feed.
  const db = new Database(join(home, 'library.db'));
  const insert = db.prepare('INSERT INTO feeds (url, added_at) VALUES (?, ?)');
  for (const url of urls) insert.run(url, Date.now());
  db.close();
}

async function makeLibrary(home: string): Promise<void> {
  const made = await inkwire(home, ['feeds', 'list']).done;
  expect(made.code).toBe(0);
}

function integrity(home: string): string {
  const db = new Database(join(home, 'library.db'), { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

function counts(home: string): { refreshed: number; entries: number; distinct: number } {
  const db = new Database(join(home, 'library.db'), { readonly: true });
  try {
    return {
      refreshed: Number(db.prepare('SELECT count(*) FROM feeds WHERE refreshed_at IS NOT NULL').pluck().get()),
      entries: Number(db.prepare('SELECT count(*) FROM entries').pluck().get()),
      distinct: Number(db.prepare('SELECT count(DISTINCT key) FROM entries').pluck().get()),
    };
  } finally {
    db.close();
  }
}

describe('library faults', () => {
  it('SIGKILL mid-refresh keeps every feed stored before it, and the library opens, lists and searches after', async () => {
    const home = mkdtempSync(join(tmpdir(), 'inkwire-lib-kill-'));
    await makeLibrary(home);
    subscribeAll(home, [...fastUrls(), ...Array.from({ length: SLOW }, (_, i) => server.url(`/slow/${i}.xml`))]);
    const { child, done } = inkwire(home, ['refresh', '--timeout', '60']);
    const deadline = Date.now() + 20_000;
    while (counts(home).refreshed < FAST && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    expect(integrity(home)).toBe('ok');
    expect(counts(home)).toEqual({ refreshed: FAST, entries: FAST * 20, distinct: 20 * FAST });
    const listed = await inkwire(home, ['feeds', 'list', '--json']).done;
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout).filter((f: { unread: number }) => f.unread === 20)).toHaveLength(FAST);
    const searched = await inkwire(home, ['search', 'harbour', '--limit', '3', '--json']).done;
    expect(JSON.parse(searched.stdout)).toHaveLength(3);
  }, 60_000);

  it('two inkwire processes refreshing the same library at once both finish, with no entry twice', async () => {
    const home = mkdtempSync(join(tmpdir(), 'inkwire-lib-two-'));
    await makeLibrary(home);
    subscribeAll(home, fastUrls());
    const [a, b] = await Promise.all([inkwire(home, ['refresh']).done, inkwire(home, ['refresh']).done]);
    expect([a.code, b.code, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    expect(integrity(home)).toBe('ok');
    expect(counts(home)).toEqual({ refreshed: FAST, entries: FAST * 20, distinct: FAST * 20 });
  }, 60_000);

  describe('a full disk', () => {
    const probe = mountTmpfs('size=4m');
    const reason = 'reason' in probe ? probe.reason : undefined;
    if ('dir' in probe) probe.unmount();
    if (reason) console.log(`skipping the library's full-disk test: ${reason}`);
    const mounts: Tmpfs[] = [];
    afterEach(() => {
      big = false;
      for (const m of mounts.splice(0)) m.unmount();
    });

    it.skipIf(reason !== undefined)('a refresh that cannot be written fails in one line (exit 74) and loses nothing stored before', async () => {
      const disk = mountTmpfs('size=4m') as Tmpfs;
      mounts.push(disk);
      const home = join(disk.dir, 'home');
      await makeLibrary(home);
      subscribeAll(home, fastUrls().slice(0, 2));
      expect((await inkwire(home, ['refresh']).done).code).toBe(0);
      disk.fill(16 * 1024);
      big = true;
      const full = await inkwire(home, ['refresh', '--no-cache']).done;
      expect(full.code).toBe(74);
      expect(full.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^inkwire: library .*library\.db: disk full; the change was not saved$/)]);
      disk.unfill();
      expect(integrity(home)).toBe('ok');
      expect(counts(home).entries).toBe(40);
      const listed = await inkwire(home, ['list', '--unread', '--json']).done;
      expect(JSON.parse(listed.stdout)).toHaveLength(40);
    }, 60_000);
  });
});
