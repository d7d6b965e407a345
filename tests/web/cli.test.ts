import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.js';
import { startServer, type TestServer } from './server.js';

// The built CLI against pages and feeds served locally, as a user runs it. The CLI runs in a
// child process without blocking, so this process's server can answer it.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  home: string;
}

function inkwire(args: string[]): Promise<Run> {
  const home = mkdtempSync(join(tmpdir(), 'inkwire-home-'));
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, INKWIRE_HOME: home, NO_COLOR: '1' }, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr, home });
    });
  });
}

const body = (words: string) => `<p>${`${words} `.repeat(40)}</p>`;
const article = (title: string, words: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${body(words)}${body(words)}</article></body></html>`;

let server: TestServer;

beforeAll(async () => {
  // npm test builds before the suite; rebuilding here would swap dist/ under the other tests.
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ['scripts/build.mjs'], { cwd: ROOT }, (error) => (error ? reject(error) : resolve())),
    );
  }
  const feed = () =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>` +
    `<item><title>Ferries return</title><link>${server.url('/ferries')}</link><description>Short summary.</description></item>` +
    `<item><title>Bridge repairs</title><link>${server.url('/bridge')}</link><description>Another summary.</description></item>` +
    `</channel></rss>`;
  server = await startServer({
    '/ferries': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(article('Ferries return', 'The harbour ferries returned to their winter timetable this week.'));
    },
    '/bridge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(article('Bridge repairs', 'Engineers began repairs on the old swing bridge on Monday morning.'));
    },
    '/feed.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feed());
    },
    '/front': (_req, res) => {
      // A front page: links, no article, and an advertised feed.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><html><head><title>Harbour</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><a href="/ferries">Ferries</a></body></html>`);
    },
    '/stall': () => {
      // Never answers.
    },
  });
});

afterAll(() => server.close());

describe('inkwire with web addresses', () => {
  it('exports a page as JSON and caches it under INKWIRE_HOME', async () => {
    const run = await inkwire(['export', server.url('/ferries'), '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const articles = JSON.parse(run.stdout) as Array<{ title: string; url: string; text: string }>;
    expect(articles).toHaveLength(1);
    expect(articles[0]!.title).toBe('Ferries return');
    expect(articles[0]!.url).toBe(server.url('/ferries'));
    expect(articles[0]!.text).toContain('winter timetable');
    expect(readdirSync(join(run.home, 'cache', 'web')).length).toBeGreaterThan(0);
  });

  it('writes no cache with --no-cache', async () => {
    const run = await inkwire(['export', server.url('/ferries'), '--format', 'json', '--no-cache']);
    expect(run.code).toBe(0);
    expect(existsSync(join(run.home, 'cache'))).toBe(false);
  });

  it('lists a feed, one line per entry', async () => {
    const run = await inkwire(['list', server.url('/feed.xml')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Ferries return/);
    expect(run.stdout).toMatch(/Bridge repairs/);
  });

  it('--feed finds the feed a page advertises; --full fetches each entry', async () => {
    const run = await inkwire(['export', '--feed', server.url('/front'), '--full', '--format', 'json']);
    expect(run.stderr).toBe('');
    const articles = JSON.parse(run.stdout) as Array<{ title: string; text: string; siteName: string }>;
    expect(articles.map((a) => a.title)).toEqual(['Ferries return', 'Bridge repairs']);
    expect(articles[0]!.siteName).toBe('Harbour News');
    expect(articles[0]!.text).toContain('winter timetable');
    expect(articles[1]!.text).toContain('swing bridge');
  });

  it('falls back to the advertised feed when a page has no article', async () => {
    const run = await inkwire(['list', server.url('/front')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Ferries return/);
    expect(run.stderr).toMatch(/^inkwire: .*no article on the page; showing its feed/);
  });

  it('reports a failing address on one line and still prints the others', async () => {
    const run = await inkwire(['export', server.url('/missing'), server.url('/bridge'), '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`inkwire: ${server.url('/missing')}: HTTP 404 Not Found\n`);
    expect((JSON.parse(run.stdout) as Array<{ title: string }>).map((a) => a.title)).toEqual(['Bridge repairs']);
  });

  it('honours --timeout and exits with the I/O error code', async () => {
    const run = await inkwire(['export', server.url('/stall'), '--timeout', '0.5', '--format', 'json']);
    expect(run.code).toBe(74);
    expect(run.stderr).toBe(`inkwire: ${server.url('/stall')}: timed out after 0.5 s (raise it with --timeout)\n`);
  });

  it('rejects a bad --timeout and other schemes as usage errors', async () => {
    const bad = await inkwire(['export', server.url('/ferries'), '--timeout', 'soon']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/^inkwire: --timeout: not a number of seconds/);
    const ftp = await inkwire(['export', 'ftp://example.invalid/news']);
    expect(ftp.code).toBe(64);
    expect(ftp.stderr).toBe('inkwire: ftp://example.invalid/news: ftp: addresses are not supported (only http and https)\n');
  });
});
