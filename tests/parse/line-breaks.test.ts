import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../src/parse/text.js';
import { extractQuotes } from '../../src/quotes/index.js';

const long = (seed: string): string => `${seed} `.repeat(40).trim() + '.';

describe('single line breaks in plain text', () => {
  it('joins a paragraph hard-wrapped at a fixed width', () => {
    const wrapped = [
      'The harbour board met on Monday evening to discuss the dredging plan that has',
      'divided the town for a decade, and after four hours of argument it voted to go',
      'ahead with the first phase before the winter storms arrive on the coast.',
      '',
      'Fishermen who had gathered outside the hall said they would keep fighting the',
      'plan in the courts, and several of them promised to appeal the decision.',
    ].join('\n');
    const article = parsePlainText(`Harbour Board Votes\n\n${wrapped}`, 'harbour.txt');
    expect(article.blocks.map((b) => b.text)).toEqual([
      expect.stringMatching(/^The harbour board met .* on the coast\.$/),
      expect.stringMatching(/^Fishermen who .* the decision\.$/),
    ]);
  });

  it('keeps lines written one by one apart: each quote with its own credit', () => {
    const text = [
      'Readers Tell Us What They Think',
      long('Readers wrote to us in their hundreds this week about the new bridge'),
      long('We picked the letters that stood for many others and print them here'),
      [
        '“The bridge is a gift to the town and I cross it every day.” ― Ada Lund',
        '“It cost too much and nobody asked us first.”― Omar Reyes',
        '“My children walk to school over it now.” ― Ines Sola',
      ].join('\n'),
    ].join('\n\n');
    const article = parsePlainText(text, 'letters.txt');
    expect(article.blocks.slice(2).map((b) => b.text)).toEqual([
      '“The bridge is a gift to the town and I cross it every day.” ― Ada Lund',
      '“It cost too much and nobody asked us first.”― Omar Reyes',
      '“My children walk to school over it now.” ― Ines Sola',
    ]);
    // So each credit names its own quote, not the next line's.
    expect(extractQuotes(article.text).map((q) => q.speaker)).toEqual(['Ada Lund', 'Omar Reyes', 'Ines Sola']);
  });

  it('keeps the lines of an address or a verse apart inside wrapped text', () => {
    const text = [
      'Letters to the editor must reach us by Friday at noon, and we print a selection of',
      'them in the weekend edition with the writer’s name and the town they live in.',
      '',
      'Write to:',
      'The Editor',
      'Harbour Gazette',
      '12 Quay Street',
    ].join('\n');
    const article = parsePlainText(`Letters\n\n${text}`, 'letters.txt');
    expect(article.blocks.map((b) => b.text).slice(1)).toEqual(['Write to:', 'The Editor', 'Harbour Gazette', '12 Quay Street']);
  });
});
