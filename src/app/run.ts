import type { Article } from '../article.js';
import type { WebOptions } from '../sources/web.js';
import { copyReport, copyToClipboard } from '../io/clipboard.js';
import { closeKeyboard } from '../io/keyboard.js';
import { filterKeyboard } from '../io/keyboard-filter.js';
import { BACKGROUND_QUERY, paintFrame, readSize, startTerminalSession } from '../io/screen.js';
import { luminance, type TerminalEvent } from '../io/terminal-input.js';
import { supportsHyperlinks } from '../io/hyperlinks.js';
import type { AppControl } from './App.js';
import { applySettings, type InterfaceSettings } from './apply-settings.js';
import type { DeferredStore } from '../store/bookmarks/deferred.js';
import type { Bookmark, BookmarkStore } from '../store/bookmarks/types.js';
import { reducer } from '../store/reducer.js';
import { openArticle } from '../store/reader-reducer.js';
import { createState, withHaystacks, type AppState } from '../store/state.js';
import type { TerminalSize } from '../store/layout.js';
import { firstFrameText } from '../views/first-frame.js';
import { themeNamed, type Theme, type ThemeName } from '../views/themes.js';
import { sanitizeLine } from '../text/sanitize.js';
import type { LibraryAccess } from './library.js';
import type { PeopleAccess } from './people.js';
import type { SourceLoader } from './loading.js';
import type { Services } from './services.js';
import { StoreWork } from './store-work.js';
import { earlyStep, type SavePosition } from './early-keys.js';

// Ink, React, Yoga and the quote engine load only after the first frame is on screen: they
// take longer to load than everything before that frame together.

export interface InteractiveOptions {
  /**
   * Already loaded and sanitized; or a loader, and the interface opens at once on a list
   * that fills as the sources come in.
   */
  articles: Article[] | SourceLoader;
  /**
   * Set when `articles` is the head of a big article (the first frame is painted from it):
   * the whole of it, read once that frame is on screen.
   */
  complete?: () => Promise<Article[]>;
  store: BookmarkStore;
  /** false for NO_COLOR / --no-color. */
  color: boolean;
  /** --theme or the settings; 'auto' follows the terminal's background (OSC 11, COLORFGBG). */
  theme?: ThemeName | 'auto';
  /** Colours the settings file gives for the semantic tokens, over the theme's. */
  restyle?: (theme: Theme) => Theme;
  /** Wheel and clicks (SGR mouse reporting); false with --no-mouse or `"mouse": false`. */
  mouse?: boolean;
  /** The settings file's key bindings and widths (applied here, in the interface's own modules). */
  settings?: InterfaceSettings;
  /** From openKeyboard(); runInteractive releases it when it returns. */
  keyboard: NodeJS.ReadStream;
  /** One-line load errors, shown once in the status bar. */
  errors?: string[];
  /** Limits and cache for `r` (a feed entry's full text), as for the sources. */
  web?: WebOptions;
  /** The library: opened after the first frame, on the feeds view when `feedsView` is set. */
  library?: LibraryAccess;
  /** The library for the People view and the background reading of quotes into it. */
  people?: PeopleAccess;
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
  headOnly = false,
): AppState {
  const state = createState({ articles, bookmarks, size, errors, searchable });
  if (articles.length !== 1) return state;
  // Only the first screen's lines, for painting it: a long article is wrapped whole after.
  const opened = headOnly ? openArticle(state, articles[0]!, 0) : reducer(state, { type: 'open', article: articles[0]! });
  // The load errors are about what is on screen: the reader.
  return { ...opened, stack: ['reader'], flash: opened.flash && { ...opened.flash, screen: 'reader' } };
}

