// A reader-mode pass of inkwire's own, by text density, for the pages Readability reads badly:
// forum threads, product pages, listings, documentation, where the main content is many
// similar blocks rather than one column of paragraphs. The page is cut into text segments
// (paragraphs, headings, list items, cells); each is judged by its length and how much of it
// is link text, then by its neighbours (a short line between good paragraphs is kept, one
// among link lists is not), as paragraph classifiers in the jusText tradition do. The main
// content is the element whose subtree holds the most good text for the least link text;
// its segments that are not boilerplate are the extraction. Reads the DOM, never changes it.

export interface DensityNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DensityNode>;
  parentNode: DensityNode | null;
  getAttribute?(name: string): string | null;
}

export type SegmentKind = 'heading' | 'paragraph' | 'item' | 'code' | 'quote';
export type SegmentClass = 'good' | 'near' | 'short' | 'bad';

export interface Segment {
  kind: SegmentKind;
  level?: number;
  text: string;
  linkChars: number;
  /** The element the segment was read from. */
  element: DensityNode;
  /** Within an element whose name says boilerplate (nav, menu, footer, sidebar, comment form). */
  furniture: boolean;
  /** Within a comment section (readers' comments under an article, or a thread's replies). */
  comment: boolean;
  cls: SegmentClass;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'HEAD', 'TITLE', 'META', 'LINK', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'CANVAS', 'OBJECT', 'EMBED', 'OPTION', 'LABEL']);
const FURNITURE_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'HEADER', 'FORM', 'DIALOG', 'MENU']);
const HEADINGS: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
// Elements whose text is one segment of its own.
const LEAF_BLOCKS = new Set(['P', 'LI', 'DT', 'DD', 'TD', 'TH', 'PRE', 'FIGCAPTION', 'CAPTION', 'SUMMARY', 'ADDRESS']);
const BLOCKS = new Set([
  'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'BODY', 'HTML', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'FIGURE', 'DETAILS', 'TABLE', 'TBODY', 'THEAD',
  'TFOOT', 'TR', 'DL', 'UL', 'OL', 'CENTER', 'HGROUP', 'FIELDSET', 'FORM', 'BLOCKQUOTE', 'HR', 'BR', 'MENU', 'DIALOG',
  ...LEAF_BLOCKS, ...Object.keys(HEADINGS),
]);
// Named page furniture (class, id, role): menus, footers, sidebars, cookie and share boxes.
const FURNITURE_NAME = /(?:^|[-_\s])(?:nav|navbar|navigation|menu|menubar|footer|sidebar|side-bar|breadcrumbs?|cookie|consent|share|sharing|social|newsletter|signup|subscribe|related|recommended|popular|trending|widget|banner|masthead|skip|pagination|pager|toolbar|ad|ads|advert|advertisement|promo|copyright|legal)(?:$|[-_\s])/i;
const COMMENTS_NAME = /(?:^|[-_\s])(?:comments?|comment-?list|respond|disqus(?:-thread)?)(?:$|[-_\s])/i;
const FURNITURE_ROLE = /^(?:navigation|contentinfo|banner|complementary|search|menu|menubar|dialog)$/i;

/** The page's text segments, in document order. */
export function segments(body: DensityNode): Segment[] {
  const out: Segment[] = [];
  let text = '';
  let linkChars = 0;
  let owner: DensityNode = body;
  let furnitureDepth = 0;
  let commentDepth = 0;
  let linkDepth = 0;
  let kind: SegmentKind = 'paragraph';
  let level: number | undefined;

  const flush = () => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) out.push({ kind, level, text: clean, linkChars: Math.min(linkChars, clean.length), element: owner, furniture: furnitureDepth > 0, comment: commentDepth > 0, cls: 'short' });
    text = '';
    linkChars = 0;
    kind = 'paragraph';
    level = undefined;
  };

  // An explicit stack of enter/leave steps: hostile pages nest deeper than the call stack.
  type Step = { node: DensityNode; leave: false } | { node: DensityNode; leave: true; furniture: boolean; comment: boolean; block: boolean };
  const stack: Step[] = [{ node: body, leave: false }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const node = step.node;
    if (step.leave) {
      if (node.nodeName === 'A') linkDepth--;
      if (step.block) {
        flush();
        owner = node.parentNode ?? body;
      }
      if (step.furniture) furnitureDepth--;
      if (step.comment) commentDepth--;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const value = node.textContent ?? '';
      text += value;
      if (linkDepth > 0) linkChars += value.replace(/\s+/g, ' ').length;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE || SKIP.has(node.nodeName)) continue;
    const name = node.nodeName;
    const block = BLOCKS.has(name);
    const furniture = isFurniture(node);
    const comment = isComments(node);
    if (block) {
      flush();
      owner = node;
      const headingLevel = HEADINGS[name];
      if (headingLevel) {
        kind = 'heading';
        level = headingLevel;
      } else if (name === 'LI' || name === 'DT' || name === 'DD') kind = 'item';
      else if (name === 'PRE') kind = 'code';
      else if (name === 'BLOCKQUOTE') kind = 'quote';
    }
    if (name === 'A') linkDepth++;
    if (furniture) furnitureDepth++;
    if (comment) commentDepth++;
    stack.push({ node, leave: true, furniture, comment, block });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leave: false });
  }
  flush();
  return out;
}

