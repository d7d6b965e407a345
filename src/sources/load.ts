import { createReadStream, statSync } from 'node:fs';
import { summaryOf, type Article, type ArticleSummary } from '../article.js';
import { ExitCode, InkwireError, fileErrorReason, sourceFailureReason, type ExitCodeValue } from '../errors.js';
import { KNOWN_EXTENSIONS, formatFromPath, isJsonFeed, parseAsSoon, sniffFormat, summarizeAsSoon, type Format, type ParseOptions } from '../parse/detect.js';
import { checkpointFor, deadlineIn, type Deadline } from './deadline.js';
import { decodeBytes, isUtf16 } from './decode.js';
import { notRegularFile } from './file-kind.js';
import { readFileLimited, readFileSoon, readStreamLimited } from './files.js';
import type { FileOutcome, FolderJob, FolderShare } from './folder-share.js';
import { MAX_FOLDER_ENTRIES, listFolder } from './folder.js';
import type { WebOptions } from './web.js';

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
export const STDIN_SOURCE = 'stdin';

export interface LoadOptions<T = Article> {
  maxBytes?: number;
  stdin?: NodeJS.ReadableStream;
  /** How many sources are read and parsed at once. */
  concurrency?: number;
  /** Limits and cache for http(s) sources; `web.maxBytes` defaults to 10 MiB, not `maxBytes`. */
  web?: WebOptions;
  /** Addresses of pages or feeds to load as feeds (`--feed`): a page gives its advertised feed. */
  feeds?: readonly string[];
  /** Called once the sources are listed (folders and OPML lists opened), before any loads. */
  onStart?: (total: number) => void;
  /** Called as each source finishes, for a "12/40 loaded" display. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called with each source's articles or failure as soon as it has them, so an interface
   * can show articles before the slowest source is in. `order` is the source's place among
   * all sources (a folder or OPML list counts each of its entries), for keeping that order.
   */
  onSource?: (outcome: SourceOutcome<T>) => void;
  /** Where warnings go as they happen (the result's `warnings` is this array). */
  warnings?: string[];
  /**
   * False: the result's `articles` stays empty, for a caller that takes each source's articles
   * from `onSource` and lets them go (a list of 100,000 files then never holds them all).
   */
  keep?: boolean;
  /**
   * `onSource` in the sources' order (a folder's sorted files), not as they finish: a source
   * done early waits for those before it. For output printed as it is read.
   */
  inOrder?: boolean;
}

/**
 * A source's articles (or their summaries, see loadSummaries), or its failure. A failure has
 * its `order` too when it is one of the listed sources (not a spec that could not be listed).
 */
export type SourceOutcome<T = Article> = { order: number; articles: T[] } | { order?: number; failure: LoadFailure };

export interface LoadFailure {
  source: string;
  reason: string;
  exitCode: ExitCodeValue;
}

export interface LoadResult<T = Article> {
  /** Every article, in the sources' order; empty when loaded with `keep: false`. */
  articles: T[];
  /** How many articles were loaded, kept or not. */
  articleCount: number;
  failures: LoadFailure[];
  /** One-line notes that did not stop a source, e.g. a legacy encoding. */
  warnings: string[];
}

interface Input {
  source: string;
  read?: (deadline?: Deadline) => Promise<Uint8Array>;
  /** Sources that read and parse by themselves (web addresses, JSON files) give articles directly. */
  load?: (deadline?: Deadline) => Promise<Article[]>;
  /** The path whose extension picks the parser. */
  path?: string;
}

/** What sources are parsed into: whole articles, or what a list shows of each. */
interface Shape<T> {
  /** A text's items, without a promise where the parser needs none (see parseAsSoon). */
  parse(format: Format, text: string, source: string, options: ParseOptions): T[] | Promise<T[]>;
  /** Items of articles a source made by itself (a web page, a JSON file). */
  of(articles: Article[]): T[];
  /** Whether the item has anything to read. */
  readable(item: T): boolean;
}

