import { OpmlError } from '../parse/opml.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { Feed } from './library.js';

// Subscriptions in and out as OPML 2.0. A feed's tags are its `category` attribute
// (`/tag` paths, comma-separated, as OPML 2.0 says) and, on import, the folders (outlines
// without an address) it sits in, as most feed readers write them.

export interface ImportedFeed {
  url: string;
  title?: string;
  tags: string[];
}

export async function readOpmlSubscriptions(text: string, baseUrl?: string): Promise<ImportedFeed[]> {
  const { parseOpml } = await import('feedsmith');
  let opml;
  try {
    opml = parseOpml(text.trimStart());
  } catch {
    throw new OpmlError('not a valid OPML subscription list');
  }
  type Outline = NonNullable<NonNullable<typeof opml.body>['outlines']>[number];
  const found = new Map<string, ImportedFeed>();
  const visit = (outlines: readonly Outline[] | undefined, folders: readonly string[], depth: number) => {
    if (!outlines || depth > 64) return;
    for (const outline of outlines) {
      const url = absoluteHttp(outline.xmlUrl, baseUrl);
      if (url) {
        const tags = [...folders, ...categoryTags(outline.category)];
        const known = found.get(url);
        if (known) known.tags = [...new Set([...known.tags, ...tags])];
        else {
          const feed: ImportedFeed = { url, tags: [...new Set(tags)] };
          const title = sanitizeLine(outline.title ?? outline.text ?? '');
          if (title) feed.title = title;
          found.set(url, feed);
        }
      }
      const folder = url ? undefined : sanitizeLine(outline.title ?? outline.text ?? '');
      visit(outline.outlines, folder ? [...folders, folder] : folders, depth + 1);
    }
  };
  visit(opml.body?.outlines, [], 0);
  if (found.size === 0) throw new OpmlError('OPML list holds no feed addresses (xmlUrl)');
  return [...found.values()];
}

function categoryTags(category: string | undefined): string[] {
  if (!category) return [];
  return category
    .split(',')
    .map((path) => sanitizeLine(path.replace(/^\/+|\/+$/g, '').split('/').pop() ?? ''))
    .filter(Boolean);
}

function absoluteHttp(href: string | undefined, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The subscriptions as an OPML 2.0 document. */
export function writeOpml(feeds: readonly Feed[], now: Date): string {
  const outlines = feeds.map((feed) => {
    const title = feed.title ?? feed.url;
    const attrs = [`type="rss"`, `text="${xml(title)}"`, `title="${xml(title)}"`, `xmlUrl="${xml(feed.url)}"`];
    if (feed.siteUrl) attrs.push(`htmlUrl="${xml(feed.siteUrl)}"`);
    if (feed.tags.length > 0) attrs.push(`category="${xml(feed.tags.map((t) => `/${t.replace(/[/,]/g, ' ')}`).join(','))}"`);
    return `    <outline ${attrs.join(' ')}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>inkwire subscriptions</title>',
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
