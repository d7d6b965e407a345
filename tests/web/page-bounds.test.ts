import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINKS } from '../../src/parse/html-blocks.js';
import { MAX_ELEMENTS } from '../../src/parse/html-limits.js';
import { parseHtml } from '../../src/parse/html.js';
import { deadlineIn } from '../../src/sources/deadline.js';
import { loadSources, parseBytes } from '../../src/sources/load.js';
import { startServer, type Handler, type TestServer } from './server.js';

// The work one page can cause is bounded (elements read, reader mode, links kept), and
// --timeout bounds the whole source: requests, the feed a page leads to, --full pages, parsing.

const INTRO = '<p>An index of every story the paper ran, with a line of text above it for the test.</p>';

function linkPage(count: number): string {
  const links: string[] = [];
  for (let i = 0; i < count; i++) links.push(`<a href="/story/${i}">Story ${i}</a>\n`);
  return `<!doctype html><html><head><title>Index</title></head><body>${INTRO}${links.join('')}</body></html>`;
}

describe('a page of 300,000 links', () => {
  it('is read to one article, within the bounds, with one warning saying what was cut', async () => {
    const warnings: string[] = [];
    const article = await parseHtml(linkPage(300_000), 'index.html', { url: 'https://paper.example/', warnings });
    expect(article.title).toBe('Index');
    expect(article.text).toContain('An index of every story');
    expect(article.links).toHaveLength(MAX_LINKS);
    expect(article.links[0]).toEqual({ text: 'Story 0', url: 'https://paper.example/story/0' });
    expect(warnings).toEqual([
      `index.html: a very large page (over ${MAX_ELEMENTS.toLocaleString('en')} elements): only the first ${MAX_ELEMENTS.toLocaleString('en')} were read; ` +
        `read without reader mode, so menus and other page furniture may show; only its first ${MAX_LINKS.toLocaleString('en')} links were kept`,
    ]);
  }, 60_000);

  it('a page under the bounds is read in reader mode, without a warning', async () => {
    const warnings: string[] = [];
    const article = await parseHtml(linkPage(50), 'small.html', { url: 'https://paper.example/', warnings });
    expect(article.links.length).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  });
});

describe('parsing and the deadline', () => {
  it('parseHtml looks at the deadline between its steps', async () => {
    let calls = 0;
    const checkpoint = () => {
      if (++calls === 1) throw new Error('past the deadline');
    };
    await expect(parseHtml(linkPage(10), 'page.html', { checkpoint })).rejects.toThrow('past the deadline');
  });

  it('a source whose deadline has passed stops before it is parsed, with the timeout message', async () => {
    const deadline = { ...deadlineIn(1000), at: Date.now() - 1 };
    await expect(parseBytes(Buffer.from(linkPage(10)), { source: 'late.html', path: 'late.html', deadline }, [])).rejects.toMatchObject({
      subject: 'late.html',
      reason: 'timed out after 1 s (raise it with --timeout)',
      exitCode: 74,
    });
  });
});

let server: TestServer;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ENTRIES = 12;

beforeAll(async () => {
  server = await startServer({
    // A front page without an article that advertises its feed; each answers after 600 ms.
    '/front': async (_req, res) => {
      await wait(600);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><head><link rel="alternate" type="application/rss+xml" href="${server.url('/slow-feed')}"></head><body><nav>Home</nav></body></html>`);
    },
    '/slow-feed': async (_req, res) => {
      await wait(600);
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feed());
    },
    '/feed': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(feed());
    },
    // Every entry's page takes longer than the whole --timeout.
    ...Object.fromEntries(
      Array.from({ length: ENTRIES }, (_, i) => [
        `/entry/${i}`,
        (async (_req, res) => {
          await wait(3000);
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<html><body><p>Too late.</p></body></html>');
        }) satisfies Handler,
      ]),
    ),
  });
});
afterAll(() => server.close());

function feed(): string {
  const items = Array.from({ length: ENTRIES }, (_, i) => `<item><title>Entry ${i}</title><link>${server.url(`/entry/${i}`)}</link><description>Summary ${i}.</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow paper</title>${items.join('')}</channel></rss>`;
}

describe('--timeout bounds the whole web source', () => {
  it('a page and the feed it leads to share one deadline', async () => {
    const { articles, failures } = await loadSources([server.url('/front')], { web: { timeoutMs: 1000 } });
    expect(articles).toEqual([]);
    expect(failures).toEqual([{ source: server.url('/slow-feed'), reason: 'timed out after 1 s (raise it with --timeout)', exitCode: 74 }]);
  });

  it('--full over many entries stops at the deadline with one line, and keeps every summary', async () => {
    const { articles, failures, warnings } = await loadSources([server.url('/feed')], { web: { timeoutMs: 1000, full: true } });
    expect(failures).toEqual([]);
    expect(articles.map((a) => a.text)).toEqual(Array.from({ length: ENTRIES }, (_, i) => `Summary ${i}.`));
    expect(warnings).toEqual([
      `${server.url('/feed')}: no full text for ${ENTRIES} of ${ENTRIES} entries within the 1 s limit (raise it with --timeout); showing the feed's summary`,
    ]);
  });
});
