// One minified ESM bundle: Ink loaded unbundled costs ~0.5 s before the first frame.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

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
  // Ink pulls optional devtools only when DEV is set; keep it out of the bundle.
  external: ['react-devtools-core'],
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
