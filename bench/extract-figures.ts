// Extraction figures on ../shared/corpus, all in one run:
// - body text on the article extraction benchmark (181 news pages, scored by
//   ../shared/bench/score-extraction.mjs: shingle F1, means over pages),
// - body text on WCXB's dev split (1,358 varied pages: articles, forums, products, listings,
//   documentation; scored by its own ../shared/corpus/wcxb-dev/score-wcxb.mjs: word F1), overall
//   and by page type,
// - pages per second of inkwire's HTML-to-article path over both sets (optionally against
//   @mozilla/readability on jsdom over the Zyte pages),
// all through the built bundle's HTML parser (dist/lazy/parse/html.js, what the CLI loads), so
// the patches the build applies to dependencies are measured with it.
// - titles, bylines and published dates against the expected metadata of Readability's test pages.
// Used by `npm run bench:extract` and the project-wide bench table.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { publicationDate, publicationInstant } from '../src/parse/dates.js';
import type { parseHtml as ParseHtml } from '../src/parse/html.js';
import { ROOT, SHARED, type Figure } from './util.js';

const benchmarkDir = path.join(SHARED, 'corpus', 'article-extraction-benchmark');
const wcxbDir = path.join(SHARED, 'corpus', 'wcxb-dev');
const testPagesDir = path.join(SHARED, 'corpus', 'readability-test-pages');
const scorerPath = path.join(SHARED, 'bench', 'score-extraction.mjs');
const wcxbScorerPath = path.join(wcxbDir, 'score-wcxb.mjs');
const builtHtmlPath = path.join(ROOT, 'dist', 'lazy', 'parse', 'html.js');

/** The HTML parser as built (run `npm run build` first; the bench scripts do). */
async function builtParseHtml(): Promise<typeof ParseHtml> {
  if (!existsSync(builtHtmlPath)) throw new Error(`${builtHtmlPath} is missing: run npm run build first`);
  return ((await import(pathToFileURL(builtHtmlPath).href)) as { parseHtml: typeof ParseHtml }).parseHtml;
}

export interface PageScore {
  set: 'zyte' | 'wcxb';
  id: string;
  url: string;
  type?: string;
  precision: number;
  recall: number;
  f1: number;
}

export interface SetScore {
  pages: number;
  f1: number;
  precision: number;
  recall: number;
}

export interface MetadataCheck {
  pages: number;
  matches: number;
  misses: Array<{ page: string; expected: string; got: string }>;
}

export interface ExtractionFigures {
  zyte: SetScore & { accuracy: number };
  /** Undefined when ../shared/corpus/wcxb-dev is absent. */
  wcxb?: SetScore & { byType: Record<string, SetScore> };
  /** inkwire's HTML path over both sets, pages per second (one process, sequential). */
  pagesPerSecond: number;
  /** The same pages per second of CPU time (user + system), which other work on the machine does not slow. */
  pagesPerCpuSecond: number;
  speedPages: number;
  /** @mozilla/readability on jsdom over the Zyte pages; only when asked for. */
  readabilityJsdomPagesPerSecond?: number;
  zytePagesPerSecond: number;
  titles: MetadataCheck;
  bylines: MetadataCheck;
  dates: MetadataCheck;
  throws: string[];
  /** Lowest page F1 first, per set. */
  worst: PageScore[];
}

// The scorers are plain JavaScript shared with other tools; only the parts used here are typed.
interface ScoreRow {
  id: string;
  precision: number;
  recall: number;
  f1: number;
}
interface ZyteScorer {
  scoreAll(truth: Map<string, string>, pred: Map<string, string>): ScoreRow[];
  aggregate(rows: ScoreRow[]): { f1: number; precision: number; recall: number; accuracy: number };
}
interface WcxbTruth {
  url: string;
  main: string;
  type: string;
}
interface WcxbScorer {
  loadTruth(split: string): Record<string, WcxbTruth>;
  scoreAll(truth: Record<string, WcxbTruth>, preds: Record<string, string>, type?: string): SetScore & { rows: Array<ScoreRow & { type: string; url: string }> };
}

