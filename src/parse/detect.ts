import type { Article, ArticleSummary } from '../article.js';
import { DataError } from '../errors.js';
import { sanitizeText } from '../text/sanitize.js';

export type Format = 'text' | 'markdown' | 'html' | 'json' | 'feed' | 'opml';

const EXTENSIONS: Record<string, Format> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.rdf': 'feed',
  '.opml': 'opml',
};

/** Extensions a folder is searched for. */
export const KNOWN_EXTENSIONS = Object.keys(EXTENSIONS);

export function formatFromPath(path: string): Format | undefined {
  const dot = path.lastIndexOf('.');
  if (dot === -1 || dot < path.lastIndexOf('/')) return undefined;
  return EXTENSIONS[path.slice(dot).toLowerCase()];
}

/** Guesses the format of text that came without a telling extension; undefined if unrecognisable. */
export function sniffFormat(text: string): Format | undefined {
  const head = text.slice(0, 4096).trimStart();
  const markup = sniffXmlDocument(head);
  if (markup) return markup;
  if (/^[[{]/.test(head) && looksLikeJson(text)) return isJsonFeed(head) ? 'feed' : 'json';
  if (/^(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)/i.test(head) || /<(?:body|article|p|div)[\s>]/i.test(head.slice(0, 1024))) {
    return 'html';
  }
  if (/^---[ \t]*\n[\s\S]*?\n---/.test(head) || /^#{1,6} \S/m.test(head) || /^\s*[-*] \S.*\n\s*[-*] \S/m.test(head)) {
    return 'markdown';
  }
  return looksLikeProse(text) ? 'text' : undefined;
}

/**
 * A feed or an OPML list, told by its root element. Comments, processing instructions and a
 * doctype may come first; a page that merely mentions `<rss` in its text is not matched.
 */
export function sniffXmlDocument(head: string): 'feed' | 'opml' | undefined {
  const prolog = /^\uFEFF?\s*(?:(?:<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*<([A-Za-z][\w:.-]*)/.exec(head);
  const root = prolog?.[1]?.toLowerCase();
  if (!root) return undefined;
  if (root === 'rss' || root === 'feed' || root === 'rdf:rdf' || root === 'channel') return 'feed';
  if (root === 'opml') return 'opml';
  return undefined;
}

/** JSON Feed 1.x names its version URL near the top (its slashes may be escaped as `\/`). */
export function isJsonFeed(head: string): boolean {
  return /"version"\s*:\s*"https?:\\?\/\\?\/jsonfeed\.org\\?\/version\\?\/1/.test(head.slice(0, 4096));
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Prose is mostly letters, spaces and punctuation, with several words. Data dumps, base64
 * and mis-decoded binary fail this.
 */
export function looksLikeProse(text: string): boolean {
  // Judged on what the reader would show: escape sequences hidden in prose don't make it data.
  const sample = sanitizeText(text.slice(0, 65_536));
  const words = sample.match(/\p{L}{2,}/gu)?.length ?? 0;
  if (words < 3) return false;
  const visible = sample.replace(/\s+/g, '');
  if (visible.length === 0) return false;
  const letters = visible.match(/[\p{L}\p{M}]/gu)?.length ?? 0;
  const odd = visible.match(/[\p{Cc}\p{Co}\p{Cn}\uFFFD]/gu)?.length ?? 0;
  const longestToken = Math.max(...sample.split(/\s+/).slice(0, 5000).map((t) => t.length));
  return letters / visible.length >= 0.5 && odd / visible.length < 0.01 && longestToken < 200;
}

export interface ParseOptions {
  url?: string;
  /** Where a parser notes what a bound cut (a page too large to read whole). */
  warnings?: string[];
  /** Called between the steps of a long parse; throws to stop it (the source's deadline). */
  checkpoint?: () => void;
}

/** Runs the parser for a format; heavy parsers load only when a source needs them. */
/**
 * Each parser's module, imported once: an import() call costs a trip through the module
 * loader even when the module is loaded, and a folder is parsed one file at a time.
 */
const parsers: {
  text?: Promise<typeof import('./text.js')>;
  markdown?: Promise<typeof import('./markdown.js')>;
  html?: Promise<typeof import('./html.js')>;
  json?: Promise<typeof import('./json.js')>;
  feed?: Promise<typeof import('./feed.js')>;
} = {};

/** The plain-text and Markdown parsers once imported: a folder's files are parsed without a promise each. */
const loaded: { text?: typeof import('./text.js'); markdown?: typeof import('./markdown.js') } = {};

/**
 * Loads the plain-text and Markdown parsers now, before the first file needs them: a folder's
 * second thread, idle while the folder is walked, then starts on its files at once.
 */
export async function loadFolderParsers(): Promise<void> {
  loaded.text ??= await (parsers.text ??= import('./text.js'));
  loaded.markdown ??= await (parsers.markdown ??= import('./markdown.js'));
}

/** parseAs, without a promise when the format's parser is loaded and parses synchronously. */
export function parseAsSoon(format: Format, text: string, source: string, options: ParseOptions = {}): Article[] | Promise<Article[]> {
  if (format === 'text' && loaded.text) return [loaded.text.parsePlainText(text, source)];
  if (format === 'markdown' && loaded.markdown) return [loaded.markdown.parseMarkdown(text, source)];
  return parseAs(format, text, source, options);
}

/** What a list shows of a text or Markdown article, when that parser is loaded; undefined otherwise (see makeSummary). */
export function summarizeAsSoon(format: Format, text: string, source: string): ArticleSummary | undefined {
  if (format === 'text' && loaded.text) return loaded.text.summarizePlainText(text, source);
  if (format === 'markdown' && loaded.markdown) return loaded.markdown.summarizeMarkdown(text, source);
  return undefined;
}

export async function parseAs(format: Format, text: string, source: string, options: ParseOptions = {}): Promise<Article[]> {
  switch (format) {
    case 'text': {
      const { parsePlainText } = (loaded.text ??= await (parsers.text ??= import('./text.js')));
      return [parsePlainText(text, source)];
    }
    case 'markdown': {
      const { parseMarkdown } = (loaded.markdown ??= await (parsers.markdown ??= import('./markdown.js')));
      return [parseMarkdown(text, source)];
    }
    case 'html': {
      const { parseHtml } = await (parsers.html ??= import('./html.js'));
      return [await parseHtml(text, source, options)];
    }
    case 'json': {
      const { parseJson } = await (parsers.json ??= import('./json.js'));
      return parseJson(text, source);
    }
    case 'feed': {
      const { parseFeedText } = await (parsers.feed ??= import('./feed.js'));
      return parseFeedText(text, source, options);
    }
    case 'opml':
      // Its feeds need fetching, which the source layer does before parsing (see sources/web.ts).
      throw new DataError('an OPML subscription list: open it as a file or address to load its feeds');
  }
}
