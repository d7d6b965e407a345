import type { Quote } from '../store/quote.js';
import type { Range } from '../store/state.js';

export type Mark = 'link' | 'quote' | 'quoteActive' | 'paraphrase' | 'paraphraseActive' | 'match' | 'matchActive';

export interface Highlight extends Range {
  mark: Mark;
  /** A link's number and address (mark 'link' only). */
  number?: number;
  url?: string;
}

export interface Segment {
  text: string;
  /** The strongest quote or search mark on this run. */
  mark: Exclude<Mark, 'link'> | null;
  /** Part of a link: underlined as well, whatever else marks it. */
  link: boolean;
  /** The link's address, for a terminal hyperlink. */
  url?: string;
}

/** Search matches are drawn over quotes, the sidebar's quote over the others, and the current match over everything. */
const PRIORITY: Record<Exclude<Mark, 'link'>, number> = { paraphrase: 1, quote: 2, paraphraseActive: 3, quoteActive: 4, match: 5, matchActive: 6 };

/** Splits one line (starting at `src` in the article text) into runs by their highlight. */
export function segmentLine(text: string, src: number, highlights: readonly Highlight[]): Segment[] {
  const end = src + text.length;
  const hits = highlights.filter((h) => h.start < end && h.end > src);
  if (hits.length === 0) return [{ text, mark: null, link: false }];
  const cuts = new Set<number>([0, text.length]);
  for (const h of hits) {
    cuts.add(Math.max(0, h.start - src));
    cuts.add(Math.min(text.length, h.end - src));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    let mark: Segment['mark'] = null;
    let link = false;
    let url: string | undefined;
    for (const h of hits) {
      if (h.start - src > from || h.end - src < to) continue;
      if (h.mark === 'link') {
        link = true;
        url = h.url;
      } else if (mark === null || PRIORITY[h.mark] > PRIORITY[mark]) mark = h.mark;
    }
    const last = segments[segments.length - 1];
    // A link's end always ends a segment: its number is drawn there.
    const endsLink = hits.some((h) => h.mark === 'link' && h.end - src === from);
    if (last && !endsLink && last.mark === mark && last.link === link && last.url === url) last.text += text.slice(from, to);
    else segments.push(url ? { text: text.slice(from, to), mark, link, url } : { text: text.slice(from, to), mark, link });
  }
  return segments;
}

/** First index whose range ends after `offset` (ranges sorted by start, not overlapping). */
function firstEndingAfter(ranges: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function quoteMark(quote: Quote, active: boolean): Mark {
  if (quote.kind === 'indirect') return active ? 'paraphraseActive' : 'paraphrase';
  return active ? 'quoteActive' : 'quote';
}

/** The highlights that touch the characters [from, to) of the text: what one screen needs. */
export function highlightsBetween(
  from: number,
  to: number,
  quotes: readonly Quote[],
  activeQuote: number,
  matches: readonly Range[],
  activeMatch: number,
  links: readonly (Range & { number?: number; url?: string })[] = [],
): Highlight[] {
  const out: Highlight[] = [];
  for (let i = firstEndingAfter(links, from); i < links.length && links[i]!.start < to; i++) out.push({ ...links[i]!, mark: 'link' });
  quotes.forEach((q, i) => {
    if (q.start >= to || q.end <= from) return;
    const mark = quoteMark(q, i === activeQuote);
    // The pieces only: the attribution between them ("she said") is not the speaker's words.
    for (const part of q.parts) if (part.start < to && part.end > from) out.push({ start: part.start, end: part.end, mark });
  });
  for (let i = firstEndingAfter(matches, from); i < matches.length && matches[i]!.start < to; i++) {
    out.push({ ...matches[i]!, mark: i === activeMatch ? 'matchActive' : 'match' });
  }
  return out;
}
