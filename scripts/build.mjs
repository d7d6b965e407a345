// Minified ESM bundles: Ink loaded unbundled costs ~0.5 s before the first frame.
import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inkOutputCache } from './ink-output-cache.mjs';
import { lazyFsPromises } from './lazy-fs-promises.mjs';
import { lazySegmenter, lazyStringWidth } from './lazy-segmenter.mjs';
import { linkedomLeanNodes } from './linkedom-lean-nodes.mjs';
import { asAscii, asStartupScript } from './startup-script.mjs';
import { bundledPackages, noticesText } from './third-party-notices.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Ink loads React devtools only when DEV=true, but through a static import that a bundle would
// hoist; a stand-in module keeps the bundle self-contained without shipping the devtools.
const noDevtools = {
  name: 'no-react-devtools',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export default { initialize() {}, connectToDevTools() {} };',
      loader: 'js',
    }));
  },
};

// Yoga's WebAssembly loader asks `typeof fetch`, and in Node 20 that first look at fetch
// loads undici (65 ms before the first frame), only to fetch a data: URL it could decode
// itself. Answering "no fetch" takes its synchronous base64 path instead.
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/].*\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const patched = source.replaceAll('"function"!=typeof fetch', 'true');
      if (patched === source) throw new Error(`yoga-without-fetch: no fetch check found in ${path}; review the patch`);
      return { contents: patched, loader: 'js' };
    });
  },
};

// Ink 6.8's incremental renderer moves the cursor up one line too few when the frame ends in
// a newline, which every frame shorter than the terminal does, so each update would land a row
// low and scroll the screen. From the line below such a frame, its top is as many lines up as
// the frame has.
const inkIncrementalFix = {
  name: 'ink-incremental-fix',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /ink[\\/]build[\\/]log-update\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const broken = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
      if (!source.includes(broken)) throw new Error(`ink-incremental-fix: ${path} changed; review the patch`);
      const fixed = "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));";
      return { contents: source.replace(broken, fixed), loader: 'js' };
    });
  },
};

// inkwire's frame is as tall as the terminal, its status bar on the last row. Ink 6.8 writes
// such a frame without a trailing newline (so nothing scrolls) but then redraws the whole
// screen for every later frame, after ESC[3J, which also erases the terminal's scrollback
// (vadimdemedes/ink#450, #935). As in Ink 7, a frame that exactly fills the terminal is
// updated line by line like any other, and only one taller than the terminal (the old frame
// while a resize shrinks it) is drawn again from a blank screen; blanked without ESC[3J,
// because inkwire draws on the alternate screen and the shell's scrollback is the user's.
const inkFullHeight = {
  name: 'ink-full-height',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /ink[\\/]build[\\/]ink\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const swaps = [
        ['if (this.lastOutputHeight >= this.options.stdout.rows) {', 'if (this.lastOutputHeight > this.options.stdout.rows) {'],
        ['this.options.stdout.write(ansiEscapes.clearTerminal + this.fullStaticOutput + output);', "this.options.stdout.write('\\x1b[2J\\x1b[H' + this.fullStaticOutput + output);"],
      ];
      let patched = source;
      for (const [from, to] of swaps) {
        if (patched.split(from).length !== 2) throw new Error(`ink-full-height: ${path} changed; review the patch`);
        patched = patched.replace(from, to);
      }
      return { contents: patched, loader: 'js' };
    });
  },
};

// Reaching the first frame of `inkwire FILE` must load as little as possible, and every ES
// module costs its own resolve, read and link (measured: twenty small ones about 10 ms more
// than one). So the start-up path (the command line, reading files, the first state and the
// painted frame) is one file, dist/cli.js; everything it imports dynamically (commander and
// the other commands, Ink and the interface, the quote engine, HTML, feeds, the web, the
// bookmark store) is built apart under dist/lazy/, split into chunks loaded on first use.
// Modules used on both sides exist once in each; classes whose instances cross between them
// must not be told apart by identity (see InkwireError).
/** Dynamic imports bundled into the start-up file: it needs them before the first frame. */
const STARTUP = new Set(['io/keyboard', 'app/run', 'store/bookmarks/deferred', 'parse/text', 'parse/json', 'sources/json-file']);
// Worker threads are started by path, never imported: the people index's (app/people.ts),
// the one that keeps opened articles in the library (app/record-opened.ts) and the second
// thread of a batch of quotes (commands/quote-batch.ts) and of a big folder (sources/folder-share.ts).
const lazyEntries = new Set([
  resolve('src/people/people-worker.ts'),
  resolve('src/library/record-worker.ts'),
  resolve('src/commands/quote-worker.ts'),
  resolve('src/sources/folder-worker.ts'),
]);

function sourceFile(resolveDir, path) {
  const base = resolve(resolveDir, path).replace(/\.js$/, '');
  const found = ['.ts', '.tsx'].map((ext) => base + ext).find((file) => existsSync(file));
  if (!found) throw new Error(`build: cannot find the source of ${path} (from ${resolveDir})`);
  return found;
}

