// Boilerplate removal on the page's DOM before Readability scores it. What goes is told by
// the names pages give their parts (class, id, role, ARIA) and by structure, never by site:
// captions and credits, share and follow widgets, related-story and newsletter boxes, bylines
// and datelines, tag lists, comment sections and ads. A part that holds a large share of the
// page's paragraph text is kept whatever its name, so a misnamed article container (class
// "url-breadcrumb", "modal-enabled") survives.

export interface CleanElement {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<CleanElement>;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<CleanElement>;
  remove(): void;
}

export interface CleanDocument {
  body: CleanElement | null;
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

const REMOVE_TAGS = new Set(['FIGCAPTION', 'ASIDE', 'NAV', 'FOOTER', 'FORM', 'BUTTON', 'DIALOG', 'TIME']);
const KEEP_TAGS = new Set(['BODY', 'HTML', 'ARTICLE', 'MAIN']);
const REMOVE_ROLES = /^(?:complementary|navigation|contentinfo|banner|dialog|alertdialog|search|menu|menubar|toolbar)$/i;
const REMOVE_ITEMPROPS = /^(?:author|datePublished|dateModified|caption|creditText|copyrightHolder|publisher)$/i;

/** Removes boilerplate in place, outermost parts first; returns how many elements went. */
export function removeBoilerplate(document: CleanDocument): number {
  if (!document.body) return 0;
  const limit = Math.max(paragraphText(document) * 0.3, 200);
  // Pages repeat the same class strings on many elements; judge each string once.
  const names = new Map<string, boolean>();
  const boilerplateName = (value: string | null) => {
    if (!value) return false;
    let known = names.get(value);
    if (known === undefined) names.set(value, (known = hasBoilerplateName(value)));
    return known;
  };
  const isBoilerplate = (el: CleanElement) =>
    !KEEP_TAGS.has(el.tagName) &&
    (REMOVE_TAGS.has(el.tagName) || hasBoilerplateRole(el) || boilerplateName(el.getAttribute('class')) || boilerplateName(el.getAttribute('id')));
  // The text length bounds the paragraph text from above and is cheaper to get.
  const holdsArticle = (el: CleanElement) => el.tagName !== 'P' && (el.textContent?.length ?? 0) > limit && paragraphText(el) > limit;

  let count = 0;
  // An explicit stack: hostile pages nest deeper than the call stack allows.
  const stack: CleanElement[] = [document.body];
  while (stack.length > 0) {
    const el = stack.pop()!;
    for (const child of Array.from(el.children)) {
      if (isBoilerplate(child) && !holdsArticle(child)) {
        child.remove();
        count++;
      } else {
        stack.push(child);
      }
    }
  }
  return count;
}

function paragraphText(root: { querySelectorAll(selector: string): ArrayLike<CleanElement> }): number {
  let length = 0;
  for (const p of Array.from(root.querySelectorAll('p'))) length += p.textContent?.length ?? 0;
  return length;
}

/** Boilerplate by role, visibility or microdata. */
function hasBoilerplateRole(el: CleanElement): boolean {
  const role = el.getAttribute('role');
  if (role && REMOVE_ROLES.test(role)) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.getAttribute('hidden') !== null) return true;
  const itemprop = el.getAttribute('itemprop');
  return Boolean(itemprop && REMOVE_ITEMPROPS.test(itemprop));
}

function hasBoilerplateName(value: string | null): boolean {
  if (!value) return false;
  for (const token of value.split(/\s+/)) {
    if (!token) continue;
    const words = token
      .replace(/([a-z])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .split(/[-_:]+/);
    // A long slug is a heading turned into an anchor ("sharing-with-other-developers"),
    // which names the section's subject, not its role.
    if (words.length > 4) continue;
    for (const word of words) if (BOILERPLATE_WORDS.has(word)) return true;
    if (BOILERPLATE_WORDS.has(token.toLowerCase().replace(/[-_]/g, ''))) return true;
  }
  return false;
}
