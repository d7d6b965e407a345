import type { Block, Link } from '../article.js';
import { densityExtract, textSegments, type DensityNode, type Segment } from './clean/density.js';
import { domToBlocks, type DomNode } from './html-blocks.js';
import type { ReadabilityResult } from './html.js';

// Reader mode picks among candidate extractions by what each keeps of the page, instead of
// trusting one: Readability on the page as it came, Readability after boilerplate cleaning,
// the density pass (clean/density.ts), which reads pages of many similar blocks (forum
// threads, product pages, listings) that Readability cuts down to their first block, and the
// page less its boilerplate, for pages that are not one article and whose main content is most
// of the page (a shop's category, a service's front page), and the text of that page less its
// link-heavy parts, for such a page that is not a listing and for an article of which
// Readability kept only a fragment. A page read whole whose main part is many blocks (a
// thread) is read by that part, and one where Readability kept a run of short items is read
// whole.

export interface Extraction {
  result: ReadabilityResult | null;
  blocks: Block[];
  links: Link[];
  linksCut: boolean;
  /** Characters of text in the blocks. */
  length: number;
  /** Of those, characters read from a comment section (the density pass tells them). */
  commentLength?: number;
}

export interface Candidates {
  /** Made only when the cleaned extraction may have lost body text (see cleanedHolds). */
  raw?: Extraction;
  cleaned: Extraction;
  density?: Extraction;
  /** The whole page less its boilerplate. */
  page?: Extraction;
  /** The same less its link-heavy parts (menus, link lists). */
  pageText?: Extraction;
  /** The page says it is an article (og:type). */
  article?: boolean;
}

/** The density pass as an extraction; undefined when it finds no good text or fails. */
export function densityCandidate(document: { body: unknown }, baseUrl: string | undefined): Extraction | undefined {
  try {
    const found = densityExtract(document.body as DensityNode);
    if (!found || found.segments.length === 0) return undefined;
    const blocks = segmentBlocks(found.segments);
    const { links, linksCut } = domToBlocks(found.root as unknown as DomNode, baseUrl);
    const commentLength = found.segments.reduce((n, s) => n + (s.comment ? s.text.length : 0), 0);
    return { result: null, blocks, links, linksCut, length: textLength(blocks), commentLength };
  } catch {
    return undefined;
  }
}

/**
 * The text of the (cleaned) page less its link-heavy segments, with the links of `page`;
 * undefined when it fails on a tree it did not expect.
 */
export function pageTextCandidate(body: unknown, page: Extraction): Extraction | undefined {
  try {
    const blocks = segmentBlocks(textSegments(body as DensityNode));
    return { result: null, blocks, links: page.links, linksCut: page.linksCut, length: textLength(blocks) };
  } catch {
    return undefined;
  }
}

function segmentBlocks(segments: readonly Segment[]): Block[] {
  return segments.map((s) =>
    s.kind === 'heading' ? { type: 'heading', text: s.text, level: s.level ?? 2 } : { type: s.kind === 'code' ? 'code' : s.kind === 'quote' ? 'quote' : 'paragraph', text: s.text },
  );
}

// A paragraph this long is body text, not furniture: cleaning must not lose it.
const BODY_PARAGRAPH = 150;

/**
 * Whether Readability after cleaning kept the page's body: most of its paragraph text and of
 * the long paragraphs of the main content the density pass found. When it did, Readability on
 * the raw page is not needed (it would keep as much, with the furniture cleaning took away).
 */
export function cleanedHolds(cleaned: Extraction, density: Extraction | undefined, paragraphText: number): boolean {
  // Less than Readability's own threshold: it settled for a fragment of a cleaned page.
  if (cleaned.length < SHORT_TEXT) return false;
  // Most of the page's paragraph text is not in it (the density pass may have found no
  // main part to tell by).
  if (cleaned.length < 0.5 * paragraphText) return false;
  if (!density) return true;
  return missingText(density, cleaned) <= 0.5 * bodyText(density);
}

/** The candidate to read the page by. */
export function chooseExtraction(c: Candidates): Extraction {
  const chosen = chooseReading(c);
  if (c.page && readsPageWhole(chosen, c)) {
    // Read whole, a page whose text is mostly not link text (a product, a service, a thread)
    // is read less its link-heavy parts: there they are menus and link lists left by the
    // cleaning. Where links are much of the text (a listing, a category), they are its content.
    if (!c.pageText || c.pageText.length === 0 || linkText(c.page) >= LINK_TEXT_SHARE * c.page.length) return c.page;
    // Where the density pass found a main part of many blocks (a thread's posts, a product's
    // reviews), that part is the content and the rest of the page's text its sidebars.
    return c.density && c.density.blocks.length >= MANY_BLOCKS ? c.density : c.pageText;
  }
  // On a page that says it is an article, a reading with under a fifth of the page's text is
  // a fragment of it (a section, a caption box, the lead alone): the page's text is read
  // instead, less its menus and link lists, as a page not said to be one is read whole.
  if (c.article && c.pageText && chosen.length < FRAGMENT_SHARE * c.pageText.length) return c.pageText;
  // On a page not said to be an article, a Readability reading with hardly a paragraph of body
  // length is not an article's text but a run of short items (names, prices, entries), a part
  // of a page of them: the page is read whole, its links with it, as they name the items.
  if (c.page && !c.article && chosen !== c.density && c.page.length > 0 && c.page.links.length < LINKS_PER_CHARACTER * c.page.length) {
    const body = chosen.blocks.filter((b) => b.text.length >= BODY_PARAGRAPH).length;
    if (body < FEW_BODY_SHARE * chosen.blocks.length) return c.page;
  }
  return chosen;
}

