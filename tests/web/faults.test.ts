import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSources, type LoadOptions } from '../../src/sources/load.js';
import { startServer, type TestServer } from './server.js';

// Every fault from issue 6 against a real local server: each must end in a clear one-line
// failure for its own source (or a correct result), while the good source beside it loads.

const paragraph = 'The council voted on Tuesday to reopen the riverside library after a two-year closure. '.repeat(6);
const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
  `<p>${paragraph}</p><p>${paragraph}</p><p>${paragraph}</p></article></body></html>`;

let server: TestServer;
const seenAgents: string[] = [];

beforeAll(async () => {
  const gz = gzipSync(page('Compressed page'));
  server = await startServer({
    '/good': (req, res) => {
      seenAgents.push(req.headers['user-agent'] ?? '');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Good page'));
    },
    '/gzip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gz);
    },
    '/brotli': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' });
      res.end(brotliCompressSync(page('Brotli page')));
    },
    '/truncated-gzip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gz.subarray(0, Math.floor(gz.length / 2)));
    },
    '/slow-headers': () => {
      // Never answers.
    },
    '/slow-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>The start of a page that never ends');
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'endless '.repeat(8192)}</p>`;
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {
          // Write until the socket pushes back, then wait for drain.
        }
      };
      res.on('drain', pump);
      pump();
    },
    '/loop': (_req, res) => {
      res.writeHead(302, { location: '/loop' });
      res.end();
    },
    '/hop': (_req, res) => {
      res.writeHead(301, { location: '/good' });
      res.end();
    },
    '/to-ftp': (_req, res) => {
      res.writeHead(302, { location: 'ftp://example.invalid/file' });
      res.end();
    },
    '/server-error': (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('boom');
    },
    '/wrong-charset': (_req, res) => {
      // Says Latin-1, sends UTF-8.
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      res.end(page('Café crème à Zürich'));
    },
    '/header-says-utf8': (_req, res) => {
      // Says UTF-8, sends windows-1251 that its own meta tag declares.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const html = page('Новости Оренбурга').replace('<head>', '<head><meta charset="windows-1251">');
      res.end(encodeWindows1251(html));
    },
    '/binary': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const bytes = Buffer.alloc(4096);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
      res.end(bytes);
    },
    '/image': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    },
    '/self-feed': (_req, res) => {
      // A front page that advertises itself as its feed.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><head><title>Front</title><link rel="alternate" type="application/rss+xml" href="/self-feed"></head><body><p>Latest news</p></body></html>');
    },
    '/reset': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
      res.write(`<html><body><p>${paragraph}`);
      setTimeout(() => req.socket.destroy(), 20);
    },
  });
});

afterAll(() => server.close());

function options(extra: LoadOptions['web'] = {}): LoadOptions {
  // A cache of its own, so nothing here reads or writes the user's.
  return { web: { timeoutMs: 1500, cacheDir: mkdtempSync(join(tmpdir(), 'inkwire-cache-')), ...extra } };
}

async function failureFor(path: string, extra: LoadOptions['web'] = {}) {
  const result = await loadSources([server.url(path), server.url('/good')], options(extra));
  // The good source always loads beside the bad one.
  expect(result.articles.map((a) => a.title)).toEqual(['Good page']);
  expect(result.failures).toHaveLength(1);
  const [failure] = result.failures;
  expect(failure!.source).toBe(server.url(path));
  expect(failure!.reason).not.toMatch(/\n/);
  return failure!;
}

describe('web sources', () => {
  it('loads a page as a reader-mode article, identifying itself', async () => {
    const { articles, failures } = await loadSources([server.url('/good')], options());
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.title).toBe('Good page');
    expect(articles[0]!.url).toBe(server.url('/good'));
    expect(articles[0]!.text).toContain('riverside library');
    expect(seenAgents.at(-1)).toMatch(/^inkwire\/\S+$/);
  });

  it('decompresses gzip and brotli', async () => {
    const { articles } = await loadSources([server.url('/gzip'), server.url('/brotli')], options());
    expect(articles.map((a) => a.title)).toEqual(['Compressed page', 'Brotli page']);
  });

  it('follows a redirect and reports the final address', async () => {
    const { articles } = await loadSources([server.url('/hop')], options());
    expect(articles[0]!.title).toBe('Good page');
    expect(articles[0]!.url).toBe(server.url('/good'));
  });

  it('times out on a server that never sends headers', async () => {
    const failure = await failureFor('/slow-headers', { timeoutMs: 300 });
    expect(failure.reason).toMatch(/timed out after 0\.3 s/);
    expect(failure.exitCode).toBe(74);
  });

  it('times out on a body that stalls', async () => {
    const failure = await failureFor('/slow-body', { timeoutMs: 300 });
    expect(failure.reason).toMatch(/timed out/);
  });

  it('stops an endless body at the size cap', async () => {
    const failure = await failureFor('/endless', { maxBytes: 256 * 1024 });
    expect(failure.reason).toBe('larger than the 256 KiB limit (raise it with --max-bytes)');
    expect(failure.exitCode).toBe(65);
  });

  it('gives up on a redirect loop', async () => {
    const failure = await failureFor('/loop');
    expect(failure.reason).toBe('too many redirects (more than 5)');
    // The first request and five redirects, then it stops.
    expect(server.hits.get('/loop')).toBe(6);
  });

  it('refuses a redirect to another scheme', async () => {
    const failure = await failureFor('/to-ftp');
    expect(failure.reason).toMatch(/^ftp: addresses are not supported/);
  });

  it('reports 404 and 500 with their status', async () => {
    const missing = await failureFor('/missing');
    expect(missing.reason).toBe('HTTP 404 Not Found');
    expect(missing.exitCode).toBe(66);
    const broken = await failureFor('/server-error');
    expect(broken.reason).toBe('HTTP 500 Internal Server Error');
    expect(broken.exitCode).toBe(74);
  });

  it('handles a truncated gzip stream without crashing or hanging', async () => {
    const { articles, failures } = await loadSources([server.url('/truncated-gzip')], options());
    // Node's fetch inflates leniently: what arrived is either read or reported.
    if (failures.length > 0) expect(failures[0]!.reason).not.toMatch(/\n/);
    else expect(articles[0]!.title).toBe('Compressed page');
  });

  it('reads UTF-8 correctly when the header claims Latin-1', async () => {
    const { articles } = await loadSources([server.url('/wrong-charset')], options());
    expect(articles[0]!.title).toBe('Café crème à Zürich');
  });

  it("trusts the page's own charset when the header's UTF-8 is a lie", async () => {
    const { articles } = await loadSources([server.url('/header-says-utf8')], options());
    expect(articles[0]!.title).toBe('Новости Оренбурга');
  });

  it('rejects binary data served as text/html, and non-text types', async () => {
    expect((await failureFor('/binary')).reason).toBe('binary data, not an article');
    expect((await failureFor('/image')).reason).toBe('not an article (served as image/png)');
  });

  it('reports a connection reset mid-body', async () => {
    const failure = await failureFor('/reset');
    expect(failure.reason).toBe('connection lost while reading');
  });

  it('does not loop on a page that advertises itself as its feed', async () => {
    const { articles, failures } = await loadSources([server.url('/self-feed')], options());
    expect(failures).toEqual([]);
    expect(articles[0]!.text).toBe('Latest news');
    expect(server.hits.get('/self-feed')).toBe(2);
  });

  it('rejects schemes other than http and https before fetching', async () => {
    const { failures } = await loadSources(['file:///etc/passwd', 'gopher://example.invalid/'], options());
    expect(failures.map((f) => f.reason)).toEqual([
      'file: addresses are not supported (only http and https)',
      'gopher: addresses are not supported (only http and https)',
    ]);
    expect(failures.every((f) => f.exitCode === 64)).toBe(true);
  });
});

// The test writes its own windows-1251 bytes: only the letters it uses are mapped.
function encodeWindows1251(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else throw new Error(`no windows-1251 byte for ${char}`);
  }
  return Buffer.from(bytes);
}
