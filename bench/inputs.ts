// Large inputs the benchmarks generate for themselves (and delete afterwards).

const WORDS =
  'the council said on tuesday that harbour bridge would reopen after repairs costing more than expected residents welcomed news but asked why work took so long engineers found rust deeper in steel than surveys showed'.split(
    ' ',
  );

/** A plain-text article of about `bytes` bytes, with a quotation every few paragraphs. */
export function bigArticle(bytes: number): string {
  const parts = ['A Very Long Article Made For Timing The Reader'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const words = Array.from({ length: 60 + (i % 40) }, (_, w) => WORDS[(i * 7 + w * 3) % WORDS.length]);
    let paragraph = `${words.join(' ')}.`;
    if (i % 5 === 0) paragraph += ` "We will finish the work by spring," said engineer Dana Whitfield.`;
    parts.push(paragraph.charAt(0).toUpperCase() + paragraph.slice(1));
    size += paragraph.length + 2;
  }
  return parts.join('\n\n');
}

/** `count` small articles as one JSON array, the shape inkwire reads from scrapers. */
export function manyArticles(count: number): string {
  const records = Array.from({ length: count }, (_, i) => ({
    title: `Article ${i + 1}: ${WORDS[i % WORDS.length]} ${WORDS[(i * 5) % WORDS.length]} ${WORDS[(i * 11) % WORDS.length]}`,
    text: `Paragraph one of article ${i + 1}.\n\nParagraph two, "with a quote," said someone.`,
    url: `https://example.org/news/${i + 1}`,
    siteName: `Site ${i % 97}`,
    date: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  }));
  return JSON.stringify(records);
}
