import type { Article } from '../article.js';
import type { Bookmark, SavedQuote } from './bookmarks/types.js';
import type { LinkRange } from '../text/link-ranges.js';
import type { WrappedLine } from '../text/wrap.js';
import { computeLayout, type Layout, type TerminalSize } from './layout.js';
import type { Person } from '../people/types.js';
import type { Quote } from './quote.js';

export type Screen = 'list' | 'reader' | 'bookmarks' | 'links' | 'welcome' | 'feeds' | 'search' | 'people' | 'person';

export interface Range {
  start: number;
  end: number;
}

export interface ListState {
  filter: string;
  editing: boolean;
  /** Indices into `articles` that pass the filter, in order. */
  matches: readonly number[];
  cursor: number;
  offset: number;
}

export interface SearchState {
  query: string;
  editing: boolean;
  matches: readonly Range[];
  current: number;
  /** Where the search started: matches are looked for from here on, as in less. */
  origin: number;
  /** Started with `?`: matches are looked for before the origin, and n goes up. */
  backward: boolean;
}

export interface ReaderState {
  article: Article;
  lines: readonly WrappedLine[];
  top: number;
  search: SearchState;
  /** null while the quote engine is still working on this article. */
  quotes: readonly Quote[] | null;
  quoteCursor: number;
  /** The end of the sidebar asked for (g, G) before the quotes were found: applied when they are. */
  quoteEndWanted?: 'top' | 'bottom';
  quoteOffset: number;
  sidebarOpen: boolean;
  focus: 'text' | 'quotes';
  linkCursor: number;
  linkOffset: number;
  /** Where the article's links sit in its text, to underline them. */
  linkRanges: readonly LinkRange[];
  /**
   * The text offset a resize keeps at the top. Set by the first resize after scrolling and
   * kept through a run of resizes, so shrinking and growing the window comes back to the
   * same line instead of drifting up a line each time.
   */
  anchor: number | null;
  /** True until the reader scrolls; a saved position arriving later may still move it. */
  untouched: boolean;
  /** Opened from a person's quote: the quote starting here is jumped to when the quotes are in. */
  jumpTo?: number;
}

export interface BookmarksState {
  items: readonly Bookmark[];
  cursor: number;
  offset: number;
  /** Removed in this session, newest last, for undo. */
  removed: readonly Bookmark[];
}

/** Sources still arriving while the interface is already up. */
export interface LoadingState {
  /** Sources finished (loaded or failed) out of all of them; total is 0 until it is known. */
  done: number;
  total: number;
  failed: number;
  /** How many articles each source that arrived gave, by its place among the sources. */
  arrived: readonly { order: number; count: number }[];
}

/** A subscription as the feeds view shows it. */
export interface FeedSummary {
  id: number;
  url: string;
  /** Its title, or its address before the first refresh. */
  name: string;
  tags: readonly string[];
  unread: number;
  total: number;
  lastError?: string;
}

/** A match of the library's search, as the search view shows it. */
export interface SearchResult {
  id: string;
  title: string;
  /** Its feed (or file, page) and date. */
  where: string;
  /** Text around the match, one line; `highlights` are the matched words in it. */
  snippet: string;
  highlights: readonly Range[];
  read: boolean;
}

/** The global search (/ in the feeds view): a query over the whole library and its matches. */
export interface LibrarySearch {
  query: string;
  editing: boolean;
  /** null while the first answer is on its way. */
  results: readonly SearchResult[] | null;
  /** The query the results answer (typing runs a search per key; a late answer is dropped). */
  answered: string;
  cursor: number;
  offset: number;
}

/** The feeds view and the read state of the entries on screen (the library is open). */
export interface LibraryView {
  /** null until the library has opened (after the first frame). */
  feeds: readonly FeedSummary[] | null;
  cursor: number;
  offset: number;
  /** Ids of the unread articles among those in the list. */
  unread: ReadonlySet<string>;
  /** The feed whose entries the list shows. */
  openFeedId: number | null;
  refreshing: { done: number; total: number; failed: number } | null;
  search: LibrarySearch | null;
}

/** The People view (src/people): everyone quoted across the library, and one person's quotes. */
export interface PeopleView {
  /** null until the index has been read (after P). */
  people: readonly Person[] | null;
  /** Folded name, spellings and roles of each person, for the filter. */
  haystacks: readonly string[];
  filter: string;
  editing: boolean;
  /** Indices into `people` that pass the filter, in order. */
  matches: readonly number[];
  cursor: number;
  offset: number;
  /** Articles of the library whose quotes are still being read into the index. */
  pending: number;
  /** The person whose quotes are shown (the `person` screen). */
  person: { id: string; cursor: number; offset: number } | null;
}

/** A feed entry's page being fetched for its full text, or already fetched. */
export type FullTextStatus = 'fetching' | 'done';

export interface Flash {
  id: number;
  text: string;
  tone: 'info' | 'error';
  /** The view it is about: it shows there only, and the next key clears it. */
  screen: Screen;
}

/** The `:` prompt of the reader and the lists: a line number or a percentage. */
export interface PromptState {
  text: string;
}

