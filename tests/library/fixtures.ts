import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle, type Article } from '../../src/article.js';

export function tempDir(prefix = 'inkwire-library-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function story(n: number, body: string, extra: { title?: string; url?: string } = {}): Article {
  return makeArticle({
    source: 'https://news.example/feed.xml',
    url: extra.url ?? `https://news.example/story/${n}`,
    title: extra.title ?? `Story number ${n}`,
    siteName: 'Example News',
    published: new Date(Date.UTC(2026, 0, 1 + n)).toISOString(),
    blocks: [{ type: 'paragraph', text: body }],
  });
}

/** An RSS 2.0 feed of `count` items, written by the project for these tests. */
export function rssFeed(title: string, count: number, options: { prefix?: string; words?: (i: number) => string } = {}): string {
  const prefix = options.prefix ?? 'https://news.example/story';
  const items = Array.from({ length: count }, (_, i) => {
    const words = options.words?.(i) ?? `The ferry to the island number ${i} sailed at dawn, the harbour master said.`;
    return `<item><title>${title} item ${i}</title><link>${prefix}/${i}</link><guid>${prefix}/${i}</guid><pubDate>${new Date(Date.UTC(2026, 0, 1, 0, i)).toUTCString()}</pubDate><description>${words}</description></item>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link>${items}</channel></rss>`;
}
