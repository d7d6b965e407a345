// Writes the key tables into README.md from the keymap, the single source of truth for keys.
// `npm run readme:keys`; tests/readme.test.ts fails when the README falls behind.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keymapMarkdown } from '../src/input/keymap.js';

export const BEGIN = '<!-- keys:begin (generated from src/input/keymap.ts by npm run readme:keys) -->';
export const END = '<!-- keys:end -->';

export function withKeys(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const stop = readme.indexOf(END);
  if (start === -1 || stop < start) throw new Error('README.md has no keys markers');
  return `${readme.slice(0, start + BEGIN.length)}\n\n${keymapMarkdown().trim()}\n\n${readme.slice(stop)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = join(import.meta.dirname, '..', 'README.md');
  writeFileSync(path, withKeys(readFileSync(path, 'utf8')));
}
