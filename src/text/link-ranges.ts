import type { Link } from '../article.js';

/** Where a link's text sits in the article text, and its number in the links view (L). */
export interface LinkRange {
  start: number;
  end: number;
  /** 1-based, as `[3]` after the link and `3` Enter open it. */
  number: number;
  url: string;
}

/**
 * Where each link's text sits in the article text. Links come in document order, so each is
 * looked for after the previous one; a link whose text is not found is left out (it keeps
 * its number in the links view all the same).
 */
export function linkRanges(text: string, links: readonly Link[]): LinkRange[] {
  const ranges: LinkRange[] = [];
  let from = 0;
  links.forEach((link, i) => {
    if (link.text.length < 2) return;
    const at = text.indexOf(link.text, from);
    if (at < 0) return;
    ranges.push({ start: at, end: at + link.text.length, number: i + 1, url: link.url });
    from = at + link.text.length;
  });
  return ranges;
}

/** The `[3]` drawn after link 3 in the reader. */
export function linkLabel(number: number): string {
  return `[${number}]`;
}
