// `inkwire quotes` on a terminal: the readable table. Every string goes through the
// sanitizer again on the way out, as in format.ts.

import { sanitizeLine, sanitizeText } from '../text/sanitize.js';
import { fitToWidth } from '../text/wrap.js';
import { UNATTRIBUTED, quotedWords, type ArticleQuotes } from './format.js';

const KIND_WIDTH = 8;
const MIN_QUOTE_WIDTH = 16;

/**
 * The readable table: per article a heading line (title and source), then one line per
 * quote with the speaker, the kind and the quote cut to the width.
 */
export function quotesTable(articles: readonly ArticleQuotes[], width: number): string {
  const columns = Math.max(40, Math.floor(width));
  const out: string[] = [];
  for (const a of articles) {
    if (out.length > 0) out.push('');
    out.push(fitToWidth(`${sanitizeLine(a.title)} (${sanitizeLine(a.source)})`, columns).trimEnd());
    if (a.quotes.length === 0) {
      out.push('  no quotes found');
      continue;
    }
    const speakers = a.quotes.map((q) => sanitizeLine(q.speaker ?? UNATTRIBUTED));
    const speakerWidth = Math.min(24, speakers.reduce((widest, s) => Math.max(widest, s.length), 7));
    const quoteWidth = Math.max(MIN_QUOTE_WIDTH, columns - 2 - speakerWidth - 2 - KIND_WIDTH - 2);
    a.quotes.forEach((q, i) => {
      const quote = fitToWidth(sanitizeLine(quotedWords(q)), quoteWidth).trimEnd();
      out.push(`  ${fitToWidth(speakers[i]!, speakerWidth)}  ${q.kind.padEnd(KIND_WIDTH)}  ${quote}`.trimEnd());
    });
  }
  return sanitizeText(`${out.join('\n')}\n`);
}
