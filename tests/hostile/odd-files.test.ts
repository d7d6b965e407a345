import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSources } from '../../src/sources/load.js';
import { startServer, type TestServer } from '../web/server.js';
import { checkArticle, checkReason } from './properties.js';

// Files and responses no parser expects. Loaded together, each gives articles that keep the
// Article invariant or one clean line, and the good source among them still loads.

const dir = mkdtempSync(join(tmpdir(), 'inkwire-odd-'));
const good = join(dir, 'good.txt');
let socket: Server;
let server: TestServer;

const BODY = 'The council met on Monday and voted to rebuild the old harbour bridge before the spring tides.';

beforeAll(async () => {
  writeFileSync(good, `Bridge vote\n\n${BODY}`);
  socket = createServer();
  await new Promise<void>((resolve) => socket.listen(join(dir, 'listening.html'), resolve));
  server = await startServer({
    '/utf16-header-lie': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-16le' }).end(Buffer.from(`<p>Caf\xe9 society. ${BODY}</p>`, 'latin1')),
    '/utf16-no-bom': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-16' }).end(Buffer.from(`<html><body><p>${BODY}</p></body></html>`, 'utf16le')),
    '/replacement-charset': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=iso-2022-kr' }).end(Buffer.from(`<p>Caf\xe9. ${BODY}</p>`, 'latin1')),
    '/unknown-charset': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=x-nonsense' }).end(`<p>${BODY}</p>`),
    '/lone-lt': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<'),
    '/odd-length-utf16': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Title\n\n${BODY}`, 'utf16le'), Buffer.from([0x41])])),
    '/cut-feed': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>One</title><description>&lt;p&gt;'),
  });
});
afterAll(async () => {
  socket.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function odd(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('odd files and responses', () => {
  it('each gives valid articles or one clean line, and the good source still loads', async () => {
    const fifo = join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    const loopA = join(dir, 'loop-a.txt');
    symlinkSync(join(dir, 'loop-b.txt'), loopA);
    symlinkSync(loopA, join(dir, 'loop-b.txt'));
    const sparse = odd('sparse.txt', '');
    truncateSync(sparse, 20 * 1024 * 1024);
    const folderNamedHtml = join(dir, 'folder.html');
    mkdirSync(folderNamedHtml);
    const sources = [
      fifo,
      join(dir, 'listening.html'),
      '/dev/null',
      loopA,
      join(dir, 'dangling.txt'),
      sparse,
      folderNamedHtml,
      odd('lone-lt.html', '<'),
      odd('unclosed.html', '<!doctype html>\n<html '),
      odd('head-left-open.html', `<html><head\n<meta name="x"><p>${BODY}</p>`),
      odd('utf16-meta-lie.html', Buffer.from(`<meta charset="utf-16le"><p>Caf\xe9. ${BODY}</p>`, 'latin1')),
      odd('utf16-no-bom.txt', Buffer.from(`Title\n\n${BODY}`, 'utf16le')),
      odd('utf16-cut.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Title\n\n${BODY}`, 'utf16le').subarray(0, 51)])),
      odd('bom-only.txt', Buffer.from([0xef, 0xbb, 0xbf])),
      odd('nul-first.html', Buffer.concat([Buffer.from([0]), Buffer.from(`<p>${BODY}</p>`)])),
      odd('deep-list.md', `${'> '.repeat(5000)}${BODY}`),
      odd('entity-soup.html', `<p>${'&#x1F4A9;&#0;&#xD800;&bogus;'.repeat(1000)}</p>`),
      odd('bad.json', '{"title": "x", "body": '),
      odd('feed-in-json.json', '{"version": "https://jsonfeed.org/version/1.1", "items": [{}]}'),
      odd('list.opml', '<opml><body><outline xmlUrl="javascript:alert(1)"/></body></opml>'),
      server.url('/utf16-header-lie'),
      server.url('/utf16-no-bom'),
      server.url('/replacement-charset'),
      server.url('/unknown-charset'),
      server.url('/lone-lt'),
      server.url('/odd-length-utf16'),
      server.url('/cut-feed'),
      good,
    ];
    const { articles, failures, warnings } = await loadSources(sources, { web: {} });
    articles.forEach(checkArticle);
    for (const failure of failures) checkReason(failure.reason);
    for (const warning of warnings) checkReason(warning);
    expect(articles.some((a) => a.source === good)).toBe(true);
    // Each source was either read or named once.
    const named = new Set(failures.map((f) => f.source));
    for (const source of sources.filter((s) => !articles.some((a) => a.source === s))) {
      expect(named.has(source) || warnings.some((w) => w.startsWith(source)), `${source} is accounted for`).toBe(true);
    }
    expect(failures.find((f) => f.source === loopA)?.reason).toBe('too many symbolic links');
    expect(articles.find((a) => a.source === server.url('/utf16-header-lie'))?.text).toContain('Café society');
    expect(articles.find((a) => a.source === server.url('/utf16-no-bom'))?.text).toContain(BODY);
  }, 60_000);
});
