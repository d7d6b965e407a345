import type { Block, Link } from '../article.js';

// Turns an article's DOM (Readability's content, a feed entry's HTML) into inkwire blocks.
// Works on the minimal DOM surface linkedom provides, so it is typed structurally.

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'FORM', 'NAV', 'INPUT', 'SELECT', 'TEXTAREA', 'HEAD', 'TITLE', 'META', 'LINK', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'CANVAS', 'OBJECT', 'EMBED']);
const BLOCK_CONTAINERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'BODY', 'HTML', 'HEADER', 'FOOTER', 'ASIDE', 'FIGURE', 'DETAILS', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'DL', 'CENTER', 'HGROUP', 'ADDRESS', 'FIELDSET', 'SPAN', 'FONT']);
const HEADINGS: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };

/** Links kept per article: a link index of 300,000 is not read link by link. */
export const MAX_LINKS = 10_000;

export interface BlocksResult {
  blocks: Block[];
  /** The first `maxLinks` links. */
  links: Link[];
  /** True when there were more. */
  linksCut: boolean;
}

export function domToBlocks(root: DomNode, baseUrl?: string, maxLinks = MAX_LINKS): BlocksResult {
  const blocks: Block[] = [];
  const links: Link[] = [];
  let linksCut = false;
  const collectLink = (node: DomNode) => {
    const href = node.getAttribute?.('href');
    if (!href) return;
    const url = resolveUrl(href, baseUrl);
    if (!url) return;
    if (links.length < maxLinks) links.push({ text: (node.textContent ?? '').trim(), url });
    else linksCut = true;
  };

  // Inline runs between block elements become paragraphs of their own.
  let inline = '';
  const flushInline = () => {
    if (inline.trim()) blocks.push({ type: 'paragraph', text: inline });
    inline = '';
  };

  const inlineText = (node: DomNode): string => {
    if (node.nodeType === TEXT_NODE) return node.textContent ?? '';
    if (node.nodeType !== ELEMENT_NODE || SKIP.has(node.nodeName)) return '';
    if (node.nodeName === 'BR') return '\n';
    if (node.nodeName === 'A') collectLink(node);
    let out = '';
    for (const child of Array.from(node.childNodes)) out += inlineText(child);
    return out;
  };

  const walk = (node: DomNode, inQuote: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      inline += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName;
    if (SKIP.has(name)) return;
    const level = HEADINGS[name];
    if (level) {
      flushInline();
      blocks.push({ type: 'heading', text: inlineText(node), level });
    } else if (name === 'P' || name === 'DD' || name === 'DT' || name === 'FIGCAPTION' || name === 'CAPTION' || name === 'TD' || name === 'TH') {
      flushInline();
      for (const part of inlineText(node).split(/\n\s*\n/)) {
        blocks.push({ type: inQuote ? 'quote' : 'paragraph', text: part });
      }
    } else if (name === 'UL' || name === 'OL') {
      flushInline();
      const items = Array.from(node.childNodes)
        .filter((c) => c.nodeType === ELEMENT_NODE && c.nodeName === 'LI')
        .map((li) => inlineText(li).replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      if (items.length > 0) blocks.push({ type: 'list', text: items.join('\n'), items });
    } else if (name === 'BLOCKQUOTE') {
      flushInline();
      const before = blocks.length;
      for (const child of Array.from(node.childNodes)) walk(child, true);
      if (inline.trim()) blocks.push({ type: 'quote', text: inline });
      inline = '';
      if (blocks.length === before && node.textContent?.trim()) {
        blocks.push({ type: 'quote', text: node.textContent });
      }
    } else if (name === 'PRE') {
      flushInline();
      blocks.push({ type: 'code', text: node.textContent ?? '' });
    } else if (name === 'HR') {
      flushInline();
    } else if (BLOCK_CONTAINERS.has(name) || name === 'LI') {
      if (name !== 'SPAN' && name !== 'FONT') flushInline();
      for (const child of Array.from(node.childNodes)) walk(child, inQuote);
      if (name !== 'SPAN' && name !== 'FONT') flushInline();
    } else {
      inline += inlineText(node);
    }
  };

  walk(root, false);
  flushInline();
  return { blocks, links, linksCut };
}

export function resolveUrl(href: string, baseUrl?: string): string | undefined {
  // Asked first, as a thrown error costs some 20 µs: on a page of 50,000 relative links
  // without a base, a second.
  if (!URL.canParse(href, baseUrl)) return undefined;
  const url = new URL(href, baseUrl);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
