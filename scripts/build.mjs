// One minified ESM bundle: Ink loaded unbundled costs ~0.5 s before the first frame.
import { build } from 'esbuild';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { inkOutputCache } from './ink-output-cache.mjs';
import { lazySegmenter } from './lazy-segmenter.mjs';

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
// a newline, which every frame shorter than the terminal does (inkwire's are rows - 1 high),
// so each update would land a row low and scroll the screen. From the line below such a
// frame, its top is as many lines up as the frame has.
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

// Built beside dist/ and swapped in, so a CLI running from dist/ (a test, a reader left open)
// never finds its chunks half written or gone.
const staging = `dist.building-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.tsx'],
  outdir: staging,
  // The entry holds what every command needs; Ink, HTML extraction, feeds and the bookmark
  // store sit in chunks that load the first time a command asks for them, so no command
  // pays to compile code it never runs.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: process.env.INKWIRE_NO_MINIFY !== "1",
  sourcemap: false,
  legalComments: 'none',
  jsx: 'automatic',
  define: {
    'process.env.NODE_ENV': '"production"',
    INKWIRE_VERSION: JSON.stringify(pkg.version),
  },
  plugins: [noDevtools, yogaWithoutFetch, inkIncrementalFix, inkOutputCache, lazySegmenter],
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __inkwireCreateRequire } from 'node:module';",
      'const require = __inkwireCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  logLevel: 'warning',
});
chmodSync(join(staging, 'cli.js'), 0o755);
const old = `dist.old-${process.pid}`;
if (existsSync('dist')) renameSync('dist', old);
renameSync(staging, 'dist');
rmSync(old, { recursive: true, force: true });
