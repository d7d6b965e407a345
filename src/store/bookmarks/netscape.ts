// The Netscape bookmark file: the HTML every browser exports and imports. Written with every
// value HTML-escaped (titles and notes are hostile), read with linkedom so entities, unclosed
// <DT>/<DD> tags and odd casing are handled as browsers write them.
import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sanitizeLine, sanitizeText } from '../../text/sanitize.js';
import type { Bookmark } from './types.js';

export interface NetscapeExport {
  html: string;
  /** Bookmarks with nothing a browser can open (read from stdin, no URL) are left out. */
  omitted: number;
}

export function toNetscapeHtml(bookmarks: readonly Bookmark[]): NetscapeExport {
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
    '    <DT><H3>inkwire</H3>',
    '    <DL><p>',
  ];
  let omitted = 0;
  for (const b of bookmarks) {
    const href = b.url ?? (isAbsolute(b.source) ? pathToFileURL(b.source).href : undefined);
    if (!href) {
      omitted++;
      continue;
    }
    // INKWIRE_ID lets an inkwire import merge with the bookmark it came from; browsers ignore it.
    const attributes = [`HREF="${escapeHtml(href)}"`, `ADD_DATE="${Math.floor(Date.parse(b.savedAt) / 1000)}"`, `INKWIRE_ID="${escapeHtml(b.id)}"`];
    if (b.tags.length > 0) attributes.push(`TAGS="${escapeHtml(b.tags.map(sanitizeLine).join(','))}"`);
    lines.push(`        <DT><A ${attributes.join(' ')}>${escapeHtml(sanitizeLine(b.title))}</A>`);
    if (b.note) lines.push(`        <DD>${escapeHtml(sanitizeText(b.note))}`);
  }
  lines.push('    </DL><p>', '</DL><p>', '');
  return { html: lines.join('\n'), omitted };
}

/** The links of a bookmark file as loose records, for normalizeBookmark to check. */
export async function readNetscapeHtml(html: string): Promise<Record<string, unknown>[]> {
  // linkedom is loaded only by an import: the rest of the CLI never pays for it.
  const { parseHTML } = await import('linkedom');
  const document = parseHTML(html).document as unknown as { querySelectorAll(selector: string): Iterable<LinkNode> };
  return [...document.querySelectorAll('a')].map((a) => {
    const href = attribute(a, 'href') ?? '';
    const entry: Record<string, unknown> = {
      id: attribute(a, 'inkwire_id'),
      url: href,
      // A local file (exported by inkwire from a file source) is known by its path.
      source: href.startsWith('file:') ? pathOf(href) : href,
      title: a.textContent ?? '',
      tags: (attribute(a, 'tags') ?? '').split(','),
      savedAt: dateOf(attribute(a, 'add_date')),
    };
    // A description follows its link as the <DD> after the link's <DT>.
    const next = a.parentElement?.nextElementSibling;
    if (next?.tagName === 'DD') entry.note = next.textContent ?? '';
    return entry;
  });
}

/** The part of linkedom's DOM read here, typed structurally (the project has no DOM lib). */
interface LinkNode {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly attributes: Iterable<{ readonly name: string; readonly value: string }>;
  readonly parentElement: LinkNode | null;
  readonly nextElementSibling: LinkNode | null;
}

/** linkedom keeps attribute names as written, and browsers write them in capitals. */
function attribute(element: LinkNode, name: string): string | undefined {
  for (const attr of element.attributes) if (attr.name.toLowerCase() === name) return attr.value;
  return undefined;
}

function pathOf(fileUrl: string): string | undefined {
  try {
    return fileURLToPath(fileUrl);
  } catch {
    return undefined;
  }
}

/** ADD_DATE is Unix time in seconds; some tools write milliseconds or microseconds. */
function dateOf(value: string | undefined): string | undefined {
  const n = Number(value);
  if (!value || !Number.isFinite(n) || n <= 0) return undefined;
  const ms = n < 1e11 ? n * 1000 : n < 1e14 ? n : n / 1000;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
