// Extraction figures on ../shared/corpus: body-text F1, precision and recall on the article
// extraction benchmark (scored by ../shared/bench/score-extraction.mjs), pages per second of
// inkwire's HTML-to-article path against @mozilla/readability on jsdom over the same pages,
// and the title check over Readability's test pages. Used by `npm run bench:extract` and the
// project-wide bench table.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseHtml } from '../src/parse/html.js';
import { SHARED, type Figure } from './util.js';

const benchmarkDir = path.join(SHARED, 'corpus', 'article-extraction-benchmark');
const testPagesDir = path.join(SHARED, 'corpus', 'readability-test-pages');
const scorerPath = path.join(SHARED, 'bench', 'score-extraction.mjs');

export interface PageScore {
  id: string;
  url: string;
  precision: number;
  recall: number;
  f1: number;
}

export interface ExtractionFigures {
  pages: number;
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  /** inkwire's HTML path, pages per second (one process, sequential, timed page by page). */
  pagesPerSecond: number;
  /** @mozilla/readability on jsdom over the same pages; undefined when skipped. */
  readabilityJsdomPagesPerSecond?: number;
  titlePages: number;
  titleMatches: number;
  titleThrows: string[];
  titleMismatches: Array<{ page: string; expected: string; got: string }>;
  /** Lowest page F1 first. */
  worst: PageScore[];
}

// The scorer is plain JavaScript shared with other tools; only the parts used here are typed.
interface ScoreRow {
  id: string;
  precision: number;
  recall: number;
  f1: number;
}
interface Scorer {
  scoreAll(truth: Map<string, string>, pred: Map<string, string>): ScoreRow[];
  aggregate(rows: ScoreRow[]): { f1: number; precision: number; recall: number; accuracy: number };
}

export function hasCorpus(): boolean {
  return existsSync(path.join(benchmarkDir, 'ground-truth.json')) && existsSync(scorerPath);
}

interface BenchPage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

