import { makeArticle, type Article, type Block, type Link } from '../article.js';
import { cleanBlocks } from './clean/blocks.js';
import { chooseExtraction, cleanedHolds, densityCandidate, pageTextCandidate, readsPageWhole, type Extraction } from './html-candidates.js';
import { removeBoilerplate, type CleanDocument } from './clean/dom.js';
import { revealNoscript, type NoscriptNode } from './clean/noscript.js';
import { readabilityMetadataByline, readabilityTextByline, type BylineElement, type BylineRules, type ReadabilityInternals } from './byline.js';
import { MAX_LINKS, domToBlocks, type DomNode } from './html-blocks.js';
import { MAX_ELEMENTS, READER_MODE_ELEMENTS, boundedMarkup } from './html-limits.js';
import { titleFromFileName } from './paragraphs.js';
import { withBrowserCdata } from './cdata.js';

export interface HtmlOptions {
  /** The page's address, for resolving relative links. */
  url?: string;
  /** Where a note goes when a bound cut the page (see html-limits.ts). */
  warnings?: string[];
  /** Called between the steps of the parse; throws to stop it (the source's deadline). */
  checkpoint?: () => void;
}

type Linkedom = typeof import('linkedom');
type HtmlDocument = ReturnType<Linkedom['parseHTML']>['document'];
type HtmlNode = HtmlDocument['documentElement']['childNodes'][number];
type ReadabilityClass = typeof import('@mozilla/readability').Readability;
export type ReadabilityResult = NonNullable<ReturnType<InstanceType<typeof import('@mozilla/readability').Readability<DomNode>>['parse']>>;



/** A web page to a reader-mode article: Readability on linkedom, loaded only when needed. */
export async function parseHtml(markup: string, source: string, options: HtmlOptions = {}): Promise<Article> {
  const checkpoint = options.checkpoint ?? (() => undefined);
  const capped = boundedMarkup(markup);
  const content = withRootElement(withBrowserCdata(capped.html));
  const [linkedom, { Readability }] = await Promise.all([import('linkedom'), import('./readability.js')]);
  const parse = (): HtmlDocument => {
    const page = settleDocument(linkedom.parseHTML(content).document) ?? linkedom.parseHTML(EMPTY_PAGE).document;
    revealNoscript(page.body as unknown as NoscriptNode, page.querySelectorAll('noscript') as unknown as ArrayLike<NoscriptNode>);
    return page;
  };
  const document = parse();
  checkpoint();
  const meta = readMeta(document);
  const lang = document.documentElement?.getAttribute('lang') ?? undefined;
  const baseUrl = options.url ?? meta.url;
  // Readability mutates the document, so keep what the fallback needs first.
  const fallbackTitle = document.querySelector('title')?.textContent ?? undefined;
  const elements = document.querySelectorAll('*').length;

  let extraction: Extraction | undefined;
  let metadata: ReadabilityResult | null = null;
  let readerByline: string | undefined;
  const readerMode = elements <= READER_MODE_ELEMENTS;
  if (readerMode) {
    // Candidates, each free to fail (a page Readability throws on falls through to the next):
    // our own density pass (reads the page without changing it), the page less its
    // boilerplate (and its text less link-heavy parts), Readability
    // after that cleaning, and, only when that one kept less than the page's body
    // text, Readability on the page as it came (a second parse and run, which would double
    // the time on every page if always made).
    const density = densityCandidate(document, baseUrl);
    let paragraphText = 0;
    for (const p of Array.from(document.querySelectorAll('p')) as Array<{ textContent: string | null }>) paragraphText += p.textContent?.length ?? 0;
    // Readability takes the byline from the page's metadata, else from the first element of
    // its text that says it is one; cleaning may remove that element, so that it settles for a
    // later one or none. Which one it would read on the page as it came is found first.
    const bylineRules = Readability.prototype as unknown as BylineRules;
    const metadataByline = readabilityMetadataByline(new Readability(document as unknown as Document) as unknown as ReadabilityInternals, document);
    // Readability reads unlikely candidates (page parts named as furniture) only when its first
    // pass kept too little, which is not known before cleaning may remove such a part: a byline
    // found only there is taken, as a page with no other names its author there.
    const root = document.documentElement as unknown as BylineElement;
    readerByline = metadataByline ?? readabilityTextByline(root, bylineRules) ?? readabilityTextByline(root, bylineRules, false);
    // The whole page less its boilerplate is a candidate of its own: on pages that are not
    // one article (a shop's category, a service's front page, a listing) it is often the page's
    // main content, where Readability keeps one block of it.
    const page = cleanedPage(document, baseUrl);
    const article = /article/i.test(meta.type ?? '');
    // Read before Readability changes the cleaned page.
    const pageText = page ? pageTextCandidate(document.body, page) : undefined;
    const cleaned = extract(Readability, document, baseUrl, 'before');
    checkpoint();
    // Nor is it made where the cleaned reading already gives way to the page read whole (a
    // page that is not one article): there it seldom reads better, for a fifth of the time.
    const pageWhole = page !== undefined && readsPageWhole(cleaned, { cleaned, density, page, article });
    const raw = cleanedHolds(cleaned, density, paragraphText) || pageWhole || elements * 2 > READER_MODE_ELEMENTS ? undefined : extract(Readability, parse(), baseUrl, 'raw');
    checkpoint();
    metadata = cleaned.result;
    extraction = chooseExtraction({ raw, cleaned, density, page, pageText, article });
  }
  const result = extraction?.result ?? null;
  let { blocks = [], links = [], linksCut = false } = extraction ?? {};
  if (!readerMode) {
    // A page too large for reader mode: the whole page, less its boilerplate.
    removeBoilerplate(document as unknown as CleanDocument);
    ({ blocks, links, linksCut } = domToBlocks(document.body as unknown as DomNode, baseUrl));
  }
  checkpoint();
  const title = metadata?.title || result?.title || meta.title || fallbackTitle || titleFromFileName(source);
  const byline = readerByline || meta.author;
  blocks = cleanBlocks(blocks, { title, byline });
  const cuts = [
    capped.cut ? `only the first ${MAX_ELEMENTS.toLocaleString('en')} were read` : '',
    readerMode ? '' : 'read without reader mode, so menus and other page furniture may show',
    linksCut ? `only its first ${MAX_LINKS.toLocaleString('en')} links were kept` : '',
  ].filter(Boolean);
  if (cuts.length > 0) {
    const size = capped.cut ? `over ${MAX_ELEMENTS.toLocaleString('en')}` : elements.toLocaleString('en');
    options.warnings?.push(`${source}: a very large page (${size} elements): ${cuts.join('; ')}`);
  }

  return makeArticle({
    source,
    url: options.url ?? meta.url,
    title,
    byline,
    siteName: metadata?.siteName || result?.siteName || meta.siteName,
    published: metadata?.publishedTime || result?.publishedTime || meta.published,
    excerpt: metadata?.excerpt || result?.excerpt || meta.description,
    lang: metadata?.lang || result?.lang || lang,
    section: meta.section,
    tags: meta.keywords,
    blocks,
    links,
  });
}

