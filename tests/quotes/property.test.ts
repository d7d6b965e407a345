import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuotes, type Quote } from '../../src/quotes/index.js';
import { isSafeText } from '../../src/text/sanitize.js';

const marks = ['"', '“', '”', '‘', '’', "'", '«', '»', '\n\n', '\n', ',', '.', ':', ' said ', ' he ', 'Smith', ' according to ', '\u001b[2J', '\u202e'];
const article = [
  'Harbour master Ana Ruiz said, “The ferry will run.”',
  '“Not a chance,” said the union’s Piet de Vries, who called the plan “a fantasy.”',
  '“First the pier.\n\n“Then the quay,” she added.',
  'The council, according to Ruiz, is “fully behind it”.',
].join('\n\n');

function checkQuotes(text: string, quotes: Quote[]): void {
  for (const q of quotes) {
    expect(q.start).toBeGreaterThanOrEqual(0);
    expect(q.start).toBeLessThan(q.end);
    expect(q.end).toBeLessThanOrEqual(text.length);
    for (const field of [q.text, q.speaker, q.mention, q.role, q.cue]) {
      if (field !== null) expect(isSafeText(field) && !field.includes('\n')).toBe(true);
    }
  }
}

describe('extractQuotes on hostile input', () => {
  it('never throws and gives valid offsets on random strings', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom(...marks)), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        checkQuotes(text, extractQuotes(text, { indirect: true }));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on mutated article text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(article.length), fc.nat(8), fc.constantFrom(...marks)), { maxLength: 12 }),
        (edits) => {
          let text = article;
          for (const [at, cut, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + cut);
          checkQuotes(text, extractQuotes(text, { indirect: true }));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('handles megabytes of marks and unpaired quotes quickly', () => {
    // Generous limits: the machine is shared; a quadratic slip would take minutes, not seconds.
    const inputs = [
      '"'.repeat(10_000_000),
      '“a '.repeat(200_000),
      'He said "x'.repeat(50_000),
      '\n\n'.repeat(200_000),
      '"a" '.repeat(100_000),
      ('"a" ' + ',.'.repeat(50)).repeat(5_000),
    ];
    for (const text of inputs) {
      const t0 = performance.now();
      checkQuotes(text, extractQuotes(text));
      expect(performance.now() - t0).toBeLessThan(15_000);
    }
  }, 120_000);
});
