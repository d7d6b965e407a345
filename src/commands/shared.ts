import type { Article, ArticleSummary } from '../article.js';
import { ExitCode, InkwireError, fileErrorReason, type ExitCodeValue } from '../errors.js';
import { DEFAULT_MAX_BYTES, loadSources, loadSummaries, type FolderHelper, type LoadFailure, type LoadOptions, type SourceOutcome } from '../sources/load.js';
import { parseSize } from '../sources/size.js';
import type { WebOptions } from '../sources/web.js';
import { inkwirePaths } from '../store/paths.js';
import { escapeLine } from '../text/sanitize.js';
import { reportUncaught, sanitizeStream } from './output.js';

/** Help for a command's `[sources...]` argument. */
export const SOURCES_HELP = 'files, folders, web addresses or feeds, or - for stdin (default: piped stdin)';
const NO_SOURCES = 'give files, folders, web addresses, or - for stdin (see inkwire --help)';

/** The process edges every command talks to; tests pass their own. */
export interface CommandDeps {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  setExitCode(code: number): void;
}

export function processDeps(): CommandDeps {
  const stderr = guardedStderr();
  reportUncaught(stderr);
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    get stderr() {
      return stderr();
    },
    env: process.env,
    setExitCode: (code) => {
      process.exitCode = code;
    },
  };
}

/**
 * Everything written to stderr, by inkwire or by a library, is sanitized on its way: Node
 * makes process.stderr on first use, and guarded then. On a terminal that stream is a tty
 * stream, about a millisecond to make, which a run that writes nothing there (the reader's
 * first frame) need not spend.
 */
function guardedStderr(): () => NodeJS.WritableStream {
  const made = Object.getOwnPropertyDescriptor(process, 'stderr');
  if (!made?.get || !made.configurable) {
    const stream = sanitizeStream(process.stderr);
    return () => stream;
  }
  const make = made.get;
  let stream: NodeJS.WritableStream | undefined;
  Object.defineProperty(process, 'stderr', {
    configurable: true,
    enumerable: made.enumerable,
    get: () => (stream ??= sanitizeStream(make.call(process) as NodeJS.WritableStream)),
  });
  return () => process.stderr;
}

/** Prints `inkwire: <subject>: <reason>` on stderr: one line, controls shown as escapes, no stack trace. */
export function reportError(deps: CommandDeps, subject: string, reason?: string): void {
  const line = reason === undefined ? subject : `${subject}: ${reason}`;
  deps.stderr.write(`inkwire: ${escapeLine(line)}\n`);
}

export interface SourceOptions {
  maxBytes?: string;
  timeout?: string;
  /** False with `--no-cache`. */
  cache?: boolean;
  feed?: string[];
  full?: boolean;
}

/** The limits and cache for web addresses, from the command line and the environment. */
export function webOptionsFor(options: SourceOptions, env: NodeJS.ProcessEnv): WebOptions {
  const web: WebOptions = { full: options.full === true };
  if (options.timeout !== undefined) {
    const seconds = Number(options.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
      throw new InkwireError('--timeout', `not a number of seconds between 0 and 3600: ${options.timeout}`, ExitCode.usage);
    }
    web.timeoutMs = Math.round(seconds * 1000);
  }
  if (options.maxBytes !== undefined) web.maxBytes = maxBytesOption(options);
  if (options.cache !== false) web.cacheDir = inkwirePaths(env).cache;
  return web;
}

export function maxBytesOption(options: SourceOptions): number {
  if (options.maxBytes === undefined) return DEFAULT_MAX_BYTES;
  const bytes = parseSize(options.maxBytes);
  if (bytes === undefined) throw new InkwireError('--max-bytes', `not a size: ${options.maxBytes}`, ExitCode.usage);
  return bytes;
}

export interface Loaded {
  articles: Article[];
  /** How many articles were loaded: `articles.length`, unless they were not kept. */
  articleCount: number;
  failures: LoadFailure[];
}

/** How a command takes the articles as they are parsed. */
export interface Arrivals {
  /** Each source's articles as soon as they are parsed. */
  onArticles: (articles: readonly Article[]) => void;
  /** In the sources' order rather than the order they finish in. */
  inOrder?: boolean;
  /** False: `onArticles` is all the command gets; the result's `articles` stays empty. */
  keep?: boolean;
  /** How many sources there are to read (a folder's files each one), before any is read. */
  onCount?: (sources: number) => void;
}