const ARTICLES: Shape<Article> = {
  parse: parseAsSoon,
  of: (articles) => articles,
  readable: (article) => article.blocks.length > 0,
};

const SUMMARIES: Shape<ArticleSummary> = {
  parse(format, text, source, options) {
    const quick = summarizeAsSoon(format, text, source);
    if (quick) return [quick];
    const parsed = parseAsSoon(format, text, source, options);
    return parsed instanceof Promise ? parsed.then((articles) => articles.map(summaryOf)) : parsed.map(summaryOf);
  },
  of: (articles) => articles.map(summaryOf),
  readable: (summary) => summary.blockCount > 0,
};

/** Loads every source; a failing source is reported and never stops the others. */
export async function loadSources(specs: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  return loadShaped(specs, options, ARTICLES);
}

/**
 * loadSources for a list: what a list shows of each article (see makeSummary), in place of the
 * articles. Text and Markdown files are summarized without building their articles.
 */
export async function loadSummaries(specs: readonly string[], options: LoadOptions<ArticleSummary> = {}, helper?: FolderHelper): Promise<LoadResult<ArticleSummary>> {
  return loadShaped(specs, options, SUMMARIES, helper);
}

/**
 * Folder files (read the short way, see folderFileOutcome) this many or more are shared with a
 * second thread when a core is spare: starting it takes about 50 ms of the other core, in
 * which this thread reads some 3,000 small files.
 */
export const SHARED_MIN_FILES = 4096;

type ShareOutcome = (rank: number, outcome: FileOutcome) => void;

/**
 * A second thread to share a big folder's files with (see folder-share.ts). Given by the
 * caller, whose module loads it with its own: loaded here, on the first big folder, its import
 * waited on the walk's busy event loop and the thread was ready 200 ms after the walk.
 */
export interface FolderHelper {
  /** A folder's walk has found SHARED_MIN_FILES files: the thread starts loading. */
  warm(): void;
  /** The files shared with the thread, or null without one; `onOutcome` gets what it read. */
  share(job: Omit<FolderJob, 'claims'>, onOutcome: ShareOutcome): FolderShare | null;
  /** No files to share after all (most were JSON, say): a thread started is stopped. */
  cancel(): void;
}

/** A file of a folder summarized, as loadSummaries does it, for the folder's second thread. */
export function summarizedFolderFile(path: string, maxBytes: number, timeoutMs: number | undefined): FileOutcome | Promise<FileOutcome> {
  const warnings: string[] = [];
  const outcome = folderFileOutcome(path, maxBytes, timeoutMs === undefined ? undefined : deadlineIn(timeoutMs), warnings, SUMMARIES);
  const withWarnings = (read: FileRead<ArticleSummary>): FileOutcome => (warnings.length > 0 ? { ...read, warnings } : read);
  return outcome instanceof Promise ? outcome.then(withWarnings) : withWarnings(outcome);
}

