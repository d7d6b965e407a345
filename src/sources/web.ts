import type { Article } from '../article.js';
import { makeArticle } from '../article.js';
import { ExitCode, InkwireError, sourceFailureReason } from '../errors.js';
import { sniffXmlDocument, type Format } from '../parse/detect.js';
import { deadlineIn, formatSeconds, isPast, type Deadline } from './deadline.js';
import { decodeBytes } from './decode.js';
import { DEFAULT_TIMEOUT_MS, fetchUrl, requestHeader } from './fetch.js';
import { mapLimited, parseBytes } from './load.js';
import { freshnessMs, readCached, touchCached, varyMatches, varyValues, writeCached, type CacheMeta } from './web-cache.js';
import { discoverFeeds } from './web-discover.js';
import { formatForResponse, isNonTextMime, parseContentType } from './web-type.js';

// A web address to articles: fetch (through the cache), decide what came back, and hand it
// to the same parsers files use. Pages become one reader-mode article, feeds one article per
// entry, OPML lists the articles of all their feeds.

export interface WebOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** The cache folder; none means no cache is read or written (`--no-cache`). */
  cacheDir?: string;
  /** Replace each feed entry's summary with the full text of its page (`--full`). */
  full?: boolean;
  /** How many feeds of an OPML list, or pages for `--full`, are fetched at once. */
  concurrency?: number;
  /** A failed fetch fails, instead of falling back to the copy saved before (`refresh`). */
  noStaleCopy?: boolean;
  /** Cancels every request still running (the reader quit while sources were loading). */
  signal?: AbortSignal;
  /**
   * When the whole source must be done: set from `timeoutMs` as a source starts, and shared
   * by everything it does (redirects, the feed a page advertises, `--full` pages, parsing).
   */
  deadline?: Deadline;
}

/**
 * `auto`: whatever the address holds; `feed`: a page gives the feed it advertises;
 * `followed`: reached through a page's feed link or an OPML list, where no further link or
 * list is followed, so a page that names itself as its feed cannot loop.
 */
export type WebMode = 'auto' | 'feed' | 'followed';

const DEFAULT_CONCURRENCY = 6;
// Fewer words than this is a front page or an app shell, not an article.
const MIN_ARTICLE_WORDS = 25;
// `--full` failures reported one by one; past these, one line counts the rest.
const FULL_TEXT_FAILURES_SHOWN = 3;

export interface Resource {
  finalUrl: string;
  bytes: Uint8Array;
  contentType?: string;
}

/** Loads one address; `feed` mode turns a page into the feed it advertises. */
export async function loadWebSource(address: string, webOptions: WebOptions, warnings: string[], mode: WebMode = 'auto'): Promise<Article[]> {
  const options = withDeadline(webOptions);
  const resource = await getResource(address, options, warnings);
  const { mime, charset } = parseContentType(resource.contentType);
  // A feed or OPML list served as a download (application/octet-stream) is told by its bytes.
  if (isNonTextMime(mime) && !(mime === 'application/octet-stream' && servedMarkup(resource.bytes))) {
    throw new InkwireError(address, `not an article (served as ${mime})`, ExitCode.dataErr);
  }
  // A header that says UTF-8 over bytes that are not is the common lie; let the document's own
  // declaration speak then, which decodeBytes does when given no hint.
  const declared = charset && !/^utf-?8$/i.test(charset) ? charset : undefined;
  const text = decodeBytes(resource.bytes, declared).text;
  const format: Format | undefined = formatForResponse(mime, text);
  const input = { source: address, url: resource.finalUrl, format, charset: declared, deadline: options.deadline };

  if (format === 'opml') {
    if (mode === 'followed') throw new InkwireError(address, 'an OPML list reached from another list or page is not followed', ExitCode.dataErr);
    const { parseOpmlFeeds } = await import('../parse/opml.js');
    const feeds = await parseOpmlFeeds(text, resource.finalUrl).catch((error: unknown) => {
      throw new InkwireError(address, sourceFailureReason(error).reason, ExitCode.dataErr);
    });
    // Each feed of a list is a source of its own, with its own deadline.
    return loadFeedList(feeds.map((f) => f.url), { ...options, deadline: undefined }, warnings);
  }
  if (format === 'html') {
    const feeds = mode === 'feed' ? discoverFeeds(text, resource.finalUrl) : [];
    if (mode === 'feed') {
      if (feeds.length === 0) throw new InkwireError(address, 'no feed found on the page (no <link rel="alternate"> to RSS, Atom or JSON Feed)', ExitCode.dataErr);
      return loadWebSource(feeds[0]!, options, warnings, 'followed');
    }
    // A home page or section front has no article (at most a few link texts), but often a
    // feed of its articles.
    const page = await parseBytes(resource.bytes, input, warnings).catch((error: unknown) => {
      if (error instanceof InkwireError && error.reason === 'no article text found') return [];
      throw error;
    });
    if (page.length > 0 && page[0]!.wordCount >= MIN_ARTICLE_WORDS) return page;
    const advertised = mode === 'followed' ? [] : discoverFeeds(text, resource.finalUrl);
    if (advertised.length === 0) {
      if (page.length > 0) return page;
      throw new InkwireError(address, 'no article text found', ExitCode.dataErr);
    }
    warnings.push(`${address}: no article on the page; showing its feed ${advertised[0]}`);
    return loadWebSource(advertised[0]!, options, warnings, 'followed');
  }
  const articles = await parseBytes(resource.bytes, input, warnings);
  return format === 'feed' ? withFullText(address, articles, options, warnings) : articles;
}

