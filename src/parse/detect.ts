import type { Article } from '../article.js';

export type Format = 'text' | 'markdown' | 'html' | 'json';

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
  if (/^[[{]/.test(head) && looksLikeJson(text)) return 'json';
  if (/^(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)/i.test(head) || /<(?:body|article|p|div)[\s>]/i.test(head.slice(0, 1024))) {
    return 'html';
  }
  if (/^---[ \t]*\n[\s\S]*?\n---/.test(head) || /^#{1,6} \S/m.test(head) || /^\s*[-*] \S.*\n\s*[-*] \S/m.test(head)) {
    return 'markdown';
  }
  return looksLikeProse(text) ? 'text' : undefined;
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
  const sample = text.slice(0, 65_536);
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
}

/** Runs the parser for a format; heavy parsers load only when a source needs them. */
export async function parseAs(format: Format, text: string, source: string, options: ParseOptions = {}): Promise<Article[]> {
  switch (format) {
    case 'text': {
      const { parsePlainText } = await import('./text.js');
      return [parsePlainText(text, source)];
    }
    case 'markdown': {
      const { parseMarkdown } = await import('./markdown.js');
      return [parseMarkdown(text, source)];
    }
    case 'html': {
      const { parseHtml } = await import('./html.js');
      return [await parseHtml(text, source, options)];
    }
    case 'json': {
      const { parseJson } = await import('./json.js');
      return parseJson(text, source);
    }
  }
}
