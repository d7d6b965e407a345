// npm run bench:quotes [-- --split train] [-- --worst K]: the quote engine scored on PolNeAR.

import { existsSync } from 'node:fs';
import { quoteFigures } from './quotes-figures.js';
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
const split = flag('--split') === 'train' ? 'train' : 'dev';
const worst = Number(flag('--worst') ?? 0);
const f = await quoteFigures({ split, worst });
process.stdout.write(f.report);
const pct = (x: number): string => (100 * x).toFixed(1);
console.log(
  `\ninkwire quotes on PolNeAR ${f.split} (${f.articles} articles): ` +
    `F1 ${pct(f.f1)}  P ${pct(f.precision)}  R ${pct(f.recall)}  speaker ${pct(f.speakerAccuracy)}  ` +
    `throughput ${f.mbPerSecond.toFixed(1)} MB/s (train split in ${f.trainSeconds.toFixed(2)} s)`,
);
