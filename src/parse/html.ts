import { makeArticle, type Article } from '../article.js';
import { domToBlocks, type DomNode } from './html-blocks.js';
import { titleFromFileName } from './paragraphs.js';

export interface HtmlOptions {
  /** The page's address, for resolving relative links. */
  url?: string;
}

/** A web page to a reader-mode article: Readability on linkedom, loaded only when needed. */
export async function parseHtml(content: string, source: string, options: HtmlOptions = {}): Promise<Article> {
  const [{ parseHTML }, { Readability }] = await Promise.all([import('linkedom'), import('@mozilla/readability')]);
  const { document } = parseHTML(content);
  const meta = readMeta(document);
  const lang = document.documentElement?.getAttribute('lang') ?? undefined;
  const baseUrl = options.url ?? meta.url;

  // Readability mutates the document, so keep what the fallback needs first.
  const fallbackTitle = document.querySelector('title')?.textContent ?? undefined;
  // Readability's typings want a DOM Document; linkedom's is structurally compatible.
  const reader = new Readability(document as unknown as Document, { charThreshold: 200 });
  const result = reader.parse();

  let blocks;
  let links;
  if (result?.content) {
    const { document: contentDoc } = parseHTML(`<!doctype html><html><body>${result.content}</body></html>`);
    ({ blocks, links } = domToBlocks(contentDoc.body as unknown as DomNode, baseUrl));
  } else {
    const { document: original } = parseHTML(content);
    ({ blocks, links } = domToBlocks(original.body as unknown as DomNode, baseUrl));
  }
  // Readability sometimes keeps the headline as the first heading; the title shows it already.
  const title = result?.title || meta.title || fallbackTitle || titleFromFileName(source);
  if (blocks[0]?.type === 'heading' && title && sameText(blocks[0].text, title)) blocks.shift();

  return makeArticle({
    source,
    url: options.url ?? meta.url,
    title,
    byline: result?.byline ?? meta.author,
    siteName: result?.siteName ?? meta.siteName,
    published: result?.publishedTime ?? meta.published,
    excerpt: result?.excerpt ?? meta.description,
    lang: result?.lang ?? lang,
    tags: meta.keywords,
    blocks,
    links,
  });
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

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}
