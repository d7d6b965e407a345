import module from 'node:module';
import { readSources } from './commands/read-run.js';
import { guarded, processDeps } from './commands/shared.js';
import { plainStart } from './commands/plain-sources.js';

// Node 22 and later keep V8's compiled code of the modules loaded from here on (Ink, React,
// Yoga, the quote engine) between runs, in the system's temporary folder; Node 20 has no such
// cache. NODE_DISABLE_COMPILE_CACHE=1 turns it off, as Node documents.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

async function main(): Promise<void> {
  const deps = processDeps();
  const start = plainStart(process.argv.slice(2));
  if (start) {
    await guarded(deps, () => readSources(start.sources, start.options, deps));
    return;
  }
  await (await import('./program.js')).runProgram(deps, process.argv);
}

// Not a top-level await: the start-up bundle is CommonJS (scripts/build.mjs).
void main();
