// Output of `inkwire quotes`: a JSON array (schema/quotes.schema.json) and CSV (RFC 4180);
// the table for the terminal is in format-table.ts, apart, as it measures text in columns
// (string-width, whose expressions cost some 15 ms to build) and a script's run needs none.
// Every string goes through the sanitizer again on the way out, a last guard against escape
// sequences in article text.

import { sanitizeLine, sanitizeText } from '../text/sanitize.js';
import type { Quote } from './types.js';

export interface ArticleQuotes {
  source: string;
  title: string;
  quotes: readonly Quote[];
}

const line = (s: string | null): string | null => (s === null ? null : sanitizeLine(s));

function cleanQuote(q: Quote): Quote {
  return {
    text: sanitizeLine(q.text),
    parts: q.parts.map((p) => ({ text: sanitizeLine(p.text), start: p.start, end: p.end })),
    speaker: line(q.speaker),
    mention: line(q.mention),
    role: line(q.role),
    cue: line(q.cue),
    kind: q.kind,
    paragraph: q.paragraph,
    start: q.start,
    end: q.end,
  };
}

/** `--json`: one element per article, `{source, title, quotes}`, pretty-printed. */
export function quotesJson(articles: readonly ArticleQuotes[]): string {
  const data = articles.map((a) => ({ source: sanitizeLine(a.source), title: sanitizeLine(a.title), quotes: a.quotes.map(cleanQuote) }));
  return `${JSON.stringify(data, null, 2)}\n`;
}

export const CSV_COLUMNS = ['source', 'title', 'paragraph', 'start', 'end', 'kind', 'speaker', 'mention', 'role', 'cue', 'text'] as const;

/**
 * A spreadsheet reads a cell that starts with one of these as a formula (or, for tab and
 * CR, strips them and reads what follows), so article text could run one on the reader's
 * machine. OWASP's advice: such a cell starts with a single quote, which shows as text.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. Text
 * that would open a formula is neutralised first (numbers are written by us, never text).
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let s = sanitizeLine(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The one word every view uses for a quote whose speaker is unknown. */
export const UNATTRIBUTED = 'unattributed';

/** A quote as the table and plain text show it: a paraphrase is never put in quotation marks. */
export function quotedWords(q: Pick<Quote, 'text' | 'kind'>): string {
  return q.kind === 'indirect' ? `${q.text} (paraphrase)` : `“${q.text}”`;
}

/** `--csv`: a header row, then one row per quote; CRLF line ends as RFC 4180 asks. */
export function quotesCsv(articles: readonly ArticleQuotes[]): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const a of articles) {
    for (const q of a.quotes) {
      const record: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
        source: a.source,
        title: a.title,
        paragraph: q.paragraph,
        start: q.start,
        end: q.end,
        kind: q.kind,
        speaker: q.speaker,
        mention: q.mention,
        role: q.role,
        cue: q.cue,
        text: q.text,
      };
      rows.push(CSV_COLUMNS.map((c) => csvField(record[c])).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
