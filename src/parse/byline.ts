// The byline Readability would read on the page as it came, found without running it twice.
// Readability takes the byline from the page's metadata (JSON-LD, meta) first, and only
// without one from the first element of its text that says it is an author line. inkwire runs
// it on the page after boilerplate cleaning, which removes such elements, so that it would
// settle for a later one or none; the functions here find the one it would have read, with
// Readability's own judges of an element, before cleaning changes the page.

/** Readability's metadata reader, a private method of an instance (typed here, as it has none). */
export interface ReadabilityInternals {
  _getJSONLD(document: unknown): unknown;
  _getArticleMetadata(jsonld: unknown): { byline?: string | null };
}

/** The byline Readability reads from the page's metadata, if any (it reads no text then). */
export function readabilityMetadataByline(reader: ReadabilityInternals, document: unknown): string | undefined {
  try {
    return reader._getArticleMetadata(reader._getJSONLD(document)).byline?.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** An element as Readability's byline rules read it (linkedom's elements have all of this). */
export interface BylineElement {
  tagName: string;
  className: string;
  id: string;
  textContent: string | null;
  children: ArrayLike<BylineElement>;
  getAttribute(name: string): string | null;
}

/**
 * Readability's own judges of an element, taken from its prototype so that the walk below
 * agrees with it by construction rather than by a copy of its patterns.
 */
export interface BylineRules {
  REGEXPS: { unlikelyCandidates: RegExp; okMaybeItsACandidate: RegExp; byline: RegExp };
  UNLIKELY_ROLES: string[];
  _isProbablyVisible(node: BylineElement): boolean;
  _isValidByline(node: BylineElement, matchString: string): boolean;
  _hasAncestorTag(node: BylineElement, tagName: string): boolean;
}

const COMMENTS = /comment|disqus|replies|respond/i;
// Readability removes these before it walks the page.
const REMOVED_FIRST = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT']);

/**
 * The byline Readability would read from the text of the page as it came (when its metadata
 * has none): the first element in document order it finds valid, walking as its first pass
 * does, which never enters hidden parts, dialogs or unlikely candidates. With it, the byline
 * needs no second Readability run on the uncleaned page.
 */
export function readabilityTextByline(root: BylineElement | null | undefined, rules: BylineRules, stripUnlikely = true): string | undefined {
  if (!root) return undefined;
  try {
    return walk(root, rules, stripUnlikely);
  } catch {
    // An element Readability's judges cannot read (linkedom on hostile markup): no byline.
    return undefined;
  }
}

function walk(root: BylineElement, rules: BylineRules, stripUnlikely: boolean): string | undefined {
  const stack: BylineElement[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (REMOVED_FIRST.has(node.tagName)) continue;
    const matchString = `${node.className} ${node.id}`;
    // Its judge of visibility reads the style, which costs; without these attributes an
    // element is visible to it.
    const mayHide = node.getAttribute('style') !== null || node.getAttribute('hidden') !== null || node.getAttribute('aria-hidden') !== null;
    if (mayHide && !rules._isProbablyVisible.call(rules, node)) continue;
    if (node.getAttribute('aria-modal') === 'true' && node.getAttribute('role') === 'dialog') continue;
    // A commenter's name is never the article's byline, whatever pass reads it.
    if (!stripUnlikely && COMMENTS.test(matchString)) continue;
    // Its judge of a byline reads the element's whole text, which costs on every element: asked
    // only of one named for it, as the judge's own first condition says.
    const named = node.getAttribute('rel') === 'author' || node.getAttribute('itemprop')?.includes('author') || rules.REGEXPS.byline.test(matchString);
    if (named && rules._isValidByline.call(rules, node, matchString)) return (itemPropName(node) ?? node).textContent?.trim();
    if (
      stripUnlikely &&
      rules.REGEXPS.unlikelyCandidates.test(matchString) &&
      !rules.REGEXPS.okMaybeItsACandidate.test(matchString) &&
      !rules._hasAncestorTag.call(rules, node, 'table') &&
      !rules._hasAncestorTag.call(rules, node, 'code') &&
      node.tagName !== 'BODY' &&
      node.tagName !== 'A'
    ) {
      continue;
    }
    if (stripUnlikely && rules.UNLIKELY_ROLES.includes(node.getAttribute('role') ?? '')) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

/** As Readability: a descendant marked itemprop="name" names the author more exactly. */
function itemPropName(byline: BylineElement): BylineElement | undefined {
  const stack = Array.from(byline.children).reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.getAttribute('itemprop')?.includes('name')) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return undefined;
}
