import type { BookmarkStore } from '../store/bookmarks/types.js';
import type { QuoteFinder } from '../store/quote.js';

/** Everything outside the pure state that the app talks to; tests pass fakes. */
export interface Services {
  store: BookmarkStore;
  findQuotes: QuoteFinder;
  /** Resolves with an error message, or null when the browser started. */
  openUrl(url: string): Promise<string | null>;
  /** Returns false when the text could not be sent to the clipboard. */
  copy(text: string): boolean;
}
