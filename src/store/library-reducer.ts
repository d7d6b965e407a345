import type { Article } from '../article.js';
import type { Command } from '../input/commands.js';
import { clampTop, ensureVisible } from '../text/viewport.js';
import { openArticle } from './reader-reducer.js';
import { listHeight } from './selectors.js';
import type { AppState, FeedSummary, LibraryView } from './state.js';
import { currentScreen, flash, pushScreen, quit, request } from './update.js';

// The feeds view and read state: the subscriptions with their counts, a feed's entries in
// the article list (unread in bold), and what marks them read. The library itself is
// reached through effects (src/app/library.ts); this is pure.

export function emptyLibraryView(): LibraryView {
  return { feeds: null, cursor: 0, offset: 0, unread: new Set(), openFeedId: null, refreshing: null };
}

function setLibrary(state: AppState, patch: Partial<LibraryView>): AppState {
  return { ...state, library: { ...(state.library ?? emptyLibraryView()), ...patch } };
}

/** Feeds in the order the view shows them: by first tag (untagged last), then title. */
export function orderedFeeds(feeds: readonly FeedSummary[]): FeedSummary[] {
  const group = (f: FeedSummary) => f.tags[0] ?? '\uffff';
  return [...feeds].sort((a, b) => group(a).localeCompare(group(b)) || a.name.localeCompare(b.name));
}

export function feedsLoaded(state: AppState, feeds: readonly FeedSummary[]): AppState {
  const ordered = orderedFeeds(feeds);
  const library = state.library ?? emptyLibraryView();
  // The cursor stays on the same feed through a reload.
  const current = library.feeds?.[library.cursor]?.id;
  const at = ordered.findIndex((f) => f.id === current);
  const cursor = at >= 0 ? at : Math.min(library.cursor, Math.max(0, ordered.length - 1));
  const offset = ensureVisible(cursor, library.offset, listHeight(state) - 1, ordered.length);
  return setLibrary(state, { feeds: ordered, cursor, offset });
}

/** A feed's entries arrived: they become the article list, newest first. */
export function feedEntriesLoaded(state: AppState, feedId: number | null, entries: readonly { article: Article; read: boolean }[], title: string): AppState {
  const articles = entries.map((e) => e.article);
  const unread = new Set(entries.filter((e) => !e.read).map((e) => e.article.id));
  const next = setLibrary(
    {
      ...state,
      articles,
      haystacks: articles.map((a) => [a.title, a.siteName ?? '', a.source, ...a.tags].join('\n').toLowerCase()),
      list: { filter: '', editing: false, matches: articles.map((_, i) => i), cursor: 0, offset: 0 },
    },
    { unread, openFeedId: feedId },
  );
  const shown = pushScreen(next, 'list');
  return articles.length === 0 ? flash(shown, `${title}: no entries yet (R refreshes)`) : shown;
}

export function refreshProgress(state: AppState, done: number, total: number, failed: number): AppState {
  return setLibrary(state, { refreshing: done >= total ? null : { done, total, failed } });
}

/** Read state changed in the library: the list's marks and the counts follow. */
export function readChanged(state: AppState, ids: readonly string[], read: boolean): AppState {
  const library = state.library;
  if (!library) return state;
  const unread = new Set(library.unread);
  for (const id of ids) {
    if (read) unread.delete(id);
    else unread.add(id);
  }
  return setLibrary(state, { unread });
}

/** Opening an entry from a feed marks it read. */
export function openEntry(state: AppState, article: Article): AppState {
  const opened = openArticle(state, article);
  if (!state.library?.unread.has(article.id)) return opened;
  return request(readChanged(opened, [article.id], true), { type: 'markRead', ids: [article.id], read: true });
}

export function feedsCommand(state: AppState, command: Command): AppState {
  const library = state.library ?? emptyLibraryView();
  const feeds = library.feeds ?? [];
  const feed = feeds[library.cursor];
  const height = listHeight(state) - 1;
  const move = (cursor: number) => {
    const clamped = Math.max(0, Math.min(feeds.length - 1, cursor));
    return setLibrary(state, { cursor: clamped, offset: ensureVisible(clamped, library.offset, height, feeds.length) });
  };
  switch (command) {
    case 'down':
      return move(library.cursor + 1);
    case 'up':
      return move(library.cursor - 1);
    case 'pageDown':
      return move(library.cursor + height);
    case 'pageUp':
      return move(library.cursor - height);
    case 'halfDown':
      return move(library.cursor + Math.floor(height / 2));
    case 'halfUp':
      return move(library.cursor - Math.floor(height / 2));
    case 'top':
      return move(0);
    case 'bottom':
      return move(feeds.length - 1);
    case 'open':
      return feed ? request(state, { type: 'openFeed', feedId: feed.id, title: feed.name }) : state;
    case 'refreshAll':
      if (library.refreshing) return flash(state, 'Already refreshing');
      return feeds.length === 0 ? flash(state, 'No subscriptions: inkwire feeds add URL') : request(refreshProgress(state, 0, feeds.length, 0), { type: 'refreshFeeds', feedIds: feeds.map((f) => f.id) });
    case 'refreshOne':
      if (library.refreshing) return flash(state, 'Already refreshing');
      return feed ? request(refreshProgress(state, 0, 1, 0), { type: 'refreshFeeds', feedIds: [feed.id] }) : state;
    case 'markFeedRead':
      return feed ? request(state, { type: 'markFeedRead', feedId: feed.id }) : state;
    case 'nextUnread': {
      const from = feeds.findIndex((f, i) => i > library.cursor && f.unread > 0);
      const target = from >= 0 ? from : feeds.findIndex((f) => f.unread > 0);
      if (target < 0) return flash(state, 'No unread entries');
      return request(move(target), { type: 'openFeed', feedId: feeds[target]!.id, title: feeds[target]!.name, firstUnread: true });
    }
    case 'quit':
      return quit(state);
    default:
      return state;
  }
}

/** In a feed's entries: toggle read, mark all read, back to the feeds. */
export function entriesCommand(state: AppState, command: Command): AppState | null {
  const library = state.library;
  if (!library || !state.stack.includes('feeds') || currentScreen(state) !== 'list') return null;
  const article = state.articles[state.list.matches[state.list.cursor] ?? -1];
  switch (command) {
    case 'open':
      return article ? openEntry(state, article) : state;
    case 'toggleRead': {
      if (!article) return state;
      const read = library.unread.has(article.id);
      return request(readChanged(state, [article.id], read), { type: 'markRead', ids: [article.id], read });
    }
    case 'markFeedRead': {
      const ids = state.articles.map((a) => a.id).filter((id) => library.unread.has(id));
      return request(readChanged(state, ids, true), { type: 'markRead', ids, read: true });
    }
    case 'quit':
      return backToFeeds(state);
    case 'clearFilter':
      return state.list.filter ? null : backToFeeds(state);
    default:
      return null;
  }
}

function backToFeeds(state: AppState): AppState {
  const at = state.stack.lastIndexOf('feeds');
  return request({ ...state, stack: state.stack.slice(0, at + 1), help: { open: false, top: 0 } }, { type: 'loadFeeds' });
}

/** Unread first among entries of a feed opened by "next unread". */
export function firstUnreadIndex(state: AppState): number {
  const unread = state.library?.unread;
  if (!unread) return -1;
  return state.articles.findIndex((a) => unread.has(a.id));
}

export function clampFeedsTop(state: AppState): AppState {
  const library = state.library;
  if (!library?.feeds) return state;
  return setLibrary(state, { offset: clampTop(library.offset, library.feeds.length, listHeight(state) - 1) });
}
