// npm run bench:extract [-- --worst N] [-- --baseline] [-- --dump DIR]: extraction quality
// (Zyte benchmark, WCXB dev), speed, and titles, bylines and dates, in one table.
import { extractionFigureRows, extractionFigures, hasCorpus } from './extract-figures.js';
import { printTable } from './table.js';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const worstCount = Number(option('--worst') ?? 0);

if (!hasCorpus()) {
  console.log('bench:extract skipped: ../shared/corpus/article-extraction-benchmark or the scorer is missing');
} else {
  const f = await extractionFigures({ baseline: args.includes('--baseline'), dumpDir: option('--dump') });
  printTable(extractionFigureRows(f));
  if (!f.wcxb) console.log('WCXB rows skipped: ../shared/corpus/wcxb-dev is missing');
  console.log('published for orientation: Zyte F1 Readability.js 0.6 0.947, trafilatura 2.0 0.958, rs_trafilatura 0.970');
  for (const line of f.throws) console.log(`threw: ${line}`);
  if (worstCount > 0) {
    console.log(`worst pages by F1 (up to ${worstCount} per set):`);
    for (const set of ['zyte', 'wcxb'] as const) {
      for (const p of f.worst.filter((w) => w.set === set).slice(0, worstCount)) {
        console.log(`  ${set} ${p.f1.toFixed(3)} P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)}  ${p.id.slice(0, 12)} ${p.type ?? ''} ${p.url}`);
      }
    }
    for (const [what, c] of [['title', f.titles], ['byline', f.bylines], ['published', f.dates]] as const) {
      for (const m of c.misses.slice(0, worstCount)) console.log(`  ${what} ${m.page}: expected "${m.expected}", got "${m.got}"`);
    }
  }
}