/**
 * Loads the sources a command was given; with none, reads piped stdin. Reports each failure
 * and warning on stderr as it goes and sets the exit code for them. `onArticles` sees each
 * source's articles as soon as they are parsed, in the order the sources finish (or, with
 * `inOrder`, in theirs).
 */
export async function loadForCommand(
  specs: readonly string[],
  options: SourceOptions,
  deps: CommandDeps,
  arrivals?: Arrivals | Arrivals['onArticles'],
): Promise<Loaded> {
  const { onArticles, inOrder, keep, onCount } = typeof arrivals === 'function' ? { onArticles: arrivals, inOrder: false, keep: true, onCount: undefined } : (arrivals ?? {});
  const onSource = onArticles && ((outcome: SourceOutcome) => ('articles' in outcome ? onArticles(outcome.articles) : undefined));
  const { sources, load } = loadArguments(specs, options, deps);
  return reported(deps, await loadSources(sources, { ...load, onSource, inOrder, keep, onStart: onCount }));
}

/**
 * loadForCommand for a list: what it shows of each article (see loadSummaries), given to
 * `onSummaries` in the sources' order as each is read, and not kept; a big folder's files are
 * shared with `helper`'s second thread, if given.
 */
export async function loadSummariesForCommand(
  specs: readonly string[],
  options: SourceOptions,
  deps: CommandDeps,
  onSummaries: (summaries: readonly ArticleSummary[]) => void,
  helper?: FolderHelper,
): Promise<void> {
  const onSource = (outcome: SourceOutcome<ArticleSummary>) => ('articles' in outcome ? onSummaries(outcome.articles) : undefined);
  const { sources, load } = loadArguments(specs, options, deps);
  reported(deps, await loadSummaries(sources, { ...load, onSource, inOrder: true, keep: false }, helper));
}

/** The sources to load (piped stdin when none are given) and the options every command loads them with. */
function loadArguments(specs: readonly string[], options: SourceOptions, deps: CommandDeps): { sources: readonly string[]; load: LoadOptions } {
  let sources = specs;
  const feeds = options.feed ?? [];
  if (sources.length === 0 && feeds.length === 0) {
    if (deps.stdin.isTTY) throw noSourcesError();
    sources = ['-'];
  }
  return { sources, load: { maxBytes: maxBytesOption(options), stdin: deps.stdin, web: webOptionsFor(options, deps.env), feeds } };
}

/** A load's warnings and failures on stderr, and the exit code they make. */
function reported<T extends { articleCount: number; failures: LoadFailure[]; warnings: string[] }>(deps: CommandDeps, result: T): T {
  for (const warning of result.warnings) reportError(deps, warning);
  for (const failure of result.failures) reportError(deps, failure.source, failure.reason);
  deps.setExitCode(exitCodeFor(result.articleCount, result.failures));
  return result;
}

/** 0 when all is well, 1 when some sources failed, else the first failure's own code. */
export function exitCodeFor(articleCount: number, failures: readonly LoadFailure[]): ExitCodeValue {
  if (failures.length === 0) return ExitCode.ok;
  if (articleCount > 0) return ExitCode.partial;
  return failures[0]!.exitCode;
}

/** Runs a command body, turning an InkwireError into one stderr line and its exit code. */
export async function guarded(deps: CommandDeps, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof InkwireError) {
      reportError(deps, error.subject, error.reason);
      deps.setExitCode(error.exitCode);
      return;
    }
    const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
    if (code === 'EPIPE') return;
    // A system error that escaped with its path still has a sentence ("is a folder").
    if (typeof code === 'string' && typeof path === 'string') {
      const { reason, exitCode } = fileErrorReason(error);
      reportError(deps, path, reason);
      deps.setExitCode(exitCode);
      return;
    }
    reportError(deps, 'internal error', (error as Error)?.message ?? String(error));
    deps.setExitCode(ExitCode.ioErr);
  }
}

/** A positive integer option, e.g. `--width 72`. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InkwireError(name, `not a positive whole number: ${value}`, ExitCode.usage);
  return n;
}

/** Nothing to read: no source given and nothing piped. */
export function noSourcesError(): InkwireError {
  return new InkwireError('no sources', NO_SOURCES, ExitCode.usage);
}
