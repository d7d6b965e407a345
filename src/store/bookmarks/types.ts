import type { Article } from '../../article.js';

/** A quotation the reader chose to keep with a bookmark. */
export interface SavedQuote {
  text: string;
  speaker: string | null;
}

export interface Bookmark {
  id: string;
  title: string;
  source: string;
  url?: string;
  siteName?: string;
  /** ISO 8601. */
  savedAt: string;
  note?: string;
  tags: string[];
  /** Reading position: character offset into the article's text of the first visible line. */
  position?: number;
  quotes: SavedQuote[];
}

/** A bookmark that was removed and is kept a while (30 days) so that it can come back whole. */
export interface RemovedBookmark {
  /** ISO 8601. */
  removedAt: string;
  bookmark: Bookmark;
}

export interface AddOptions {
  note?: string;
  tags?: string[];
}

/** How a change waits for the store's lock while another process holds it. */
export interface WaitOptions {
  /** Aborting stops the wait; the change is then not made at all. */
  signal?: AbortSignal;
  /** Called once when another process holds the lock, with who that is ("process 1234"). */
  onWait?(holder: string): void;
}

/** What `add` saved: the article's id and title as the bookmark now has them. */
export interface SavedBookmark {
  id: string;
  title: string;
}

export type ToggleResult =
  /** `revived`: the article's removed bookmark came back, with its note, tags and quotes. */
  | { on: true; bookmark: Bookmark; revived: boolean }
  | { on: false; removed: Bookmark[] };

export interface MergeResult {
  added: number;
  updated: number;
  /** Added under an id of their own: their id was taken by a bookmark of another address. */
  renamed: number;
}

/**
 * Bookmarks and reading positions. Every call reads and writes through to disk, so two
 * inkwire processes never lose each other's changes; none blocks the event loop while
 * another process holds the store.
 */
export interface BookmarkStore {
  /** Newest first. */
  list(): Promise<Bookmark[]>;
  get(id: string): Promise<Bookmark | undefined>;
  has(id: string): Promise<boolean>;
  /**
   * Adds or updates (same id or same URL) and saves the offline copy of the article; a
   * removed bookmark of the article comes back with its note, tags and quotes. Needs no read
   * of the whole store, so its cost does not grow with the store's size.
   */
  add(article: Article, options?: AddOptions, wait?: WaitOptions): Promise<SavedBookmark>;
  /** Removes by id or URL, keeping each as a removed bookmark; returns the removed. */
  remove(idOrUrl: string, wait?: WaitOptions): Promise<Bookmark[]>;
  /** Puts a removed bookmark back exactly as it was (undo). */
  restore(bookmark: Bookmark, wait?: WaitOptions): Promise<void>;
  /** Brings back the removed bookmarks with this id or URL; returns them. */
  restoreRemoved(idOrUrl: string, wait?: WaitOptions): Promise<Bookmark[]>;
  /** Removed bookmarks still kept, most recently removed first. */
  listRemoved(): Promise<RemovedBookmark[]>;
  /** Bookmarks the article, or removes its bookmark when it has one. */
  toggle(article: Article, wait?: WaitOptions): Promise<ToggleResult>;
  /** Saves a quote to the article's bookmark, creating the bookmark when needed. */
  addQuote(article: Article, quote: SavedQuote, wait?: WaitOptions): Promise<void>;
  /** The offline copy saved with the bookmark. */
  loadArticle(id: string): Promise<Article | undefined>;
  getPosition(articleId: string): Promise<number | undefined>;
  setPosition(articleId: string, position: number, wait?: WaitOptions): Promise<void>;
  /**
   * Adds bookmarks from elsewhere (an import) in one change; a duplicate (same id and
   * address, or same URL) is merged into the bookmark already here, which keeps its own
   * fields. A different URL is a different bookmark, whatever its id says.
   */
  merge(bookmarks: readonly Bookmark[], wait?: WaitOptions): Promise<MergeResult>;
  /**
   * Deletes offline copies no bookmark (kept or removed) refers to any more, once a day has
   * passed since they were released. Returns how many.
   */
  prune(): Promise<number>;
  /** One-line warnings for the user, e.g. a damaged config file that was set aside. */
  readonly warnings: readonly string[];
}
