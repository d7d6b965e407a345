import { DEFAULT_READ_OPTIONS, readSources } from './commands/read-run.js';
import { guarded, processDeps } from './commands/shared.js';
import { plainSources } from './commands/plain-sources.js';

async function main(): Promise<void> {
  const deps = processDeps();
  const sources = plainSources(process.argv.slice(2));
  if (sources) {
    await guarded(deps, () => readSources(sources, DEFAULT_READ_OPTIONS, deps));
    return;
  }
  await (await import('./program.js')).runProgram(deps, process.argv);
}

// Not a top-level await: the start-up bundle is CommonJS (scripts/build.mjs).
void main();
