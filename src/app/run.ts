import type { Article } from '../article.js';
import type { WebOptions } from '../sources/web.js';
import { copyToClipboard } from '../io/clipboard.js';
import { closeKeyboard } from '../io/keyboard.js';
import { paintFirstFrame, readSize, startTerminalSession } from '../io/screen.js';
import type { DeferredStore } from '../store/bookmarks/deferred.js';
import type { Bookmark, BookmarkStore } from '../store/bookmarks/types.js';
import { reducer } from '../store/reducer.js';
import { createState, withHaystacks, type AppState } from '../store/state.js';
import type { TerminalSize } from '../store/layout.js';
import { firstFrameText } from '../views/first-frame.js';
import { colorTheme, monoTheme } from '../views/themes.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { LibraryAccess } from './library.js';
import type { SourceLoader } from './loading.js';
import type { Services } from './services.js';
import { StoreWork } from './store-work.js';

// Ink, React, Yoga and the quote engine load only after the first frame is on screen: they
// take longer to load than everything before that frame together.

export interface InteractiveOptions {
  /**
   * Already loaded and sanitized; or a loader, and the interface opens at once on a list
   * that fills as the sources come in.
   */
  articles: Article[] | SourceLoader;
  store: BookmarkStore;
  /** false for NO_COLOR / --no-color. */
  color: boolean;
  /** From openKeyboard(); runInteractive releases it when it returns. */
  keyboard: NodeJS.ReadStream;
  /** One-line load errors, shown once in the status bar. */
  errors?: string[];
  /** Limits and cache for `r` (a feed entry's full text), as for the sources. */
  web?: WebOptions;
  /** Open on the feeds view: the library opens after the first frame. */
  library?: LibraryAccess;
}

/**
 * The first screen: one article opens in the reader (where back quits, as in less), several
 * open the list, none open the bookmarks, or a welcome screen when there are none.
 */
export function firstState(
  articles: readonly Article[],
  bookmarks: readonly Bookmark[],
  size: TerminalSize,
  errors: readonly string[],
  searchable = true,
): AppState {
  const state = createState({ articles, bookmarks, size, errors, searchable });
  if (articles.length !== 1) return state;
  const opened = reducer(state, { type: 'open', article: articles[0]! });
  return { ...opened, stack: ['reader'] };
}

/** Runs the full-screen reader until the user quits; resolves with the exit code. */
export async function runInteractive(options: InteractiveOptions): Promise<number> {
  const { store, keyboard } = options;
  const stdout = process.stdout;
  const deferred = isDeferred(store) ? store : undefined;
  // With nothing given to read, the first screen is the bookmarks: they must be there for it.
  // Otherwise the store opens after the first frame (see below).
  const needsStoreFirst = !options.library && Array.isArray(options.articles) && options.articles.length === 0;
  if (deferred && needsStoreFirst) await deferred.start();
  let bookmarks: Bookmark[] = [];
  const errors = [...(options.errors ?? [])];
  // A store opening in the background has nothing to show yet (useStoreOpening takes it later).
  if (!deferred || needsStoreFirst) {
    try {
      bookmarks = await store.list();
      errors.push(...store.warnings);
    } catch (error) {
      errors.push(`bookmarks: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const storeWork = new StoreWork();
  let unsaved: string[] = [];
  // Quitting cancels a full-text fetch still out, so the process does not linger for it.
  const quitting = new AbortController();
  const session = startTerminalSession(stdout, keyboard);
  try {
    const given = options.articles;
    const size = readSize(stdout);
    const loader = Array.isArray(given) ? undefined : given;
    // Drawn first, made searchable after: the list filter's haystacks are not on screen.
    const shown = options.library
      ? createState({ articles: [], bookmarks, size, errors, library: true })
      : Array.isArray(given)
      ? firstState(given, bookmarks, size, errors, false)
      : createState({ articles: [], bookmarks, size, errors, loading: true });
    const theme = options.color ? colorTheme : monoTheme;
    const painted = firstFrameText(shown, theme);
    if (painted !== null) paintFirstFrame(stdout, painted);
    const interfaceModules = Promise.all([import('./mount.js'), import('../quotes/index.js')]);
    const initialState = withHaystacks(shown);
    const [{ mountApp }, { extractQuotes }] = await interfaceModules;
    const services: Services = {
      store,
      findQuotes: (text) => extractQuotes(text, { indirect: true }),
      // Loaded on first use: child_process takes longer to load than drawing the frame.
      openUrl: async (url) => (await import('../io/browser.js')).openInBrowser(url),
      copy: (text) => copyToClipboard(stdout, text),
      // Loaded on first use: the page extractor is the heaviest part of the bundle.
      fullText: async (article) => (await import('../sources/web.js')).fetchFullText(article, { ...options.web, signal: quitting.signal }),
      storeReady: deferred && !needsStoreFirst ? deferred.ready : undefined,
      storeWork,
      library: options.library,
    };
    // A resize while Ink loaded leaves the painted frame reflowed: Ink draws on a clean screen.
    if (painted !== null && !sameSize(size, readSize(stdout))) session.clear();
    // Ink draws its first frame over the painted one, which is the same frame.
    const app = mountApp({ initialState, services, theme, loader, keyboard, stdout });
    // That first frame was drawn synchronously; now the bookmarks may load.
    void deferred?.start();
    await app.waitUntilExit();
    // Quitting never waits for another process's lock: waits stop, and what they were to
    // save is said once the terminal is back.
    unsaved = await storeWork.settle();
    return 0;
  } finally {
    quitting.abort();
    session.restore();
    closeKeyboard(keyboard);
    for (const line of unsaved) process.stderr.write(`inkwire: bookmarks: not saved: ${sanitizeLine(line)}\n`);
  }
}

function sameSize(a: TerminalSize, b: TerminalSize): boolean {
  return a.columns === b.columns && a.rows === b.rows;
}

function isDeferred(store: BookmarkStore): store is DeferredStore {
  return typeof (store as Partial<DeferredStore>).start === 'function';
}
