import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/article.js';
import { chooseExtraction, cleanedHolds, type Extraction } from '../../src/parse/html-candidates.js';
import { parseHtml } from '../../src/parse/html.js';

const nav = '<nav><ul>' + ['Home', 'Forums', 'Latest', 'Members', 'Help'].map((w) => `<li><a href="/${w}">${w}</a></li>`).join('') + '</ul></nav>';

const replies = [
  'I switched to the smaller model last spring and the battery easily lasts two full days, even with the screen on the brightest setting most of the time.',
  'Mine had the same fault with the charging port. The shop replaced it under warranty within a week, so it is worth asking them before you pay for anything.',
  'For what it is worth, the firmware update in March fixed the Bluetooth drops for me; before that it lost the connection to my headphones every hour or so.',
  'I would wait for the autumn model. The current one is two years old now, and the price usually falls by a third as soon as the new one is announced.',
  'Check the strap size before buying online. The small strap fits wrists up to about 17 cm, and the large one is sold separately at a surprising price.',
  'After six months of daily runs the heart rate readings are still within a few beats of my chest strap, which is better than I expected at this price.',
];

describe('reader mode on pages that are not articles', () => {
  it('keeps every post of a forum thread, not only the first', async () => {
    const posts = replies
      .map((text, i) => `<div class="post"><div class="meta"><a href="/u/${i}">user${i}</a></div><div class="cooked"><p>${text}</p></div></div>`)
      .join('');
    const html = `<html><head><title>Which watch for running? - Forum</title></head><body>${nav}<main><h1>Which watch for running?</h1>${posts}</main><footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer></body></html>`;
    const article = await parseHtml(html, 'thread.html', { url: 'https://forum.example.org/t/1' });
    for (const text of replies) expect(article.text).toContain(text);
    expect(article.text).not.toContain('Privacy');
  });
});

// Items as a shop lists them: a name, a price and a few words each, too short for Readability
// to score as text.
const products = ['Harbour Mug', 'Tide Bowl', 'Reef Plate', 'Gull Jug', 'Dune Vase', 'Kelp Teapot', 'Shore Cup', 'Pier Platter', 'Salt Dish', 'Buoy Jar', 'Wave Tumbler', 'Cove Egg Cup', 'Quay Butter Dish', 'Net Colander', 'Anchor Pestle', 'Sail Oil Pourer'].map(
  (name, i) => [name, `${['sea blue', 'sand', 'slate', 'foam white'][i % 4]} glaze, ${200 + 50 * i} ml`] as const,
);

describe('pages that are one collection of many items', () => {
  const tiles = products.map(([name, text], i) => `<div class="tile"><div class="name">${name}</div><div class="price">£${18 + i}.00</div><div class="blurb">${text}</div><a href="/p/${i}">View</a></div>`).join('');
  const intro = '<section class="intro"><p>Every piece in our tableware range is thrown and glazed in our studio by the harbour, in small batches, so each one differs a little from the photograph in its colour and its shape.</p><p>We ship within three working days, packed in recycled paper, and take back any piece that arrives broken, with no questions asked and no forms to fill in.</p></section>';
  const shop = (type: string) => `<html><head><title>Tableware - Harbour Pottery</title><meta property="og:type" content="${type}"></head><body>${nav}<main><div class="category-head"><h1>Tableware</h1>${intro}</div><div class="product-grid"><div class="row">${tiles}</div></div></main><footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer></body></html>`;

  it('reads a shop category whole: every item, not only its introduction', async () => {
    const article = await parseHtml(shop('website'), 'tableware.html', { url: 'https://shop.example.org/tableware' });
    for (const [name, text] of products) {
      expect(article.text).toContain(name);
      expect(article.text).toContain(text);
    }
    expect(article.text).not.toContain('Privacy');
  });
});

// A listing as news sites print one: linked headlines and their dates under a short
// introduction, a link every 20 to 25 characters of the page's text.
const headlines = ['Ferry timetable', 'Pier repairs', 'Harbour fees', 'Lifeboat day', 'Fish market', 'Tide tables', 'Sea wall', 'Beach clean', 'Sailing club', 'Lighthouse', 'Coast path', 'Boat show', 'Harbour bus', 'Crab season', 'Rowing race', 'Marina shop', 'Old customs house', 'Swim club'];
const entries = [...headlines, ...headlines].map((headline, i) => ({ headline, date: `${(i % 28) + 1} May`, href: `/news/${i}` }));