/** Side effects the reducer asks for; the app runs them and reports back with actions. */
export type EffectRequest =
  | { type: 'toggleBookmark'; article: Article }
  | { type: 'removeBookmark'; bookmark: Bookmark }
  | { type: 'restoreBookmark'; bookmark: Bookmark }
  | { type: 'saveQuote'; article: Article; quote: SavedQuote }
  | { type: 'loadArticle'; bookmark: Bookmark }
  /** The article rather than its id: the first frame's state is made before any id is (see makeArticle). */
  | { type: 'loadPosition'; article: Article }
  | { type: 'savePosition'; articleId: string; position: number }
  | { type: 'openUrl'; url: string }
  | { type: 'copy'; text: string; what: string }
  | { type: 'fetchFullText'; article: Article }
  | { type: 'suspend' }
  | { type: 'loadFeeds' }
  | { type: 'openFeed'; feedId: number; title: string; firstUnread?: boolean; read?: boolean }
  | { type: 'refreshFeeds'; feedIds: readonly number[] }
  | { type: 'markRead'; ids: readonly string[]; read: boolean }
  | { type: 'markFeedRead'; feedId: number }
  | { type: 'loadPeople' }
  /** The speaker of the sidebar's quote: their page, found by the quote (article and place). */
  | { type: 'showSpeaker'; article: Article; quotes: readonly Quote[]; start: number; speaker: string }
  /** A person's quote in an article not in this session: read it from the library. */
  | { type: 'openQuoteSource'; articleId: string; start: number }
  | { type: 'searchLibrary'; query: string }
  | { type: 'openSearchResult'; articleId: string; query: string; match: string }
  | { type: 'exit' };

export type Effect = EffectRequest & { id: number };

export interface AppState {
  size: TerminalSize;
  layout: Layout;
  articles: readonly Article[];
  /** Lower-cased title, site and tags of each article, for the list filter. */
  haystacks: readonly string[];
  list: ListState;
  reader: ReaderState | null;
  bookmarks: BookmarksState;
  bookmarked: ReadonlySet<string>;
  /** Views opened so far; the last one is on screen. */
  stack: readonly Screen[];
  help: { open: boolean; top: number };
  flash: Flash | null;
  /** Digits typed before a command (`5j`, `50%`, `3` Enter), as in less and vim. */
  count: string;
  prompt: PromptState | null;
  /** Reading positions of articles left during this session, by article id. */
  positions: ReadonlyMap<string, number>;
  /** null once every source is in (or when they were all loaded before the first frame). */
  loading: LoadingState | null;
  /** By article id. */
  fullText: ReadonlyMap<string, FullTextStatus>;
  /** Set when the interface opened on the library's feeds view. */
  library: LibraryView | null;
  people: PeopleView;
  effects: readonly Effect[];
  nextId: number;
  quitting: boolean;
}

export interface InitialStateOptions {
  articles: readonly Article[];
  bookmarks: readonly Bookmark[];
  size: TerminalSize;
  errors?: readonly string[];
  /** The sources are still to come: the list shows while they load. */
  loading?: boolean;
  /**
   * false leaves `haystacks` empty, for a state that is only drawn (the first frame, painted
   * before the interface starts); withHaystacks fills them. Building them for 100,000
   * articles takes longer than drawing the frame.
   */
  searchable?: boolean;
  /** Open on the feeds view (subscriptions exist and no source was given). */
  library?: boolean;
}

export function emptyPeopleView(): PeopleView {
  return { people: null, haystacks: [], filter: '', editing: false, matches: [], cursor: 0, offset: 0, pending: 0, person: null };
}

export function haystackOf(article: Article): string {
  return [article.title, article.siteName ?? '', article.source, ...article.tags].join('\n').toLowerCase();
}

/** A state from createState with `searchable: false`, made ready for filtering. */
export function withHaystacks(state: AppState): AppState {
  return state.haystacks.length === state.articles.length ? state : { ...state, haystacks: state.articles.map(haystackOf) };
}

export function initialSearch(): SearchState {
  return { query: '', editing: false, matches: [], current: 0, origin: 0, backward: false };
}

/** The state before the first frame: the list, or the bookmarks, or a welcome screen. */
export function createState(options: InitialStateOptions): AppState {
  const articles = options.articles;
  const layout = computeLayout(options.size, { sidebarOpen: false });
  const first: Screen = options.library
    ? 'feeds'
    : articles.length > 0 || options.loading
      ? 'list'
      : options.bookmarks.length > 0
        ? 'bookmarks'
        : 'welcome';
  const errors = options.errors ?? [];
  const flash: Flash | null =
    errors.length === 0
      ? null
      : { id: 1, text: errors.length === 1 ? errors[0]! : `${errors[0]} (and ${errors.length - 1} more)`, tone: 'error', screen: first };
  return {
    size: options.size,
    layout,
    articles,
    haystacks: options.searchable === false ? [] : articles.map(haystackOf),
    list: { filter: '', editing: false, matches: articles.map((_, i) => i), cursor: 0, offset: 0 },
    reader: null,
    bookmarks: { items: options.bookmarks, cursor: 0, offset: 0, removed: [] },
    bookmarked: new Set(options.bookmarks.map((b) => b.id)),
    stack: [first],
    help: { open: false, top: 0 },
    flash,
    count: '',
    prompt: null,
    positions: new Map(),
    loading: options.loading ? { done: 0, total: 0, failed: 0, arrived: [] } : null,
    fullText: new Map(),
    library: options.library ? { feeds: null, cursor: 0, offset: 0, unread: new Set(), openFeedId: null, refreshing: null, search: null } : null,
    people: emptyPeopleView(),
    effects: [],
    nextId: 2,
    quitting: false,
  };
}