async function loadShaped<T>(specs: readonly string[], options: LoadOptions<T>, shape: Shape<T>, sharing?: FolderHelper): Promise<LoadResult<T>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const failures: LoadFailure[] = [];
  const warnings = options.warnings ?? [];
  // A folder's files stay paths until their turn: an Input each would be 15 MB for 100,000.
  const inputs: (Input | string)[] = [];

  const web = options.web ?? {};
  // --timeout (set in web options only when given) bounds files and stdin too, reading and
  // parsing; web addresses have their own deadline, 15 s unless given.
  const timeoutMs = web.timeoutMs;
  for (const spec of specs) {
    try {
      // A loop, not push(...): a folder of 200,000 files would overflow the call stack.
      for (const input of await expandSpec(spec, maxBytes, options.stdin ?? process.stdin, web, warnings, sharing)) inputs.push(input);
    } catch (error) {
      const failure = toFailure(spec, error);
      failures.push(failure);
      options.onSource?.({ failure });
    }
  }
  for (const feed of options.feeds ?? []) inputs.push(webInput(feed, web, warnings, 'feed'));

  options.onStart?.(inputs.length);
  const keep = options.keep !== false;
  const report = options.onSource && (options.inOrder ? inOrder(options.onSource) : options.onSource);
  let done = 0;
  let articleCount = 0;
  // Once the interface has closed (its signal aborted), no source not yet begun is read: a
  // folder of 100,000 files would otherwise keep the process for seconds after `q`.
  const signal = options.web?.signal;
  const settle = (outcome: SourceOutcome<T>): SourceOutcome<T> | undefined => {
    if ('articles' in outcome) articleCount += outcome.articles.length;
    report?.(outcome);
    options.onProgress?.(++done, inputs.length);
    // Not kept, a source's articles are free as soon as they are reported.
    return keep || 'failure' in outcome ? outcome : undefined;
  };
  // A file of a folder (a string) takes the short way unless it is JSON, whose array files
  // fileInput reads a slice at a time: nearly all of a big folder is text and Markdown, read
  // and parsed without a promise. Those files may be shared with a second thread.
  const short = (given: Input | string): given is string => typeof given === 'string' && formatFromPath(given) !== 'json';
  const shared = sharing ? sharedFiles(inputs, short) : undefined;
  if (sharing && !shared) sharing.cancel();
  // Shared, each source's warnings are held and given in the sources' order once all are
  // read, as one thread gives them.
  const held = shared ? new Map<number, readonly string[]>() : undefined;
  const sink = (): string[] => (held ? [] : warnings);
  // Outcomes by the sources' order: kept ones, and every failure.
  const outcomes = new Array<SourceOutcome<T> | undefined>(inputs.length);
  const finished = (outcome: SourceOutcome<T> & { order: number }, given: readonly string[]): void => {
    if (held && given.length > 0) held.set(outcome.order, given);
    outcomes[outcome.order] = settle(outcome);
  };
  const folderFile = (path: string, order: number): void | Promise<void> => {
    const given = sink();
    const outcome = folderFileOutcome(path, maxBytes, timeoutMs === undefined ? undefined : deadlineIn(timeoutMs), given, shape);
    if (outcome instanceof Promise) return outcome.then((read) => finished({ ...read, order }, given));
    finished({ ...outcome, order }, given);
  };
  const share =
    shared &&
    sharing!.share({ paths: shared.paths, maxBytes, timeoutMs }, (rank, { warnings: given = [], ...outcome }) => {
      // Only loadSummaries shares its files, so T is ArticleSummary here.
      finished({ ...outcome, order: shared.orders[rank]! } as SourceOutcome<T> & { order: number }, given);
    });
  await mapLimited(inputs, options.concurrency ?? 8, (given, order) => {
    if (signal?.aborted) return share?.stop();
    if (short(given)) {
      if (share && !share.mine(shared!.ranks[order]!)) return;
      return folderFile(given, order);
    }
    const deadline = timeoutMs === undefined ? undefined : deadlineIn(timeoutMs);
    const notes = sink();
    const input = typeof given === 'string' ? fileInput(given, maxBytes, notes) : given;
    const load = async (): Promise<T[]> =>
      input.load ? shape.of(await input.load(deadline)) : parseShaped(await input.read!(deadline), { ...input, deadline }, notes, shape);
    return load().then(
      (articles) => finished({ order, articles }, notes),
      (error: unknown) => finished({ order, failure: toFailure(input.source, error) }, notes),
    );
  });
  // The chunks the second thread had: their outcomes come in as it sends them; any it could
  // not finish are read here.
  if (share) {
    for (const rank of await share.rest()) {
      if (signal?.aborted) break;
      await folderFile(shared!.paths[rank]!, shared!.orders[rank]!);
    }
  }
  if (held) for (const order of [...held.keys()].sort((a, b) => a - b)) for (const warning of held.get(order)!) warnings.push(warning);
  const articles: T[] = [];
  for (const result of outcomes) {
    if (!result) continue;
    if ('failure' in result) failures.push(result.failure);
    else for (const article of result.articles) articles.push(article);
  }
  return { articles, articleCount, failures, warnings };
}

