import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isatty } from 'node:tty';
import vm from 'node:vm';
import { cacheFolder, cacheName, readCache, writeCache } from './code-cache.js';

// The bin, dist/cli.js: runs the start-up file (dist/startup.js, built from src/cli.tsx) from
// V8's code cache of an earlier run. Compiling that file and the functions the first frame
// calls is about a third of inkwire's own time before the first frame, and Node 20 has no
// compile cache (Node 22's module.enableCompileCache only covers what loads after the call,
// not the file that makes it). V8 refuses a cache made by another V8 or with other flags; the
// file is then compiled as without one, and the cache written again.

/** Set by scripts/build.mjs: a hash of dist/startup.js, so a cache never meets other code. */
declare const INKWIRE_STARTUP_ID: string;

/** How much more a terminal run's cache must hold to replace the one it read. */
const GROWN = 1.1;

function run(): void {
  // This file is bundled as CommonJS, where __dirname is the folder it runs from (dist/).
  const file = join(__dirname, 'startup.js');
  const folder = cacheFolder(process.env);
  const name = cacheName(INKWIRE_STARTUP_ID);
  const cached = folder ? readCache(folder, name) : undefined;
  // The file is one function expression (scripts/build.mjs wraps the bundle), called below
  // with what a CommonJS module is called with and the loader of the lazy modules.
  const script = new vm.Script(readFileSync(file, 'utf8'), { filename: file, cachedData: cached });
  if (folder) {
    // By the end of a run the functions it called are compiled, and the cache keeps them too.
    // A run on a terminal may have called more than the run that wrote the cache (the reader
    // after a first `inkwire list | less`): its cache, holding more, takes the place.
    const stale = cached === undefined || script.cachedDataRejected === true;
    const had = cached?.length ?? 0;
    process.once('exit', () => {
      if (!stale && !isatty(1)) return;
      // About 2 ms, once the run is over; sizes differ by a few bytes from run to run.
      const data = script.createCachedData();
      if (stale || data.length > GROWN * had) writeCache(folder, name, data);
    });
  }
  const module = { exports: {} };
  // A script has no loader for import(): the build turns the start-up file's into calls of
  // this one, which resolves them from here (dist/, beside startup.js).
  const load = (specifier: string): Promise<unknown> => import(specifier);
  script.runInThisContext()(module.exports, createRequire(file), module, file, __dirname, load);
}

run();