/**
 * Cleans the page in place (for Readability to read next) and returns what is left of it as an
 * extraction; undefined when cleaning fails on a tree it did not expect.
 */
function cleanedPage(document: HtmlDocument, baseUrl: string | undefined): Extraction | undefined {
  try {
    removeBoilerplate(document as unknown as CleanDocument);
    const { blocks, links, linksCut } = domToBlocks(document.body as unknown as DomNode, baseUrl);
    return { result: null, blocks, links, linksCut, length: blocks.reduce((n, b) => n + b.text.length, 0) };
  } catch {
    return undefined;
  }
}

/** Readability on the page, cleaned ('before') or as it came ('raw'). */
function extract(Readability: ReadabilityClass, document: HtmlDocument, baseUrl: string | undefined, clean: 'before' | 'raw'): Extraction {
  let result: ReadabilityResult | null;
  try {
    // Readability's typings want a DOM Document; linkedom's is structurally compatible. The
    // serializer hands back the article element itself, saving a serialise-and-reparse.
    // On the raw page Readability's own threshold (500 characters); on the cleaned page, where
    // less text is left, a lower one (a section it settles for is caught by chooseExtraction,
    // which keeps the raw body when the cleaned one lost its paragraphs).
    result = new Readability<DomNode>(document as unknown as Document, {
      ...(clean === 'before' ? { charThreshold: 200 } : {}),
      serializer: (node) => node as unknown as DomNode,
    }).parse();
  } catch {
    // Readability on a tree it did not expect (it walks up to <body> and finds none): the
    // page is read whole instead, as when reader mode finds nothing.
    result = null;
  }
  if (!result?.content) return { result, blocks: [], links: [], linksCut: false, length: 0 };
  const { blocks, links, linksCut } = domToBlocks(result.content, baseUrl);
  return { result, blocks, links, linksCut, length: blocks.reduce((n, b) => n + b.text.length, 0) };
}

