import * as fsPromises from 'node:fs/promises';

// `node:fs/promises` loads eight of Node's own modules when it is required (its readline,
// watchers and directory handles among them), a millisecond and a half before the first frame,
// where the start-up file only needs it for folders, JSON arrays and writing. In the start-up
// file it is this stand-in instead: the same functions, each reaching `fs.promises` (which
// Node loads on first use) when called.
const NAMES = Object.keys(fsPromises).filter((name) => name !== 'default');

export const lazyFsPromises = {
  name: 'lazy-fs-promises',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(node:)?fs\/promises$/ }, () => ({ path: 'fs/promises', namespace: 'lazy-fs-promises' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'lazy-fs-promises' }, () => ({
      contents: [
        "import { constants as fsConstants, promises } from 'node:fs';",
        ...NAMES.map((name) =>
          name === 'constants' ? 'export const constants = fsConstants;' : `export const ${name} = (...args) => promises.${name}(...args);`,
        ),
      ].join('\n'),
      loader: 'js',
    }));
  },
};
