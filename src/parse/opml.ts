// OPML subscription lists (what feed readers export): the feed addresses, in order, from
// every outline at any depth. Parsed by feedsmith, which leaves DTD entities unexpanded.

import { DataError } from '../errors.js';

export interface OpmlFeed {
  title?: string;
  url: string;
}

export class OpmlError extends DataError {}

export async function parseOpmlFeeds(text: string, baseUrl?: string): Promise<OpmlFeed[]> {
  const { parseOpml } = await import('feedsmith');
  let opml;
  try {
    opml = parseOpml(text.trimStart());
  } catch {
    throw new OpmlError('not a valid OPML subscription list');
  }
  type Outline = NonNullable<NonNullable<typeof opml.body>['outlines']>[number];
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const visit = (outlines: readonly Outline[] | undefined, depth: number) => {
    // Depth bound: a hostile file may nest outlines deeper than the stack.
    if (!outlines || depth > 64) return;
    for (const outline of outlines) {
      const url = absoluteHttp(outline.xmlUrl, baseUrl);
      if (url && !seen.has(url)) {
        seen.add(url);
        feeds.push({ title: outline.title ?? outline.text, url });
      }
      visit(outline.outlines, depth + 1);
    }
  };
  visit(opml.body?.outlines, 0);
  if (feeds.length === 0) throw new OpmlError('OPML list holds no feed addresses (xmlUrl)');
  return feeds;
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
