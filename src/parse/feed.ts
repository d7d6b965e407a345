import { makeArticle, type Article, type Block, type Link } from '../article.js';
import { DataError } from '../errors.js';
import { normaliseFeed, type FeedEntry, type FeedInfo } from './feed-normalise.js';
import { MAX_LINKS, domToBlocks, type DomNode } from './html-blocks.js';
import { MAX_ELEMENTS, boundedMarkup } from './html-limits.js';
import { splitParagraphs, titleFromBody } from './paragraphs.js';

// RSS 0.9x/2.0, Atom, RDF and JSON Feed to one Article per entry. feedsmith parses with
// fast-xml-parser set to leave entities alone, so a DTD's entities (billion laughs, external
// files) are never expanded; only the five XML ones and HTML's named ones are decoded.

export interface FeedOptions {
  /** The feed's own address: relative links resolve against it when no xml:base says otherwise. */
  url?: string;
  /** Where a note goes when a bound cut an entry (see html-limits.ts). */
  warnings?: string[];
  /** Called between entries now and then; throws to stop (the source's deadline). */
  checkpoint?: () => void;
}

export class FeedError extends DataError {}

/** Entries converted between two looks at the deadline. */
const ENTRIES_PER_CHECK = 200;

export async function parseFeedText(text: string, source: string, options: FeedOptions = {}): Promise<Article[]> {
  const { parseFeed } = await import('feedsmith');
  const trimmed = text.trimStart();
  let parsed;
  try {
    // JSON is parsed here so a broken JSON Feed reports JSON's own reason (a SyntaxError).
    parsed = parseFeed(trimmed.startsWith('{') ? (JSON.parse(trimmed) as unknown) : trimmed);
  } catch (error) {
    if (error instanceof SyntaxError) throw error;
    throw new FeedError(trimmed.startsWith('{') ? 'JSON, but not a JSON Feed' : 'not a valid RSS, Atom or RDF feed (malformed or truncated XML)');
  }
  const info = normaliseFeed(parsed, options.url);
  if (info.entries.length === 0) {
    throw new FeedError(info.title ? `feed "${oneLine(info.title)}" has no entries` : 'feed has no entries');
  }
  options.checkpoint?.();
  const cuts = { count: 0 };
  const toBlocks = await htmlConverter(cuts);
  const articles = info.entries.map((entry, index) => {
    if (index % ENTRIES_PER_CHECK === ENTRIES_PER_CHECK - 1) options.checkpoint?.();
    return entryArticle(entry, info, source, toBlocks);
  });
  if (cuts.count > 0) {
    const what = `${MAX_ELEMENTS.toLocaleString('en')} elements or ${MAX_LINKS.toLocaleString('en')} links`;
    options.warnings?.push(`${source}: ${cuts.count === 1 ? 'one entry was' : `${cuts.count} entries were`} cut to their first ${what}`);
  }
  return articles;
}

type HtmlToBlocks = (html: string, base: string | undefined) => { blocks: Block[]; links: Link[]; text: string };

function entryArticle(entry: FeedEntry, info: FeedInfo, source: string, toBlocks: HtmlToBlocks): Article {
  const body = entry.contentHtml ?? entry.summaryHtml;
  let blocks: Block[] = [];
  let links: Link[] = [];
  if (body && body.trim()) ({ blocks, links } = toBlocks(body, entry.base));
  else if (entry.contentText) blocks = splitParagraphs(entry.contentText).map((text) => ({ type: 'paragraph', text }));
  // With a full body, the separate summary makes the excerpt.
  const excerpt = entry.contentHtml && entry.summaryHtml ? toBlocks(entry.summaryHtml, entry.base).text : undefined;
  const title = entry.title ? toBlocks(entry.title, entry.base).text : undefined;
  return makeArticle({
    source,
    url: entry.url,
    title: title || titleFromBody(blocks[0]?.text ?? '') || 'Untitled',
    byline: entry.authors.join(', ') || undefined,
    siteName: info.title ? toBlocks(info.title, undefined).text : undefined,
    published: entry.published,
    tags: entry.tags,
    excerpt,
    lang: info.lang,
    blocks,
    links,
    enclosures: entry.enclosures,
  });
}

/**
 * HTML fragments to blocks through one reused linkedom document: a 50,000-entry feed must not
 * build 50,000 documents. Text with no markup or entity skips the DOM altogether.
 */
async function htmlConverter(cuts: { count: number }): Promise<HtmlToBlocks> {
  const { parseHTML } = await import('linkedom');
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  return (html, base) => {
    if (!/[<&]/.test(html)) {
      const paragraphs = splitParagraphs(html);
      return { blocks: paragraphs.map((text) => ({ type: 'paragraph', text })), links: [], text: paragraphs.join(' ') };
    }
    const capped = boundedMarkup(html);
    const holder = document.createElement('div');
    holder.innerHTML = capped.html;
    const { blocks, links, linksCut } = domToBlocks(holder as unknown as DomNode, base);
    if (capped.cut || linksCut) cuts.count++;
    return { blocks, links, text: blocks.map((b) => b.text).join(' ').trim() };
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 80);
}
