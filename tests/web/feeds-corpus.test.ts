import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatArticles } from '../../src/export/formats.js';
import { loadSources } from '../../src/sources/load.js';
import { schemaValidator } from '../helpers/schema.js';
import { SHARED } from '../helpers/shared.js';
import { startServer, type TestServer } from './server.js';

// The 38 third-party feeds in ../shared/corpus/feeds: each parses, or fails on its own with
// one clear line. The corpus is read where it lies and never copied into the repository.

const FEEDS = join(SHARED, 'corpus', 'feeds');
const present = existsSync(join(FEEDS, 'MANIFEST.md'));
if (!present) console.log(`skipping the feed corpus tests: ${FEEDS} is not here (it is present in CI)`);

// Broken on purpose, per the corpus MANIFEST, with the reason a user is shown.
const EXPECTED_FAILURES: Record<string, RegExp> = {
  'rss-incomplete-cdata.xml': /^not a valid RSS, Atom or RDF feed/,
  'allthis-truncated.json': /^invalid JSON \(/,
  'scripting-news-rss-in-json-not-jsonfeed.json': /^no article found/,
  'windows-1252-euro.xml': /^feed "Euro €" has no entries$/,
};

const files = present
  ? readdirSync(FEEDS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(FEEDS, d.name)).map((name) => join(FEEDS, d.name, name)))
  : [];

const load = (source: string) => loadSources([source], { web: {} });

describe.skipIf(!present)('feed corpus', () => {
  it('has the 38 documents', () => {
    expect(files).toHaveLength(38);
  });

  it.each(files.map((path) => [path.split('/').pop()!, path]))('%s parses or fails with one clear line', async (name, path) => {
    const { articles, failures } = await load(path);
    const expected = EXPECTED_FAILURES[name];
    if (expected) {
      expect(articles).toEqual([]);
      expect(failures).toHaveLength(1);
      expect(failures[0]!.reason).toMatch(expected);
      expect(failures[0]!.reason).not.toMatch(/\n/);
      return;
    }
    expect(failures).toEqual([]);
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) {
      expect(article.title).not.toBe('');
      expect(article.source).toBe(path);
    }
  });

  it('decodes legacy encodings declared in the XML', async () => {
    const oren = await load(join(FEEDS, 'rss2', 'oren-ru-windows-1251.xml'));
    expect(oren.articles[0]!.title).toBe('В Бузулуке главные стройплощадки – детсад и Ледовый дворец');
    const kc = await load(join(FEEDS, 'rss2', 'kc0011-gb2312.rss'));
    expect(kc.articles[0]!.title).toBe('建国35周年纪念，华表，和平鸽');
    const golem = await load(join(FEEDS, 'rss2', 'golem-de-iso-8859-1.xml'));
    expect(golem.articles.some((a) => /[äöüß]/.test(a.text))).toBe(true);
  });

  it('gives untitled entries a title from their text, and keeps entries without dates', async () => {
    const scripting = await load(join(FEEDS, 'rss2', 'scripting-news-untitled-items.rss'));
    expect(scripting.articles).toHaveLength(50);
    expect(scripting.articles.every((a) => a.title !== 'Untitled' && a.title.length > 0)).toBe(true);
    const heise = await load(join(FEEDS, 'rdf', 'heise-rss-0.9-no-dates.xml'));
    expect(heise.articles).toHaveLength(60);
    expect(heise.articles.every((a) => a.published === undefined)).toBe(true);
  });

  it('turns HTML titles and summaries into plain text blocks', async () => {
    const alerts = await load(join(FEEDS, 'atom', 'google-alerts-html-titles.xml'));
    expect(alerts.articles.every((a) => !/<\/?b>/.test(a.title))).toBe(true);
    const dcr = await load(join(FEEDS, 'rss2', 'dcrainmaker-heavy-html.xml'));
    expect(dcr.articles[0]!.blocks.length).toBeGreaterThan(20);
    expect(dcr.articles[0]!.text).not.toMatch(/<(?:p|img|div)\b/);
  });

  it('reads a JSON Feed whose slashes are escaped, and an Atom feed saved as .rss', async () => {
    const luke = await load(join(FEEDS, 'jsonfeed', 'lukedorny-v1.1-escaped-uris.json'));
    expect(luke.articles).toHaveLength(30);
    expect(luke.articles[0]!.url).toBe('https://lukedorny.com/updates/new-font');
    const reddit = await load(join(FEEDS, 'atom', 'reddit-atom-with-rss-extension.rss'));
    expect(reddit.articles).toHaveLength(24);
  });

  it('exports every parsed entry as JSON that matches the published article schema', async () => {
    const validate = schemaValidator('article.schema.json');
    const { articles } = await loadSources(files, { web: {} });
    expect(articles.length).toBeGreaterThan(1500);
    expect(validate(JSON.parse(formatArticles(articles, 'json', 80))).slice(0, 5)).toEqual([]);
  });

  it('counts entries as the MANIFEST does, nested empty items and all', async () => {
    const counts: Array<[string, number]> = [
      ['rss2/pcmag-dvorak-feedburner.xml', 10],
      ['rss2/giantbomb-podcast-large.rss', 730],
      ['rss2/atp-podcast.rss', 100],
      ['atom/research-swtch-long-content.atom', 19],
      ['rdf/craigslist-sfbay.rss', 25],
      ['jsonfeed/journal-3960-v1.1.json', 20],
    ];
    for (const [file, count] of counts) expect((await load(join(FEEDS, file))).articles, file).toHaveLength(count);
  });

  it('returns the good items of a feed with a raw ampersand', async () => {
    const { articles } = await load(join(FEEDS, 'edge-cases', 'rss-unescaped-ampersand.xml'));
    expect(articles.map((a) => a.title)).toContain('Good Item');
  });

  describe('served over http', () => {
    let server: TestServer;
    const serve = (file: string, type: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': type });
      res.end(readFileSync(join(FEEDS, file)));
    };
    beforeAll(async () => {
      server = await startServer({
        '/blog/index.atom': serve('atom/intertwingly-xhtml-relative.atom', 'application/atom+xml'),
        '/games/news.xml': serve('rss2/neverwinter-relative-urls.xml', 'text/xml'),
        '/df.atom': serve('atom/daringfireball.atom', 'application/atom+xml'),
        '/reddit': serve('atom/reddit-atom-with-rss-extension.rss', 'text/html'),
      });
    });
    afterAll(() => server.close());

    it('resolves relative links against the feed address when there is no xml:base', async () => {
      const { articles } = await loadSources([server.url('/blog/index.atom'), server.url('/games/news.xml')], { web: {} });
      const base = server.url('/');
      const sam = articles.filter((a) => a.source.endsWith('index.atom'));
      expect(sam).toHaveLength(20);
      expect(sam.every((a) => a.url?.startsWith(base))).toBe(true);
      const neverwinter = articles.filter((a) => a.source.endsWith('news.xml'));
      expect(neverwinter[0]!.url).toBe(`${base}en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21`);
    });

    it('resolves links against xml:base over the feed address', async () => {
      const { articles } = await loadSources([server.url('/df.atom')], { web: {} });
      expect(articles).toHaveLength(48);
      expect(articles.every((a) => a.url?.startsWith('https://daringfireball.net/') || a.url?.startsWith('http'))).toBe(true);
      expect(articles.some((a) => a.links.some((l) => l.url.startsWith('https://daringfireball.net/')))).toBe(true);
    });

    it('tells a feed by its content when the server calls it text/html', async () => {
      const { articles } = await loadSources([server.url('/reddit')], { web: {} });
      expect(articles).toHaveLength(24);
    });
  });
});
