import type { AnyFeed, AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import type { Enclosure } from '../article.js';
import { resolveUrl } from './html-blocks.js';

// feedsmith keeps each format's own shape; this folds RSS, Atom, RDF and JSON Feed into one
// entry shape with every link already absolute (xml:base, then the feed's address).

export interface FeedEntry {
  title?: string;
  url?: string;
  published?: string;
  authors: string[];
  tags: string[];
  /** The fullest body the feed carries (content:encoded, Atom content, content_html), as HTML. */
  contentHtml?: string;
  /** A shorter summary (description, Atom summary), as HTML. */
  summaryHtml?: string;
  /** Plain text when the feed gives no HTML (JSON Feed content_text, media descriptions). */
  contentText?: string;
  /** The address relative links in this entry's HTML resolve against. */
  base?: string;
  /** Files the entry carries (RSS enclosures, Atom rel="enclosure" links, JSON attachments, media). */
  enclosures: Enclosure[];
}

export interface FeedInfo {
  title?: string;
  /** The site the feed belongs to. */
  homeUrl?: string;
  lang?: string;
  entries: FeedEntry[];
}

type Media = RssFeed.Item<string>['media'];

export function normaliseFeed(parsed: AnyFeed, feedUrl?: string): FeedInfo {
  switch (parsed.format) {
    case 'rss':
      return fromRss(parsed.feed, feedUrl);
    case 'atom':
      return fromAtom(parsed.feed, feedUrl);
    case 'rdf':
      return fromRdf(parsed.feed, feedUrl);
    case 'json':
      return fromJson(parsed.feed, feedUrl);
  }
}

function fromRss(feed: RssFeed.Feed<string>, feedUrl?: string): FeedInfo {
  const base = rebase(feed.xml?.base, feedUrl);
  return {
    title: feed.title,
    homeUrl: absolute(feed.link, base),
    lang: feed.language,
    entries: (feed.items ?? []).map((item) => {
      const itemBase = rebase(item.xml?.base, base);
      const guid = item.guid?.isPermaLink !== false ? item.guid?.value : undefined;
      return {
        title: item.title ?? first(item.dc?.titles),
        url: absolute(item.link, itemBase) ?? absolute(item.atom?.links?.[0]?.href, itemBase) ?? absolute(guid, itemBase),
        published: item.pubDate ?? first(item.dc?.dates) ?? item.atom?.published ?? item.atom?.updated,
        authors: compact([...(item.authors ?? []).map((a) => a.name ?? a.email), ...(item.dc?.creators ?? [])]),
        tags: compact((item.categories ?? []).map((c) => c.name)),
        contentHtml: item.content?.encoded,
        summaryHtml: item.description,
        contentText: mediaDescription(item.media),
        base: itemBase,
        enclosures: [
          ...(item.enclosures ?? []).map((e) => enclosure(e.url, e.type, e.length, itemBase)),
          ...mediaEnclosures(item.media, itemBase),
        ].filter(isEnclosure),
      };
    }),
  };
}

function fromAtom(feed: AtomFeed.Feed<string>, feedUrl?: string): FeedInfo {
  const base = rebase(feed.xml?.base, feedUrl);
  return {
    title: atomText(feed.title),
    homeUrl: absolute(alternate(feed.links), base),
    lang: feed.xml?.lang,
    entries: (feed.entries ?? []).map((entry) => {
      const entryBase = rebase(entry.xml?.base, base);
      const contentBase = rebase(entry.content?.xml?.base, entryBase);
      return {
        title: atomText(entry.title),
        url: absolute(alternate(entry.links), entryBase),
        published: entry.published ?? entry.updated ?? first(entry.dc?.dates),
        authors: compact([...(entry.authors ?? []).map((a) => a.name), ...(entry.dc?.creators ?? [])]),
        tags: compact((entry.categories ?? []).map((c) => c.label ?? c.term)),
        contentHtml: atomHtml(entry.content),
        summaryHtml: atomHtml(entry.summary),
        contentText: mediaDescription(entry.media),
        base: contentBase,
        enclosures: [
          ...(entry.links ?? []).filter((l) => l.rel === 'enclosure').map((l) => enclosure(l.href, l.type, l.length, entryBase)),
          ...mediaEnclosures(entry.media, entryBase),
        ].filter(isEnclosure),
      };
    }),
  };
}

function fromRdf(feed: RdfFeed.Feed<string>, feedUrl?: string): FeedInfo {
  const base = rebase(undefined, feedUrl);
  return {
    title: feed.title,
    homeUrl: absolute(feed.link, base),
    lang: first(feed.dc?.languages),
    entries: (feed.items ?? []).map((item) => ({
      title: item.title ?? first(item.dc?.titles),
      url: absolute(item.link, base) ?? absolute(item.rdf?.about, base),
      published: first(item.dc?.dates) ?? first(item.dcterms?.modified),
      authors: compact(item.dc?.creators ?? []),
      tags: compact(item.dc?.subjects ?? []),
      contentHtml: item.content?.encoded,
      summaryHtml: item.description ?? first(item.dc?.descriptions),
      contentText: mediaDescription(item.media),
      base,
      enclosures: mediaEnclosures(item.media, base).filter(isEnclosure),
    })),
  };
}

function fromJson(feed: JsonFeed.Feed<string>, feedUrl?: string): FeedInfo {
  const base = rebase(feed.feed_url, feedUrl);
  const feedAuthors = compact((feed.authors ?? []).map((a) => a.name));
  return {
    title: feed.title,
    homeUrl: absolute(feed.home_page_url, base),
    lang: feed.language,
    entries: (feed.items ?? []).map((item) => {
      const url = absolute(item.url, base) ?? absolute(item.external_url, base);
      const authors = compact((item.authors ?? []).map((a) => a.name));
      return {
        title: item.title,
        url,
        published: item.date_published ?? item.date_modified,
        authors: authors.length > 0 ? authors : feedAuthors,
        tags: compact(item.tags ?? []),
        contentHtml: item.content_html,
        summaryHtml: item.summary,
        contentText: item.content_text,
        base: url ?? base,
        enclosures: (item.attachments ?? []).map((a) => enclosure(a.url, a.mime_type, a.size_in_bytes, base)).filter(isEnclosure),
      };
    }),
  };
}

/** An xml:base resolved against the base around it; the outer base when there is none. */
function rebase(xmlBase: string | undefined, outer: string | undefined): string | undefined {
  if (!xmlBase) return outer;
  return resolveUrl(xmlBase.trim(), outer) ?? outer;
}

function absolute(href: string | undefined, base: string | undefined): string | undefined {
  const trimmed = href?.trim();
  return trimmed ? resolveUrl(trimmed, base) : undefined;
}

function alternate(links: ReadonlyArray<AtomFeed.Link<string>> | undefined): string | undefined {
  if (!links || links.length === 0) return undefined;
  return (links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0])?.href;
}

