import { readFileSync } from 'node:fs';

// string-width creates its Intl.Segmenter when it is imported, and the first Segmenter of a
// process loads ICU's break data: about 25 ms before the first frame, which measures most
// text without it (src/text/wrap.ts). Created on first use instead, it costs the same once
// something needs it, after the frame is up.
export const lazySegmenter = {
  name: 'lazy-segmenter',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /string-width[\\/]index\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const created = 'const segmenter = new Intl.Segmenter();';
      const used = 'segmenter.segment(string)';
      if (!source.includes(created) || source.split(used).length !== 2) {
        throw new Error(`lazy-segmenter: ${path} changed; review the patch`);
      }
      const patched = source.replace(created, 'let segmenter;').replace(used, '(segmenter ??= new Intl.Segmenter()).segment(string)');
      return { contents: patched, loader: 'js' };
    });
  },
};