export function hasCorpus(): boolean {
  return existsSync(path.join(benchmarkDir, 'ground-truth.json')) && existsSync(scorerPath);
}

interface BenchPage {
  id: string;
  url: string;
  /** The gzipped page, read when it is timed: 1,500 pages held at once (half a gigabyte of
   * strings) made the collector, not the extractor, most of the time measured. */
  file: string;
}

function readPage(page: BenchPage): string {
  return gunzipSync(readFileSync(page.file)).toString('utf8');
}

function loadZyte(): Array<BenchPage & { truth: string }> {
  const truth = JSON.parse(readFileSync(path.join(benchmarkDir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.entries(truth).map(([id, entry]) => ({
    id,
    url: entry.url,
    file: path.join(benchmarkDir, 'html', `${id}.html.gz`),
    truth: entry.articleBody,
  }));
}

function loadWcxb(truth: Record<string, WcxbTruth>): BenchPage[] {
  return Object.entries(truth).map(([id, entry]) => ({
    id,
    url: entry.url,
    file: path.join(wcxbDir, 'dev', 'html', `${id}.html.gz`),
  }));
}

export interface ExtractionOptions {
  /** Also time @mozilla/readability on jsdom over the Zyte pages (slow). */
  baseline?: boolean;
  /** Write each set's predictions as JSON into this folder (for the scorers' own command lines). */
  dumpDir?: string;
}

export async function extractionFigures(options: ExtractionOptions = {}): Promise<ExtractionFigures> {
  const zyteScorer = (await import(pathToFileURL(scorerPath).href)) as ZyteScorer;
  const wcxbScorer = existsSync(wcxbScorerPath) ? ((await import(pathToFileURL(wcxbScorerPath).href)) as WcxbScorer) : undefined;
  const zytePages = loadZyte();
  const wcxbTruth = wcxbScorer?.loadTruth('dev');
  const wcxbPages = wcxbTruth ? loadWcxb(wcxbTruth) : [];
  const throws: string[] = [];
  const parseHtml = await builtParseHtml();

  const ours = async (page: BenchPage, html: string): Promise<string> => {
    try {
      return (await parseHtml(html, page.id, { url: page.url })).text;
    } catch (error) {
      throws.push(`${page.id}: ${(error as Error).message}`);
      return '';
    }
  };
  // Warm the lazy imports and the JIT before timing.
  for (const page of zytePages.slice(0, 3)) await ours(page, readPage(page));

  const run = async (pages: BenchPage[]) => {
    const predictions = new Map<string, string>();
    let ms = 0;
    let cpuMs = 0;
    for (const page of pages) {
      const html = readPage(page);
      const cpu = process.cpuUsage();
      const start = performance.now();
      predictions.set(page.id, await ours(page, html));
      ms += performance.now() - start;
      const used = process.cpuUsage(cpu);
      cpuMs += (used.user + used.system) / 1000;
    }
    return { predictions, ms, cpuMs };
  };
  const zyteRun = await run(zytePages);
  const wcxbRun = await run(wcxbPages);

  const zyteRows = zyteScorer.scoreAll(new Map(zytePages.map((p) => [p.id, p.truth])), zyteRun.predictions);
  const zyteTotal = zyteScorer.aggregate(zyteRows);
  const zyteUrls = new Map(zytePages.map((p) => [p.id, p.url]));
  const worst: PageScore[] = [...zyteRows]
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, 15)
    .map((r) => ({ set: 'zyte', id: r.id, url: zyteUrls.get(r.id) ?? '', precision: r.precision, recall: r.recall, f1: r.f1 }));

  let wcxb: ExtractionFigures['wcxb'];
  if (wcxbScorer && wcxbTruth) {
    const preds = Object.fromEntries(wcxbRun.predictions);
    const all = wcxbScorer.scoreAll(wcxbTruth, preds);
    const byType: Record<string, SetScore> = {};
    for (const type of [...new Set(Object.values(wcxbTruth).map((t) => t.type))].sort()) {
      const s = wcxbScorer.scoreAll(wcxbTruth, preds, type);
      byType[type] = { pages: s.pages, f1: s.f1, precision: s.precision, recall: s.recall };
    }
    wcxb = { pages: all.pages, f1: all.f1, precision: all.precision, recall: all.recall, byType };
    worst.push(
      ...[...all.rows]
        .sort((a, b) => a.f1 - b.f1)
        .slice(0, 30)
        .map((r) => ({ set: 'wcxb' as const, id: r.id, url: r.url, type: r.type, precision: r.precision, recall: r.recall, f1: r.f1 })),
    );
  }
  if (options.dumpDir) {
    writeFileSync(path.join(options.dumpDir, 'zyte-predictions.json'), JSON.stringify(Object.fromEntries([...zyteRun.predictions].map(([id, text]) => [id, { articleBody: text }]))));
    writeFileSync(path.join(options.dumpDir, 'wcxb-predictions.json'), JSON.stringify(Object.fromEntries(wcxbRun.predictions)));
  }

  const baseline = options.baseline ? await readabilityOnJsdom() : undefined;
  let baselineMs = 0;
  if (baseline) {
    for (const page of zytePages) {
      const html = readPage(page);
      const start = performance.now();
      baseline(page, html);
      baselineMs += performance.now() - start;
    }
  }

  const speedPages = zytePages.length + wcxbPages.length;
  return {
    zyte: { pages: zytePages.length, ...zyteTotal },
    wcxb,
    pagesPerSecond: speedPages / ((zyteRun.ms + wcxbRun.ms) / 1000),
    pagesPerCpuSecond: speedPages / ((zyteRun.cpuMs + wcxbRun.cpuMs) / 1000),
    speedPages,
    zytePagesPerSecond: zytePages.length / (zyteRun.ms / 1000),
    readabilityJsdomPagesPerSecond: baseline ? zytePages.length / (baselineMs / 1000) : undefined,
    ...(await metadataCheck(parseHtml, throws)),
    throws,
    worst,
  };
}

interface JsdomModule {
  JSDOM: new (html: string, options: { url: string; virtualConsole: unknown }) => { window: { document: Document; close(): void } };
  VirtualConsole: new () => unknown;
}

/** The reference: @mozilla/readability on jsdom, as its README shows, for one page. */
async function readabilityOnJsdom(): Promise<(page: BenchPage, html: string) => string> {
  // jsdom ships no type declarations (and @types/jsdom is not a dependency); the name goes
  // through a variable so the compiler does not look for them, and the two members used are typed.
  const jsdomName = 'jsdom';
  const [{ JSDOM, VirtualConsole }, { Readability }] = await Promise.all([import(jsdomName) as Promise<JsdomModule>, import('@mozilla/readability')]);
  // Silence jsdom's CSS and script complaints; they are not what is measured.
  const virtualConsole = new VirtualConsole();
  return (page, html) => {
    const dom = new JSDOM(html, { url: page.url, virtualConsole });
    const text = new Readability(dom.window.document).parse()?.textContent ?? '';
    dom.window.close();
    return text;
  };
}

interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  publishedTime?: string | null;
}

/** Title, byline and date of each of Readability's test pages against its expected metadata. */
async function metadataCheck(parseHtml: typeof ParseHtml, throws: string[]): Promise<Pick<ExtractionFigures, 'titles' | 'bylines' | 'dates'>> {
  const names = existsSync(testPagesDir) ? readdirSync(testPagesDir).sort() : [];
  const check = (): MetadataCheck => ({ pages: 0, matches: 0, misses: [] });
  const titles = check();
  const bylines = check();
  const dates = check();
  const tally = (c: MetadataCheck, page: string, expected: string, got: string, same: boolean) => {
    c.pages++;
    if (same) c.matches++;
    else c.misses.push({ page, expected, got });
  };
  for (const name of names) {
    const dir = path.join(testPagesDir, name);
    if (!existsSync(path.join(dir, 'expected-metadata.json'))) continue;
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata;
    const html = readFileSync(path.join(dir, 'source.html'), 'utf8');
    try {
      // Readability's tests run each page as if it lived at this address.
      const article = await parseHtml(html, name, { url: 'http://fakehost/test/page.html' });
      if (expected.title) tally(titles, name, expected.title, article.title, normalise(article.title) === normalise(expected.title));
      if (expected.byline) tally(bylines, name, expected.byline, article.byline ?? '', normalise(article.byline ?? '') === normalise(expected.byline));
      if (expected.publishedTime) {
        const want = publicationDate(expected.publishedTime);
        const got = article.published ?? '';
        tally(dates, name, expected.publishedTime, got, Boolean(want && got && publicationInstant(want) === publicationInstant(got)));
      }
    } catch (error) {
      throws.push(`${name}: ${(error as Error).message}`);
    }
  }
  return { titles, bylines, dates };
}

// Metadata is compared as a reader sees it: whitespace runs are one space.
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Rows for the bench tables (`npm run bench:extract` and the project-wide `npm run bench`). */
export function extractionFigureRows(f: ExtractionFigures): Figure[] {
  const rows: Figure[] = [
    { figure: `Zyte benchmark F1 (${f.zyte.pages} pages)`, value: round(f.zyte.f1), unit: '', baseline: 0.947, baselineLabel: 'Readability.js 0.6', target: '≥ 0.975', ok: f.zyte.f1 >= 0.975 },
    { figure: 'Zyte precision / recall', value: round(f.zyte.precision), unit: '', target: `recall ${f.zyte.recall.toFixed(3)}` },
  ];
  if (f.wcxb) {
    rows.push({ figure: `WCXB dev F1 (${f.wcxb.pages} pages)`, value: round(f.wcxb.f1), unit: '', target: '≥ 0.84', ok: f.wcxb.f1 >= 0.84 });
    rows.push({ figure: 'WCXB dev precision / recall', value: round(f.wcxb.precision), unit: '', target: `recall ${f.wcxb.recall.toFixed(3)}` });
    for (const [type, s] of Object.entries(f.wcxb.byType)) {
      const article = type === 'article';
      rows.push({ figure: `WCXB dev F1, ${type} (${s.pages})`, value: round(s.f1), unit: '', ...(article ? { target: '≥ 0.94', ok: s.f1 >= 0.94 } : {}) });
    }
  }
  rows.push({
    figure: `extraction speed (${f.speedPages} pages)`,
    value: Math.round(f.pagesPerSecond * 10) / 10,
    unit: 'pages/s',
    baseline: f.readabilityJsdomPagesPerSecond ? Math.round(f.readabilityJsdomPagesPerSecond * 10) / 10 : undefined,
    baselineLabel: 'Readability on jsdom, Zyte pages',
    target: '≥ 20 pages/s',
    ok: f.pagesPerSecond >= 20,
  });
  rows.push({ figure: `extraction speed, CPU time (user + system)`, value: Math.round(f.pagesPerCpuSecond * 10) / 10, unit: 'pages/s' });
  const share = (c: MetadataCheck, figure: string, target: number) =>
    rows.push({ figure: `${figure} (${c.matches}/${c.pages})`, value: c.matches, unit: '', target: `≥ ${target}/${c.pages}`, ok: c.matches >= target });
  share(f.titles, 'Readability test pages: title equals expected', 125);
  share(f.bylines, 'Readability test pages: byline equals expected', f.bylines.pages);
  share(f.dates, 'Readability test pages: published, same instant', f.dates.pages);
  rows.push({ figure: 'pages where extraction threw', value: f.throws.length, unit: '', target: '0', ok: f.throws.length === 0 });
  return rows;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
