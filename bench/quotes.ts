// npm run bench:quotes [-- --worst K] [-- --split dev|train]: the quote engine scored on
// PolNeAR through `inkwire quotes DIR --json`, dev and train, and its throughput.

import { existsSync } from 'node:fs';
import { hasOutletGold, outletFigures } from './outlets-figures.js';
import { quoteFigures, quoteThroughput, type QuoteFigures, type Split } from './quotes-figures.js';
import { SHARED } from './util.js';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

if (!existsSync(SHARED)) {
  console.error(`inkwire bench: ${SHARED} is missing; the quote corpus lives there`);
  process.exit(1);
}
const only = flag('--split');
const splits: Split[] = only === 'dev' || only === 'train' ? [only] : ['dev', 'train'];
const worst = Number(flag('--worst') ?? 0);
const pct = (x: number): string => (100 * x).toFixed(1);
const line = (f: QuoteFigures): string =>
  `PolNeAR ${f.split.padEnd(5)} (${f.articles} articles): F1 ${pct(f.f1)}  P ${pct(f.precision)}  R ${pct(f.recall)}  speaker ${pct(f.speakerAccuracy)}`;

const results: QuoteFigures[] = [];
for (const split of splits) {
  const f = await quoteFigures({ split, worst });
  if (worst > 0) process.stdout.write(`\n# ${split}\n${f.report}`);
  results.push(f);
}
const speed = await quoteThroughput();
console.log('\ninkwire quotes DIR --json, scored by ../shared/bench/score-quotes.mjs:');
for (const f of results) console.log(`  ${line(f)}`);
if (hasOutletGold()) {
  const o = await outletFigures();
  console.log(
    `  other outlets (${o.articles} hand-labelled articles, ${o.quotes} quotes): F1 ${pct(o.f1)}  speaker (strict, resolved) ${pct(o.speakerAccuracy)}  pronouns ${pct(o.pronounAccuracy)}`,
  );
}
console.log(
  `  throughput: ${speed.mbPerSecond.toFixed(2)} MB/s (train split, ${speed.megabytes.toFixed(1)} MB in ${speed.seconds.toFixed(2)} s, one process); on one thread ${speed.oneThread.mbPerSecond.toFixed(2)} MB/s; load average ${speed.load.toFixed(2)}`,
);
