// Two small patches to linkedom 0.18, each the size of an upstream pull request, applied when
// the bundle is built. Reader mode builds a DOM of every page (often two) and Readability walks
// it again and again, so what linkedom allocates per node is paid tens of thousands of times a
// page; measured on a third of the extraction benchmark's pages, with the figures in the commit.
// - Every node (elements, text, attributes) is an EventTarget, and its constructor gives it
//   an entry in a WeakMap holding a new Map of listeners, though hardly any page node ever
//   gets a listener: the Map is made on the first addEventListener instead (every reader of
//   it already allows for none).
// - The class attribute was mirrored into a DOMTokenList (a Set of its tokens, joined again
//   into the attribute) for every element the parser gave one, and className built that list
//   to join its tokens; Readability and the boilerplate passes ask for the class of every
//   element. The parser now leaves the attribute as written and className reads it, as in
//   browsers; classList is built from it when first asked for, and keeps it in step as before.
// A version whose source differs from what these patches were written against fails the
// build instead of being patched blind.
import { readFileSync } from 'node:fs';

const PATCHES = [
  {
    file: /linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/,
    swaps: [
      ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {}'],
      ['    const map = wm.get(this);\n    if (!map.has(type)) \n      map.set(type, new Map);', '    let map = wm.get(this);\n    if (!map)\n      wm.set(this, map = new Map);\n    if (!map.has(type))\n      map.set(type, new Map);'],
      ['    const map = wm.get(this);\n    if (map.has(type)) {', '    const map = wm.get(this);\n    if (map && map.has(type)) {'],
    ],
  },
  {
    file: /linkedom[\\/]esm[\\/]interface[\\/]element\.js$/,
    swaps: [["  get className() { return this.classList.value; }", "  get className() { const attribute = this.getAttributeNode('class'); return attribute ? attribute.value : ''; }"]],
  },
  {
    file: /linkedom[\\/]esm[\\/]shared[\\/]parse-from-string\.js$/,
    swaps: [["  if (attribute.name === 'class')\n    element.className = value;\n", '']],
  },
];

export const linkedomLeanNodes = {
  name: 'linkedom-lean-nodes',
  setup(pluginBuild) {
    for (const { file, swaps } of PATCHES) {
      pluginBuild.onLoad({ filter: file }, ({ path }) => {
        let source = readFileSync(path, 'utf8');
        for (const [from, to] of swaps) {
          if (source.split(from).length !== 2) throw new Error(`linkedom-lean-nodes: ${path} changed; review the patch`);
          source = source.replace(from, to);
        }
        return { contents: source, loader: 'js' };
      });
    }
  },
};
