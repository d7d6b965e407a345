import { existsSync, statSync } from 'node:fs';
import type { Article } from '../article.js';
import type { WebOptions } from '../sources/web.js';
import { inkwirePaths } from '../store/paths.js';
import { DEFAULT_TEXT_WIDTH } from '../export/format-names.js';
import { formatFromPath } from '../parse/detect.js';
import { loadSources } from '../sources/load.js';
import { readPlainTextHead } from '../sources/plain-head.js';
import { ExitCode, InkwireError } from '../errors.js';
import { loadSettings } from '../store/settings-file.js';
import type { Settings } from '../store/settings.js';
import { restyleTheme, THEME_NAMES, type Theme, type ThemeName } from '../views/themes.js';
import { writeOut } from './output.js';
import { runPager, wantsPager } from './pager.js';
import { forcesColor, stylePrinted } from './print-style.js';
import {
  exitCodeFor,
  loadForCommand,
  maxBytesOption,
  noSourcesError,
  positiveInt,
  reportError,
  webOptionsFor,
  type CommandDeps,
  type SourceOptions,
} from './shared.js';

export interface ReadOptions extends SourceOptions {
  width?: string;
  color: boolean;
  print?: boolean;
  /** false with --no-pager. */
  pager?: boolean;
  theme?: string;
  /** false with --no-mouse. */
  mouse?: boolean;
}

/** What `inkwire [sources…]` gets from the command line when given sources and nothing else. */
export const DEFAULT_READ_OPTIONS: ReadOptions = { width: String(DEFAULT_TEXT_WIDTH), color: true, cache: true, pager: true, mouse: true };

/**
 * `inkwire [sources…]`: opens the reader on a terminal; prints the articles as text when
 * stdout is not a terminal, with --print, or when no keyboard can be opened.
 */
export async function readSources(sources: string[], options: ReadOptions, deps: CommandDeps): Promise<void> {
  const width = positiveInt('--width', options.width, DEFAULT_TEXT_WIDTH);
  if (options.theme !== undefined && !['auto', ...THEME_NAMES].includes(options.theme)) {
    throw new InkwireError('--theme', `not auto, dark, light or mono: ${options.theme}`, ExitCode.usage);
  }
  // A terminal that cannot move the cursor (TERM=dumb, Emacs' shell) gets the text printed.
  const interactive = deps.stdout.isTTY === true && !options.print && !isDumbTerminal(deps.env);
  if (!interactive) {
    const { articles } = await loadForCommand(sources, options, deps);
    if (articles.length > 0) await printArticles(articles, width, deps, options);
    return;
  }
  await readInteractively(sources, options, width, deps);
}

/** No cursor addressing: the reader cannot draw there, so it prints instead. */
export function isDumbTerminal(env: NodeJS.ProcessEnv): boolean {
  return env.TERM === 'dumb' || env.TERM === 'unknown';
}

/**
 * The settings file, applied: key bindings to the keymap, widths to the layout. Its problems
 * are one line each on stderr, naming the file and the setting; the status bar names the
 * setting and what is wrong, short enough to fit beside the position.
 */
function interfaceSettings(deps: CommandDeps): { errors: string[]; settings: Settings } {
  const { settings, problems, path } = loadSettings(deps.env);
  for (const problem of problems) reportError(deps, `settings (${path}): ${problem}`);
  return { errors: problems.map((p) => `settings: ${shortProblem(p)}`), settings };
}

/** `keys.frob: no such command (the commands are…)` without its hint: `keys.frob: no such command`. */
export function shortProblem(problem: string): string {
  const hint = problem.indexOf(' (');
  return hint > 0 ? problem.slice(0, hint) : problem;
}

function interfaceLook(options: ReadOptions, settings: Settings, deps: CommandDeps) {
  const theme = (options.theme ?? settings.theme ?? 'auto') as ThemeName | 'auto';
  // --no-mouse wins over the file; the file can turn the mouse off for good.
  const mouse = options.mouse !== false && settings.mouse !== false;
  const restyle = (t: Theme) => restyleTheme(t, settings.colors);
  return { theme, mouse, restyle, color: wantsColor(options, deps), settings };
}