describe('pages read whole', () => {
  it('leaves out the link lists left on a page that is not a listing, keeping every item', async () => {
    const tiles = products.map(([name, text], i) => `<div class="tile"><div class="name">${name}</div><div class="price">£${18 + i}.00</div><div class="blurb">${text}</div><a href="/p/${i}">View</a></div>`).join('');
    const intro = '<section class="intro"><p>Every piece in our tableware range is thrown and glazed in our studio by the harbour, in small batches, so each one differs a little from the photograph in its colour and its shape.</p><p>We ship within three working days, packed in recycled paper, and take back any piece that arrives broken, with no questions asked and no forms to fill in.</p></section>';
    const more = ['Gift cards', 'Care guide', 'Trade enquiries', 'Studio visits', 'Seconds sale', 'Wholesale'].map((q) => `<li><a href="/${q}">${q}</a></li>`).join('');
    const html = `<html><head><title>Tableware - Harbour Pottery</title><meta property="og:type" content="website"></head><body>${nav}<main><div class="category-head"><h1>Tableware</h1>${intro}</div><div class="product-grid"><div class="row">${tiles}</div></div><div class="more"><h3>More from the studio</h3><ul>${more}</ul></div></main></body></html>`;
    const article = await parseHtml(html, 'tableware.html', { url: 'https://shop.example.org/tableware' });
    expect(article.text).toContain('We ship within three working days');
    products.forEach(([name, text], i) => {
      expect(article.text).toContain(name);
      expect(article.text).toContain(`£${18 + i}.00`);
      expect(article.text).toContain(text);
    });
    expect(article.text).not.toMatch(/\bView\b/);
    expect(article.text).not.toContain('Gift cards');
    expect(article.text).not.toContain('Wholesale');
    // The links are still the article's, for the reader's link list.
    expect(article.links.map((l) => l.text)).toContain('Wholesale');
  });
});

describe('pages that list many links', () => {
  const items = entries.map((e) => `<div class="entry"><h3><a href="${e.href}">${e.headline}</a></h3><span class="date">${e.date}</span></div>`).join('');
  const intro =
    '<section class="intro"><p>News from the harbour and the town around it, gathered every morning by the volunteers of the harbour society, and sent to members by post once a month.</p>' +
    '<p>Send us your own news by the form on the contact page, or leave a note at the harbour office, which is open every weekday.</p></section>';
  const html = `<html><head><title>Latest news - Harbour Society</title><meta property="og:type" content="website"></head><body>${nav}<main><div class="news-head"><h1>Latest news</h1>${intro}</div><div class="entries">${items}</div></main><footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer></body></html>`;

  it('reads a listing of linked headlines whole: every entry, not only the introduction', async () => {
    const article = await parseHtml(html, 'news.html', { url: 'https://harbour.example.org/news' });
    expect(article.text).toContain('Send us your own news');
    for (const e of entries) expect(article.text).toContain(`${e.headline}\n\n${e.date}`);
    expect(article.text).not.toContain('Privacy');
  });
});

describe('reader mode metadata', () => {
  it('takes the byline and date from the page metadata even where cleaning removes the byline line', async () => {
    const body = replies.map((t) => `<p>${t}</p>`).join('');
    const html = `<html><head><title>Watches</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Watches","author":{"@type":"Person","name":"Ana Ruiz"},"datePublished":"2026-03-14T09:00:00-05:00"}</script>
</head><body><article><div class="byline">By Ana Ruiz</div>${body}</article></body></html>`;
    const article = await parseHtml(html, 'watches.html', { url: 'https://news.example.org/watches' });
    expect(article.byline).toBe('Ana Ruiz');
    expect(article.published).toBe('2026-03-14T09:00:00-05:00');
    expect(article.text).not.toContain('By Ana Ruiz');
    for (const text of replies) expect(article.text).toContain(text);
  });

  it('takes the first byline line of the text where the page has no metadata for it, though cleaning removes that line', async () => {
    const body = replies.map((t) => `<p>${t}</p>`).join('');
    const html = `<html><head><title>Watches</title></head><body><article><div class="byline">Ana Ruiz</div>${body}<p class="author">Photo editor: Ben Cole</p></article></body></html>`;
    const article = await parseHtml(html, 'watches.html', { url: 'https://news.example.org/watches' });
    expect(article.byline).toBe('Ana Ruiz');
  });

  it('takes a byline from a part named as furniture when the page has no other, but never a commenter', async () => {
    const body = replies.map((t) => `<p>${t}</p>`).join('');
    const header = `<div class="entry-header"><h1>Watches</h1><a rel="author" href="/by/ana">Ana Ruiz</a></div>`;
    const comments = `<div class="comments"><div class="comment"><span class="comment-author">Sam Roe</span><p>Nice one.</p></div></div>`;
    const withHeader = await parseHtml(`<html><head><title>Watches</title></head><body><article>${header}${body}</article>${comments}</body></html>`, 'a.html', {});
    expect(withHeader.byline).toBe('Ana Ruiz');
    const commentsOnly = await parseHtml(`<html><head><title>Watches</title></head><body><article>${body}</article>${comments}</body></html>`, 'b.html', {});
    expect(commentsOnly.byline).toBeUndefined();
  });
});

