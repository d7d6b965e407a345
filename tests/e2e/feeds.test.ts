// The daily reading loop in a real pseudo-terminal: subscribe, open inkwire on its feeds,
// refresh from a loopback server while keys work, read an entry, watch the unread count drop,
// and find it all still so after a restart.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../web/server.js';
import { rssFeed } from '../library/fixtures.js';
import { CLI, KEYS, ROOT, requireBuild, restored, startSession, type Session } from './pty.js';

let server: TestServer;
let items = 2;
// While set, the feed's answer waits for it: the test holds a refresh open to press keys in it.
let held: Promise<void> | null = null;
const sessions: Session[] = [];
const homes: string[] = [];

beforeAll(async () => {
  requireBuild();
  server = await startServer({
    '/daily.xml': async (_req, res) => {
      await held;
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rssFeed('Morning Post', items, { words: (i) => `Item ${i}: the morning ferry crossed the bay in thick fog, the pilot said.` }));
    },
  });
});
afterAll(() => server.close());
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function cli(home: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, INKWIRE_HOME: home, NO_COLOR: '1' } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', () => resolve(out));
    child.stdin.end();
  });
}

function open(home: string): Session {
  const s = startSession('node', [CLI], { home, columns: 100, rows: 24 });
  sessions.push(s);
  return s;
}

describe('the feeds view', () => {
  it('subscribe, refresh with R, read an entry, unread drops, and a restart keeps it all', async () => {
    const home = mkdtempSync(join(tmpdir(), 'inkwire-feeds-e2e-'));
    homes.push(home);
    items = 2;
    await cli(home, ['feeds', 'add', server.url('/daily.xml'), '--tag', 'news']);

    const s = open(home);
    await s.waitFor(/2\/2 {2}Morning Post +news/);
    expect(s.screen()).toContain('Feeds · 1 feed · 2 unread');

    // Two more entries on the server: R fetches them, and keys still work while it waits.
    // (A key clears a message, so the answer is held until the keys are handled.)
    items = 4;
    let release = () => {};
    held = new Promise((r) => (release = r));
    await s.press('R');
    await s.waitFor('Refreshing 0/1');
    await s.press('?');
    await s.waitFor('Esc closes');
    await s.press(KEYS.esc);
    await s.waitFor('Refreshing 0/1');
    release();
    held = null;
    await s.waitFor(/4\/4 {2}Morning Post/);
    await s.waitFor('Refreshed 1 feed: 2 new');

    // Enter: the entries, newest first; Enter again reads one and marks it read.
    await s.press(KEYS.enter);
    await s.waitFor('4 entries · 4 unread');
    expect(s.screen().indexOf('Morning Post item 3')).toBeLessThan(s.screen().indexOf('Morning Post item 0'));
    await s.press(KEYS.enter);
    await s.waitFor('the morning ferry crossed the bay');
    await s.press('q');
    await s.waitFor('4 entries · 3 unread');
    // m marks the next one read by hand; q back to the feeds shows the count.
    await s.press('j', 'm');
    await s.waitFor('4 entries · 2 unread');
    await s.press('q');
    await s.waitFor(/2\/4 {2}Morning Post/);
    await s.press('q');
    const exited = await s.exit;
    expect(exited.exitCode).toBe(0);
    expect(restored(s)).toBe(true);

    // A restart reads the same state; A marks the feed read.
    const again = open(home);
    await again.waitFor(/2\/4 {2}Morning Post/);
    await again.press('A');
    await again.waitFor(/0\/4 {2}Morning Post/);
    await again.waitFor('Marked 2 entries read');
    await again.press('q');
    await again.exit;
    expect(await cli(home, ['feeds', 'list'])).toMatch(/^0\/4 {2}Morning Post/);
  }, 60_000);
});
