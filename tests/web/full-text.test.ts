import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/article.js';
import { fetchFullText } from '../../src/sources/web.js';
import { startServer, type TestServer } from './server.js';

// fetchFullText is what the reader's `r` key calls for an entry that has only a summary.

let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    '/story': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!doctype html><html><head><title>Lighthouse restored</title></head><body><article>` +
          `<p>${'Volunteers finished restoring the old lighthouse lamp after three winters of work. '.repeat(6)}</p>` +
          `<p>${'The keeper’s cottage will open to visitors from the first of May. '.repeat(6)}</p></article></body></html>`,
      );
    },
  });
});
afterAll(() => server.close());

const entry = (url?: string) =>
  makeArticle({ source: 'feed.xml', url, title: 'Lighthouse restored', byline: 'Harbour Desk', blocks: [{ type: 'paragraph', text: 'A short summary.' }] });

describe('fetchFullText', () => {
  it("replaces the summary with the page's text and keeps the entry's id and metadata", async () => {
    const summary = entry(server.url('/story'));
    const full = await fetchFullText(summary, {});
    expect(full.id).toBe(summary.id);
    expect(full.title).toBe('Lighthouse restored');
    expect(full.byline).toBe('Harbour Desk');
    expect(full.text).toContain('restoring the old lighthouse lamp');
    expect(full.text).toContain('open to visitors');
    expect(full.wordCount).toBeGreaterThan(summary.wordCount);
  });

  it('returns the entry unchanged when it has no address, and rejects a failing page with its reason', async () => {
    const noUrl = entry();
    expect(await fetchFullText(noUrl, {})).toBe(noUrl);
    await expect(fetchFullText(entry(server.url('/gone')), {})).rejects.toMatchObject({ reason: 'HTTP 404 Not Found' });
  });
});