describe('pages built by scripts', () => {
  it('reads the text a page keeps in <noscript> when the page itself is an empty shell', async () => {
    const posts = replies.map((t) => `<div class="post"><p>${t}</p></div>`).join('');
    const html = `<html><head><title>Thread</title></head><body><div id="splash"><div class="dots"></div></div><script>boot()</script><noscript><div id="main-outlet"><h1>Which watch for running?</h1>${posts}</div></noscript></body></html>`;
    const article = await parseHtml(html, 'shell.html', { url: 'https://forum.example.org/t/2' });
    for (const text of replies) expect(article.text).toContain(text);
  });

  it('leaves <noscript> out on a page with text of its own', async () => {
    const body = replies.map((t) => `<p>${t}</p>`).join('');
    const html = `<html><head><title>Watches</title></head><body><article>${body}</article><noscript><p>Please enable JavaScript in your browser to use all the features of this site, including comments and the store.</p></noscript></body></html>`;
    const article = await parseHtml(html, 'page.html', { url: 'https://news.example.org/w' });
    expect(article.text).toContain(replies[0]);
    expect(article.text).not.toContain('enable JavaScript');
  });
});

describe('choosing between candidates', () => {
  const extraction = (texts: string[], commentLength = 0): Extraction => {
    const blocks: Block[] = texts.map((text) => ({ type: 'paragraph', text }));
    return { result: null, blocks, links: [], linksCut: false, length: texts.join('').length, commentLength };
  };
  // Body-length paragraphs (the choice weighs paragraphs of 150 characters and more).
  const long = replies.map((t) => `${t} ${t}`);
  const post = long.slice(0, 1);
  const rest = long.slice(1);

  it('keeps a short post when what the density pass adds is its comment section', () => {
    const cleaned = extraction(post);
    const density = extraction([...post, ...rest], rest.join('').length);
    expect(chooseExtraction({ cleaned, density })).toBe(cleaned);
  });

  it('reads a thread whole when Readability kept only its first posts', () => {
    const cleaned = extraction(post);
    const density = extraction([...post, ...rest]);
    expect(chooseExtraction({ cleaned, density })).toBe(density);
  });

  it('reads the text of an article page when Readability kept under a fifth of it', () => {
    const lead = extraction([long[0]!]);
    const pageText = extraction(long);
    const page = extraction(['Home Recipes Baking About', ...long]);
    expect(chooseExtraction({ cleaned: lead, page, pageText, article: true })).toBe(pageText);
    // Not where the reading holds more of it, nor on a page that does not say it is an article
    // (there the page whole is weighed instead).
    const most = extraction(long.slice(0, 2));
    expect(chooseExtraction({ cleaned: most, page, pageText, article: true })).toBe(most);
    expect(chooseExtraction({ cleaned: lead, pageText, article: false })).toBe(lead);
  });

  it('reads the main part the density pass found of a page read whole when it has many blocks', () => {
    const intro = extraction(['Welcome to the running forum, where members have talked about watches, shoes and routes since 2009, in more than forty thousand threads.'.repeat(2)]);
    const thread = (n: number) => extraction(Array.from({ length: n }, (_, i) => `${replies[i % replies.length]!} (reply ${i + 1})`));
    const whole = (n: number) => {
      const posts = thread(n).blocks.map((b) => b.text);
      const texts = [intro.blocks[0]!.text, ...posts, 'Popular this week', 'Shoes for wet trails'];
      return { page: extraction(texts), pageText: extraction(texts.slice(0, -2)) };
    };
    // The page read whole, its text not link text: the thread of 20 posts, not the sidebar with it.
    const many = thread(20);
    expect(chooseExtraction({ cleaned: intro, density: many, ...whole(20) })).toBe(many);
    // A main part of a few blocks is not the page: its text is read.
    const few = whole(8);
    expect(chooseExtraction({ cleaned: intro, density: thread(8), ...few })).toBe(few.pageText);
  });

  it('reads a page of short items whole where Readability kept a run of them', () => {
    const items = products.map(([name, text]) => `${name}: ${text}`);
    const run = extraction(items);
    const page = extraction(['Tableware', ...items, 'Delivery and returns']);
    expect(chooseExtraction({ cleaned: run, page })).toBe(page);
    // Not where the reading has body-length paragraphs, nor on a page that says it is an article.
    const text = extraction(long);
    expect(chooseExtraction({ cleaned: text, page: extraction(['Tableware', ...long, 'Delivery and returns']) })).toBe(text);
    expect(chooseExtraction({ cleaned: run, page, article: true })).toBe(run);
  });

  it('takes the raw extraction when the cleaned one is a fragment', () => {
    const cleaned = extraction([replies[0]!.slice(0, 120)]);
    const raw = extraction(replies.map((t) => t.slice(0, 120)));
    expect(cleanedHolds(cleaned, undefined, 0)).toBe(false);
    expect(chooseExtraction({ cleaned, raw })).toBe(raw);
  });
});
