import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genderOfGiven } from '../../src/quotes/given-gender.js';
import { extractQuotes } from '../../src/quotes/index.js';
import { ROOT } from '../helpers/cli.js';

describe('the gender of given names', () => {
  it('is what scripts/given-names.mjs writes from the installed gender-detection-from-name', async () => {
    const { dataFile } = (await import(join(ROOT, 'scripts', 'given-names.mjs'))) as { dataFile: () => string };
    expect(readFileSync(join(ROOT, 'src', 'quotes', 'given-names.data.ts'), 'utf8')).toBe(dataFile());
  });

  it('comes from the hand-made list first, then the long one, and is empty for a word no list knows', () => {
    expect(genderOfGiven('mary')).toBe('f');
    expect(['fiona', 'kristi', 'hillary'].map(genderOfGiven)).toEqual(['f', 'f', 'f']);
    expect(['joel', 'kurt', 'lucas'].map(genderOfGiven)).toEqual(['m', 'm', 'm']);
    expect(genderOfGiven('harbour')).toBe('');
  });

  it('keeps "she" from a man the short list does not know', () => {
    const text = [
      'Her son, filmmaker Kurt Lindqvist, flew in for the premiere.',
      'The actress Fiona Marsh spoke first. “I wrote it in one night,” Marsh said.',
      '“Kurt heard it the next morning,” Lindqvist said.',
      '“It was the song I had waited for,” she said.',
    ].join('\n\n');
    expect(extractQuotes(text).map((q) => q.speaker)).toEqual(['Fiona Marsh', 'Kurt Lindqvist', 'Fiona Marsh']);
  });
});
