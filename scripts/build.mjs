// One minified ESM bundle: Ink loaded unbundled costs ~0.5 s before the first frame.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

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

await build({
  entryPoints: ['src/cli.tsx'],
  outfile: 'dist/cli.js',
  bundle: true,
  splitting: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  jsx: 'automatic',
  define: {
    'process.env.NODE_ENV': '"production"',
    INKWIRE_VERSION: JSON.stringify(pkg.version),
  },
  plugins: [noDevtools],
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __inkwireCreateRequire } from 'node:module';",
      'const require = __inkwireCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);
