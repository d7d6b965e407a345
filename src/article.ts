import { publicationDate } from './parse/dates.js';
import { sanitizeLine, sanitizeText, wordsIfCleanLine } from './text/sanitize.js';
import { normalByline } from './text/byline.js';
import { countWords } from './text/spaces.js';

export type BlockType = 'heading' | 'paragraph' | 'quote' | 'list' | 'code';

export interface Block {
  type: BlockType;
  /** Plain text; a list's text is its items joined by newlines. */
  text: string;
  /** Heading level 1-6. */
  level?: number;
  /** List items. */
  items?: string[];
}

export interface Link {
  text: string;
  url: string;
}

/** A file a feed entry carries: a podcast's audio, a video, an image. */
export interface Enclosure {
  url: string;
  /** Its media type, when the feed says (`audio/mpeg`). */
  type?: string;
  /** Its size in bytes, when the feed says. */
  length?: number;
}

export interface Article {
  /** Stable: the same url, title and body give the same id on every run and machine. */
  id: string;
  /** Where the article came from: a path, a URL, or `stdin`. */
  source: string;
  url?: string;
  title: string;
  byline?: string;
  siteName?: string;
  /**
   * ISO 8601 as the source gave it: a date alone (`2026-03-14`), or a time with the source's
   * own offset (`2026-03-14T09:00:00-05:00`), or a local time when the source gave no zone.
   */
  published?: string;
  section?: string;
  tags: string[];
  credits: string[];
  excerpt: string;
  lang?: string;
  blocks: Block[];
  /** The body as plain paragraphs (one per block) joined by blank lines. */
  text: string;
  wordCount: number;
  readingMinutes: number;
  links: Link[];
  /** A feed entry's files (podcast audio, images); absent when it has none. */
  enclosures?: Enclosure[];
}

/** What a parser knows; makeArticle sanitizes it and derives the rest. */
export interface ArticleDraft {
  source: string;
  url?: string | null;
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  published?: string | null;
  section?: string | null;
  tags?: readonly string[];
  credits?: readonly string[];
  excerpt?: string | null;
  lang?: string | null;
  blocks: readonly Block[];
  links?: readonly Link[];
  enclosures?: readonly Enclosure[];
  /**
   * The blocks' texts joined by BLOCK_SEPARATOR, when the parser has that string already (a
   * slice of the text it read): used as the article's text when the blocks come through
   * sanitizing unchanged, which spares a copy of a long body.
   */
  text?: string;
}

/** The separator between blocks in `Article.text`; quote offsets count it. */
export const BLOCK_SEPARATOR = '\n\n';
const WORDS_PER_MINUTE = 230;
const EXCERPT_LENGTH = 200;
// Most articles have no tags, credits or links; a big list would otherwise hold three empty
// arrays per article. Frozen, so a caller that tries to fill one fails instead of filling all.
const NONE = Object.freeze([]) as never[];

export function makeArticle(draft: ArticleDraft): Article {
  const { blocks: cleanBlocks, text, counts } = cleanBody(draft);
  const blocks = viewsInto(text, cleanBlocks);
  const { title, url } = identity(draft);
  const article: Article = {
    // Made on first read (LAZY_ID); here, so that it is the first key as ever.
    id: '',
    source: sanitizeLine(draft.source) || 'unknown',
    title,
    tags: uniqueLines(draft.tags ?? []),
    credits: uniqueLines(draft.credits ?? []),
    excerpt: optionalLine(draft.excerpt) ?? excerptOf(blocks),
    blocks,
    text,
    wordCount: counts.wordCount,
    readingMinutes: counts.readingMinutes,
    links: cleanLinks(draft.links ?? []),
  };
  setIfPresent(article, 'url', url);
  setIfPresent(article, 'byline', normalByline(optionalLine(draft.byline)));
  setIfPresent(article, 'siteName', optionalLine(draft.siteName));
  setIfPresent(article, 'published', publicationDate(draft.published));
  setIfPresent(article, 'section', optionalLine(draft.section));
  setIfPresent(article, 'lang', optionalLine(draft.lang));
  setIfPresent(article, 'enclosures', cleanEnclosures(draft.enclosures));
  return Object.defineProperty(article, 'id', LAZY_ID);
}