/** The sources that may be shared with a second thread: their paths, and each one's rank among them and its order among all. */
function sharedFiles(inputs: readonly (Input | string)[], short: (given: Input | string) => given is string): { paths: string[]; ranks: Int32Array; orders: Int32Array } | undefined {
  const paths: string[] = [];
  const ranks = new Int32Array(inputs.length).fill(-1);
  for (let order = 0; order < inputs.length; order++) {
    const given = inputs[order]!;
    if (short(given)) ranks[order] = paths.push(given) - 1;
  }
  if (paths.length < SHARED_MIN_FILES) return undefined;
  const orders = new Int32Array(paths.length);
  for (let order = 0; order < inputs.length; order++) if (ranks[order]! >= 0) orders[ranks[order]!] = order;
  return { paths, ranks, orders };
}

/** Passes outcomes on in their sources' order, each held until those before it are in. */
function inOrder<T>(onSource: (outcome: SourceOutcome<T>) => void): (outcome: SourceOutcome<T>) => void {
  const waiting = new Map<number, SourceOutcome<T>>();
  let next = 0;
  return (outcome) => {
    if (outcome.order === undefined) return onSource(outcome);
    // The next one, with none waiting (every file of a folder read in turn): passed on at once.
    if (outcome.order === next && waiting.size === 0) {
      next++;
      return onSource(outcome);
    }
    waiting.set(outcome.order, outcome);
    for (let ready = waiting.get(next); ready; ready = waiting.get(next)) {
      waiting.delete(next++);
      onSource(ready);
    }
  };
}

/** A spec's sources; a string is the path of a file in a folder (see fileInput). */
async function expandSpec(
  spec: string,
  maxBytes: number,
  stdin: NodeJS.ReadableStream,
  web: WebOptions,
  warnings: string[],
  sharing: FolderHelper | undefined,
): Promise<(Input | string)[]> {
  if (spec === '-') {
    return [{ source: STDIN_SOURCE, read: (deadline) => readStreamLimited(stdin, STDIN_SOURCE, maxBytes, deadline) }];
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    const { parseWebUrl } = await import('./fetch.js');
    parseWebUrl(spec);
    return [webInput(spec, web, warnings, 'auto')];
  }
  if (formatFromPath(spec) === 'opml') {
    // A subscription list: each of its feeds is a source of its own, failing on its own.
    const { opmlFileFeeds } = await import('./web-opml.js');
    const feeds = await opmlFileFeeds(spec, maxBytes);
    return feeds.map((url) => webInput(url, web, warnings, 'auto'));
  }
  let info;
  try {
    // Synchronously, as the file is then read: an asynchronous stat would start libuv's
    // threads and load fs/promises before the first frame, to wait on nothing slower.
    info = statSync(spec);
  } catch (error) {
    const { reason, exitCode } = fileErrorReason(error);
    throw new InkwireError(spec, reason, exitCode);
  }
  if (info.isDirectory()) {
    const whenMany = sharing && { files: SHARED_MIN_FILES, call: () => sharing.warm() };
    const listing = await listFolder(spec, KNOWN_EXTENSIONS, MAX_FOLDER_ENTRIES, whenMany).catch((error: unknown) => {
      const { reason, exitCode } = fileErrorReason(error);
      throw new InkwireError(spec, reason, exitCode);
    });
    for (const warning of listing.warnings) warnings.push(warning);
    if (listing.files.length === 0) {
      throw new InkwireError(spec, `no articles found (looked for ${KNOWN_EXTENSIONS.join(', ')})`, ExitCode.noInput);
    }
    return listing.files;
  }
  if (!info.isFile()) return [streamInput(spec, info, maxBytes, stdin)];
  return [fileInput(spec, maxBytes, warnings)];
}

/**
 * A path that is not a regular file is read only when it names one of this process's own
 * descriptors: /dev/stdin (the stdin stream, as `-`), or a pipe such as the /dev/fd/63 a
 * shell's `<(command)` gives. A named pipe nothing writes to would block forever, and a
 * device can be endless, so anything else is refused with what it is.
 */
