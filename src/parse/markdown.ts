import { Lexer, type Token, type Tokens } from 'marked';
import { makeArticle, makeSummary, type Article, type ArticleDraft, type ArticleSummary, type Block, type Link } from '../article.js';
import { sanitizeText } from '../text/sanitize.js';
import { fieldList, fieldString } from './fields.js';
import { splitFrontMatter } from './front-matter.js';
import { titleFromFileName } from './paragraphs.js';
import { plainMarkdownBlocks } from './plain-markdown.js';

/** Markdown with optional YAML front matter (title, author, date, url, tags). */
export function parseMarkdown(content: string, source: string): Article {
  return makeArticle(markdownDraft(content, source));
}

/** What a list shows of a Markdown article (see makeSummary). */
export function summarizeMarkdown(content: string, source: string): ArticleSummary {
  return makeSummary(markdownDraft(content, source));
}

function markdownDraft(content: string, source: string): ArticleDraft {
  // Sanitized before parsing, so hidden sequences cannot change the document's structure.
  const { data, body } = splitFrontMatter(sanitizeText(content));
  const links: Link[] = [];
  const blocks = plainMarkdownBlocks(body) ?? markedBlocks(body, links);

  let title = fieldString(data, 'title', 'headline');
  // Without a front-matter title, a leading top-level heading is the title.
  const first = blocks[0];
  if (first?.type === 'heading' && (first.level === 1 || !title)) {
    title ??= first.text;
    if (first.text === title) blocks.shift();
  }

  return {
    source,
    url: fieldString(data, 'url', 'link', 'canonical_url', 'canonical'),
    title: title ?? titleFromFileName(source),
    byline: fieldString(data, 'author', 'authors', 'byline'),
    siteName: fieldString(data, 'site', 'siteName', 'site_name', 'publication'),
    published: fieldString(data, 'date', 'published', 'publishedAt', 'pubDate'),
    section: fieldString(data, 'section', 'category'),
    tags: fieldList(data, 'tags', 'keywords', 'categories'),
    excerpt: fieldString(data, 'description', 'summary', 'excerpt'),
    lang: fieldString(data, 'lang', 'language'),
    blocks,
    links,
  };
}

/** The blocks of any Markdown, through marked's lexer; links found are added to `links`. */
export function markedBlocks(body: string, links: Link[]): Block[] {
  return toBlocks(new Lexer().lex(body), links);
}

function toBlocks(tokens: Token[], links: Link[], inQuote = false): Block[] {
  const blocks: Block[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        blocks.push({ type: 'heading', text: inlineText((token as Tokens.Heading).tokens, links), level: (token as Tokens.Heading).depth });
        break;
      case 'paragraph':
      case 'text':
        blocks.push({ type: inQuote ? 'quote' : 'paragraph', text: inlineText((token as Tokens.Paragraph).tokens ?? [], links, token.text) });
        break;
      case 'blockquote':
        blocks.push(...toBlocks((token as Tokens.Blockquote).tokens, links, true));
        break;
      case 'list': {
        const items = (token as Tokens.List).items.map((item) => inlineText(item.tokens, links, item.text));
        blocks.push({ type: 'list', text: items.join('\n'), items });
        break;
      }
      case 'code':
        blocks.push({ type: 'code', text: (token as Tokens.Code).text });
        break;
      case 'table': {
        const table = token as Tokens.Table;
        const rows = [table.header, ...table.rows].map((row) => row.map((cell) => inlineText(cell.tokens, links)).join(' | '));
        blocks.push({ type: 'list', text: rows.join('\n'), items: rows });
        break;
      }
      case 'html':
        blocks.push({ type: 'paragraph', text: stripTags(token.raw) });
        break;
      default:
        // space, hr, def: nothing to read.
        break;
    }
  }
  return blocks;
}

function inlineText(tokens: Token[] | undefined, links: Link[], fallback = ''): string {
  if (!tokens || tokens.length === 0) return fallback;
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'link': {
        const link = token as Tokens.Link;
        const text = inlineText(link.tokens, links, link.text);
        links.push({ text, url: link.href });
        out += text;
        break;
      }
      case 'image':
        out += (token as Tokens.Image).text;
        break;
      case 'br':
        out += ' ';
        break;
      case 'html':
        out += stripTags(token.raw);
        break;
      case 'codespan':
      case 'escape':
        out += decodeEntities(token.text);
        break;
      default:
        out += 'tokens' in token && token.tokens ? inlineText(token.tokens, links, '') : decodeEntities('text' in token ? String(token.text) : token.raw);
    }
  }
  return out;
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '));
}

// marked escapes &, <, >, " and ' in text tokens; readers want the characters back.
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp|#39);/gi, (entity, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16), entity);
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10), entity);
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[lower] ?? entity;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