/**
 * The markup with an `<html>` start tag where the HTML standard implies one. linkedom builds
 * a document only under an explicit one: given `<` or `<p>text` it makes a tree with no root
 * element, on which Readability fails deep inside ("Cannot destructure 'firstElementChild'").
 */
export function withRootElement(markup: string): string {
  const prolog = /^(?:\s|\uFEFF|<!doctype[^>]*>|<!--[\s\S]*?-->|<\?[^>]*>)*/i.exec(markup)![0];
  if (/^<html(?:\s[^<>]*)?>/i.test(markup.slice(prolog.length, prolog.length + 4096))) return markup;
  return `${prolog}<html>${markup.slice(prolog.length)}`;
}

const EMPTY_PAGE = '<!doctype html><html><head></head><body></body></html>';
const METADATA = new Set(['TITLE', 'META', 'LINK', 'BASE', 'STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE']);
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
const DOCUMENT_TYPE_NODE = 10;

/**
 * What a browser's parser does and linkedom's does not: content outside <body> (a page
 * without the tag, a <head> left open, text after </html>) moves into it, metadata into
 * <head>, in document order. Readability assumes this shape and fails deep inside without it.
 */
function settleDocument(document: HtmlDocument): HtmlDocument | undefined {
  const root = document.documentElement;
  // Markup linkedom could make nothing of: read as an empty page, which has no article.
  if (!root) return undefined;
  const { head, body } = document;
  const toBody: HtmlNode[] = [];
  // In <head>, the first thing that is not metadata starts the body.
  let bodyStarted = false;
  for (const node of Array.from(head.childNodes as ArrayLike<HtmlNode>)) {
    if (!bodyStarted && (METADATA.has(node.nodeName) || node.nodeType === COMMENT_NODE || (node.nodeType === TEXT_NODE && !node.textContent?.trim()))) continue;
    bodyStarted = true;
    toBody.push(node);
  }
  const after: HtmlNode[] = [];
  let pastBody = false;
  for (const node of Array.from(root.childNodes)) {
    if (node === body) pastBody = true;
    else if (node !== head) (pastBody ? after : toBody).push(node);
  }
  for (const node of Array.from(document.childNodes as ArrayLike<HtmlNode>)) if (node !== root && node.nodeType !== DOCUMENT_TYPE_NODE) after.push(node);
  const firstInBody = body.firstChild;
  for (const node of toBody) {
    if (METADATA.has(node.nodeName)) head.appendChild(node);
    else body.insertBefore(node, firstInBody);
  }
  for (const node of after) {
    if (METADATA.has(node.nodeName)) head.appendChild(node);
    else body.appendChild(node);
  }
  return document;
}


interface PageMeta {
  title?: string;
  /** What the page says it is (og:type: article, website, product). */
  type?: string;
  url?: string;
  author?: string;
  siteName?: string;
  published?: string;
  description?: string;
  section?: string;
  keywords: string[];
}

interface MetaDocument {
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
}

function readMeta(document: MetaDocument): PageMeta {
  const values = new Map<string, string>();
  // article:tag is the one property a page repeats, once a tag.
  const articleTags: string[] = [];
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop'))?.toLowerCase();
    const value = el.getAttribute('content');
    if (key === 'article:tag' && value?.trim()) articleTags.push(value);
    if (key && value && !values.has(key)) values.set(key, value);
  }
  const canonical = Array.from(document.querySelectorAll('link[rel="canonical"]'))[0]?.getAttribute('href') ?? undefined;
  // After the meta tags, the page's own markup of its date: microdata, then the first <time>.
  const dated = Array.from(document.querySelectorAll('[itemprop="datePublished"], time[datetime]'))[0];
  const markedDate = dated?.getAttribute('content') ?? dated?.getAttribute('datetime') ?? undefined;
  const get = (...keys: string[]) => keys.map((k) => values.get(k)).find((v) => v && v.trim());
  const listed = get('keywords', 'news_keywords');
  const keywords = (listed ? listed.split(',') : articleTags).map((k) => k.trim()).filter(Boolean);
  return {
    title: get('og:title', 'twitter:title', 'dc.title'),
    type: get('og:type'),
    url: get('og:url') ?? canonical,
    author: get('author', 'article:author', 'dc.creator', 'parsely-author'),
    siteName: get('og:site_name', 'application-name'),
    published: get('article:published_time', 'datepublished', 'date', 'dc.date', 'parsely-pub-date', 'pubdate') ?? markedDate,
    description: get('description', 'og:description', 'twitter:description'),
    section: get('article:section', 'parsely-section'),
    keywords: keywords.slice(0, 30),
  };
}