function streamInput(spec: string, info: Parameters<typeof notRegularFile>[1], maxBytes: number, stdin: NodeJS.ReadableStream): Input {
  const fd = ownDescriptor(spec);
  if (fd === 0) return { source: spec, read: (deadline) => readStreamLimited(stdin, spec, maxBytes, deadline) };
  if (fd === undefined || !info.isFIFO()) throw notRegularFile(spec, info);
  return { source: spec, read: (deadline) => readStreamLimited(createReadStream(spec), spec, maxBytes, deadline) };
}

function ownDescriptor(path: string): number | undefined {
  if (path === '/dev/stdin') return 0;
  const match = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d+)$/.exec(path);
  return match ? Number(match[1]) : undefined;
}

function fileInput(path: string, maxBytes: number, warnings: string[]): Input {
  const input: Input = { source: path, path, read: (deadline) => readFileLimited(path, maxBytes, deadline) };
  if (formatFromPath(path) !== 'json') return input;
  return {
    ...input,
    // Most JSON files with many articles hold one array, which can be read a slice at a time;
    // for anything else that path gives up and the whole file is read as for any format.
    load: async (deadline) => {
      const { readJsonArrayFile } = await import('./json-file.js');
      return (await readJsonArrayFile(path, maxBytes)) ?? parseBytes(await input.read!(deadline), { ...input, deadline }, warnings);
    },
  };
}

function webInput(url: string, web: WebOptions, warnings: string[], mode: 'auto' | 'feed'): Input {
  return {
    source: url,
    load: async () => {
      const { loadWebSource } = await import('./web.js');
      return loadWebSource(url, web, warnings, mode);
    },
  };
}

export interface ParseInput {
  source: string;
  path?: string;
  url?: string;
  /** The format when the caller knows it (a web response's content type). */
  format?: Format;
  /** A charset declared outside the bytes (an HTTP header). */
  charset?: string;
  /** When the source must be done; parsing stops between its steps once it has passed. */
  deadline?: Deadline;
}

/** Bytes to articles: rejects empty and binary data, decodes, picks a parser. */
export async function parseBytes(bytes: Uint8Array, input: ParseInput, warnings: string[]): Promise<Article[]> {
  return parseShaped(bytes, input, warnings, ARTICLES);
}

/** parseBytes into the shape's items, without a promise where the parser needs none (see parseAsSoon); throws what parseBytes rejects with. */
function parseShaped<T>(bytes: Uint8Array, input: ParseInput, warnings: string[], shape: Shape<T>): T[] | Promise<T[]> {
  const { source } = input;
  if (isBinary(bytes, input.charset)) throw new InkwireError(source, 'binary data, not an article', ExitCode.dataErr);
  const { text, encoding } = decodeBytes(bytes, input.charset);
  // A test, not trim(): trimming copies every file's text.
  if (!/\S/.test(text)) {
    const what = source === STDIN_SOURCE ? 'empty input' : /^https?:\/\//i.test(source) ? 'empty response' : 'empty file';
    throw new InkwireError(source, what, ExitCode.dataErr);
  }
  const known = input.format ?? (input.path ? formatFromPath(input.path) : undefined);
  // A .json file may be a JSON Feed.
  const format: Format | undefined = known === 'json' && isJsonFeed(text) ? 'feed' : (known ?? sniffFormat(text));
  if (!format) {
    throw new InkwireError(source, 'unrecognised content (not plain text, Markdown, HTML, JSON or a feed)', ExitCode.dataErr);
  }
  if (encoding === 'windows-1252' && format !== 'html') {
    warnings.push(`${source}: not valid UTF-8; read as Windows-1252`);
  }
  const failed = (error: unknown): never => {
    // JSON.parse's own words say where the JSON breaks; a SyntaxError from anywhere else is a bug.
    if (error instanceof SyntaxError && (format === 'json' || text.trimStart().startsWith('{'))) {
      throw new InkwireError(source, `invalid JSON (${error.message})`, ExitCode.dataErr);
    }
    const { reason, exitCode } = sourceFailureReason(error);
    throw new InkwireError(source, reason, exitCode);
  };
  const readableOf = (items: T[]): T[] => {
    // A feed entry with only a title and a link is still worth listing: its page can be fetched.
    const readable = format === 'feed' ? items : items.filter(shape.readable);
    if (readable.length === 0) throw new InkwireError(source, 'no article text found', ExitCode.dataErr);
    return readable;
  };
  let parsed: T[] | Promise<T[]>;
  try {
    parsed = shape.parse(format, text, source, { url: input.url, warnings, checkpoint: checkpointFor(source, input.deadline) });
  } catch (error) {
    return failed(error);
  }
  return parsed instanceof Promise ? parsed.then(readableOf, failed) : readableOf(parsed);
}