/**
 * What a list shows of an article, each field derived as makeArticle derives it (the id
 * above all: bookmarks and reading positions are keyed by it).
 */
export interface ArticleSummary {
  id: string;
  source: string;
  url?: string;
  title: string;
  siteName?: string;
  published?: string;
  wordCount: number;
  readingMinutes: number;
  /** How many blocks the article has: none, and there is nothing to read. */
  blockCount: number;
}

/**
 * makeArticle's summary, without what only the reader needs (the blocks as views of the text,
 * the excerpt, links, tags, byline): a list of 100,000 files builds one per file.
 */
export function makeSummary(draft: ArticleDraft): ArticleSummary {
  const { blocks, text, counts } = cleanBody(draft);
  const { title, url } = identity(draft);
  const summary: ArticleSummary = {
    id: articleId(url, title, text),
    source: sanitizeLine(draft.source) || 'unknown',
    title,
    wordCount: counts.wordCount,
    readingMinutes: counts.readingMinutes,
    blockCount: blocks.length,
  };
  if (url !== undefined) summary.url = url;
  const siteName = optionalLine(draft.siteName);
  if (siteName !== undefined) summary.siteName = siteName;
  const published = publicationDate(draft.published);
  if (published !== undefined) summary.published = published;
  return summary;
}

/** The summary of an article made already (a web page, a feed entry): the same fields. */
export function summaryOf(article: Article): ArticleSummary {
  const summary: ArticleSummary = {
    id: article.id,
    source: article.source,
    title: article.title,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    blockCount: article.blocks.length,
  };
  if (article.url !== undefined) summary.url = article.url;
  if (article.siteName !== undefined) summary.siteName = article.siteName;
  if (article.published !== undefined) summary.published = article.published;
  return summary;
}

/** The draft's blocks made safe, their text joined, and its counts. */
function cleanBody(draft: ArticleDraft): { blocks: Block[]; text: string; counts: TextCounts } {
  const cleanBlocks: Block[] = [];
  // Blocks are separated by white space in `text`, so its words are the blocks' words.
  const tally = { words: 0 };
  let unchanged = true;
  let length = 0;
  for (const raw of draft.blocks) {
    const cleaned = cleanBlock(raw, tally);
    if (cleaned) cleanBlocks.push(cleaned);
    if (!cleaned || cleaned.text !== raw.text) unchanged = false;
    else length += cleaned.text.length;
  }
  if (cleanBlocks.length > 1) length += (cleanBlocks.length - 1) * BLOCK_SEPARATOR.length;
  const given = draft.text;
  const text = unchanged && given !== undefined && given.length === length && isJoined(given, cleanBlocks) ? given : cleanBlocks.map((b) => b.text).join(BLOCK_SEPARATOR);
  return { blocks: cleanBlocks, text, counts: textCounts(text, tally.words) };
}

/** The title and address as the article keeps them: with the text, what its id is made of. */
function identity(draft: ArticleDraft): { title: string; url: string | undefined } {
  const title = optionalLine(draft.title) ?? 'Untitled';
  const url = safeUrl(draft.url);
  return { title, url };
}

/**
 * An article's `id`, made the first time it is read, from the article's own url, title and
 * text: hashing needs node:crypto, which takes longer to load (about 1.7 ms) than a small
 * article takes to read and parse, and neither the first frame nor the keys typed on it read
 * an id. Once read (or set) it is a plain property, so JSON, structured clone and spreading
 * see a value, the same articleId() gives (an article is never changed in place: a changed
 * one, such as its full text fetched, is made anew).
 */
const LAZY_ID: PropertyDescriptor = {
  get(this: Article): string {
    return settleId(this, articleId(this.url, this.title, this.text));
  },
  set(this: Article, id: string) {
    settleId(this, id);
  },
  enumerable: true,
  configurable: true,
};

function settleId(article: Article, id: string): string {
  Object.defineProperty(article, 'id', { value: id, writable: true, enumerable: true, configurable: true });
  return id;
}

/** node:crypto, loaded on the first id made (see LAZY_ID). */
let crypto: typeof import('node:crypto') | undefined;

