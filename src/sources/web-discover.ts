import { decodeHTMLAttribute } from 'entities';

// Feed discovery: the `<link rel="alternate" type="application/rss+xml" href>` tags a page
// puts in its head, read with a tag scanner because building a DOM for a few attributes of
// the head is wasted work.

const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|rdf\+xml|feed\+json|json)$|^text\/xml$/i;

/** Feed addresses a page advertises, absolute, most preferred first (document order). */
export function discoverFeeds(html: string, pageUrl: string | undefined): string[] {
  const head = html.slice(0, 256 * 1024);
  const found: string[] = [];
  for (const match of head.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = attributes(match[1] ?? '');
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (attrs.get('type') ?? '').trim();
    // Every HTML entity, named or numeric, as a browser reads an attribute (`&amp;`, `&#x26;`, `&eacute;`).
    const href = attrs.get('href')?.trim();
    if (!href || !rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    try {
      const url = new URL(decodeHTMLAttribute(href), pageUrl);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.href)) found.push(url.href);
    } catch {
      // A malformed href is skipped; others on the page may work.
    }
  }
  return found;
}

function attributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of source.matchAll(/([^\s=/>]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = match[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attrs;
}

