import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeedText } from '../../src/parse/feed.js';
import { parseOpmlFeeds } from '../../src/parse/opml.js';
import { loadSources } from '../../src/sources/load.js';
import { startServer, type TestServer } from './server.js';

// Hostile and huge XML: entity bombs and external entities are never expanded, a feed of
// 50,000 entries loads whole, and an OPML list loads each of its feeds on its own.

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs &lol9;</title>
<item><title>Entry &lol9;</title><link>https://example.org/a</link><description>Body &lol9; ends here.</description></item>
</channel></rss>`;

function externalEntity(secretPath: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY secret SYSTEM "file://${secretPath}"> ]>
<rss version="2.0"><channel><title>External</title>
<item><title>Leak &secret;</title><link>https://example.org/b</link><description>Text &secret; more.</description></item>
</channel></rss>`;
}

function bigFeed(entries: number): string {
  const items: string[] = [];
  for (let i = 0; i < entries; i++) {
    items.push(`<item><title>Entry ${i}</title><link>https://example.org/e/${i}</link><pubDate>Tue, 19 Nov 2019 10:00:00 GMT</pubDate><description>Summary of entry ${i}.</description></item>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Big</title>${items.join('')}</channel></rss>`;
}

describe('entity expansion', () => {
  it('never expands a billion-laughs entity bomb', async () => {
    const [article] = await parseFeedText(billionLaughs, 'laughs.xml');
    expect(article!.title.length).toBeLessThan(100);
    expect(article!.text.length).toBeLessThan(100);
    expect(article!.text).not.toContain('lollol');
  });

  it('never reads an external entity', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inkwire-xxe-'));
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'TOPSECRETVALUE');
    // The parser may refuse the document outright; either way the file is never read.
    const outcome = await parseFeedText(externalEntity(secret), 'xxe.xml').then(
      (articles) => JSON.stringify(articles),
      (error: Error) => error.message,
    );
    expect(outcome).not.toContain('TOPSECRETVALUE');
  });

  it('does not expand entities in OPML either', async () => {
    const opml = billionLaughs.replace(/<rss[\s\S]*$/, '<opml version="2.0"><head><title>&lol9;</title></head><body><outline text="&lol9;" xmlUrl="https://example.org/feed.xml"/></body></opml>').replace('DOCTYPE rss', 'DOCTYPE opml');
    const feeds = await parseOpmlFeeds(opml);
    expect(feeds).toHaveLength(1);
    expect((feeds[0]!.title ?? '').length).toBeLessThan(100);
  });
});

describe('over http', () => {
  let server: TestServer;
  const fiftyThousand = bigFeed(50_000);

  beforeAll(async () => {
    const feed = (title: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><item><title>${title} one</title><link>/one</link><description>First entry of ${title}.</description></item></channel></rss>`;
    server = await startServer({
      '/big.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(fiftyThousand);
      },
      '/a.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(feed('Alpha'));
      },
      '/b.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(feed('Beta'));
      },
      '/subscriptions.opml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/x-opml' });
        res.end(opmlFor(['/a.xml', '/b.xml']));
      },
    });
  });
  afterAll(() => server.close());

  const opmlFor = (paths: string[]) =>
    `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body><outline text="News">${paths
      .map((p, i) => `<outline type="rss" text="Feed ${i}" xmlUrl="${server.url(p)}"/>`)
      .join('')}</outline></body></opml>`;

  it('loads a feed of 50,000 entries whole', async () => {
    const { articles, failures } = await loadSources([server.url('/big.xml')], { web: {} });
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(50_000);
    expect(articles[49_999]!.title).toBe('Entry 49999');
    expect(articles[49_999]!.url).toBe('https://example.org/e/49999');
    expect(articles[0]!.published).toBe('2019-11-19T10:00:00Z');
  });

  it('opens every feed of a local OPML file, each failing on its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inkwire-opml-'));
    const path = join(dir, 'subs.opml');
    writeFileSync(path, opmlFor(['/a.xml', '/missing.xml', '/b.xml']));
    const { articles, failures } = await loadSources([path], { web: {} });
    expect(articles.map((a) => a.title).sort()).toEqual(['Alpha one', 'Beta one']);
    expect(articles.find((a) => a.title === 'Alpha one')!.url).toBe(server.url('/one'));
    expect(failures).toEqual([{ source: server.url('/missing.xml'), reason: 'HTTP 404 Not Found', exitCode: 66 }]);
  });

  it('opens an OPML list served over http', async () => {
    const { articles, failures } = await loadSources([server.url('/subscriptions.opml')], { web: {} });
    expect(failures).toEqual([]);
    expect(articles.map((a) => a.siteName).sort()).toEqual(['Alpha', 'Beta']);
  });

  it('reports progress as each source finishes', async () => {
    const seen: string[] = [];
    await loadSources([server.url('/a.xml'), server.url('/b.xml'), server.url('/missing')], {
      web: {},
      onProgress: (done, total) => seen.push(`${done}/${total}`),
    });
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
  });
});
