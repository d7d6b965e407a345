import { fold } from './fold.js';
import type { PersonQuote, QuoteRecord, QuoteSource } from './types.js';

// One quotation reported by several articles is shown once, with every source. Two quotes
// are the same when their words, folded (case, accents, punctuation, quotation marks), are
// the same; when one is the other trimmed or extended (one's words run inside the other's);
// or when they share most of their word triples (a word changed or dropped on the way).

/** Fewer words than this are too common to call a trimmed copy the same quotation. */
const MIN_CONTAINED_WORDS = 4;
/** Share of the shorter quote's word triples the longer must hold. */
const MIN_SHARED_TRIPLES = 0.8;
/** A triple found in more quotes than this (a stock phrase) does not propose candidates. */
const MAX_POSTINGS = 32;

interface Item {
  record: QuoteRecord;
  folded: string;
  words: number;
  /** Hashes of the word triples (a collision only proposes a candidate, checked after). */
  triples: Set<number>;
}

/** The records of one speaker as distinct quotations, newest first; sources newest first. */
export function mergeDuplicates(records: readonly QuoteRecord[]): PersonQuote[] {
  const items = records.map(itemOf);
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const exact = new Map<string, number>();
  const postings = new Map<number, number[]>();
  items.forEach((item, i) => {
    const same = exact.get(item.folded);
    if (same !== undefined) {
      union(same, i);
      return;
    }
    exact.set(item.folded, i);
    // Candidates share a word triple; each is checked properly once.
    const checked = new Set<number>();
    for (const triple of item.triples) {
      const list = postings.get(triple);
      if (!list) {
        postings.set(triple, [i]);
        continue;
      }
      if (list.length <= MAX_POSTINGS) {
        for (const j of list) {
          if (checked.has(j)) continue;
          checked.add(j);
          if (find(j) !== find(i) && sameQuote(items[j]!, item)) union(j, i);
        }
      }
      list.push(i);
    }
  });
  const clusters = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const cluster = clusters.get(root);
    if (cluster) cluster.push(item);
    else clusters.set(root, [item]);
  });
  const quotes = [...clusters.values()].map((cluster) => {
    const sources = cluster.map((c) => sourceOf(c.record)).sort(newestFirst);
    const first = cluster.find((c) => c.record.articleId === sources[0]!.articleId && c.record.start === sources[0]!.start)!.record;
    return { text: first.text, kind: first.kind, sources };
  });
  return quotes.sort((a, b) => newestFirst(a.sources[0]!, b.sources[0]!));
}

/** The number of other articles a quotation was also reported in. */
export function otherArticles(quote: PersonQuote): number {
  return new Set(quote.sources.map((s) => s.articleId)).size - 1;
}

function itemOf(record: QuoteRecord): Item {
  const folded = fold(record.text);
  const words = folded === '' ? [] : folded.split(' ');
  const hashes = words.map(hashWord);
  const triples = new Set<number>();
  for (let i = 0; i + 3 <= hashes.length; i++) triples.add((Math.imul(hashes[i]!, 31) ^ Math.imul(hashes[i + 1]!, 17) ^ hashes[i + 2]!) | 0);
  return { record, folded, words: words.length, triples };
}

/** FNV-1a of a word. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h | 0;
}

function sameQuote(a: Item, b: Item): boolean {
  const [short, long] = a.words <= b.words ? [a, b] : [b, a];
  if (short.words >= MIN_CONTAINED_WORDS && ` ${long.folded} `.includes(` ${short.folded} `)) return true;
  if (short.triples.size < 2) return false;
  let shared = 0;
  for (const t of short.triples) if (long.triples.has(t)) shared++;
  return shared / short.triples.size >= MIN_SHARED_TRIPLES;
}

function sourceOf(record: QuoteRecord): QuoteSource {
  return { articleId: record.articleId, title: record.title, date: record.date, start: record.start, end: record.end, text: record.text };
}

/** Newest first; undated last; then by title and place, so the order is stable. */
function newestFirst(a: QuoteSource, b: QuoteSource): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return b.date.localeCompare(a.date);
  }
  return a.title.localeCompare(b.title) || a.articleId.localeCompare(b.articleId) || a.start - b.start;
}
