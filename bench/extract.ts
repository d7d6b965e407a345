// npm run bench:extract [-- --worst N] [-- --no-baseline]: extraction quality and speed.
import { extractionFigures, hasCorpus } from './extract-figures.js';

const args = process.argv.slice(2);
const worstIndex = args.indexOf('--worst');
const worstCount = worstIndex >= 0 ? Number(args[worstIndex + 1] ?? 10) : 0;

if (!hasCorpus()) {
  console.log('bench:extract skipped: ../shared/corpus/article-extraction-benchmark or the scorer is missing');
} else {
  const f = await extractionFigures({ skipBaseline: args.includes('--no-baseline') });
  const fixed = (n: number) => n.toFixed(3);
  console.log(`article-extraction-benchmark, ${f.pages} pages`);
  console.log(`  F1 ${fixed(f.f1)}   precision ${fixed(f.precision)}   recall ${fixed(f.recall)}   accuracy ${fixed(f.accuracy)}`);
  console.log('  published: Readability.js 0.6 F1 0.947, trafilatura 2.0 0.958, rs_trafilatura 0.970; target ≥ 0.965');
  const baseline = f.readabilityJsdomPagesPerSecond;
  console.log(
    `  speed: inkwire ${f.pagesPerSecond.toFixed(1)} pages/s` +
      (baseline ? `, Readability on jsdom ${baseline.toFixed(1)} pages/s (${(f.pagesPerSecond / baseline).toFixed(2)}×; target ≥ 3×)` : ''),
  );
  console.log(`readability-test-pages: title equals expected on ${f.titleMatches}/${f.titlePages} (${((100 * f.titleMatches) / f.titlePages).toFixed(1)}%; target ≥ 95%), ${f.titleThrows.length} threw`);
  for (const line of f.titleThrows) console.log(`  threw: ${line}`);
  if (worstCount > 0) {
    console.log(`worst ${worstCount} pages by F1:`);
    for (const p of f.worst.slice(0, worstCount)) console.log(`  ${p.f1.toFixed(3)} P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)}  ${p.id.slice(0, 12)}  ${p.url}`);
    for (const m of f.titleMismatches.slice(0, worstCount)) console.log(`  title ${m.page}: expected "${m.expected}", got "${m.got}"`);
  }
}