const startupSplit = {
  name: 'startup-split',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      if (!args.path.startsWith('.')) {
        return { errors: [{ text: `start-up code imports the package ${args.path} dynamically; import a local module that imports it` }] };
      }
      const file = sourceFile(args.resolveDir, args.path);
      const name = relative('src', file).replace(/\.tsx?$/, '').split(sep).join('/');
      if (STARTUP.has(name)) return undefined;
      lazyEntries.add(file);
      return { path: `./lazy/${name}.js`, external: true };
    });
  },
};

/** `import("./lazy/…")` as `__inkwireImport("./lazy/…")`; any other import() is a build error. */
function withLazyImportsFromBin(text) {
  const turned = text.replaceAll('import("./lazy/', '__inkwireImport("./lazy/');
  if (/\bimport\(/.test(turned)) throw new Error('build: the start-up file has an import() the bin cannot serve');
  return turned;
}

// Everything is bundled except what package.json lists under `dependencies`: those are the
// packages that cannot be (native modules such as better-sqlite3), installed beside dist/ by
// `npm i -g`. Every bundled library is a devDependency, so an install pulls nothing unused.
// To keep a package external, add it to `dependencies`; this list follows.
const EXTERNAL = Object.keys(pkg.dependencies ?? {}).flatMap((name) => [name, `${name}/*`]);

const common = {
  bundle: true,
  external: EXTERNAL,
  metafile: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: process.env.INKWIRE_NO_MINIFY !== '1',
  sourcemap: false,
  legalComments: 'none',
  jsx: 'automatic',
  define: {
    'process.env.NODE_ENV': '"production"',
    INKWIRE_VERSION: JSON.stringify(pkg.version),
  },
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __inkwireCreateRequire } from 'node:module';",
      'const require = __inkwireCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  logLevel: 'warning',
};

// Built beside dist/ and swapped in, so a CLI running from dist/ (a test, a reader left open)
// never finds its chunks half written or gone.
const staging = `dist.building-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
// CommonJS, so reaching the first frame does not wait for Node's ES module loader to start
// (it starts with the first dynamic import, after the frame); dist/package.json says so.
const startupFile = join(staging, 'startup.js');
const startup = await build({
  ...common,
  format: 'cjs',
  entryPoints: ['src/cli.tsx'],
  outfile: startupFile,
  plugins: [startupSplit, lazyStringWidth({ emoji: true }), lazyFsPromises],
  banner: {},
});
// The bin runs the start-up file as a script from V8's code cache (src/boot/bin.ts), and a
// script has no loader for import(): its lazy imports call the one the bin passes in.
const startupText = asStartupScript(asAscii(withLazyImportsFromBin(readFileSync(startupFile, 'utf8'))));
writeFileSync(startupFile, startupText);
const bin = await build({
  ...common,
  format: 'cjs',
  entryPoints: ['src/boot/bin.ts'],
  outfile: join(staging, 'cli.js'),
  banner: { js: '#!/usr/bin/env node' },
  define: { ...common.define, INKWIRE_STARTUP_ID: JSON.stringify(createHash('sha256').update(startupText).digest('hex').slice(0, 16)) },
});
writeFileSync(join(staging, 'package.json'), '{ "type": "commonjs" }\n');
const lazy = await build({
  ...common,
  entryPoints: [...lazyEntries],
  outdir: join(staging, 'lazy'),
  outbase: 'src',
  entryNames: '[dir]/[name]',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [noDevtools, yogaWithoutFetch, inkIncrementalFix, inkFullHeight, inkOutputCache, lazySegmenter, linkedomLeanNodes],
});
writeFileSync(join(staging, 'lazy', 'package.json'), '{ "type": "module" }\n');
// The man page, written by the program's own code (src/docs/man-entry.ts) from the commander
// definition and the keymap: bundled to a scratch module, run, and removed.
const manEntry = join(staging, 'man-entry.mjs');
await build({ ...common, entryPoints: ['src/docs/man-entry.ts'], outfile: manEntry, metafile: false, minify: false, banner: common.banner, plugins: [noDevtools] });
const { builtManPage } = await import(pathToFileURL(resolve(manEntry)).href);
const sourceDate = process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date();
writeFileSync(join(staging, 'inkwire.1'), builtManPage(sourceDate));
rmSync(manEntry);
writeFileSync(join(staging, 'THIRD-PARTY-NOTICES'), noticesText(bundledPackages([startup.metafile, bin.metafile, lazy.metafile])));
chmodSync(join(staging, 'cli.js'), 0o755);
const old = `dist.old-${process.pid}`;
if (existsSync('dist')) renameSync('dist', old);
renameSync(staging, 'dist');
rmSync(old, { recursive: true, force: true });
