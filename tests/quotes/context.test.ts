import { describe, expect, it } from 'vitest';
import { bylined, naming, titleContext, voiced, wordsAsWords, workAppositive } from '../../src/quotes/context.js';

// Fictional text just before an opening mark (or, for bylines, after the closing one).
describe('the words around a quote', () => {
  it('reads a programme or a work before a title', () => {
    expect(titleContext('She spoke on Channel Nine’s ')).toBe(true);
    expect(titleContext('Mayor Dahl told ')).toBe(true);
    expect(titleContext('in her new memoir, ')).toBe(true);
    expect(titleContext('The mayor said ')).toBe(false);
  });

  it('reads a work noun with its title in apposition', () => {
    expect(workAppositive('Pia Lund’s essay, ')).toBe(true);
    expect(workAppositive('Pia Lund’s essay ')).toBe(false);
  });

  it('reads voicing, naming and words-as-words cues', () => {
    expect(voiced('the dockers chanted ')).toBe(true);
    expect(voiced('the rally ended with cries of ')).toBe(true);
    expect(naming('the skipper, known online as ')).toBe(true);
    expect(naming('Mayor Dahl called the board a ')).toBe(true);
    expect(naming('The so-called ')).toBe(false);
    expect(naming('she called for more ')).toBe(false);
    expect(wordsAsWords('few liked the phrase ')).toBe(true);
    expect(wordsAsWords('shirts that read ')).toBe(true);
    expect(wordsAsWords('the mayor said ')).toBe(false);
  });

  it('reads a byline after a quoted headline', () => {
    const text = '“Pier to close in spring,” by the Gazette’s Mira Holt: “…”';
    expect(bylined(text, 'Pier to close in spring,', text.indexOf('”') + 1)).toBe(true);
    const passive = '“anointed” by the council';
    expect(bylined(passive, 'anointed', passive.indexOf('”') + 1)).toBe(false);
  });
});
