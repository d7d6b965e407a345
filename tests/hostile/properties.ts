import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Article } from '../../src/article.js';
import { parseFeedText } from '../../src/parse/feed.js';
import { parseHtml } from '../../src/parse/html.js';
import { parseJson } from '../../src/parse/json.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { parsePlainText } from '../../src/parse/text.js';
import { extractQuotes } from '../../src/quotes/index.js';
import { needsSanitizing } from '../../src/text/sanitize.js';
import { textWidth, wrapArticle } from '../../src/text/wrap.js';
import { makeArticle } from '../../src/article.js';
import { expectRendersAsItself, hostileArticle } from './markdown-render.js';
import { PAYLOADS, UNSAFE_OUTPUT } from './payloads.js';

// Properties shared by the test suite (a few hundred cases each) and `npm run fuzz` (a long
// campaign): random and mutated inputs never throw, never hang, and every article that comes
// out satisfies the Article invariant.

const ROOT = join(import.meta.dirname, '..', '..');
const seeds = readdirSync(join(ROOT, 'examples')).map((name) => ({ name, text: readFileSync(join(ROOT, 'examples', name), 'utf8') }));
const seedsOf = (ext: string) => seeds.filter((s) => s.name.endsWith(ext)).map((s) => s.text);

const FEED_SEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Seed Feed</title><link>https://example.com/</link>
<item><title>First entry</title><link>https://example.com/1</link><description>&lt;p&gt;“A quote,” she said.&lt;/p&gt;</description><pubDate>Tue, 02 Apr 2024 10:00:00 GMT</pubDate></item>
<item><title>Second entry</title><link>/2</link><description>Plain summary text.</description></item></channel></rss>`;

/** One edit to an input: insert a hostile or random string, delete or repeat a span. */
type Mutation = { at: number; kind: 'insert'; text: string } | { at: number; kind: 'delete' | 'repeat'; length: number };

const hostileText = fc.oneof(
  fc.constantFrom(...PAYLOADS.map((p) => p.raw), '"', '“', '”', '«', '»', "'", '\n\n', '<', '>', '&#27;', '\\u001b', '---\n', '# ', '> ', '\ud800', '\u0301'.repeat(50), '\u200b'.repeat(50)),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), kind: fc.constant('insert' as const), text: hostileText }),
  fc.record({ at: fc.nat(), kind: fc.constantFrom('delete' as const, 'repeat' as const), length: fc.integer({ min: 1, max: 400 }) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else out = out.slice(0, at + m.length) + out.slice(at, at + m.length) + out.slice(at + m.length);
  }
  return out;
}

/** A random input: mutated seeds of the format, or a random string. */
function inputs(seedTexts: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...seedTexts), fc.array(mutation, { maxLength: 8 })).map(([seed, ms]) => mutate(seed, ms)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
    { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 30 }).map((parts) => parts.join(' ')) },
  );
}

/** Throws when an article breaks the invariant. */
export function checkArticle(article: Article): void {
  const fields = [
    article.id, article.source, article.url, article.title, article.byline, article.siteName, article.published,
    article.section, article.excerpt, article.lang, article.text, ...article.tags, ...article.credits,
    ...article.blocks.flatMap((b) => [b.text, ...(b.items ?? [])]),
    ...article.links.flatMap((l) => [l.text, l.url]),
  ];
  for (const value of fields) {
    if (value === undefined) continue;
    if (UNSAFE_OUTPUT.test(value)) throw new Error(`unsafe character in ${JSON.stringify(value.slice(0, 80))}`);
    // What is kept only in context (a joiner between letters) must be in its context.
    if (needsSanitizing(value)) throw new Error(`unsanitized text in ${JSON.stringify(value.slice(0, 80))}`);
    if (!value.isWellFormed()) throw new Error('lone surrogate in a field');
  }
  if (article.text !== article.blocks.map((b) => b.text).join('\n\n')) throw new Error('text does not match blocks');
  if (!/^[0-9a-f]{16}$/.test(article.id)) throw new Error('bad id');
}

/** A parser's failure is fine when it is an ordinary Error with a message (one line to the user). */
async function parsesOrRejects(run: () => Promise<Article[]> | Article[]): Promise<void> {
  let articles: Article[];
  try {
    articles = await run();
  } catch (error) {
    if (error instanceof RangeError) throw error; // stack overflow: a crash, not a clean rejection
    if (!(error instanceof Error) || !error.message) throw new Error(`rejected without a message: ${String(error)}`);
    return;
  }
  articles.forEach(checkArticle);
}

export interface Property {
  name: string;
  property: fc.IAsyncProperty<[string]> | fc.IAsyncProperty<[string, number]> | fc.IAsyncProperty<[Article]>;
}

export const PROPERTIES: Property[] = [
  { name: 'plain-text parser', property: fc.asyncProperty(inputs(seedsOf('.txt')), async (text) => parsesOrRejects(() => [parsePlainText(text, 'fuzz.txt')])) },
  { name: 'Markdown parser', property: fc.asyncProperty(inputs(seedsOf('.md')), async (text) => parsesOrRejects(() => [parseMarkdown(text, 'fuzz.md')])) },
  { name: 'HTML parser', property: fc.asyncProperty(inputs(seedsOf('.html')), async (text) => parsesOrRejects(() => parseHtml(text, 'fuzz.html').then((a) => [a]))) },
  { name: 'JSON parser', property: fc.asyncProperty(fc.oneof(inputs(seedsOf('.json')), fc.json()), async (text) => parsesOrRejects(() => parseJson(text, 'fuzz.json'))) },
  { name: 'feed parser', property: fc.asyncProperty(inputs([FEED_SEED]), async (text) => parsesOrRejects(() => parseFeedText(text, 'fuzz.xml'))) },
  {
    name: 'quote engine',
    property: fc.asyncProperty(inputs(seeds.map((s) => s.text)), async (text) => {
      const quotes = extractQuotes(text, { indirect: true });
      for (const q of quotes) {
        if (!(q.start >= 0 && q.start < q.end && q.end <= text.length)) throw new Error(`bad span ${q.start}-${q.end}`);
      }
    }),
  },
  {
    name: 'Markdown export',
    property: fc.asyncProperty(hostileArticle, async (article) => expectRendersAsItself(article)),
  },
  {
    name: 'reader wrapper',
    property: fc.asyncProperty(inputs(seeds.map((s) => s.text)), fc.integer({ min: 4, max: 140 }), async (text, width) => {
      const article = makeArticle({ source: 'w', title: text.slice(0, 200), blocks: text.split('\n\n').map((t, i) => ({ type: i % 5 === 3 ? 'list' : i % 7 === 4 ? 'quote' : 'paragraph', text: t })) });
      for (const line of wrapArticle(article, width, { title: article.title, meta: 'meta' })) {
        const columns = textWidth(line.prefix + line.text);
        if (columns > width) throw new Error(`line of ${columns} columns at width ${width}`);
        if (line.src >= 0 && article.text.slice(line.src, line.src + line.text.length) !== line.text) throw new Error('line does not map to the text');
      }
    }),
  },
];