/**
 * Web addresses, feeds and OPML lists take seconds each, and a folder may hold a hundred
 * thousand files, so the interface opens at once and fills as they arrive. Files load in
 * milliseconds: they are read before the first frame, which also keeps a single file opening
 * straight in the reader (a folder of one file does too, once it is in).
 */
function loadsSlowly(sources: readonly string[], options: ReadOptions): boolean {
  if ((options.feed ?? []).length > 0) return true;
  return sources.some((s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || formatFromPath(s) === 'opml' || isFolder(s));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    // Reported as the source's failure when it is read.
    return false;
  }
}

async function readInteractively(sources: string[], options: ReadOptions, width: number, deps: CommandDeps): Promise<void> {
  // With no source (not even --feed) and nothing piped, the reader opens on the bookmarks (or
  // a welcome screen).
  const nothingGiven = sources.length === 0 && (options.feed ?? []).length === 0 && deps.stdin.isTTY === true;
  if (!nothingGiven && loadsSlowly(sources, options)) {
    await readWhileLoading(sources, options, width, deps);
    return;
  }
  // The interface's modules load while the sources are read: both wait on the disk.
  const interfaceModules = Promise.all([import('../io/keyboard.js'), import('../app/run.js'), bookmarkStoreFor(deps)]);
  // Failing to load the sources is reported below; a failure here would then be noise.
  interfaceModules.catch(() => undefined);
  let articles: Article[] = [];
  const errors: string[] = [];
  const head = nothingGiven ? null : bigTextHead(sources, options);
  const late: string[] = [];
  // A big text file's first frame is painted from its first paragraphs; the reader reads the
  // file whole right after. A failure then (the file changed) ends the reader with its one line.
  const complete = head
    ? async () => {
        const loaded = await loadSources(sources, { maxBytes: maxBytesOption(options), stdin: deps.stdin, web: webOptionsFor(options, deps.env) });
        const failure = loaded.failures[0];
        if (failure) throw new InkwireError(failure.source, failure.reason, failure.exitCode);
        late.push(...loaded.warnings);
        return loaded.articles;
      }
    : undefined;
  if (head) articles = [head];
  else if (!nothingGiven) {
    const loaded = await loadForCommand(sources, options, deps);
    articles = loaded.articles;
    // Failures were printed on stderr (they stay there after the reader closes); the reader
    // shows them once too, since the alternate screen hides stderr while it is open.
    errors.push(...loaded.failures.map((f) => `${f.source}: ${f.reason}`));
    if (articles.length === 0) return;
  }
  const [{ openKeyboard }, { runInteractive }, store] = await interfaceModules;
  const { errors: settingErrors, settings } = interfaceSettings(deps);
  errors.unshift(...settingErrors);
  const keyboard = openKeyboard();
  if (!keyboard) {
    // cron, CI, setsid: no terminal to take keys from, so print instead of failing.
    if (nothingGiven) {
      throw noSourcesError();
    }
    reportError(deps, 'no terminal for keys; printing instead');
    await printArticles(articles, width, deps, options);
    return;
  }

  const web = webOptionsFor(options, deps.env);
  // Nothing to read but a library of subscriptions: the feeds view.
  const library = libraryAccess(deps, web, nothingGiven);
  const people = peopleAccess(deps, library);
  const code = await runInteractive({ articles, complete, store, keyboard, errors, web, library, people, ...interfaceLook(options, settings, deps) });
  for (const warning of late) reportError(deps, warning);
  await library.settle();
  // Otherwise the code loadForCommand set stands: 1 when some sources failed.
  if (code !== 0) deps.setExitCode(code);
}

/**
 * The interface first, the sources after: it opens on a list that fills as each source
 * arrives, with a "3/5 loaded" count and each failure shown as it happens. Failures and
 * warnings go to stderr once the interface closes (the alternate screen would hide them, and
 * writing there would tear the frame), and set the same exit code as loading first does.
 */