/** Runs the full-screen reader until the user quits; resolves with the exit code. */
export async function runInteractive(options: InteractiveOptions): Promise<number> {
  const { store, keyboard } = options;
  const stdout = process.stdout;
  const deferred = isDeferred(store) ? store : undefined;
  // With nothing given to read, the first screen is the bookmarks: they must be there for it.
  // Otherwise the store opens after the first frame (see below).
  const needsStoreFirst = !options.library?.feedsView && Array.isArray(options.articles) && options.articles.length === 0;
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
  const { settings } = options;
  // Here for the first frame; mountApp applies them again to the interface's own copies of
  // these modules (dist/lazy/, see scripts/build.mjs).
  if (settings) applySettings(settings);
  const mouse = options.mouse !== false;
  const session = startTerminalSession(stdout, keyboard, { mouse });
  const control: AppControl = {};
  // Reports that come before the app listens (the background colour) wait for it.
  const early: TerminalEvent[] = [];
  let listener: ((event: TerminalEvent) => void) | null = null;
  // Set once the first frame is painted: keys typed on it are handled before Ink is up.
  let onEarlyKey: ((text: string) => boolean) | null = null;
  // Ink loads once typing on the painted frame pauses (loading it holds up the event loop,
  // and a key typed meanwhile would wait for it), or at once when a key needs it.
  let loadInk = () => {};
  const inkWanted = new Promise<void>((resolve) => {
    loadInk = resolve;
  });
  let quiet: NodeJS.Timeout | undefined;
  const handOver = () => {
    onEarlyKey = null;
    clearTimeout(quiet);
    loadInk();
  };
  const filtered = filterKeyboard(
    keyboard,
    (event) => {
      // A click or F1 before Ink is up waits for it, and so must every key after it.
      if (event.type !== 'background') handOver();
      if (listener) listener(event);
      else early.push(event);
    },
    { early: (text) => onEarlyKey?.(text) ?? false },
  );
  control.subscribe = (next) => {
    listener = next;
    for (const event of early.splice(0)) next(event);
    return () => {
      listener = null;
    };
  };
  // The terminal goes to another program (the shell after ctrl+z, a terminal browser) and back.
  const giveBack = () => {
    filtered.detach();
    session.pause();
  };
  const takeAgain = () => {
    session.resume();
    filtered.attach();
    control.repaint?.();
  };
  try {
    let given = options.articles;
    const size = readSize(stdout);
    const loader = Array.isArray(given) ? undefined : given;
    // Drawn first, made searchable after: the list filter's haystacks are not on screen.
    const initial = (headOnly: boolean) =>
      options.library?.feedsView
        ? createState({ articles: [], bookmarks, size, errors, library: true })
        : Array.isArray(given)
          ? firstState(given, bookmarks, size, errors, false, headOnly)
          : createState({ articles: [], bookmarks, size, errors, loading: true });
    const opensReader = !options.library?.feedsView && Array.isArray(given) && given.length === 1;
    // Links become terminal hyperlinks where the terminal shows them.
    const hyperlinks = supportsHyperlinks(process.env, stdout.isTTY === true);
    const restyle = (t: Theme): Theme => ({ ...(options.restyle ? options.restyle(t) : t), hyperlinks });
    const chosen = !options.color ? 'mono' : options.theme && options.theme !== 'auto' ? options.theme : backgroundFromEnv(process.env);
    const theme = restyle(themeNamed(chosen));
    if (options.color && (options.theme ?? 'auto') === 'auto') {
      // Asked now, answered (by terminals that can) in a few milliseconds; the first frame does
      // not wait. A late answer is ignored: colours must not change under the reader's eyes.
      const asked = Date.now();
      stdout.write(BACKGROUND_QUERY);
      control.themeFor = (background) => {
        if (Date.now() - asked > BACKGROUND_ANSWER_MS) return null;
        return restyle(themeNamed(luminance(background) > 0.5 ? 'light' : 'dark'));
      };
    }
    const head = initial(opensReader);
    const painted = firstFrameText(head, theme);
    if (painted !== null) paintFrame(stdout, painted);
    if (options.complete) given = await options.complete();
    const shown = opensReader ? initial(false) : head;
    // The whole article's first screen is the head's; should it not be (a file that changed), it is painted again.
    const again = options.complete && painted !== null ? firstFrameText(shown, theme) : null;
    if (again !== null && again !== painted) paintFrame(stdout, again);
    // What is on screen, as the keys typed before Ink is up leave it.
    let current = shown;
    let quitEarly: (saves: SavePosition[]) => void = () => undefined;
    const quitBeforeInk = new Promise<SavePosition[]>((resolve) => {
      quitEarly = resolve;
    });
    // Sources still loading fill the list from inside the app: their keys wait for Ink.
    if (painted !== null && !loader) {
      const waitForQuiet = () => {
        clearTimeout(quiet);
        quiet = setTimeout(handOver, QUIET_BEFORE_INK_MS);
      };
      const latest = setTimeout(handOver, MAX_WAIT_FOR_INK_MS);
      void inkWanted.then(() => clearTimeout(latest));
      waitForQuiet();
      onEarlyKey = (text) => {
        // A resize reflowed the painted frame: Ink draws it again on a clean screen.
        const step = sameSize(size, readSize(stdout)) ? earlyStep(current, text, theme) : ({ kind: 'ink' } as const);
        if (step.kind === 'ink') {
          handOver();
          return false;
        }
        current = step.state;
        if (step.kind === 'quit') {
          onEarlyKey = null;
          clearTimeout(quiet);
          clearTimeout(latest);
          quitEarly(step.saves);
        } else {
          paintFrame(stdout, step.frame);
          waitForQuiet();
        }
        return true;
      };
    } else loadInk();
    const interfaceModules = inkWanted.then(() => Promise.all([import('./mount.js'), import('../quotes/index.js')]));
    const outcome = await Promise.race([interfaceModules.then((modules) => ({ modules })), quitBeforeInk.then((saves) => ({ saves }))]);
    if ('saves' in outcome) {
      // q before Ink was up: save where the reader was, as the app would, and leave.
      interfaceModules.catch(() => undefined);
      for (const save of outcome.saves) {
        storeWork.track(undefined, (wait) => store.setPosition(save.articleId, save.position, wait)).catch(() => undefined);
      }
      // The article read is kept for search as the app would keep it (the caller lets it settle).
      const read = current.reader?.article;
      if (read && options.library) void options.library.record(read).catch(() => undefined);
      unsaved = await storeWork.settle();
      return 0;
    }
    onEarlyKey = null;
    const initialState = withHaystacks(current);
    const [{ mountApp }, { extractQuotes }] = outcome.modules;
    const services: Services = {
      store,
      findQuotes: (text, title) => extractQuotes(text, { indirect: true, title }),
      // Loaded on first use: child_process takes longer to load than drawing the frame.
      openUrl: async (url) =>
        (await import('../io/browser.js')).openInBrowser(url, {
          handOver: (runBrowser) => {
            giveBack();
            try {
              runBrowser();
            } finally {
              takeAgain();
            }
          },
        }),
      copy: (text) => copyToClipboard(stdout, text),
      copyReport: (what) => copyReport(what, process.env),
      suspend: () => {
        giveBack();
        let back = false;
        const resume = () => {
          if (back) return;
          back = true;
          process.off('SIGCONT', resume);
          clearTimeout(timer);
          takeAgain();
        };
        process.once('SIGCONT', resume);
        // Raw mode keeps the terminal from sending the signal itself; the shell's job control
        // takes it from here, and `fg` sends SIGCONT. The process stops inside this call.
        process.kill(process.pid, 'SIGTSTP');
        // Without job control (no shell to go back to) the signal is dropped and nothing
        // stopped: the reader comes straight back instead of waiting for a SIGCONT.
        const timer = setTimeout(resume, SUSPEND_GRACE_MS);
      },
      // Loaded on first use: the page extractor is the heaviest part of the bundle.
      fullText: async (article) => (await import('../sources/web.js')).fetchFullText(article, { ...options.web, signal: quitting.signal }),
      storeReady: deferred && !needsStoreFirst ? deferred.ready : undefined,
      storeWork,
      library: options.library,
      people: options.people,
    };
    // A resize while Ink loaded leaves the painted frame reflowed: Ink draws on a clean screen.
    if (painted !== null && !sameSize(size, readSize(stdout))) session.clear();
    // Ink draws its first frame over the painted one, which is the same frame.
    control.clearScreen = () => session.clear();
    const app = mountApp({ initialState, services, theme, loader, keyboard: filtered.stream, stdout, control, settings });
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
    filtered.detach();
    closeKeyboard(keyboard);
    for (const line of unsaved) process.stderr.write(`inkwire: bookmarks: not saved: ${sanitizeLine(line)}\n`);
  }
}

