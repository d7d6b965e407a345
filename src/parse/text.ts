import { BLOCK_SEPARATOR, makeArticle, makeSummary, type Article, type ArticleDraft, type ArticleSummary, type Block } from '../article.js';
import { hasAtMostWords } from '../text/spaces.js';
import { titleFromBody, titleFromFileName } from './paragraphs.js';
import { splitLayout } from './plain-paragraphs.js';

// The plain-text format of scraped news pages: an optional breadcrumb (`Home <Section>
// <truncated title>...`), the title line, an optional line of lowercase keywords, then
// paragraphs; page furniture in between and a wire-service credit at the end.

const SENTENCE_END = /[.!?…:;,"”’)\]]$/;
const MAX_TITLE_WORDS = 25;
const MAX_FURNITURE_WORDS = 12;

// Page furniture that scrapers leave inside the body: share prompts, ads, sign-ups.
const FURNITURE = [
  /\b(?:whatsapp|telegram|google news|youtube|instagram)(?: channel)?$/i,
  /^also read\b/i,
  /^read (?:more|also|next)\b/i,
  /^advertisement$/i,
  /^(?:sponsored|promoted)(?: content)?$/i,
  /^follow us on\b/i,
  /^subscribe\b/i,
  /^sign up\b/i,
  /^share (?:this|on)\b/i,
  /^click here\b/i,
  /^download the\b.*\bapp$/i,
  /^(?:story|article) continues below\b/i,
  /^(?:recommended|trending|related)(?: stories| articles| news)?$/i,
  /^(?:catch|get) (?:all|the latest)\b.*\bupdates?\b/i,
];

// `(With inputs from Reuters)`, `(Reuters)`, `(Additional reporting by PTI, ANI)`.
const CREDIT = /^\((?:(?:with )?(?:inputs?|additional reporting|reporting) (?:from|by) )?([^()]{2,80})\)$/i;

export function parsePlainText(content: string, source: string): Article {
  return makeArticle(plainTextDraft(content, source, true));
}

/** What a list shows of a plain-text article (see makeSummary). */
export function summarizePlainText(content: string, source: string): ArticleSummary {
  // A summary's blocks are only joined and counted, which their types do not change.
  return makeSummary(plainTextDraft(content, source, false));
}

/** The article's draft; with `headings` false, every block a paragraph (no subheading is looked for). */
function plainTextDraft(content: string, source: string, headings: boolean): ArticleDraft {
  // Only short paragraphs can be a title, keywords, furniture, a byline or a credit, so only
  // they are collapsed here; makeArticle collapses the long ones in its own single pass.
  const { paragraphs, whole } = splitLayout(content);
  const { index, section, title, tags } = readHeader(paragraphs);

  // Where the body starts in `whole`: past the paragraphs taken for the header.
  let head = 0;
  for (let i = 0; i < index; i++) head += paragraphs[i]!.length + BLOCK_SEPARATOR.length;
  const before = paragraphs.length - index;
  const body = bodyOf(paragraphs, index);
  // Furniture taken out of the middle: the body is no longer one run of `whole`.
  const contiguous = whole !== null && body.length === before;
  const credits: string[] = [];
  let byline: string | undefined;
  while (body.length > 0) {
    const credit = CREDIT.exec(body[body.length - 1]!);
    if (!credit) break;
    credits.unshift(...splitCredit(credit[1]!));
    body.pop();
  }
  if (body.length > 0 && isBylineLine(body[0]!)) {
    const line = body.shift()!;
    head += line.length + BLOCK_SEPARATOR.length;
    byline = line.slice(3);
  }
  let length = body.length > 0 ? (body.length - 1) * BLOCK_SEPARATOR.length : 0;
  for (const paragraph of body) length += paragraph.length;

  const blocks: Block[] = body.map((text, i) =>
    headings && isSubheading(text, body[i + 1]) ? { type: 'heading', text, level: 2 } : { type: 'paragraph', text },
  );
  return {
    source,
    title: title ?? titleFromFileName(source) ?? titleFromBody(body[0] ?? ''),
    section,
    tags,
    credits,
    byline,
    blocks,
    // The paragraphs joined, as a view into the text read: no copy of a long body.
    text: contiguous ? whole.slice(head, head + length) : undefined,
  };
}

export interface PlainHeader {
  /** How many of the paragraphs the header took (breadcrumb, title, keywords). */
  index: number;
  section?: string;
  title?: string;
  tags: string[];
}

/** The header of a plain-text article, read from its first paragraphs (three at most, and the one after). */
export function readHeader(paragraphs: readonly string[]): PlainHeader {
  let index = 0;
  let section: string | undefined;
  let title: string | undefined;
  let tags: string[] = [];
  const breadcrumb = parseBreadcrumb(paragraphs[0], paragraphs[1]);
  if (breadcrumb) {
    section = breadcrumb;
    index = 1;
  }
  const candidate = paragraphs[index];
  if (candidate !== undefined && (breadcrumb || readsLikeTitle(candidate)) && paragraphs.length > index + 1) {
    title = candidate;
    index++;
  }
  const keywords = paragraphs[index] !== undefined ? parseKeywords(paragraphs[index]!) : null;
  if (title && keywords) {
    tags = keywords;
    index++;
  }
  return { index, section, title, tags };
}

/** A closing wire-service credit paragraph: `(Reuters)`, `(With inputs from PTI)`. */
export function isCreditLine(paragraph: string): boolean {
  return CREDIT.test(paragraph);
}

/** The body's first paragraph as a byline: `By Dana Whitfield`. */
export function isBylineLine(paragraph: string): boolean {
  return /^By [A-Z][^.!?]{1,80}$/.test(paragraph);
}

/**
 * The paragraphs from `start` on, without furniture, filtered in place: the list is the
 * parser's own, and on a long article each copy of it (slice, then filter) is a megabyte of
 * short-lived memory.
 */
function bodyOf(paragraphs: string[], start: number): string[] {
  let kept = 0;
  for (let i = start; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    if (!isFurniture(paragraph)) paragraphs[kept++] = paragraph;
  }
  paragraphs.length = kept;
  return paragraphs;
}

/** The section named by a breadcrumb line, or null when the line is not one. */
function parseBreadcrumb(line: string | undefined, next: string | undefined): string | null {
  if (!line) return null;
  const match = /^Home\s+(.+?)\s*(?:\.\.\.|…)$/.exec(line);
  if (!match) return null;
  const crumbs = match[1]!;
  if (next) {
    // The breadcrumb ends with the start of the title; what stands before it is the section.
    for (let at = crumbs.indexOf(' '); at !== -1; at = crumbs.indexOf(' ', at + 1)) {
      const tail = crumbs.slice(at + 1);
      if (tail && next.startsWith(tail)) return crumbs.slice(0, at).trim() || null;
    }
  }
  return crumbs.split(/\s+/)[0] ?? null;
}

function readsLikeTitle(line: string): boolean {
  return line.length <= 200 && hasAtMostWords(line, MAX_TITLE_WORDS) && !/[.,;:]$/.test(line);
}

/** A keyword is a short lower-case term: a few words, no sentence punctuation. */
const KEYWORD = /^[\p{Ll}\p{N}][\p{Ll}\p{N}\p{M} '’&-]*$/u;
/**
 * KEYWORD on ASCII text. V8 compiles the Unicode classes when the expression first runs,
 * about a millisecond before the first frame of most articles, whose tag lines are ASCII.
 */
const ASCII_KEYWORD = /^[a-z0-9][a-z0-9 '&-]*$/;
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
const MAX_KEYWORD_WORDS = 3;
const MAX_KEYWORD_LENGTH = 32;
/** Words that open a clause, never a keyword: "the council met on monday, and …" is prose. */
const CLAUSE_WORDS = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'so', 'yet', 'then', 'when', 'while', 'as', 'if', 'because', 'which', 'who',
  'that', 'this', 'these', 'those', 'i', 'we', 'you', 'he', 'she', 'it', 'they', 'there', 'our', 'his', 'her', 'their',
  'its', 'my', 'your', 'is', 'was', 'are', 'were', 'be', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'not', 'no',
]);

/** Whether `item` is made as KEYWORD says, without building its Unicode classes for ASCII. */
export function keywordShaped(item: string): boolean {
  return (ASCII.test(item) ? ASCII_KEYWORD : KEYWORD).test(item);
}

function isKeyword(item: string): boolean {
  if (item.length === 0 || item.length > MAX_KEYWORD_LENGTH || !keywordShaped(item)) return false;
  const words = item.split(/\s+/);
  return words.length <= MAX_KEYWORD_WORDS && words.every((w) => !CLAUSE_WORDS.has(w));
}

/**
 * Comma-separated lowercase keywords, e.g. `putin, vladimir putin, russia`. Anything that
 * could be a sentence is not: a paragraph wrongly taken for tags would vanish from the body.
 */
function parseKeywords(line: string): string[] | null {
  if (!line.includes(',') || line.length > 300) return null;
  const items = line.split(',').map((s) => s.trim());
  if (items.length < 2 || !items.every(isKeyword)) return null;
  return items;
}

export function isFurniture(paragraph: string): boolean {
  // Furniture is a short line; long paragraphs skip the word count.
  // The end first: most paragraphs end a sentence, which is cheaper to see than their words.
  if (paragraph.length > 160 || /[.!?]$/.test(paragraph) || !hasAtMostWords(paragraph, MAX_FURNITURE_WORDS)) return false;
  return FURNITURE.some((pattern) => pattern.test(paragraph));
}

function isSubheading(paragraph: string, next: string | undefined): boolean {
  if (next === undefined || paragraph.length > 120 || SENTENCE_END.test(paragraph)) return false;
  return hasAtMostWords(paragraph, 10) && /^[\p{Lu}\p{N}]/u.test(paragraph) && !/["“”]/.test(paragraph);
}

function splitCredit(credit: string): string[] {
  return credit
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}
