import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../src/sources/load.js';
import { startServer } from './server.js';

// The web cache: a reopen is answered by a 304 (or not asked at all while fresh), and a page
// read before can be read again with the server gone.

const html = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article>` +
  `<p>${'Ferries resumed their winter timetable on Monday after the storm passed the islands. '.repeat(8)}</p>` +
  `</article></body></html>`;

function cacheFolder(): string {
  return join(mkdtempSync(join(tmpdir(), 'inkwire-home-')), 'cache');
}

describe('web cache', () => {
  it('revalidates with ETag and Last-Modified, and reads offline what it fetched before', async () => {
    const conditional: Array<{ etag?: string; since?: string }> = [];
    let full = 0;
    const server = await startServer({
      '/story': (req, res) => {
        conditional.push({ etag: req.headers['if-none-match'], since: req.headers['if-modified-since'] });
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' });
          res.end();
          return;
        }
        full++;
        res.writeHead(200, { 'content-type': 'text/html', etag: '"v1"', 'last-modified': 'Tue, 19 Nov 2019 10:00:00 GMT' });
        res.end(html('Ferries resume'));
      },
    });
    const cacheDir = cacheFolder();
    const url = server.url('/story');

    const first = await loadSources([url], { web: { cacheDir } });
    expect(first.articles[0]!.title).toBe('Ferries resume');
    const second = await loadSources([url], { web: { cacheDir } });
    expect(second.articles[0]!.text).toBe(first.articles[0]!.text);
    expect(full).toBe(1);
    expect(conditional[1]).toEqual({ etag: '"v1"', since: 'Tue, 19 Nov 2019 10:00:00 GMT' });

    await server.close();
    const offline = await loadSources([url], { web: { cacheDir, timeoutMs: 2000 } });
    expect(offline.failures).toEqual([]);
    expect(offline.articles[0]!.title).toBe('Ferries resume');
    expect(offline.warnings).toHaveLength(1);
    expect(offline.warnings[0]).toMatch(/connection refused; showing the copy saved \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  });

  it('does not ask again while the server said the copy is fresh', async () => {
    let requests = 0;
    const server = await startServer({
      '/fresh': (_req, res) => {
        requests++;
        res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'max-age=600' });
        res.end(html('Fresh story'));
      },
    });
    const cacheDir = cacheFolder();
    await loadSources([server.url('/fresh')], { web: { cacheDir } });
    const again = await loadSources([server.url('/fresh')], { web: { cacheDir } });
    await server.close();
    expect(again.articles[0]!.title).toBe('Fresh story');
    expect(requests).toBe(1);
  });

  it('stores nothing for no-store responses or without a cache folder (--no-cache)', async () => {
    let requests = 0;
    const server = await startServer({
      '/private': (_req, res) => {
        requests++;
        res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
        res.end(html('Private story'));
      },
      '/plain': (_req, res) => {
        requests++;
        res.writeHead(200, { 'content-type': 'text/html', etag: '"p"' });
        res.end(html('Plain story'));
      },
    });
    const cacheDir = cacheFolder();
    await loadSources([server.url('/private')], { web: { cacheDir } });
    expect(existsSync(join(cacheDir, 'web')) ? readdirSync(join(cacheDir, 'web')) : []).toEqual([]);
    await loadSources([server.url('/plain')], { web: {} });
    await loadSources([server.url('/plain')], { web: {} });
    await server.close();
    expect(requests).toBe(3);
  });

  it('a cache folder that cannot be written never fails a read', async () => {
    const server = await startServer({
      '/story': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', etag: '"s"' });
        res.end(html('Cached story'));
      },
    });
    const home = mkdtempSync(join(tmpdir(), 'inkwire-home-'));
    // A file where the folder should be: every write fails with ENOTDIR, as root too.
    const blocked = join(home, 'not-a-folder');
    writeFileSync(blocked, '');
    const readOnly = join(home, 'read-only');
    mkdirSync(join(readOnly, 'web'), { recursive: true });
    chmodSync(join(readOnly, 'web'), 0o500);
    chmodSync(readOnly, 0o500);
    for (const cacheDir of [join(blocked, 'cache'), readOnly]) {
      const { articles, failures, warnings } = await loadSources([server.url('/story')], { web: { cacheDir } });
      expect(failures).toEqual([]);
      expect(warnings).toEqual([]);
      expect(articles.map((a) => a.title)).toEqual(['Cached story']);
    }
    chmodSync(readOnly, 0o700);
    await server.close();
  });
});

describe('web cache: Expires and Vary', () => {
  it('does not ask again before Expires, as with max-age', async () => {
    let requests = 0;
    const server = await startServer({
      '/expires': (_req, res) => {
        requests++;
        res.writeHead(200, { 'content-type': 'text/html', expires: new Date(Date.now() + 10 * 60_000).toUTCString() });
        res.end(html('Ferries expire later'));
      },
    });
    const cacheDir = cacheFolder();
    await loadSources([server.url('/expires')], { web: { cacheDir } });
    const again = await loadSources([server.url('/expires')], { web: { cacheDir } });
    expect(again.articles[0]!.title).toBe('Ferries expire later');
    expect(requests).toBe(1);
    await server.close();
  });

  it('asks again when Expires has passed', async () => {
    let requests = 0;
    const server = await startServer({
      '/expired': (_req, res) => {
        requests++;
        res.writeHead(200, { 'content-type': 'text/html', expires: 'Thu, 01 Jan 1970 00:00:00 GMT' });
        res.end(html('Ferries expired'));
      },
    });
    const cacheDir = cacheFolder();
    await loadSources([server.url('/expired')], { web: { cacheDir } });
    await loadSources([server.url('/expired')], { web: { cacheDir } });
    expect(requests).toBe(2);
    await server.close();
  });

  it('a copy that varies by a header inkwire sends the same is reused; Vary: * always asks again', async () => {
    const requests = new Map<string, number>();
    const server = await startServer({
      '/vary-ua': (req, res) => {
        requests.set('ua', (requests.get('ua') ?? 0) + 1);
        res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'max-age=600', vary: 'User-Agent, Accept-Encoding' });
        res.end(html('Ferries vary'));
      },
      '/vary-star': (_req, res) => {
        requests.set('star', (requests.get('star') ?? 0) + 1);
        res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'max-age=600', vary: '*' });
        res.end(html('Ferries vary always'));
      },
    });
    const cacheDir = cacheFolder();
    for (let i = 0; i < 2; i++) await loadSources([server.url('/vary-ua'), server.url('/vary-star')], { web: { cacheDir } });
    expect(requests.get('ua')).toBe(1);
    expect(requests.get('star')).toBe(2);
    await server.close();
  });

  it('a copy made for another value of a Vary header is not used', async () => {
    let requests = 0;
    const server = await startServer({
      '/vary-lang': (_req, res) => {
        requests++;
        res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'max-age=600', vary: 'Accept-Language' });
        res.end(html('Ferries in one language'));
      },
    });
    const cacheDir = cacheFolder();
    await loadSources([server.url('/vary-lang')], { web: { cacheDir } });
    // The stored copy says it was made for a request with Accept-Language: fr; inkwire sends none.
    const { readCached, writeCached } = await import('../../src/sources/web-cache.js');
    const copy = await readCached(cacheDir, server.url('/vary-lang'));
    expect(copy?.meta.vary).toEqual({ 'accept-language': '' });
    await writeCached(cacheDir, { meta: { ...copy!.meta, vary: { 'accept-language': 'fr' } }, bytes: copy!.bytes });
    await loadSources([server.url('/vary-lang')], { web: { cacheDir } });
    expect(requests).toBe(2);
    await server.close();
  });
});
