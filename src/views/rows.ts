import type { Article } from '../article.js';
import { readingTime, shortDate, siteOf } from '../store/format.js';
import type { ListState, ReaderState } from '../store/state.js';
import { hyperlink, hyperlinkTarget } from '../text/hyperlink.js';
import { linkLabel } from '../text/link-ranges.js';
import { sanitizeText } from '../text/sanitize.js';
import { fitToWidth, textWidth, truncateToWidth, type LineKind, type WrappedLine } from '../text/wrap.js';
import { highlightsBetween, segmentLine, type Highlight, type Segment } from './highlights.js';
import type { StatusParts } from './status.js';
import type { Style, Theme } from './themes.js';

// What each row of the main views shows, as styled runs of text. Ink's components and the
// first-frame painter (which draws before Ink has loaded) both draw from these, so the
// frame the painter puts up is the frame Ink then draws over it.

/** Text with its styles, innermost first (a quote mark inside a heading's style). */
export interface Run {
  readonly text: string;
  readonly styles: readonly Style[];
}

/** One screen row; `style` applies to the whole row (the list's selection bar). */
export interface Row {
  readonly runs: readonly Run[];
  readonly style?: Style;
}

const plain = (text: string): Run => ({ text, styles: [] });

/** A row of one style that never shows empty (Ink would drop an empty row). */
export function lineRow(text: string, style?: Style): Row {
  return { runs: [plain(sanitizeText(text) || ' ')], ...(style ? { style } : {}) };
}

// ---- reader ----------------------------------------------------------------------------

/** The span of article text on rows `top` to `top + height`: what highlights need to cover. */
export function visibleRange(reader: ReaderState, height: number): { from: number; to: number } {
  const body = reader.lines.slice(reader.top, reader.top + height).filter((line) => line.src >= 0);
  const last = body[body.length - 1];
  return { from: body[0]?.src ?? 0, to: last ? last.src + last.text.length : 0 };
}

/** Quotes, the sidebar's current quote, search matches and links within `from`–`to`. */
export function highlightsIn(reader: ReaderState, from: number, to: number, showActiveQuote: boolean): Highlight[] {
  const { quotes, quoteCursor, search } = reader;
  return highlightsBetween(
    from,
    to,
    quotes ?? [],
    showActiveQuote ? quoteCursor : -1,
    search.matches,
    search.query ? search.current : -1,
    reader.linkRanges,
  );
}

const NONE: readonly Highlight[] = [];

/** The highlights on one line; the shared empty list lets memo skip plain lines on scroll. */
export function highlightsOf(line: WrappedLine, highlights: readonly Highlight[]): readonly Highlight[] {
  if (line.src < 0 || highlights.length === 0) return NONE;
  const end = line.src + line.text.length;
  const hits = highlights.filter((h) => h.start < end && h.end > line.src);
  return hits.length === 0 ? NONE : hits;
}

function baseStyle(kind: LineKind, theme: Theme): Style {
  switch (kind) {
    case 'title':
      return theme.title;
    case 'meta':
      return theme.meta;
    case 'heading':
      return theme.heading;
    case 'quote':
      return theme.blockQuote;
    case 'code':
      return theme.code;
    default:
      return theme.text;
  }
}

/** A link inside a quote keeps the quote's colours and is underlined too. */
function segmentStyle(segment: Segment, theme: Theme): Style | undefined {
  if (!segment.link) return segment.mark ? theme[segment.mark] : undefined;
  return segment.mark ? { ...theme[segment.mark], underline: true } : theme.link;
}

/** One line of article text: margin, list bullet or quote bar, then the text by highlight. */
export function readerRow(line: WrappedLine, pad: string, highlights: readonly Highlight[], theme: Theme): Row {
  if (line.text === '' && line.prefix === '') return { runs: [plain(' ')] };
  const base = baseStyle(line.kind, theme);
  const segments: Segment[] = line.src >= 0 ? segmentLine(line.text, line.src, highlights) : [{ text: line.text, mark: null, link: false }];
  const runs: Run[] = [plain(pad)];
  if (line.prefix) runs.push({ text: line.prefix, styles: [line.kind === 'list' ? theme.bullet : theme.muted] });
  let at = line.src;
  for (const segment of segments) {
    const style = segmentStyle(segment, theme);
    const text = sanitizeText(segment.text);
    // Hyperlinks wrap text that is already sanitized, around an address made safe.
    const target = theme.hyperlinks && segment.url ? hyperlinkTarget(segment.url) : null;
    runs.push({ text: target ? hyperlink(text, target) : text, styles: style ? [style, base] : [base] });
    at += segment.text.length;
    if (line.src < 0) continue;
    for (const h of highlights) {
      if (h.mark === 'link' && h.number !== undefined && h.end === at) runs.push({ text: linkLabel(h.number), styles: [theme.linkNumber ?? theme.muted] });
    }
  }
  return { runs };
}