async function readWhileLoading(sources: string[], options: ReadOptions, width: number, deps: CommandDeps): Promise<void> {
  // Bad options are usage errors before anything opens.
  const web = webOptionsFor(options, deps.env);
  const maxBytes = maxBytesOption(options);
  const { openKeyboard } = await import('../io/keyboard.js');
  const keyboard = openKeyboard();
  if (!keyboard) {
    reportError(deps, 'no terminal for keys; printing instead');
    const { articles } = await loadForCommand(sources, options, deps);
    if (articles.length > 0) await printArticles(articles, width, deps, options);
    return;
  }
  const { errors, settings } = interfaceSettings(deps);
  const [{ runInteractive }, { liveLoad }, store] = await Promise.all([import('../app/run.js'), import('../app/loading.js'), bookmarkStoreFor(deps)]);
  const live = liveLoad(sources, { maxBytes, stdin: deps.stdin, web, feeds: options.feed ?? [] });
  const library = libraryAccess(deps, web, false);
  const code = await runInteractive({ articles: live.loader, store, keyboard, web, errors, library, people: peopleAccess(deps, library), ...interfaceLook(options, settings, deps) });
  await library.settle();
  const { articleCount, failures, warnings } = live.report();
  for (const warning of warnings) reportError(deps, warning);
  for (const failure of failures) reportError(deps, failure.source, failure.reason);
  deps.setExitCode(code !== 0 ? code : exitCodeFor(articleCount, failures));
}

/**
 * The head of the one big plain-text file given (see plain-head.ts), or null to read the
 * sources before the first frame as usual. With --timeout the usual path keeps its bound.
 */
function bigTextHead(sources: readonly string[], options: ReadOptions): Article | null {
  if (sources.length !== 1 || (options.feed ?? []).length > 0 || options.timeout !== undefined) return null;
  return readPlainTextHead(sources[0]!, maxBytesOption(options));
}

function wantsColor(options: ReadOptions, deps: CommandDeps): boolean {
  return options.color && !('NO_COLOR' in deps.env && deps.env.NO_COLOR !== '');
}

async function printArticles(articles: readonly Article[], width: number, deps: CommandDeps, options: ReadOptions): Promise<void> {
  const { formatText } = await import('../export/text.js');
  const plain = formatText(articles, width);
  const text = options.color && forcesColor(deps.env) ? stylePrinted(plain) : plain;
  if (wantsPager(text, deps.stdout as { isTTY?: boolean; rows?: number }, deps.env, options.pager !== false)) {
    if (await runPager(text, deps.env)) return;
  }
  await writeOut(deps, text);
}

/**
 * The bookmark store for the interface, opened in the background: loading the store and
 * reading the file would otherwise delay the first frame.
 */
async function bookmarkStoreFor(deps: CommandDeps) {
  const { deferredStore } = await import('../store/bookmarks/deferred.js');
  return deferredStore(async () => {
    const store = (await import('../store/bookmarks/disk-store.js')).openBookmarkStore({ env: deps.env });
    // Read once as it opens, so damage is found (and shown) straight away.
    await store.list();
    return store;
  });
}

/**
 * The library for the interface: it opens after the first frame, to show the feeds (when
 * nothing was given to read and there is a library) and to keep what the reader opens.
 */
function libraryAccess(deps: CommandDeps, web: WebOptions, nothingGiven: boolean) {
  const path = inkwirePaths(deps.env).library;
  let opened: Promise<import('../library/library.js').Library> | undefined;
  const open = () => (opened ??= import('../library/library.js').then(({ openLibrary }) => openLibrary(path)));
  // The thread that keeps opened articles starts with the first of them, after the first frame.
  let recorder: Promise<import('../app/record-opened.js').OpenedRecorder> | undefined;
  const recording = () =>
    (recorder ??= import('../app/record-opened.js').then(({ openedRecorder }) => openedRecorder(path, async (article) => void (await open()).recordOpened([article]))));
  return {
    web,
    feedsView: nothingGiven && existsSync(path),
    open,
    record: async (article: Article) => (await recording()).record(article),
    /** After the interface closed: what it was still keeping gets a moment to be written. */
    settle: async () => (recorder ? (await recorder).settle(RECORD_SETTLE_MS) : undefined),
  };
}

/** The library for the people index (P, the background reading of quotes): the same one, opened once. */
function peopleAccess(deps: CommandDeps, library: { open(): Promise<import('../library/library.js').Library> }) {
  const path = inkwirePaths(deps.env).library;
  return { open: library.open, exists: () => existsSync(path), path };
}

/** How long quitting waits for an article still being written to the library. */
const RECORD_SETTLE_MS = 2_000;