function atomText(text: AtomFeed.Text | undefined): string | undefined {
  return text?.value;
}

/** Atom text constructs: html and xhtml are markup; type="text" is escaped so it stays text. */
function atomHtml(text: AtomFeed.Text | AtomFeed.Content | undefined): string | undefined {
  const value = text?.value;
  if (!value) return undefined;
  return text.type === 'text' ? escapeHtml(value) : value;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n\s*\n/g, '<br><br>');
}

function mediaDescription(media: Media): string | undefined {
  const description = media?.description ?? media?.groups?.[0]?.description ?? media?.contents?.[0]?.description;
  return description?.value || undefined;
}

function enclosure(href: string | undefined, type: string | undefined, length: number | string | undefined, base: string | undefined): Enclosure | undefined {
  const url = absolute(href, base);
  if (!url) return undefined;
  const found: Enclosure = { url };
  if (type) found.type = type;
  const size = Number(length);
  if (Number.isSafeInteger(size) && size > 0) found.length = size;
  return found;
}

function mediaEnclosures(media: Media, base: string | undefined): Array<Enclosure | undefined> {
  const contents = [...(media?.contents ?? []), ...(media?.groups ?? []).flatMap((g) => g.contents ?? [])];
  return contents.map((c) => enclosure(c.url, c.type, c.fileSize, base));
}

function isEnclosure(value: Enclosure | undefined): value is Enclosure {
  return value !== undefined;
}

function first<T>(values: ReadonlyArray<T> | undefined): T | undefined {
  return values?.[0];
}

function compact(values: ReadonlyArray<string | undefined>): string[] {
  return values.map((v) => v?.trim()).filter((v): v is string => Boolean(v));
}