/**
 * Whether `text` (of the joined length) is the blocks joined by the separator: compared in
 * place, block by block, which costs a fraction of building the joined copy.
 */
export function isJoined(text: string, blocks: readonly Block[]): boolean {
  let at = 0;
  for (let i = 0; i < blocks.length; i++) {
    // A separator after every block but the last, an empty first block included.
    if (i > 0) {
      if (!text.startsWith(BLOCK_SEPARATOR, at)) return false;
      at += BLOCK_SEPARATOR.length;
    }
    if (!text.startsWith(blocks[i]!.text, at)) return false;
    at += blocks[i]!.text.length;
  }
  return at === text.length;
}

/** Chinese, Japanese and Korean are read by the character, about this many a minute. */
const CJK_CHARS_PER_MINUTE = 500;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

export interface TextCounts {
  /** Words, each CJK character counted as one (as word processors count them). */
  wordCount: number;
  readingMinutes: number;
}

/**
 * Words and minutes to read: words at 230 a minute, and CJK characters (which spaces do not
 * split into words) at 500. `spacedWords` counts runs between spaces, a run of CJK text as
 * one; text without any character past U+2E80 skips the character count.
 */
export function textCounts(text: string, spacedWords: number): TextCounts {
  const cjk = /[\u2e80-\uffff]/.test(text) ? (text.match(CJK)?.length ?? 0) : 0;
  // A run of CJK text counts as one "word" (or a few) in spacedWords: take those out.
  const words = cjk > 0 ? Math.max(0, spacedWords - countCjkRuns(text)) : spacedWords;
  if (words === 0 && cjk === 0) return { wordCount: 0, readingMinutes: 0 };
  return { wordCount: words + cjk, readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE)) };
}

function countCjkRuns(text: string): number {
  return text.match(/[^\s]*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}][^\s]*/gu)?.length ?? 0;
}

export function articleId(url: string | undefined, title: string, text: string): string {
  const head = `${url ?? ''}\u0000${title}\u0000`;
  const CHUNK = 1 << 16;
  // One-shot hashing is three times faster for the many small articles of a big feed.
  crypto ??= process.getBuiltinModule('node:crypto');
  if (text.length <= CHUNK) return prefix16(crypto.hash('sha256', head + text));
  const hash = crypto.createHash('sha256').update(head);
  // Encoding a multi-megabyte string at once is several times slower than in slices, and
  // each slice encoded into one reused buffer leaves no garbage (three bytes per unit at most).
  const bytes = Buffer.allocUnsafe(3 * (CHUNK + 1));
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + CHUNK);
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff && end < text.length) end++; // keep surrogate pairs whole
    hash.update(bytes.subarray(0, bytes.write(text.slice(at, end), 'utf8')));
    at = end;
  }
  return prefix16(hash.digest('hex'));
}

/**
 * The first 16 characters as a string of their own. A plain slice would be a view that
 * keeps the whole 64-character digest alive with every id: 8 MB over 100,000 articles.
 */
function prefix16(hex: string): string {
  // Joining builds a flat string; concatenating would build a pair of references instead.
  return [hex.slice(0, 8), hex.slice(8, 16)].join('');
}

/** Character offset of each block inside `article.text`. */
export function blockOffsets(blocks: readonly Block[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const block of blocks) {
    offsets.push(at);
    at += block.text.length + BLOCK_SEPARATOR.length;
  }
  return offsets;
}

