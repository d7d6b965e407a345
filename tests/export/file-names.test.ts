import { describe, expect, it } from 'vitest';
import { fileNameFor } from '../../src/export/write.js';

// File names made from titles keep their letters: an accent is dropped from a Latin letter,
// never split off as a word of its own (Über is uber, not u-ber), and other scripts stay.

describe('fileNameFor keeps letters', () => {
  it.each([
    ['Über die Brücke', 'uber-die-brucke'],
    ['U\u0308ber decomposed', 'uber-decomposed'],
    ['Łódź and Kraków', 'łodz-and-krakow'],
    ['Straße', 'straße'],
    ['Ελληνικά νέα', 'ελληνικά-νέα'],
    ['日本語のニュース', '日本語のニュース'],
    ['Ærø ferry', 'ærø-ferry'],
  ])('%s → %s-…', (title, slug) => {
    expect(fileNameFor(title, 'abc123', 'md')).toBe(`${slug}-abc123.md`);
  });
});