// ---- list ------------------------------------------------------------------------------

/** Widths of the columns after the bookmark mark; 0 hides a column. */
export interface Columns {
  title: number;
  site: number;
  date: number;
  time: number;
}

const MARK = 2;

/**
 * Column widths for a row: on narrow terminals the reading time and then the date give
 * way, so the title keeps at least about half the row; the title takes what is left.
 */
export function listColumns(width: number): Columns {
  const site = Math.min(24, Math.max(8, Math.floor(width / 5)));
  const date = width >= 70 ? 10 : 0;
  const time = width >= 56 ? 6 : 0;
  const gaps = 1 + (date ? 1 : 0) + (time ? 1 : 0);
  return { title: Math.max(8, width - MARK - site - date - time - gaps), site, date, time };
}

function columnsText(columns: Columns, title: string, site: string, date: string, time: string): string {
  let text = `${fitToWidth(title, columns.title)} ${fitToWidth(site, columns.site)}`;
  if (columns.date) text += ` ${fitToWidth(date, columns.date)}`;
  if (columns.time) text += ` ${fitToWidth(time, columns.time)}`;
  return text;
}

export function listHeadingRow(columns: Columns, theme: Theme): Row {
  return lineRow(' '.repeat(MARK) + columnsText(columns, 'Title', 'Site', 'Date', 'Read'), theme.muted);
}

export function listEmptyRow(list: ListState, loading: boolean, theme: Theme): Row {
  if (list.filter) return lineRow(`  Nothing matches “${list.filter}”. Esc clears the filter.`, theme.muted);
  return lineRow(loading ? '  Loading…' : '  No articles.', theme.muted);
}

export function articleRow(article: Article, columns: Columns, selected: boolean, bookmarked: boolean, theme: Theme): Row {
  const rest = columnsText(columns, article.title, siteOf(article), shortDate(article.published), readingTime(article.readingMinutes));
  return {
    runs: [{ text: bookmarked ? '★ ' : '  ', styles: selected ? [] : [theme.bookmark] }, plain(sanitizeText(rest))],
    ...(selected ? { style: theme.selection } : {}),
  };
}

// ---- status bar ------------------------------------------------------------------------

/**
 * The right part lists the position first and key hints after it, separated by " · ";
 * on a narrow terminal hints are dropped from the end, whole, before anything is cut.
 */
export function fitRight(text: string, width: number): string {
  const parts = text.split(' · ');
  while (parts.length > 1 && textWidth(parts.join(' · ')) > width) parts.pop();
  return truncateToWidth(parts.join(' · '), width);
}

/**
 * One row: the left part is cut first so the position on the right always shows. A message
 * (what a key did, an error) takes room from the key hints first, so it reads whole.
 */
export function statusRow(parts: StatusParts, width: number, theme: Theme): Row {
  const leftText = ` ${sanitizeText(parts.left)}`;
  const rightText = sanitizeText(parts.right);
  const half = Math.max(0, Math.floor(width / 2));
  const position = textWidth(rightText.split(' · ')[0]!);
  const room = parts.tone === 'normal' ? half : Math.min(half, Math.max(position, width - textWidth(leftText) - 2));
  const right = fitRight(rightText, room);
  const leftWidth = Math.max(0, width - textWidth(right) - 2);
  const left = fitToWidth(leftText, leftWidth);
  const tone = parts.tone === 'error' ? theme.statusError : parts.tone === 'info' ? theme.statusInfo : theme.status;
  return { runs: [{ text: left, styles: [tone] }, { text: ` ${right} `, styles: [theme.status] }] };
}

/** How many columns a row takes on screen. */
export function rowWidth(row: Row): number {
  let width = 0;
  for (const run of row.runs) width += textWidth(run.text);
  return width;
}

// ---- whole views, for the first-frame painter ------------------------------------------

/** The reader's rows on screen with the sidebar closed (as ReaderView draws them then). */
export function readerRows(reader: ReaderState, height: number, margin: number, theme: Theme): Row[] {
  const { from, to } = visibleRange(reader, height);
  const highlights = highlightsIn(reader, from, to, false);
  const pad = ' '.repeat(margin);
  return reader.lines.slice(reader.top, reader.top + height).map((line) => readerRow(line, pad, highlightsOf(line, highlights), theme));
}

/** The list's heading and rows on screen (as ArticleList draws them). */
export function listRows(articles: readonly Article[], list: ListState, bookmarked: ReadonlySet<string>, width: number, height: number, loading: boolean, theme: Theme): Row[] {
  const columns = listColumns(width);
  const rows = [listHeadingRow(columns, theme)];
  if (list.matches.length === 0) rows.push(listEmptyRow(list, loading, theme));
  list.matches.slice(list.offset, list.offset + height - 1).forEach((index, i) => {
    const article = articles[index]!;
    rows.push(articleRow(article, columns, list.offset + i === list.cursor, bookmarked.has(article.id), theme));
  });
  return rows;
}