/** Accepts only absolute http(s) URLs, returned normalised; anything else is dropped. */
export function safeUrl(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const cleaned = sanitizeLine(raw);
  try {
    const url = new URL(cleaned);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** A date string as ISO 8601, or undefined when it is not a date. */
const CANONICAL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export function isoDate(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  // Already what toISOString would write (inkwire's own exports): no need to parse it.
  if (CANONICAL_ISO.test(raw) && !Number.isNaN(Date.parse(raw))) return raw;
  const cleaned = sanitizeLine(raw);
  if (!cleaned) return undefined;
  const time = Date.parse(cleaned);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString();
}

/**
 * The blocks, each text now a view into `text`, in an array of their exact number. What a
 * parser cut its blocks from (a JSON record's body, a whole file) can then be freed instead of
 * staying beside `text` for as long as the article; and an array filled by push keeps room to
 * grow (17 slots for 2 blocks), 12 MB over a list of 100,000 articles.
 */
function viewsInto(text: string, blocks: readonly Block[]): Block[] {
  let at = 0;
  return blocks.map((block) => {
    const end = at + block.text.length;
    // The blocks are makeArticle's own, fresh from cleanBlock: updating them in place is safe.
    block.text = text.slice(at, end);
    at = end + BLOCK_SEPARATOR.length;
    return block;
  });
}

/**
 * A block made safe, its words added to `tally` (one counter per article rather than a
 * result object per block: a long article has a hundred thousand); null when nothing
 * readable is left.
 */
function cleanBlock(block: Block, tally: { words: number }): Block | null {
  if (block.type === 'list') {
    const items = (block.items ?? block.text.split('\n')).map(sanitizeLine).filter(Boolean);
    if (items.length === 0) return null;
    const text = items.join('\n');
    tally.words += countWords(text);
    return { type: 'list', text, items };
  }
  if (block.type === 'code') {
    const text = sanitizeText(block.text).replace(/\t/g, '    ').replace(/^\n+|\s+$/g, '');
    // Blank lines inside code would read as a block separator in `text`.
    const compact = text.replace(/\n{2,}/g, '\n');
    if (!compact) return null;
    tally.words += countWords(compact);
    return { type: 'code', text: compact };
  }
  // Most lines arrive clean; checking that and counting words is one pass.
  const cleanWords = wordsIfCleanLine(block.text);
  const text = cleanWords >= 0 ? block.text : sanitizeLine(block.text);
  if (!text) return null;
  tally.words += cleanWords >= 0 ? cleanWords : countWords(text);
  if (block.type === 'heading') {
    const level = Math.min(6, Math.max(1, Math.trunc(block.level ?? 2)));
    return { type: 'heading', text, level };
  }
  return { type: block.type === 'quote' ? 'quote' : 'paragraph', text };
}

function cleanLinks(links: readonly Link[]): Link[] {
  if (links.length === 0) return NONE;
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const link of links) {
    const url = safeUrl(link.url);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push({ text: sanitizeLine(link.text) || url, url });
  }
  return out.length === 0 ? NONE : out;
}

/** Enclosures with a safe address, once each; undefined when none is left. */
function cleanEnclosures(enclosures: readonly Enclosure[] | undefined): Enclosure[] | undefined {
  if (!enclosures || enclosures.length === 0) return undefined;
  const seen = new Set<string>();
  const out: Enclosure[] = [];
  for (const enclosure of enclosures) {
    const url = safeUrl(enclosure.url);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const clean: Enclosure = { url };
    const type = optionalLine(enclosure.type);
    if (type && /^[\w.+-]+\/[\w.+-]+$/.test(type)) clean.type = type.toLowerCase();
    const length = Number(enclosure.length);
    if (Number.isSafeInteger(length) && length > 0) clean.length = length;
    out.push(clean);
  }
  return out.length > 0 ? out : undefined;
}

function optionalLine(raw: string | null | undefined): string | undefined {
  if (raw == null) return undefined;
  const line = sanitizeLine(String(raw));
  return line || undefined;
}

function uniqueLines(values: readonly string[]): string[] {
  if (values.length === 0) return NONE;
  const unique = [...new Set(values.map((v) => sanitizeLine(String(v))).filter(Boolean))];
  return unique.length === 0 ? NONE : unique;
}

function excerptOf(blocks: readonly Block[]): string {
  const first = blocks.find((b) => b.type === 'paragraph') ?? blocks[0];
  if (!first) return '';
  const head = first.text.slice(0, EXCERPT_LENGTH * 2);
  // A replace that changes nothing still returns a new string, built as a chain of its pieces
  // (about 400 bytes for a short paragraph); most paragraphs are single-spaced already.
  const line = /[^\S ]| {2}/.test(head) ? head.replace(/\s+/g, ' ') : head;
  if (line.length <= EXCERPT_LENGTH) return line;
  const cut = line.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function setIfPresent<K extends keyof Article>(article: Article, key: K, value: Article[K] | undefined) {
  if (value !== undefined) article[key] = value;
}