function isFurniture(node: DensityNode): boolean {
  if (FURNITURE_TAGS.has(node.nodeName)) return true;
  const role = node.getAttribute?.('role');
  if (role && FURNITURE_ROLE.test(role)) return true;
  if (node.getAttribute?.('aria-hidden') === 'true' || node.getAttribute?.('hidden') != null) return true;
  const names = `${node.getAttribute?.('class') ?? ''} ${node.getAttribute?.('id') ?? ''}`;
  return names.length > 1 && names.length < 200 && FURNITURE_NAME.test(names.replace(/([a-z])([A-Z])/g, '$1-$2'));
}

function isComments(node: DensityNode): boolean {
  const names = `${node.getAttribute?.('class') ?? ''} ${node.getAttribute?.('id') ?? ''}`;
  return names.length > 1 && names.length < 200 && COMMENTS_NAME.test(names.replace(/([a-z])([A-Z])/g, '$1-$2'));
}

const GOOD_LENGTH = 80;
const SHORT_LENGTH = 25;

/** Each segment's class: by itself first, then by its neighbours. */
export function classify(list: Segment[]): Segment[] {
  for (const s of list) {
    if (linkHeavy(s)) s.cls = 'bad';
    else if (s.kind === 'code') s.cls = 'good';
    else if (s.text.length >= GOOD_LENGTH && !s.furniture) s.cls = sentenceLike(s.text) ? 'good' : 'near';
    else if (s.text.length < SHORT_LENGTH) s.cls = 'short';
    else s.cls = s.furniture ? 'bad' : 'near';
  }
  // Short and near-good segments take the class of their surroundings: kept between good
  // ones, dropped among bad ones. Headings look ahead only.
  const nearest = (from: number, step: number): SegmentClass | undefined => {
    for (let i = from + step, hops = 0; i >= 0 && i < list.length && hops < 8; i += step, hops++) {
      const c = list[i]!.cls;
      if (c === 'good' || c === 'bad') return c;
    }
    return undefined;
  };
  const resolved = list.map((s, i) => {
    if (s.cls === 'good' || s.cls === 'bad') return s.cls;
    const before = nearest(i, -1);
    const after = nearest(i, 1);
    if (s.kind === 'heading') return after === 'good' ? 'good' : 'bad';
    if (before === 'good' && after === 'good') return 'good';
    if (s.cls === 'near' && (before === 'good' || after === 'good')) return 'good';
    return 'bad';
  });
  list.forEach((s, i) => (s.cls = resolved[i]!));
  return list;
}

/** Mostly link text (a menu, a list of related links), or furniture with links in it. */
function linkHeavy(s: Segment): boolean {
  const density = s.linkChars / s.text.length;
  if (s.furniture && density > 0.1) return true;
  return density > 0.5 || (density > 0.25 && s.text.length < 200);
}

/**
 * The page's segments less the link-heavy ones: the page read whole, as far as it is text
 * rather than menus and link lists, without choosing a main part of it.
 */
export function textSegments(body: DensityNode): Segment[] {
  return segments(body).filter((s) => !linkHeavy(s));
}

function sentenceLike(text: string): boolean {
  // Prose has sentence punctuation; a run of names or figures has little (CJK stops count too).
  return /[.!?;:,。！？，、]/.test(text);
}

export interface DensityResult {
  segments: Segment[];
  /** The element chosen as the main content. */
  root: DensityNode;
  goodChars: number;
}

/**
 * The main content: the element that holds the most good text for the least bad text, and
 * its kept segments. Undefined when the page has no good text at all.
 */
export function densityExtract(body: DensityNode): DensityResult | undefined {
  const list = classify(segments(body));
  const totalGood = list.reduce((n, s) => n + (s.cls === 'good' ? s.text.length : 0), 0);
  if (totalGood === 0) return undefined;
  // Good and bad characters of each element's subtree, summed up from each segment's owner.
  const good = new Map<DensityNode, number>();
  const bad = new Map<DensityNode, number>();
  for (const s of list) {
    const into = s.cls === 'good' ? good : bad;
    const n = s.cls === 'good' ? s.text.length : Math.max(s.text.length, s.linkChars);
    for (let el: DensityNode | null = s.element; el; el = el.parentNode) {
      into.set(el, (into.get(el) ?? 0) + n);
      if (el === body) break;
    }
  }
  let root = body;
  let best = -Infinity;
  for (const [el, g] of good) {
    // Enough of the page's good text to be its main part, and little else.
    if (g < totalGood * 0.5) continue;
    const score = g - 1.5 * (bad.get(el) ?? 0) + g * 0.5 * (g / totalGood);
    if (score > best) {
      best = score;
      root = el;
    }
  }
  const inside = list.filter((s) => s.cls === 'good' && within(s.element, root, body));
  return { segments: inside, root, goodChars: totalGood };
}

function within(node: DensityNode, root: DensityNode, body: DensityNode): boolean {
  for (let el: DensityNode | null = node; el; el = el.parentNode) {
    if (el === root) return true;
    if (el === body) return root === body;
  }
  return false;
}
