import { stringify } from 'yaml';
import type { Article, Block } from '../article.js';
import { sanitizeText } from '../text/sanitize.js';

// Article text is written so that it renders as itself (CommonMark and GFM): everything
// that could start structure is escaped, so an article can never inject a link, an image,
// HTML, emphasis or a heading it did not have. The article's own links are listed at the end.

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
  // A list right after a list would continue it; the other bullet starts a new one.
  let listsInARow = 0;
  const body = article.blocks
    .map((block, i) => {
      listsInARow = block.type === 'list' && article.blocks[i - 1]?.type === 'list' ? listsInARow + 1 : 0;
      return blockToMarkdown(block, listsInARow % 2 ? '*' : '-');
    })
    .join('\n\n');
  const links = article.links.length
    ? `\n\n## Links\n\n${article.links.map((l, i) => `${i + 1}. [${escapeInline(l.text, true)}](<${escapeDestination(l.url)}>)`).join('\n')}`
    : '';
  // Last guard: nothing but sanitized text reaches stdout.
  return sanitizeText(`---\n${stringify(front, { lineWidth: 0 })}---\n\n${heading(1, article.title)}\n\n${body}${links}\n`);
}

export function formatMarkdown(articles: readonly Article[]): string {
  return articles.map(formatMarkdownArticle).join('\n');
}

function blockToMarkdown(block: Block, bullet: string): string {
  switch (block.type) {
    case 'heading':
      return heading(Math.min(6, (block.level ?? 2) + (block.level === 1 ? 1 : 0)), block.text);
    case 'quote':
      return `> ${escapeInline(block.text)}`;
    case 'list':
      return (block.items ?? block.text.split('\n')).map((item) => `${bullet} ${escapeInline(item)}`).join('\n');
    case 'code': {
      // Longer than any run of backticks inside, so no line of the code can close it.
      const longest = Math.max(0, ...(block.text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(Math.max(3, longest + 1));
      return `${fence}\n${block.text}\n${fence}`;
    }
    default:
      return escapeInline(block.text);
  }
}

/** An ATX heading; a closing run of `#` in the text is escaped, or it would be dropped as the heading's end. */
function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${escapeInline(text).replace(/(\s)(#+)$/, '$1\\$2')}`;
}

/**
 * Brackets in a link's text as character references: marked (and renderers built like it)
 * drops the backslash of `\[` and `\]` there before reading the text, so an escaped `![x](y)`
 * would become an image. References are read as text everywhere.
 */
const BRACKET_REFERENCE: Record<string, string> = { '[': '&#91;', ']': '&#93;' };

/**
 * One line of article text as literal Markdown: the inline syntax characters (emphasis,
 * code, links and images, raw HTML and autolinks, strikethrough), character references, what
 * GFM would turn into a link by itself (`https://`, `www.`, `name@host`), and whatever would
 * open a block at the start of the line (heading, list item, thematic break, setext
 * underline, block quote) are backslash-escaped.
 */
export function escapeInline(text: string, linkText = false): string {
  return text
    .replace(/[\\`*_[\]<>~]|&(?=#?[a-z0-9]+;)|:(?=\/\/)|(?<=www)\.|(?<=[\w.+-])@/gi, (c) => (linkText && BRACKET_REFERENCE[c]) || `\\${c}`)
    .replace(/^(?:[#+=-]|(\d{1,9})([.)]))/, (start: string, digits?: string, mark?: string) => (digits ? `${digits}\\${mark}` : `\\${start}`));
}

/**
 * A link destination for `<…>`: nothing but `<`, `>` or a line end could leave it, and
 * backslash escapes and character references still apply inside, so those are escaped.
 * (Addresses reach here normalised by the URL parser, which already percent-encodes spaces,
 * `<` and `>`.)
 */
export function escapeDestination(url: string): string {
  return url.replace(/[\\<>]|&(?=#?[a-z0-9]+;)/gi, '\\$&').replace(/\s/g, encodeURIComponent);
}
