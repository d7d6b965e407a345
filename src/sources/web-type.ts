import { isJsonFeed, sniffFormat, sniffXmlDocument, type Format } from '../parse/detect.js';

// What a response is: the server's Content-Type narrowed by a look at the bytes, because
// servers routinely label feeds text/html, pages text/plain and everything application/xml.

export interface ContentType {
  mime: string;
  charset?: string;
}

export function parseContentType(header: string | null | undefined): ContentType {
  if (!header) return { mime: '' };
  const [mime = '', ...params] = header.split(';');
  let charset: string | undefined;
  for (const param of params) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(param);
    if (match) charset = match[1];
  }
  return { mime: mime.trim().toLowerCase(), charset };
}

/** Media types that are never an article; reported instead of being parsed as text. */
export function isNonTextMime(mime: string): boolean {
  return /^(?:image|audio|video|font|model)\//.test(mime) || /^application\/(?:pdf|zip|gzip|x-gzip|x-tar|octet-stream|vnd\.|msword|x-msdownload|wasm)/.test(mime);
}

/**
 * The parser for a response: its media type decides the family, the document's head decides
 * within it (an RSS file served as text/html is still a feed).
 */
export function formatForResponse(mime: string, text: string): Format | undefined {
  const head = text.slice(0, 4096).trimStart();
  const markup = sniffXmlDocument(head);
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return markup ?? 'html';
  if (/^(?:application|text)\/(?:[\w.-]+\+)?xml$/.test(mime)) return markup ?? (/^<(?:!doctype html|html)/i.test(head) ? 'html' : 'feed');
  if (mime === 'application/feed+json') return 'feed';
  if (/^(?:application|text)\/(?:[\w.-]+\+)?json$/.test(mime)) return isJsonFeed(head) ? 'feed' : 'json';
  if (mime === 'text/markdown' || mime === 'text/x-markdown') return 'markdown';
  // OPML lists and feeds are often served as plain text or a download: their root tells.
  if (mime === 'text/plain') return markup ?? (sniffFormat(text) === 'markdown' ? 'markdown' : 'text');
  if (mime === 'application/octet-stream' && markup) return markup;
  return sniffFormat(text);
}