/** A folder file's items, or its failure. */
export type FileRead<T> = { articles: T[] } | { failure: LoadFailure };

/** A file of a folder read and parsed, or its failure; without a promise for a file of one read whose parser is loaded. */
function folderFileOutcome<T>(path: string, maxBytes: number, deadline: Deadline | undefined, warnings: string[], shape: Shape<T>): FileRead<T> | Promise<FileRead<T>> {
  const failed = (error: unknown): FileRead<T> => ({ failure: toFailure(path, error) });
  const parsed = (bytes: Uint8Array): FileRead<T> | Promise<FileRead<T>> => {
    const items = parseShaped(bytes, { source: path, path, deadline }, warnings, shape);
    return items instanceof Promise ? items.then((articles) => ({ articles }), failed) : { articles: items };
  };
  try {
    // The folder's listing found the path a regular file (see readFileSoon).
    const bytes = readFileSoon(path, maxBytes, deadline, true);
    // Parsing may throw as well as the read: both are the file's failure.
    return bytes instanceof Promise ? bytes.then(parsed).catch(failed) : parsed(bytes);
  } catch (error) {
    return failed(error);
  }
}

/** NUL bytes do not occur in text, except as half of UTF-16's code units. */
function isBinary(bytes: Uint8Array, charset: string | undefined): boolean {
  return bytes.subarray(0, 8192).includes(0) && !isUtf16(bytes, charset);
}

function toFailure(source: string, error: unknown): LoadFailure {
  if (error instanceof InkwireError) return { source: error.subject, reason: error.reason, exitCode: error.exitCode };
  const { reason, exitCode } = sourceFailureReason(error);
  return { source, reason, exitCode };
}

/**
 * The longest run of work between two turns of the event loop while sources load. Timed with
 * Date.now: the global `performance` loads perf_hooks on first use, a millisecond before the
 * first frame, for a precision this does not need.
 */
const TURN_MS = 15;

/**
 * `fn` over the items, `limit` at a time. An item whose result comes without a promise (a
 * folder's file, read and parsed synchronously) is not awaited: a turn through the microtask
 * queue for each of 100,000 files cost more than the walk.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => R | Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let lastTurn = Date.now();
  // One turn for all the workers: each waiting on a turn of its own, they were all resumed in
  // the same pass of the loop, and each ran its TURN_MS before the loop could go on (8 x 15 ms
  // between two looks at its events, such as a second thread's messages).
  let turn: Promise<void> | undefined;
  const nextTurn = (): Promise<void> =>
    (turn ??= new Promise<void>((resolve) =>
      setImmediate(() => {
        turn = undefined;
        lastTurn = Date.now();
        resolve();
      }),
    ));
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const result = fn(items[index]!, index);
      results[index] = result instanceof Promise ? await result : result;
      // Files are read synchronously, so a folder's sources settle without the event loop
      // turning: give it a turn now and then, or an interface could paint nothing (and no
      // signal be handled) until the last file was in.
      if (Date.now() - lastTurn > TURN_MS) await nextTurn();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
