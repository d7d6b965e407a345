// Boilerplate removal on the page's DOM before Readability scores it. What goes is told by
// the names pages give their parts (class, id, role, ARIA) and by structure, never by site:
// captions and credits, share and follow widgets, related-story and newsletter boxes, bylines
// and datelines, tag lists, comment sections and ads. A part that holds a large share of the
// page's paragraph text is kept whatever its name, so a misnamed article container (class
// "url-breadcrumb", "modal-enabled") survives.

export interface CleanElement {
  tagName: string;
  textContent: string | null;
  isConnected: boolean;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<CleanElement>;
  remove(): void;
}

export interface CleanDocument {
  querySelectorAll(selector: string): ArrayLike<CleanElement>;
}

// Matched against each class or id token split on - and _ (and camelCase), so `share-bar`,
// `social_links` and `relatedStories` match while `shareholder` or `adapt` do not.
const BOILERPLATE_WORDS = new Set([
  'caption', 'captions', 'credit', 'credits', 'figcaption', 'wp-caption-text',
  'share', 'sharing', 'sharebar', 'social', 'follow', 'sociallinks',
  'related', 'recommended', 'recommendations', 'recirc', 'outbrain', 'taboola', 'trending', 'popular', 'mostread',
  'newsletter', 'subscribe', 'subscription', 'signup', 'promo', 'promotion',
  'byline', 'bylines', 'dateline', 'timestamp', 'published', 'updated', 'pubdate',
  'tags', 'tag', 'keywords', 'topics', 'breadcrumb', 'breadcrumbs',
  'comments', 'comment', 'disqus', 'respond',
  'ad', 'ads', 'advert', 'adverts', 'advertisement', 'advertising', 'sponsor', 'sponsored', 'dfp', 'gpt',
  'gallery', 'slideshow', 'carousel', 'lightbox',
  'bio', 'authorbio', 'author', 'authors', 'contributor',
  'print', 'toolbar', 'tools', 'cookie', 'cookies', 'consent', 'gdpr', 'paywall', 'modal', 'popup', 'overlay',
]);

const REMOVE_TAGS = 'figcaption, aside, nav, footer, form, button, dialog, time';
const REMOVE_ROLES = /^(?:complementary|navigation|contentinfo|banner|dialog|alertdialog|search|menu|menubar|toolbar)$/i;

/** Removes boilerplate in place; returns how many elements went. */
export function removeBoilerplate(document: CleanDocument): number {
  const total = paragraphText(document);
  const limit = Math.max(total * 0.3, 200);
  let removed = 0;
  const drop = (el: CleanElement) => {
    // Inside a part already removed: linkedom keeps nodes in one linked list, and removing a
    // node of a detached subtree again would splice the live document.
    if (!el.isConnected) return;
    if (el.tagName !== 'P' && paragraphText(el) > limit) return;
    el.remove();
    removed++;
  };
  for (const el of Array.from(document.querySelectorAll(REMOVE_TAGS))) drop(el);
  for (const el of Array.from(document.querySelectorAll('[class], [id], [role], [aria-hidden], [hidden], [itemprop]'))) {
    if (isBoilerplate(el)) drop(el);
  }
  return removed;
}

function paragraphText(root: { querySelectorAll(selector: string): ArrayLike<CleanElement> }): number {
  let length = 0;
  for (const p of Array.from(root.querySelectorAll('p'))) length += p.textContent?.length ?? 0;
  return length;
}

function isBoilerplate(el: CleanElement): boolean {
  if (el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'ARTICLE' || el.tagName === 'MAIN') return false;
  const role = el.getAttribute('role');
  if (role && REMOVE_ROLES.test(role)) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.getAttribute('hidden') !== null) return true;
  const itemprop = el.getAttribute('itemprop');
  if (itemprop && /^(?:author|datePublished|dateModified|caption|creditText|copyrightHolder|publisher)$/i.test(itemprop)) return true;
  return hasBoilerplateName(el.getAttribute('class')) || hasBoilerplateName(el.getAttribute('id'));
}

export function hasBoilerplateName(value: string | null): boolean {
  if (!value) return false;
  for (const token of value.split(/\s+/)) {
    if (!token) continue;
    const words = token
      .replace(/([a-z])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .split(/[-_:]+/);
    for (const word of words) if (BOILERPLATE_WORDS.has(word)) return true;
    if (BOILERPLATE_WORDS.has(token.toLowerCase().replace(/[-_]/g, ''))) return true;
  }
  return false;
}
