import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../web/server.js';
import { CLI, KEYS, requireBuild, restored, startSession, type Session } from './pty.js';

// Web sources load while the interface is up: one answers only when the test lets it, one
// fails, the rest answer at once.

const page = (title: string, words: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${`<p>${`${words} `.repeat(40)}</p>`.repeat(2)}</article></body></html>`;

let server: TestServer;
const held: ServerResponse[] = [];
const sessions: Session[] = [];

beforeAll(async () => {
  requireBuild();
  const html = (title: string, words: string) => (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(title, words));
  };
  server = await startServer({
    '/a': html('Alpha harbour news', 'The ferry returned to the harbour this week.'),
    '/b': html('Bravo bridge repairs', 'Engineers began repairs on the old swing bridge.'),
    '/slow': (_req, res) => {
      held.push(res);
    },
    '/feed.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Feed</title>` +
          `<item><title>Ferry entry</title><link>${server.url('/a')}</link><description>Only a summary.</description></item>` +
          `</channel></rss>`,
      );
    },
  });
});
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});
afterAll(() => server.close());

function run(paths: string[], options: string[] = []): Session {
  const s = startSession('node', [CLI, '--no-cache', ...options, ...paths.map((p) => server.url(p))], { columns: 100, rows: 30 });
  sessions.push(s);
  return s;
}

describe('inkwire with web sources', () => {
  it('shows articles and the count before the slow source is in, takes keys, reports the failure, and quits', async () => {
    const s = run(['/a', '/slow', '/missing', '/b']);
    await s.waitFor('3/4 loaded, 1 failed');
    expect(s.screen()).toContain('Alpha harbour news');
    expect(s.screen()).toContain('Bravo bridge repairs');
    expect(s.screen()).not.toContain('Slow tide report');

    // Keys work while /slow is still out: read Bravo and come back.
    await s.press('j');
    await s.waitFor('2/2 ·');
    await s.press(KEYS.enter);
    await s.waitFor('Engineers began repairs');
    await s.press('q');
    await s.waitFor('Title');

    const res = held.shift()!;
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page('Slow tide report', 'The tide was slow to turn on the estuary today.'));
    await s.waitFor('Slow tide report');
    await s.waitUntil(() => !s.screen().includes('loaded'), 'the count to go');
    // In the order given, with the cursor still on Bravo.
    const screen = s.screen();
    expect(screen.indexOf('Alpha harbour news')).toBeLessThan(screen.indexOf('Slow tide report'));
    expect(screen.indexOf('Slow tide report')).toBeLessThan(screen.indexOf('Bravo bridge repairs'));
    expect(screen).toContain('3/3 ·');

    await s.press('q');
    // A source failed: 1, as when everything loads before the interface.
    expect((await s.exit).exitCode).toBe(1);
    expect(restored(s)).toBe(true);
    expect(s.output()).toMatch(/inkwire: http:\/\/127\.0\.0\.1:\d+\/missing: HTTP 404 Not Found/);
  });

  it('quits mid-load without waiting for the slow source', async () => {
    const s = run(['/a', '/slow']);
    await s.waitFor('1/2 loaded');
    await s.press('q');
    expect((await s.exit).exitCode).toBe(0);
    expect(restored(s)).toBe(true);
    held.shift()?.destroy();
  });

  it('opens a feed entry and fetches its full text with r', async () => {
    const s = run(['/feed.xml']);
    // One entry from one source opens straight in the reader.
    await s.waitFor('Only a summary.');
    await s.waitFor('r full text');
    await s.press('r');
    await s.waitFor('The ferry returned to the harbour');
    await s.waitFor('Full text fetched');
    expect(s.screen()).not.toContain('Only a summary.');
    await s.press('q');
    expect((await s.exit).exitCode).toBe(0);
  });

  it('loads a --feed given alone, instead of opening on the bookmarks', async () => {
    const s = run([], ['--feed', server.url('/feed.xml')]);
    await s.waitFor('Only a summary.');
    await s.press('q');
    expect((await s.exit).exitCode).toBe(0);
  });
});
