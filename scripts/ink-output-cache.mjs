// Swaps Ink's output.js for scripts/ink-output.js (the same file with rows memoised across
// frames; it says why). The stand-in was written against exact originals: Ink's output.js, the
// styledCharsToString it copies from @alcalzone/ansi-tokenize and the tokenize whose results
// it reproduces for simple lines. Any other version of these fails the build instead of being
// replaced by code that never saw it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** sha256 of ink/build/output.js in Ink 6.8.0. */
const OUTPUT_SHA256 = 'de9078c7fc647c40cf9e32d6658fcbbee91dae9e3f6334e5f4ebfc5905fc401d';
/** sha256 of the files of @alcalzone/ansi-tokenize 0.2.5 that the stand-in relies on. */
const TOKENIZER_SHA256 = {
  'styledChars.js': '4b795be4e4b072f02f0bba951b6476ba0c25ba8be059d45a09de9582cef281c2',
  'tokenize.js': '2685ddc940a005fb589f2af2182e90349fbe000da0b302c89ebbe782d97ade0d',
};
const STAND_IN = new URL('./ink-output.js', import.meta.url);

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

export const inkOutputCache = {
  name: 'ink-output-cache',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /ink[\\/]build[\\/]output\.js$/ }, ({ path }) => {
      if (sha256(path) !== OUTPUT_SHA256) throw new Error(`ink-output-cache: ${path} changed; review scripts/ink-output.js against it`);
      // The stand-in's imports resolve from Ink's folder, so it gets Ink's own dependencies.
      const tokenizer = dirname(createRequire(path).resolve('@alcalzone/ansi-tokenize/package.json'));
      for (const [file, hash] of Object.entries(TOKENIZER_SHA256)) {
        const source = join(tokenizer, 'build', file);
        if (sha256(source) !== hash) throw new Error(`ink-output-cache: ${source} changed; review scripts/ink-output.js against it`);
      }
      return { contents: readFileSync(STAND_IN, 'utf8'), loader: 'js', resolveDir: dirname(path) };
    });
  },
};