/** Whether bytes served with a generic type open as a feed or an OPML list. */
function servedMarkup(bytes: Uint8Array): boolean {
  return sniffXmlDocument(decodeBytes(bytes.subarray(0, 4096)).text.trimStart()) !== undefined;
}

export function withDeadline(options: WebOptions): WebOptions & { deadline: Deadline } {
  return options.deadline ? (options as WebOptions & { deadline: Deadline }) : { ...options, deadline: deadlineIn(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) };
}

/** An error as one `subject: reason` line, whatever threw it. */
function failureLine(subject: string, error: unknown): string {
  if (error instanceof InkwireError) return `${error.subject}: ${error.reason}`;
  return `${subject}: ${sourceFailureReason(error).reason}`;
}

/** Loads many feeds at once; a feed that fails is a warning, the others still load. */
export async function loadFeedList(urls: readonly string[], options: WebOptions, warnings: string[]): Promise<Article[]> {
  const results = await mapLimited(urls, Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY), (url) =>
    loadWebSource(url, options, warnings, 'followed').catch((error: unknown) => {
      warnings.push(failureLine(url, error));
      return [] as Article[];
    }),
  );
  const articles = results.flat();
  if (articles.length === 0 && urls.length > 0) throw new InkwireError(urls.length === 1 ? urls[0]! : `${urls.length} feeds`, 'no feed could be loaded', ExitCode.ioErr);
  return articles;
}

/**
 * The full text of a feed entry, read from its page: the summary is replaced when the page
 * yields more text. The id is kept, so the reader's position and bookmarks still match.
 */
export async function fetchFullText(article: Article, webOptions: WebOptions = {}): Promise<Article> {
  const { url } = article;
  if (!url) return article;
  const options = withDeadline(webOptions);
  const warnings: string[] = [];
  let page: Article | undefined;
  try {
    const resource = await getResource(url, options, warnings);
    const { mime, charset } = parseContentType(resource.contentType);
    const declared = charset && !/^utf-?8$/i.test(charset) ? charset : undefined;
    const text = decodeBytes(resource.bytes, declared).text;
    if (formatForResponse(mime, text) !== 'html') return article;
    [page] = await parseBytes(resource.bytes, { source: url, url: resource.finalUrl, format: 'html', charset: declared, deadline: options.deadline }, warnings);
  } catch (error) {
    if (error instanceof InkwireError) throw error;
    const { reason, exitCode } = sourceFailureReason(error);
    throw new InkwireError(url, reason, exitCode);
  }
  if (!page || page.wordCount <= article.wordCount) return article;
  const full = makeArticle({
    ...article,
    byline: article.byline ?? page.byline,
    lang: article.lang ?? page.lang,
    blocks: page.blocks,
    links: page.links,
  });
  return { ...full, id: article.id };
}

