import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

// dist/THIRD-PARTY-NOTICES: the licence of every package whose code went into the bundle,
// found from esbuild's metafile (the files it actually read), so a library added, dropped or
// tree-shaken away changes the notices with no list to keep by hand; and of the packages whose
// data a script generated into inkwire's own source (DATA_SOURCES), which no metafile shows.

/** Packages whose data is in src/ as generated files: scripts/word-classes.mjs, given-names.mjs. */
export const DATA_SOURCES = ['en-lexicon', 'gender-detection-from-name'];

const LICENCE_FILE = /^(?:licen[cs]e|copying|notice)(?:[.-].*)?$/i;

/** The folder of the package a bundled file belongs to (the nearest package.json with a name). */
function packageRoot(file) {
  let dir = dirname(file);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8'));
      if (name) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir || !dir.includes(`${sep}node_modules${sep}`)) return undefined;
    dir = parent;
  }
}

/** The packages (outside inkwire) whose files are inputs of the given metafiles, and `dataSources`. */
export function bundledPackages(metafiles, cwd = process.cwd(), dataSources = DATA_SOURCES) {
  const roots = new Set();
  for (const name of dataSources) roots.add(join(cwd, 'node_modules', name));
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      // Inputs of plugin namespaces (`stub:react-devtools-core`) are inkwire's own stand-ins.
      if (/^[a-z-]+:/.test(input) || !input.split(/[\\/]/).includes('node_modules')) continue;
      const root = packageRoot(resolve(cwd, input));
      if (root) roots.add(root);
    }
  }
  return [...roots]
    .map((root) => {
      const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      const files = readdirSync(root).filter((name) => LICENCE_FILE.test(name)).sort();
      const licence = typeof manifest.license === 'string' ? manifest.license : manifest.license?.type;
      return {
        name: manifest.name,
        version: manifest.version,
        licence: licence ?? 'UNKNOWN',
        texts: files.map((name) => readFileSync(join(root, name), 'utf8').trim()),
      };
    })
    .filter((entry, index, all) => all.findIndex((other) => other.name === entry.name && other.version === entry.version) === index)
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

export function noticesText(packages) {
  const header = [
    'inkwire bundles the following third-party software into dist/.',
    'Each is used under the licence reproduced below.',
    '',
    ...packages.map((entry) => `- ${entry.name} ${entry.version} (${entry.licence})`),
  ].join('\n');
  const sections = packages.map((entry) => {
    const title = `${entry.name} ${entry.version}, licence ${entry.licence}`;
    const text = entry.texts.length > 0 ? entry.texts.join('\n\n') : `(the package ships no licence file; its package.json says ${entry.licence})`;
    return `${'='.repeat(78)}\n${title}\n${'='.repeat(78)}\n\n${text}\n`;
  });
  return `${header}\n\n${sections.join('\n')}`;
}
