import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAdjectiveOnly, isVerbForm } from '../../src/quotes/word-classes.js';
import { ROOT } from '../helpers/cli.js';

describe('word classes from the lexicon', () => {
  it('is what scripts/word-classes.mjs writes from the installed en-lexicon', async () => {
    const { dataFile } = (await import(join(ROOT, 'scripts', 'word-classes.mjs'))) as { dataFile: () => string };
    expect(readFileSync(join(ROOT, 'src', 'quotes', 'word-classes.data.ts'), 'utf8')).toBe(dataFile());
  });

  it('tells verbs, nouns and adjectives apart', () => {
    expect(['sees', 'warns', 'believes', 'thinks'].every(isVerbForm)).toBe(true);
    expect(['aides', 'supporters', 'officials', 'voters'].some(isVerbForm)).toBe(false);
    expect(['rampant', 'racial'].every(isAdjectiveOnly)).toBe(true);
    expect(['official', 'assistant', 'past'].some(isAdjectiveOnly)).toBe(false);
  });
});
