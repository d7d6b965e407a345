import type { Article } from '../article.js';
import { ExitCode } from '../errors.js';
import { withLibrary } from './library-shared.js';
import { reportError, type CommandDeps } from './shared.js';

/**
 * `list --unread` and `export --unread`: the library's unread feed entries, newest first;
 * of the subscriptions named when addresses are given. Reading them does not mark them read
 * (a script says so with `inkwire mark-read`).
 */
export function unreadArticles(feedUrls: readonly string[], deps: CommandDeps): Promise<{ articles: Article[] }> {
  return withLibrary(deps, (library) => {
    if (feedUrls.length === 0) return { articles: library.entries({ unreadOnly: true }).map((e) => e.article) };
    const feeds = library.feeds();
    const articles: Article[] = [];
    for (const url of feedUrls) {
      const feed = feeds.find((f) => f.url === url);
      if (!feed) {
        reportError(deps, url, 'not subscribed (see inkwire feeds list)');
        deps.setExitCode(ExitCode.partial);
        continue;
      }
      for (const entry of library.entries({ feedId: feed.id, unreadOnly: true })) articles.push(entry.article);
    }
    return { articles };
  });
}
