import type { Article } from '../article.js';
import { ExitCode, InkwireError } from '../errors.js';
import { decodeBytes } from '../sources/decode.js';
import { parseBytes } from '../sources/load.js';
import { getResource, loadWebSource, withDeadline, type WebOptions } from '../sources/web.js';
import { discoverFeeds } from '../sources/web-discover.js';
import { formatForResponse, parseContentType } from '../sources/web-type.js';

export interface ResolvedFeed {
  /** The feed's own address: the one given, or the feed a page given advertises. */
  url: string;
  articles: Article[];
}

/** What `feeds add ADDRESS` subscribes to: a feed as it is, or the feed a page advertises. */
export async function resolveFeed(address: string, web: WebOptions, warnings: string[]): Promise<ResolvedFeed> {
  const options = withDeadline(web);
  const resource = await getResource(address, options, warnings);
  const { mime } = parseContentType(resource.contentType);
  const text = decodeBytes(resource.bytes).text;
  const format = formatForResponse(mime, text);
  if (format === 'feed') {
    const articles = await parseBytes(resource.bytes, { source: address, url: resource.finalUrl, format, deadline: options.deadline }, warnings);
    return { url: address, articles };
  }
  if (format === 'html') {
    const feeds = discoverFeeds(text, resource.finalUrl);
    if (feeds.length === 0) throw new InkwireError(address, 'no feed found on the page (no <link rel="alternate"> to RSS, Atom or JSON Feed)', ExitCode.dataErr);
    const url = feeds[0]!;
    return { url, articles: await loadWebSource(url, { ...web, deadline: undefined }, warnings, 'followed') };
  }
  if (format === 'opml') throw new InkwireError(address, 'an OPML list: subscribe to its feeds with inkwire feeds import', ExitCode.usage);
  throw new InkwireError(address, `not a feed (served as ${mime || 'no type'})`, ExitCode.dataErr);
}
