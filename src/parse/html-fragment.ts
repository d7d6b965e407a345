import { parseHTML } from 'linkedom';
import type { Block, Link } from '../article.js';
import { domToBlocks } from './html-blocks.js';
import { boundedMarkup } from './html-limits.js';

/** Blocks and links of an HTML fragment (a JSON record's `content_html`). */
export function htmlFragmentToBlocks(html: string, url: string | undefined): { blocks: Block[]; links: Link[] } {
  const { document } = parseHTML(`<!doctype html><html><body>${boundedMarkup(html).html}</body></html>`);
  return domToBlocks(document.body as unknown as Parameters<typeof domToBlocks>[0], url);
}
