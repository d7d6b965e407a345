import { makeArticle, type Article, type Block, type BlockType, type Link } from '../article.js';
import { DataError } from '../errors.js';
import { fieldList, fieldString } from './fields.js';
import { JsonArraySplitter, startsJsonArray } from './json-array.js';
import { splitParagraphs, titleFromBody, titleFromFileName } from './paragraphs.js';

// JSON articles: inkwire's own export (with blocks), and the common shapes scrapers and APIs
// produce ({title, body|content|text|articleBody, url, author, date, tags}), one or an array.

type Json = Record<string, unknown>;

const BODY_KEYS = ['blocks', 'text', 'body', 'content', 'articleBody', 'content_text', 'content_html', 'html', 'description', 'summary'];
const BLOCK_TYPES = new Set<BlockType>(['heading', 'paragraph', 'quote', 'list', 'code']);

export class JsonShapeError extends DataError {}

/** Parses JSON text into articles; throws SyntaxError for bad JSON, JsonShapeError for no article. */
export async function parseJson(content: string, source: string): Promise<Article[]> {
  const split = startsJsonArray(content) ? await fromSplitArray(content, source) : undefined;
  const articles = split ?? (await articlesFromRecords(wholeRecords(content), source));
  if (articles.length === 0) throw new JsonShapeError('no article found (expected an object with title and body, content or text)');
  return articles;
}

/**
 * The articles of a top-level array parsed record by record, which a list of a hundred
 * thousand records needs to stay within memory; undefined when anything goes wrong, for the
 * whole-text path to give its usual result or error (a SyntaxError before any conversion).
 */
async function fromSplitArray(content: string, source: string): Promise<Article[] | undefined> {
  try {
    const splitter = new JsonArraySplitter();
    const articles = await articlesFromRecords(splitter.push(content), source);
    splitter.end();
    return articles;
  } catch {
    return undefined;
  }
}

function wholeRecords(content: string): unknown[] {
  const value: unknown = JSON.parse(content);
  return Array.isArray(value) ? value : isObject(value) && Array.isArray(value.articles) ? value.articles : [value];
}

/** The articles of parsed JSON records, in order; records without a body are skipped. */
export async function articlesFromRecords(records: Iterable<unknown>, source: string): Promise<Article[]> {
  const articles: Article[] = [];
  // The HTML parser loads only for records that carry HTML; the rest convert synchronously,
  // which matters for files of a hundred thousand records.
  let htmlToBlocks: HtmlToBlocks | undefined;
  for (const record of records) {
    if (!isObject(record) || !BODY_KEYS.some((k) => record[k] != null)) continue;
    const html = fieldString(record, 'content_html', 'html') ?? htmlBody(record);
    if (html !== undefined) htmlToBlocks ??= await loadHtmlToBlocks();
    articles.push(fromRecord(record, source, html, htmlToBlocks));
  }
  return articles;
}

type HtmlToBlocks = (html: string, url: string | undefined) => { blocks: Block[]; links: Link[] };

async function loadHtmlToBlocks(): Promise<HtmlToBlocks> {
  return (await import('./html-fragment.js')).htmlFragmentToBlocks;
}

function fromRecord(record: Json, source: string, html: string | undefined, htmlToBlocks: HtmlToBlocks | undefined): Article {
  let blocks: Block[];
  let links: Link[] = Array.isArray(record.links) ? record.links.filter(isLink) : [];
  if (Array.isArray(record.blocks)) {
    blocks = record.blocks.filter(isBlock);
  } else if (html !== undefined && htmlToBlocks) {
    const result = htmlToBlocks(html, fieldString(record, 'url', 'link'));
    blocks = result.blocks;
    links = [...links, ...result.links];
  } else {
    const body = fieldString(record, 'text', 'body', 'content', 'articleBody', 'content_text', 'description', 'summary') ?? '';
    blocks = splitParagraphs(body).map((text) => ({ type: 'paragraph', text }));
  }
  const title = fieldString(record, 'title', 'headline', 'name');
  return makeArticle({
    source: fieldString(record, 'source') ?? source,
    url: fieldString(record, 'url', 'link', 'external_url'),
    title: title ?? titleFromBody(blocks[0]?.text ?? '') ?? titleFromFileName(source),
    byline: fieldString(record, 'byline', 'author', 'authors', 'creator'),
    siteName: fieldString(record, 'siteName', 'site_name', 'site', 'publisher'),
    published: fieldString(record, 'published', 'date', 'date_published', 'datePublished', 'publishedAt', 'pubDate', 'created_at'),
    section: fieldString(record, 'section', 'category'),
    tags: fieldList(record, 'tags', 'keywords', 'categories'),
    credits: fieldList(record, 'credits'),
    excerpt: fieldString(record, 'excerpt', 'summary', 'description'),
    lang: fieldString(record, 'lang', 'language'),
    blocks,
    links,
  });
}

/** A `body`/`content` field that holds HTML rather than text. */
function htmlBody(record: Json): string | undefined {
  const body = fieldString(record, 'body', 'content');
  return body !== undefined && /<(?:p|div|br|h[1-6]|ul|ol|blockquote|article)\b[^>]*>/i.test(body) ? body : undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBlock(value: unknown): value is Block {
  return isObject(value) && typeof value.text === 'string' && BLOCK_TYPES.has(value.type as BlockType);
}

function isLink(value: unknown): value is Link {
  return isObject(value) && typeof value.url === 'string' && typeof value.text === 'string';
}