function loadBenchmark(): BenchPage[] {
  const truth = JSON.parse(readFileSync(path.join(benchmarkDir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.entries(truth).map(([id, entry]) => ({
    id,
    url: entry.url,
    html: gunzipSync(readFileSync(path.join(benchmarkDir, 'html', `${id}.html.gz`))).toString('utf8'),
    truth: entry.articleBody,
  }));
}

export interface ExtractionOptions {
  /** Skip the (slow) Readability-on-jsdom timing. */
  skipBaseline?: boolean;
}

export async function extractionFigures(options: ExtractionOptions = {}): Promise<ExtractionFigures> {
  const scorer = (await import(pathToFileURL(scorerPath).href)) as Scorer;
  const pages = loadBenchmark();

  const baseline = options.skipBaseline ? undefined : await readabilityOnJsdom();
  const ours = async (page: BenchPage) => (await parseHtml(page.html, page.id, { url: page.url })).text;
  // Warm the lazy imports and the JIT of both before timing.
  for (const page of pages.slice(0, 3)) {
    await ours(page);
    baseline?.(page);
  }
  // Page by page, each path in turn, so a busy machine slows both alike and the ratio holds.
  const predictions = new Map<string, string>();
  let oursMs = 0;
  let baselineMs = 0;
  for (const page of pages) {
    let start = performance.now();
    predictions.set(page.id, await ours(page));
    oursMs += performance.now() - start;
    if (baseline) {
      start = performance.now();
      baseline(page);
      baselineMs += performance.now() - start;
    }
  }

  const rows = scorer.scoreAll(new Map(pages.map((p) => [p.id, p.truth])), predictions);
  const total = scorer.aggregate(rows);
  const urls = new Map(pages.map((p) => [p.id, p.url]));
  const worst = [...rows]
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, 15)
    .map((r) => ({ id: r.id, url: urls.get(r.id) ?? '', precision: r.precision, recall: r.recall, f1: r.f1 }));

  const titles = await titleCheck();
  return {
    pages: pages.length,
    f1: total.f1,
    precision: total.precision,
    recall: total.recall,
    accuracy: total.accuracy,
    pagesPerSecond: pages.length / (oursMs / 1000),
    readabilityJsdomPagesPerSecond: baseline ? pages.length / (baselineMs / 1000) : undefined,
    ...titles,
    worst,
  };
}

interface JsdomModule {
  JSDOM: new (html: string, options: { url: string; virtualConsole: unknown }) => { window: { document: Document; close(): void } };
  VirtualConsole: new () => unknown;
}

/** The reference: @mozilla/readability on jsdom, as its README shows, for one page. */
async function readabilityOnJsdom(): Promise<(page: BenchPage) => string> {
  // jsdom ships no type declarations (and @types/jsdom is not a dependency); the name goes
  // through a variable so the compiler does not look for them, and the two members used are typed.
  const jsdomName = 'jsdom';
  const [{ JSDOM, VirtualConsole }, { Readability }] = await Promise.all([import(jsdomName) as Promise<JsdomModule>, import('@mozilla/readability')]);
  // Silence jsdom's CSS and script complaints; they are not what is measured.
  const virtualConsole = new VirtualConsole();
  return (page) => {
    const dom = new JSDOM(page.html, { url: page.url, virtualConsole });
    const text = new Readability(dom.window.document).parse()?.textContent ?? '';
    dom.window.close();
    return text;
  };
}

async function titleCheck(): Promise<Pick<ExtractionFigures, 'titlePages' | 'titleMatches' | 'titleThrows' | 'titleMismatches'>> {
  const names = existsSync(testPagesDir) ? readdirSync(testPagesDir).sort() : [];
  let titlePages = 0;
  let titleMatches = 0;
  const titleThrows: string[] = [];
  const titleMismatches: ExtractionFigures['titleMismatches'] = [];
  for (const name of names) {
    const dir = path.join(testPagesDir, name);
    if (!existsSync(path.join(dir, 'expected-metadata.json'))) continue;
    const expected = (JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as { title?: string }).title ?? '';
    const html = readFileSync(path.join(dir, 'source.html'), 'utf8');
    titlePages++;
    try {
      // Readability's tests run each page as if it lived at this address.
      const article = await parseHtml(html, name, { url: 'http://fakehost/test/page.html' });
      if (normalise(article.title) === normalise(expected)) titleMatches++;
      else titleMismatches.push({ page: name, expected, got: article.title });
    } catch (error) {
      titleThrows.push(`${name}: ${(error as Error).message}`);
    }
  }
  return { titlePages, titleMatches, titleThrows, titleMismatches };
}

// Titles are compared as a reader sees them: whitespace runs are one space.
function normalise(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/** Rows for the project-wide bench table. */
export function extractionFigureRows(f: ExtractionFigures): Figure[] {
  const speedRatio = f.readabilityJsdomPagesPerSecond ? f.pagesPerSecond / f.readabilityJsdomPagesPerSecond : undefined;
  const titleShare = f.titlePages ? f.titleMatches / f.titlePages : 0;
  return [
    { figure: 'extraction F1 (181 pages)', value: round(f.f1), unit: '', baseline: 0.947, baselineLabel: 'Readability.js 0.6', target: '≥ 0.965', ok: f.f1 >= 0.965 },
    { figure: 'extraction precision', value: round(f.precision), unit: '' },
    { figure: 'extraction recall', value: round(f.recall), unit: '' },
    {
      figure: 'extraction speed',
      value: Math.round(f.pagesPerSecond * 10) / 10,
      unit: 'pages/s',
      baseline: f.readabilityJsdomPagesPerSecond ? Math.round(f.readabilityJsdomPagesPerSecond * 10) / 10 : undefined,
      baselineLabel: 'Readability on jsdom',
      target: '≥ 3× baseline',
      ok: speedRatio === undefined ? undefined : speedRatio >= 3,
    },
    {
      figure: 'title equals expected',
      value: Math.round(titleShare * 1000) / 10,
      unit: '%',
      target: '≥ 95%, no page throws',
      ok: titleShare >= 0.95 && f.titleThrows.length === 0,
    },
  ];
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
