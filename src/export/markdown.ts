import { stringify } from 'yaml';
import type { Article, Block } from '../article.js';
import { sanitizeText } from '../text/sanitize.js';

/** Markdown with YAML front matter; the body keeps headings, lists, quotes and code. */
export function formatMarkdownArticle(article: Article): string {
  const front: Record<string, unknown> = { title: article.title };
  if (article.url) front.url = article.url;
  if (article.byline) front.author = article.byline;
  if (article.siteName) front.site = article.siteName;
  if (article.published) front.date = article.published;
  if (article.section) front.section = article.section;
  if (article.tags.length) front.tags = article.tags;
  if (article.credits.length) front.credits = article.credits;
  if (article.lang) front.lang = article.lang;
  front.source = article.source;
  front.id = article.id;
  const body = article.blocks.map(blockToMarkdown).join('\n\n');
  const links = article.links.length
    ? `\n\n## Links\n\n${article.links.map((l, i) => `${i + 1}. [${escapeInline(l.text)}](${l.url})`).join('\n')}`
    : '';
  // Last guard: nothing but sanitized text reaches stdout.
  return sanitizeText(`---\n${stringify(front, { lineWidth: 0 })}---\n\n# ${escapeInline(article.title)}\n\n${body}${links}\n`);
}

export function formatMarkdown(articles: readonly Article[]): string {
  return articles.map(formatMarkdownArticle).join('\n');
}

function blockToMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, (block.level ?? 2) + (block.level === 1 ? 1 : 0)))} ${escapeInline(block.text)}`;
    case 'quote':
      return `> ${escapeInline(block.text)}`;
    case 'list':
      return (block.items ?? block.text.split('\n')).map((item) => `- ${escapeInline(item)}`).join('\n');
    case 'code': {
      const fence = block.text.includes('```') ? '~~~~' : '```';
      return `${fence}\n${block.text}\n${fence}`;
    }
    default:
      return escapeInline(block.text);
  }
}

/** Keeps article text from turning into Markdown structure it never had. */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1').replace(/^(#{1,6}\s|[-+]\s|\d+[.)]\s|>)/, '\\$1');
}