/**
 * How long the keyboard stays quiet on the painted frame before Ink loads: a key typed on the
 * frame, or soon after the last one, is answered at once.
 */
const QUIET_BEFORE_INK_MS = 60;
/** Keys typed without a pause do not hold Ink off for longer than this. */
const MAX_WAIT_FOR_INK_MS = 1000;

/** After ctrl+z, how long to wait for SIGCONT before taking it that nothing stopped. */
const SUSPEND_GRACE_MS = 150;

/** How long the terminal has to answer the background query before the guess stands. */
const BACKGROUND_ANSWER_MS = 1000;

/**
 * The theme before the terminal answers: COLORFGBG ("15;0": light text on a dark background)
 * names the background colour as its last number; 7 and 9–15 are light ones. Else dark.
 */
export function backgroundFromEnv(env: NodeJS.ProcessEnv): ThemeName {
  const last = env.COLORFGBG?.split(';').pop();
  if (last === undefined || !/^\d+$/.test(last)) return 'dark';
  const color = Number(last);
  return color === 7 || (color >= 9 && color <= 15) ? 'light' : 'dark';
}

function sameSize(a: TerminalSize, b: TerminalSize): boolean {
  return a.columns === b.columns && a.rows === b.rows;
}

function isDeferred(store: BookmarkStore): store is DeferredStore {
  return typeof (store as Partial<DeferredStore>).start === 'function';
}
