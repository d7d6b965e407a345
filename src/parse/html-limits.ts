import { limitNesting, tags } from './nesting.js';

// Bounds on the work one page can cause. linkedom takes some 10-30 µs and a few hundred bytes
// per element, and Readability some 80-100 µs (it scores, clones and retries), so a page of
// 300,000 links once took 14 s and 1.3 GB. Real articles stay far below these bounds (the
// largest page of the test corpora has 10,000 elements; a long Wikipedia article 30,000).

/** Elements read from one page; the markup after the last one is not parsed. */
export const MAX_ELEMENTS = 50_000;
/** Element visits reader mode (Readability) may make on one page, over all its passes. */
export const READER_MODE_ELEMENTS = 25_000;

export interface CappedMarkup {
  html: string;
  /** True when elements past MAX_ELEMENTS were dropped. */
  cut: boolean;
}

/** Markup within both bounds on its shape: at most MAX_ELEMENTS elements, nested at most MAX_DEPTH deep. */
export function boundedMarkup(html: string): CappedMarkup {
  // Unwrapping first, so elements too deep to keep do not count against the bound; but after
  // a rough cut, so a page of a million elements is not scanned whole for its depth.
  const rough = capElements(html, 4 * MAX_ELEMENTS);
  const capped = capElements(limitNesting(rough.html));
  return { html: capped.html, cut: rough.cut || capped.cut };
}

/** The markup up to the start of its `max + 1`-th element. */
export function capElements(html: string, max = MAX_ELEMENTS): CappedMarkup {
  // Every tag starts with '<': a page with fewer of them needs no closer look.
  let open = 0;
  for (let at = html.indexOf('<'); at !== -1 && open <= max; at = html.indexOf('<', at + 1)) open++;
  if (open <= max) return { html, cut: false };
  let count = 0;
  for (const tag of tags(html)) {
    if (!tag.closing && ++count > max) return { html: html.slice(0, tag.start), cut: true };
  }
  return { html, cut: false };
}
