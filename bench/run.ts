// `npm run bench [-- --json] [-- --only NAME,…]`: every benchmark of the project, one table.
// Each figure is measured beside its baseline in the same run, so machine noise cancels in
// the ratio. Large inputs are generated into temporary folders and removed afterwards.
import { bigArticleFigures } from './big-article.js';
import { bookmarkFigures } from './bookmarks.js';
import { folderFigures } from './folders.js';
import { libraryFigures } from './library.js';
import { extractionFigureRows, extractionFigures, hasCorpus } from './extract-figures.js';
import { pageFigures } from './pages.js';
import { peopleFigures } from './people.js';
import { parseFigures } from './parse.js';
import { hasOutletGold, outletFigures } from './outlets-figures.js';
import { quoteFigures, quoteThroughput } from './quotes-figures.js';
import { startupFigures } from './startup.js';
import { renderTable } from './table.js';
import { benchUi } from './ui.js';
import { hasShared, type Figure } from './util.js';

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Through `inkwire quotes DIR --json`, as a user's script would get them (issue 12's targets). */
async function quoteRows(): Promise<Figure[]> {
  const dev = await quoteFigures({ split: 'dev' });
  const train = await quoteFigures({ split: 'train' });
  const speed = await quoteThroughput();
  const outlets = hasOutletGold() ? await outletFigures() : null;
  const outletRows: Figure[] = outlets
    ? [{ figure: `speaker accuracy, other outlets (${outlets.articles} hand-labelled articles, strict)`, value: round3(outlets.speakerAccuracy), unit: '', target: '≥ 0.92', ok: outlets.speakerAccuracy >= 0.92 }]
    : [];
  return [
    { figure: 'quote F1 (PolNeAR dev, CLI)', value: round3(dev.f1), unit: '', target: '≥ 0.965', ok: dev.f1 >= 0.965 },
    { figure: 'quote precision', value: round3(dev.precision), unit: '' },
    { figure: 'quote recall', value: round3(dev.recall), unit: '' },
    { figure: 'speaker accuracy (dev, named gold sources)', value: round3(dev.speakerAccuracy), unit: '', target: '≥ 0.92', ok: dev.speakerAccuracy >= 0.92 },
    { figure: 'quote F1 (PolNeAR train, CLI)', value: round3(train.f1), unit: '' },
    {
      figure: 'speaker accuracy (train)',
      value: round3(train.speakerAccuracy),
      unit: '',
      target: 'dev − 0.03 or better',
      ok: train.speakerAccuracy >= dev.speakerAccuracy - 0.03,
    },
    {
      figure: `inkwire quotes over the train split (${speed.megabytes.toFixed(1)} MB, one process)`,
      value: speed.mbPerSecond,
      unit: 'MB/s',
      target: '≥ 5 MB/s',
      ok: speed.mbPerSecond >= 5,
    },
    { figure: `the same on one thread (INKWIRE_THREADS=1; load average ${speed.load.toFixed(2)} before the runs)`, value: speed.oneThread.mbPerSecond, unit: 'MB/s' },
    ...outletRows,
  ];
}

const SUITES: Record<string, { needsShared?: boolean; run: () => Promise<Figure[]> }> = {
  parse: { run: parseFigures },
  pages: { run: pageFigures },
  quotes: { needsShared: true, run: quoteRows },
  extract: { needsShared: true, run: async () => (hasCorpus() ? extractionFigureRows(await extractionFigures()) : []) },
  startup: { run: startupFigures },
  big: { run: bigArticleFigures },
  ui: { run: benchUi },
  folders: { run: () => folderFigures() },
  bookmarks: { run: bookmarkFigures },
  library: { run: libraryFigures },
  people: { run: peopleFigures },
};

const json = process.argv.includes('--json');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > -1 ? new Set(process.argv[onlyAt + 1]?.split(',')) : null;

const figures: Figure[] = [];
for (const [name, suite] of Object.entries(SUITES)) {
  if (only && !only.has(name)) continue;
  if (suite.needsShared && !hasShared) {
    process.stderr.write(`bench: skipping ${name}: ../shared/corpus is not here\n`);
    continue;
  }
  process.stderr.write(`bench: ${name}…\n`);
  figures.push(...(await suite.run()));
}

process.stdout.write(json ? `${JSON.stringify(figures, null, 2)}\n` : renderTable(figures));
