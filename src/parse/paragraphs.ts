import { collapseSpaces } from '../text/spaces.js';
import { readLineBreaks } from './line-breaks.js';

// Shared helpers for formats whose body is plain paragraphs separated by blank lines.

/**
 * Splits text into paragraphs on blank lines. A paragraph's own line breaks become spaces
 * when they wrap it, and separate paragraphs when its lines were written one by one (see
 * line-breaks.ts). With `collapse: false` the paragraphs keep their inner white space
 * (makeArticle collapses it anyway), which spares a pass over a large body.
 */
export function splitParagraphs(text: string, { collapse = true } = {}): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  // Text with no blank lines at all is usually one paragraph a line (e.g. a JSON body).
  const blankLines = /\n[ \t\u00a0]*\n/.test(normalised);
  const paragraphs = normalised.split(blankLines ? /\n(?:[ \t\u00a0]*\n)+/ : /\n/);
  const breaks = blankLines ? readLineBreaks(paragraphs) : null;
  const out: string[] = [];
  const push = (paragraph: string): void => {
    const cleaned = collapse ? collapseSpaces(paragraph) : paragraph.trim();
    if (cleaned.length > 0) out.push(cleaned);
  };
  for (const paragraph of paragraphs) {
    if (breaks !== null && paragraph.includes('\n') && breaks.linesApart(paragraph)) paragraph.split('\n').forEach(push);
    else push(paragraph);
  }
  return out;
}

/** A title made from a file name: `china-backs_russia.txt` gives `China backs russia`. */
export function titleFromFileName(source: string): string | undefined {
  const base = source.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]+$/, '').replace(/[-_.]+/g, ' ').trim();
  if (!stem || stem === 'stdin') return undefined;
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}

/** The first sentence of a body, shortened: a title for text that came without one. */
export function titleFromBody(body: string, max = 80): string | undefined {
  const head = body.slice(0, max * 4);
  const sentence = /^(.+?[.!?…])(?:\s|$)/.exec(head)?.[1] ?? head;
  if (!sentence) return undefined;
  if (sentence.length <= max) return sentence.replace(/[.]$/, '');
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