/**
 * `--full`: each entry's page, within the feed's own deadline, so a feed of a thousand entries
 * takes no longer than the --timeout a single page may. Entries left when time runs out keep
 * their summary; a few failures are named, the rest counted, never one line per entry.
 */
async function withFullText(source: string, articles: Article[], options: WebOptions & { deadline: Deadline }, warnings: string[]): Promise<Article[]> {
  if (!options.full) return articles;
  const failures: string[] = [];
  let late = 0;
  const full = await mapLimited(articles, Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY), async (article) => {
    if (isPast(options.deadline)) {
      late++;
      return article;
    }
    try {
      return await fetchFullText(article, options);
    } catch (error) {
      if (isPast(options.deadline)) late++;
      else failures.push(`${article.url ?? article.title}: full text unavailable (${sourceFailureReason(error).reason}); showing the feed's summary`);
      return article;
    }
  });
  for (const line of failures.slice(0, FULL_TEXT_FAILURES_SHOWN)) warnings.push(line);
  const unnamed = failures.length - FULL_TEXT_FAILURES_SHOWN;
  if (unnamed > 0) warnings.push(`${source}: full text unavailable for ${unnamed} more ${unnamed === 1 ? 'entry' : 'entries'}; showing the feed's summary`);
  if (late > 0) {
    warnings.push(
      `${source}: no full text for ${late} of ${articles.length} entries within the ${formatSeconds(options.deadline.ms)} limit (raise it with --timeout); showing the feed's summary`,
    );
  }
  return full;
}

/** The bytes of an address: from the cache while fresh or confirmed by a 304, else fetched. */
export async function getResource(address: string, options: WebOptions, warnings: string[]): Promise<Resource> {
  const cacheDir = options.cacheDir;
  const stored = cacheDir ? await readCached(cacheDir, address) : undefined;
  // A copy made for a request that sent other values of its Vary headers is not this one's.
  const cached = stored && varyMatches(stored.meta.vary, requestHeader) ? stored : undefined;
  const now = Date.now();
  if (cached && now < cached.meta.freshUntil) return fromCopy(cached.meta, cached.bytes);

  let result;
  try {
    result = await fetchUrl(address, {
      timeoutMs: options.timeoutMs,
      deadline: options.deadline,
      maxBytes: options.maxBytes,
      etag: cached?.meta.etag,
      lastModified: cached?.meta.lastModified,
      signal: options.signal,
    });
  } catch (error) {
    // Offline, or the server is down: what was read before is better than nothing.
    if (cached && !options.noStaleCopy && error instanceof InkwireError && error.exitCode === ExitCode.ioErr) {
      warnings.push(`${address}: ${error.reason}; showing the copy saved ${new Date(cached.meta.storedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
      return fromCopy(cached.meta, cached.bytes);
    }
    throw error;
  }
  const fresh = freshnessMs(result.headers, now);
  if (result.notModified && cached) {
    const meta = { ...cached.meta, storedAt: now, freshUntil: now + (fresh ?? 0) };
    if (cacheDir) await touchCached(cacheDir, meta);
    return fromCopy(meta, cached.bytes);
  }
  if (result.notModified) throw new InkwireError(address, 'server answered 304 Not Modified to a plain request', ExitCode.dataErr);
  const meta: CacheMeta = {
    url: address,
    finalUrl: result.url,
    contentType: result.headers.get('content-type') ?? undefined,
    etag: result.headers.get('etag') ?? undefined,
    lastModified: result.headers.get('last-modified') ?? undefined,
    storedAt: now,
    freshUntil: now + (fresh ?? 0),
    vary: varyValues(result.headers, requestHeader),
  };
  if (cacheDir && fresh !== undefined) await writeCached(cacheDir, { meta, bytes: result.bytes });
  return fromCopy(meta, result.bytes);
}

function fromCopy(meta: CacheMeta, bytes: Uint8Array): Resource {
  return { finalUrl: meta.finalUrl, bytes, contentType: meta.contentType };
}
