// Speaker accuracy on news from other outlets: bench/gold/outlets.json holds the team's own
// labels for 40 articles of the article-extraction benchmark in ../shared, as character
// ranges into each article's text. The texts are read from ../shared at run time, written as
// .txt files, read by `inkwire quotes DIR --json` in one process, and scored with the strict
// rule of ../shared/bench/score-quotes.mjs (format b: the resolved speaker must be the name).

import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CLI, ROOT, SHARED } from './util.js';

const run = promisify(execFile);
const BUFFER = 64 << 20;
const labels = path.join(ROOT, 'bench', 'gold', 'outlets.json');
const texts = path.join(SHARED, 'corpus', 'article-extraction-benchmark', 'ground-truth.json');
const scorer = path.join(SHARED, 'bench', 'score-quotes.mjs');

interface Labels {
  articles: { id: string; benchmarkId: string; url: string; quotes: (Record<string, unknown> & { pieces: [number, number][] })[] }[];
}

export interface OutletFigures {
  articles: number;
  quotes: number;
  f1: number;
  speakerAccuracy: number;
  pronounAccuracy: number;
}

export function hasOutletGold(): boolean {
  return existsSync(labels) && existsSync(texts);
}

/** The CLI's figures on the hand-labelled articles. */
export async function outletFigures(): Promise<OutletFigures> {
  const gold = JSON.parse(readFileSync(labels, 'utf8')) as Labels;
  const bodies = JSON.parse(readFileSync(texts, 'utf8')) as Record<string, { articleBody: string }>;
  const tmp = await mkdtemp(path.join(tmpdir(), 'inkwire-outlets-'));
  try {
    const dir = path.join(tmp, 'articles');
    await mkdir(dir);
    const articles = [];
    for (const a of gold.articles) {
      const body = bodies[a.benchmarkId]!.articleBody;
      await writeFile(path.join(dir, `${a.id}.txt`), body);
      const quotes = a.quotes.map(({ pieces, ...rest }) => ({ ...rest, text: pieces.map(([s, e]) => body.slice(s, e)).join(' ') }));
      articles.push({ id: a.id, file: `articles/${a.id}.txt`, url: a.url, quotes });
    }
    const goldFile = path.join(tmp, 'gold.json');
    await writeFile(goldFile, JSON.stringify({ articles }));
    const pred = path.join(tmp, 'predictions.json');
    await writeFile(pred, (await run(process.execPath, [CLI, 'quotes', dir, '--json'], { maxBuffer: BUFFER })).stdout);
    const { stdout } = await run(process.execPath, [scorer, '--gold', goldFile, '--pred', pred, '--json'], { maxBuffer: BUFFER });
    const summary = (JSON.parse(stdout) as { summary: Summary }).summary;
    return {
      articles: summary.articles,
      quotes: summary.overlap50.tp + summary.overlap50.fn,
      f1: summary.overlap50.f1,
      speakerAccuracy: summary.speaker.accuracy,
      pronounAccuracy: summary.speaker.pronounAccuracy,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

interface Summary {
  articles: number;
  overlap50: { tp: number; fn: number; f1: number };
  speaker: { accuracy: number; pronounAccuracy: number };
}
