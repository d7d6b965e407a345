import type { Article } from '../article.js';
import { sourceFailureReason } from '../errors.js';
import { mapLimited } from '../sources/load.js';
import { loadWebSource, type WebOptions } from '../sources/web.js';
import type { Feed, Library } from './library.js';

// A refresh: every feed fetched at once (bounded), each stored in its own transaction as it
// arrives, so a refresh stopped halfway keeps the feeds it finished.

export const REFRESH_CONCURRENCY = 8;

export interface FeedRefresh {
  url: string;
  title?: string;
  /** Entries not in the library before. */
  added: number;
  /** Known entries whose text changed. */
  updated: number;
  /** Entries the feed holds now. */
  entries: number;
  error?: string;
}

export interface RefreshProgress {
  done: number;
  total: number;
  failed: number;
  /** The feed that just finished. */
  last?: FeedRefresh;
}

export async function refreshFeeds(
  library: Library,
  feeds: readonly Feed[],
  web: WebOptions,
  onProgress?: (progress: RefreshProgress) => void,
): Promise<FeedRefresh[]> {
  let done = 0;
  let failed = 0;
  onProgress?.({ done, total: feeds.length, failed });
  return mapLimited(feeds, Math.max(1, web.concurrency ?? REFRESH_CONCURRENCY), async (feed) => {
    const result = await refreshOne(library, feed, web);
    done++;
    if (result.error) failed++;
    onProgress?.({ done, total: feeds.length, failed, last: result });
    return result;
  });
}

async function refreshOne(library: Library, feed: Feed, web: WebOptions): Promise<FeedRefresh> {
  let articles: Article[];
  try {
    // Each feed its own deadline; redirects, cache and 304s as for any web source.
    articles = await loadWebSource(feed.url, { ...web, deadline: undefined, noStaleCopy: true }, [], 'followed');
  } catch (error) {
    const reason = sourceFailureReason(error).reason;
    library.recordFeedError(feed.id, reason);
    return { url: feed.url, ...(feed.title ? { title: feed.title } : {}), added: 0, updated: 0, entries: 0, error: reason };
  }
  const title = articles.find((a) => a.siteName)?.siteName;
  const { added, updated } = library.storeFeedEntries(feed.id, articles, { title });
  const result: FeedRefresh = { url: feed.url, added, updated, entries: articles.length };
  const shown = title ?? feed.title;
  if (shown) result.title = shown;
  return result;
}
