import { makeArticle, type Article, type Block, type Link } from '../article.js';
import { cleanBlocks } from './clean/blocks.js';
import { removeBoilerplate, type CleanDocument } from './clean/dom.js';
import { domToBlocks, type DomNode } from './html-blocks.js';
import { limitNesting } from './nesting.js';
import { titleFromFileName } from './paragraphs.js';

export interface HtmlOptions {
  /** The page's address, for resolving relative links. */
  url?: string;
}

type Linkedom = typeof import('linkedom');
type ReadabilityClass = typeof import('@mozilla/readability').Readability;
type ReadabilityResult = NonNullable<ReturnType<InstanceType<typeof import('@mozilla/readability').Readability<DomNode>>['parse']>>;

interface Extraction {
  result: ReadabilityResult | null;
  blocks: Block[];
  links: Link[];
  length: number;
}

// Below this many characters a cleaned extraction is checked against an uncleaned one.
const SHORT_EXTRACTION = 600;

/** A web page to a reader-mode article: Readability on linkedom, loaded only when needed. */
export async function parseHtml(markup: string, source: string, options: HtmlOptions = {}): Promise<Article> {
  const content = limitNesting(markup);
  const [linkedom, { Readability }] = await Promise.all([import('linkedom'), import('./readability.js')]);
  const { document } = linkedom.parseHTML(content);
  const meta = readMeta(document);
  const lang = document.documentElement?.getAttribute('lang') ?? undefined;
  const baseUrl = options.url ?? meta.url;
  // Readability mutates the document, so keep what the fallback needs first.
  const fallbackTitle = document.querySelector('title')?.textContent ?? undefined;

  let extraction = extract(Readability, document, baseUrl, true);
  if (extraction.length < SHORT_EXTRACTION) {
    // Cleaning can mislead Readability's choice of container on an odd page; a cleaned result
    // far shorter than the plain one means the article itself was lost, not boilerplate.
    const plain = extract(Readability, linkedom.parseHTML(content).document, baseUrl, false);
    if (plain.length > extraction.length * 3) extraction = plain;
  }
  const { result } = extraction;
  let { blocks } = extraction;
  if (!result?.content) {
    blocks = domToBlocks(linkedom.parseHTML(content).document.body as unknown as DomNode, baseUrl).blocks;
  }
  const title = result?.title || meta.title || fallbackTitle || titleFromFileName(source);
  const byline = result?.byline ?? meta.author;
  blocks = cleanBlocks(blocks, { title, byline });

  return makeArticle({
    source,
    url: options.url ?? meta.url,
    title,
    byline,
    siteName: result?.siteName ?? meta.siteName,
    published: result?.publishedTime ?? meta.published,
    excerpt: result?.excerpt ?? meta.description,
    lang: result?.lang ?? lang,
    tags: meta.keywords,
    blocks,
    links: extraction.links,
  });
}

function extract(
  Readability: ReadabilityClass,
  document: ReturnType<Linkedom['parseHTML']>['document'],
  baseUrl: string | undefined,
  clean: boolean,
): Extraction {
  if (clean) removeBoilerplate(document as unknown as CleanDocument);
  // Readability's typings want a DOM Document; linkedom's is structurally compatible. The
  // serializer hands back the article element itself, saving a serialise-and-reparse.
  const result = new Readability<DomNode>(document as unknown as Document, {
    charThreshold: 200,
    serializer: (node) => node as unknown as DomNode,
  }).parse();
  if (!result?.content) return { result, blocks: [], links: [], length: 0 };
  const { blocks, links } = domToBlocks(result.content, baseUrl);
  return { result, blocks, links, length: blocks.reduce((n, b) => n + b.text.length, 0) };
}

interface PageMeta {
  title?: string;
  url?: string;
  author?: string;
  siteName?: string;
  published?: string;
  description?: string;
  keywords: string[];
}

interface MetaDocument {
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
}

function readMeta(document: MetaDocument): PageMeta {
  const values = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop'))?.toLowerCase();
    const value = el.getAttribute('content');
    if (key && value && !values.has(key)) values.set(key, value);
  }
  const canonical = Array.from(document.querySelectorAll('link[rel="canonical"]'))[0]?.getAttribute('href') ?? undefined;
  const get = (...keys: string[]) => keys.map((k) => values.get(k)).find((v) => v && v.trim());
  const keywords = (get('keywords', 'news_keywords') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  return {
    title: get('og:title', 'twitter:title', 'dc.title'),
    url: get('og:url') ?? canonical,
    author: get('author', 'article:author', 'dc.creator', 'parsely-author'),
    siteName: get('og:site_name', 'application-name'),
    published: get('article:published_time', 'datepublished', 'date', 'dc.date', 'parsely-pub-date', 'pubdate'),
    description: get('description', 'og:description', 'twitter:description'),
    keywords: keywords.slice(0, 30),
  };
}