// Under this share of its blocks in body-length paragraphs, a reading is a run of short items.
const FEW_BODY_SHARE = 0.05;

// Above this share of link text, a page's links are its content.
const LINK_TEXT_SHARE = 1 / 3;
// A main part of this many blocks is a page of many posts or items, not one text.
const MANY_BLOCKS = 20;
// Below this share of an article page's text, a reading is a fragment of it.
const FRAGMENT_SHARE = 0.2;

/**
 * Whether the page, less its boilerplate, is read better whole than by `chosen`: on a page
 * that does not say it is an article, a Readability reading that keeps less than half of the
 * page's text is one block of a page of many (a shop's category, a service's front page, a
 * listing), whose main content is most of the page, as trafilatura reads such pages. Not
 * where the density pass read the page, nor on a page that is little but link labels.
 */
export function readsPageWhole(chosen: Extraction, c: Candidates): boolean {
  const page = c.page!;
  if (page.length === 0 || chosen === c.density) return false;
  if (chosen.length === 0) return true;
  if (c.article) return false;
  // The page whole holds the reading's blocks and more; fewer blocks means its text runs
  // together outside any (a script's output, a data dump), which is not content.
  if (page.blocks.length <= chosen.blocks.length) return false;
  return chosen.length < PAGE_SHARE * page.length && page.links.length < LINKS_PER_CHARACTER * page.length;
}

// Below this share of the page's text, a reading is one block of the page.
const PAGE_SHARE = 0.5;
// A page with a link every 15 characters of its text is a link index, not content; a listing
// of linked headlines or items with a few words each (one every 20 or so) is content.
const LINKS_PER_CHARACTER = 1 / 15;

function chooseReading(c: Candidates): Extraction {
  let chosen = c.cleaned;
  // Cleaning is trusted unless it cut most of the body text the raw extraction had (a
  // section of the article picked instead of the whole).
  const lost = c.raw && c.raw.length > 0 ? (chosen.length === 0 ? Infinity : missingText(c.raw, c.cleaned)) : 0;
  if (c.raw && lost > 0.5 * bodyText(c.raw)) chosen = c.raw;
  if (c.density && densityWins(c.density, chosen)) return c.density;
  // A fragment of the cleaned page, where the raw one had much more (and the density pass
  // found no page of many blocks): the raw one.
  if (c.raw && chosen === c.cleaned && chosen.length < SHORT_TEXT && c.raw.length > 2 * chosen.length) return c.raw;
  return chosen;
}

/**
 * Whether the density pass read the page better than Readability's `chosen`: much more main
 * text, most of it outside what Readability kept, and what Readability kept mostly inside it
 * (a page of many blocks, read whole).
 */
function densityWins(density: Extraction, chosen: Extraction): boolean {
  if (density.length === 0) return false;
  if (chosen.length === 0) return true;
  const outside = missingText(density, chosen);
  const keptInside = 1 - missingText(chosen, density) / Math.max(1, bodyText(chosen));
  // Readers' comments under a short post do not make it a page of many blocks.
  const own = density.length - (density.commentLength ?? 0);
  const ratio = chosen.length < ARTICLE_LENGTH ? DENSITY_RATIO : LONG_DENSITY_RATIO;
  return own > ratio * chosen.length && outside > 0.5 * bodyText(density) && keptInside >= 0.5;
}

const DENSITY_RATIO = 1.8;
// Above ARTICLE_LENGTH, only a density pass with several times the text (a thread whose
// first post Readability kept) replaces Readability.
const LONG_DENSITY_RATIO = 3;
/** Readability's own default threshold for an article's text. */
const SHORT_TEXT = 500;
const ARTICLE_LENGTH = 1000;

function linkText(e: Extraction): number {
  return e.links.reduce((n, l) => n + l.text.length, 0);
}

function textLength(blocks: readonly Block[]): number {
  return blocks.reduce((n, b) => n + b.text.length, 0);
}

const squash = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();

function bodyText(e: Extraction): number {
  let n = 0;
  for (const b of e.blocks) if (b.text.length >= BODY_PARAGRAPH) n += b.text.length;
  return n;
}

/** Characters of `from`'s body paragraphs that `into` does not have (told by a stretch of each). */
function missingText(from: Extraction, into: Extraction): number {
  // Both come from the same page, so most paragraphs are the same text: a set answers those,
  // and only the rest are looked for inside the other's text (built once, when first needed).
  const whole = new Set(into.blocks.map((b) => squash(b.text)));
  let haystack: string | undefined;
  let missing = 0;
  for (const b of from.blocks) {
    if (b.text.length < BODY_PARAGRAPH) continue;
    const text = squash(b.text);
    if (whole.has(text)) continue;
    haystack ??= [...whole].join(' ');
    const probe = text.slice(Math.floor(text.length / 2) - 30, Math.floor(text.length / 2) + 30);
    if (!haystack.includes(probe)) missing += b.text.length;
  }
  return missing;
}
