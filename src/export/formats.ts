import type { Article } from '../article.js';
import { formatJson, formatJsonLines, orderedArticle } from './json.js';
import { formatMarkdown, formatMarkdownArticle } from './markdown.js';
import type { ExportFormat } from './format-names.js';
import { formatText, formatTextArticle } from './text.js';

/** All articles as one document. */
export function formatArticles(articles: readonly Article[], format: ExportFormat, width: number): string {
  switch (format) {
    case 'json':
      return formatJson(articles);
    case 'jsonl':
      return formatJsonLines(articles);
    case 'md':
      return formatMarkdown(articles);
    case 'txt':
      return formatText(articles, width);
  }
}

/** One article as a file of its own (`-o DIR`); JSON becomes a single object. */
export function formatOneArticle(article: Article, format: ExportFormat, width: number): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(orderedArticle(article), null, 2)}\n`;
    case 'jsonl':
      return `${JSON.stringify(orderedArticle(article))}\n`;
    case 'md':
      return formatMarkdownArticle(article);
    case 'txt':
      return formatTextArticle(article, width);
  }
}
