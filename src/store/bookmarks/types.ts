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

export interface AddOptions {
  note?: string;
  tags?: string[];
}

/**
 * Bookmarks and reading positions. Every call reads and writes through to disk, so two
 * inkwire processes never lose each other's changes.
 */
export interface BookmarkStore {
  /** Newest first. */
  list(): Bookmark[];
  get(id: string): Bookmark | undefined;
  has(id: string): boolean;
  /** Adds or updates (same id or same URL), and saves the offline copy of the article. */
  add(article: Article, options?: AddOptions): Bookmark;
  /** Removes by id or URL; returns the removed bookmarks. */
  remove(idOrUrl: string): Bookmark[];
  /** Puts a removed bookmark back exactly as it was (undo). */
  restore(bookmark: Bookmark): void;
  /** Returns true when the article is bookmarked afterwards. */
  toggle(article: Article): boolean;
  /** Saves a quote to the article's bookmark, creating the bookmark when needed. */
  addQuote(article: Article, quote: SavedQuote): Bookmark;
  /** The offline copy saved with the bookmark. */
  loadArticle(id: string): Article | undefined;
  getPosition(articleId: string): number | undefined;
  setPosition(articleId: string, position: number): void;
  /**
   * Adds bookmarks from elsewhere (an import) in one save; a duplicate (same id or URL) is
   * merged into the bookmark already here, which keeps its own fields.
   */
  merge(bookmarks: readonly Bookmark[]): MergeResult;
  /**
   * Deletes offline copies no bookmark refers to any more, once a day has passed since their
   * bookmark was removed (so an undo in another window still finds them). Returns how many.
   */
  prune(): number;
  /** One-line warnings for the user, e.g. a damaged config file that was set aside. */
  readonly warnings: readonly string[];
}

export interface MergeResult {
  added: number;
  updated: number;
}
