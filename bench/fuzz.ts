// `npm run fuzz [-- --seconds N]`: a long fuzzing campaign over the same properties the test
// suite runs briefly (tests/hostile/properties.ts). Prints cases per second for each, and
// the seed and counterexample of any failure so it can be replayed.
import fc from 'fast-check';
import { PROPERTIES } from '../tests/hostile/properties.js';

const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg > -1 ? Number(process.argv[secondsArg + 1]) : 30;
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error('inkwire fuzz: --seconds must be a positive number');
  process.exit(64);
}

let failed = 0;
console.log(`| property | cases | seconds | cases/s | result |\n| --- | --- | --- | --- | --- |`);
for (const { name, property } of PROPERTIES) {
  const seed = Date.now() ^ (Math.random() * 0x7fffffff);
  const start = performance.now();
  const details = await fc.check(property as fc.IAsyncProperty<[string]>, {
    seed,
    numRuns: Number.MAX_SAFE_INTEGER,
    interruptAfterTimeLimit: seconds * 1000,
    markInterruptAsFailure: false,
  });
  const elapsed = (performance.now() - start) / 1000;
  const result = details.failed ? `FAILED (seed ${seed}, path ${details.counterexamplePath}): ${String(details.errorInstance).slice(0, 200)}` : 'ok';
  if (details.failed) failed++;
  console.log(`| ${name} | ${details.numRuns} | ${elapsed.toFixed(1)} | ${(details.numRuns / elapsed).toFixed(0)} | ${result} |`);
}
process.exitCode = failed ? 1 : 0;
