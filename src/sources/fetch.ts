import { ExitCode, InkwireError } from '../errors.js';
import { VERSION } from '../version.js';
import { remainingMs, timedOut, type Deadline } from './deadline.js';
import { sourceLimit, tooLarge } from './files.js';
import { networkReason } from './network-errors.js';
import { proxyDispatcher } from './proxy.js';

// One HTTP GET with every limit a hostile or broken server needs: a single deadline that
// covers connecting, headers and body; a size cap counted while the (decompressed) body
// streams in, so a gzip bomb or an endless body stops at the cap; redirects followed by hand
// so they can be counted and their schemes checked.

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_WEB_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

export interface FetchOptions {
  timeoutMs?: number;
  /** The whole source's deadline, which this request shares (it wins over `timeoutMs`). */
  deadline?: Deadline;
  maxBytes?: number;
  /** Conditional-request validators from a cached copy. */
  etag?: string;
  lastModified?: string;
  /** The name errors are reported under; defaults to the URL asked for. */
  source?: string;
  /** Stops the request, e.g. when the reader quits before every source is in. */
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The address after redirects. */
  url: string;
  status: number;
  /** True for 304: the cached copy is still current and `bytes` is empty. */
  notModified: boolean;
  bytes: Uint8Array;
  headers: Headers;
}

/** Rejects anything but an absolute http(s) address, with a reason the user can act on. */
export function parseWebUrl(raw: string, source = raw): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InkwireError(source, 'not a valid web address', ExitCode.usage);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InkwireError(source, `${url.protocol.replace(/:$/, '')}: addresses are not supported (only http and https)`, ExitCode.usage);
  }
  return url;
}

export async function fetchUrl(address: string, options: FetchOptions = {}): Promise<FetchResult> {
  const source = options.source ?? address;
  const timeoutMs = options.deadline?.ms ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_WEB_MAX_BYTES;
  const controller = new AbortController();
  let late = false;
  const timer = setTimeout(
    () => {
      late = true;
      controller.abort();
    },
    options.deadline ? remainingMs(options.deadline) : timeoutMs,
  );
  const cancel = () => controller.abort();
  options.signal?.addEventListener('abort', cancel);
  if (options.signal?.aborted) controller.abort();
  // The address being fetched, after any redirects so far: a blocked port is named from it.
  let url: URL | undefined;
  const fail = (error: unknown): never => {
    if (error instanceof InkwireError) throw error;
    if (options.signal?.aborted) throw new InkwireError(source, 'cancelled', ExitCode.ioErr);
    if (late) throw timedOut(source, timeoutMs);
    throw new InkwireError(source, networkReason(error, url), ExitCode.ioErr);
  };

  try {
    url = parseWebUrl(address, source);
    const dispatcher = await proxyDispatcher();
    for (let hops = 0; ; hops++) {
      const init: RequestInit = {
        redirect: 'manual',
        signal: controller.signal,
        headers: requestHeaders(hops === 0 ? options : {}),
      };
      // Node's fetch takes an undici dispatcher beside the standard fields (see proxy.ts); the
      // package's Dispatcher type and the one @types/node declares are separate copies.
      if (dispatcher) Object.assign(init, { dispatcher });
      const response = await fetch(url, init).catch(fail);
      if (isRedirect(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        if (!location) throw new InkwireError(source, `HTTP ${response.status} redirect without a Location`, ExitCode.dataErr);
        if (hops >= MAX_REDIRECTS) throw new InkwireError(source, `too many redirects (more than ${MAX_REDIRECTS})`, ExitCode.dataErr);
        url = parseWebUrl(resolveLocation(location, url, source), source);
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return { url: url.href, status: 304, notModified: true, bytes: new Uint8Array(0), headers: response.headers };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        const text = response.statusText ? ` ${response.statusText}` : '';
        const exitCode = response.status >= 400 && response.status < 500 ? ExitCode.noInput : ExitCode.ioErr;
        throw new InkwireError(source, `HTTP ${response.status}${text}`, exitCode);
      }
      const declared = Number(response.headers.get('content-length'));
      // A declared length is only a hint for compressed bodies, but an honest one over the cap
      // saves downloading anything.
      if (!response.headers.get('content-encoding') && declared > sourceLimit(maxBytes)) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge(source, maxBytes);
      }
      const bytes = await readCapped(response, maxBytes, source, controller).catch(fail);
      return { url: url.href, status: response.status, notModified: false, bytes, headers: response.headers };
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

/** The headers every request sends (lowercase names), besides the validators of a cached copy. */
const BASE_HEADERS: Readonly<Record<string, string>> = {
  'user-agent': `inkwire/${VERSION}`,
  accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/*;q=0.8, */*;q=0.5',
  'accept-encoding': 'gzip, deflate, br',
};

/** What a request sends in a header, for matching a cached copy's Vary. */
export function requestHeader(name: string): string | undefined {
  return BASE_HEADERS[name.toLowerCase()];
}

function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = { ...BASE_HEADERS };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

function resolveLocation(location: string, base: URL, source: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    throw new InkwireError(source, 'redirected to an address that is not valid', ExitCode.dataErr);
  }
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

async function readCapped(response: Response, maxBytes: number, source: string, controller: AbortController): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > sourceLimit(maxBytes)) {
      controller.abort();
      throw tooLarge(source, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
