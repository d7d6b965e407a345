import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/article.js';
import { quotesJson } from '../../src/quotes/format.js';
import { extractQuotes, joinParts, type Quote } from '../../src/quotes/index.js';
import { isSafeText } from '../../src/text/sanitize.js';

const marks = ['"', '“', '”', '‘', '’', "'", '«', '»', '\n\n', '\n', ',', '.', ':', ' said ', ' he ', 'Smith', ' according to ', '\u001b[2J', '\u202e'];
const article = [
  'Harbour master Ana Ruiz said, “The ferry will run.”',
  '“Not a chance,” said the union’s Piet de Vries, who called the plan “a fantasy.”',
  '“First the pier.\n\n“Then the quay,” she added.',
  'The council, according to Ruiz, is “fully behind it”.',
].join('\n\n');

function checkQuotes(text: string, quotes: Quote[]): void {
  const safe = isSafeText(text);
  for (const q of quotes) {
    expect(q.start).toBeGreaterThanOrEqual(0);
    expect(q.start).toBeLessThan(q.end);
    expect(q.end).toBeLessThanOrEqual(text.length);
    // Every part is the text's own words, in order, inside the quote's range.
    expect(q.parts.length).toBeGreaterThan(0);
    expect(q.parts[0]!.start).toBe(q.start);
    expect(q.parts[q.parts.length - 1]!.end).toBe(q.end);
    q.parts.forEach((part, i) => {
      expect(part.start).toBeLessThan(part.end);
      if (i > 0) expect(part.start).toBeGreaterThanOrEqual(q.parts[i - 1]!.end);
      if (safe) expect(part.text).toBe(text.slice(part.start, part.end));
    });
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

  it('handles megabytes of marks and unpaired quotes in time that grows with the text, not faster', () => {
    // Four times the text may take at most about four times as long (eight allowed, for a
    // shared machine); a quadratic slip takes sixteen. A ratio, not a bound in seconds, so
    // a loaded machine slows both sizes alike.
    const inputs: [(n: number) => string, number][] = [
      [(n) => '"'.repeat(n), 4_000_000],
      [(n) => '“a '.repeat(n), 200_000],
      [(n) => 'He said "x'.repeat(n), 50_000],
      [(n) => '\n\n'.repeat(n), 200_000],
      [(n) => '"a" '.repeat(n), 100_000],
      [(n) => ('"a" ' + ',.'.repeat(50)).repeat(n), 5_000],
    ];
    const timed = (text: string): number => {
      const t0 = performance.now();
      checkQuotes(text, extractQuotes(text));
      return performance.now() - t0;
    };
    for (const [make, n] of inputs) {
      const small = timed(make(n / 4));
      const large = timed(make(n));
      expect(large).toBeLessThan(8 * small + 1_000);
    }
  }, 240_000);
});

// Articles shaped like news: quotes interrupted by their attribution, run over paragraphs,
// nested, woven into narration, with speakers before and after.
const word = fc.constantFrom('ferry', 'harbour', 'we', 'will', 'run', 'the', 'quay', 'never', 'Monday', 'rain', 'é', '東京', '👩‍👩‍👧', 'it’s');
const words = fc.array(word, { minLength: 1, maxLength: 9 }).map((w) => w.join(' '));
const speaker = fc.constantFrom('Ana Ruiz', 'she', 'the mayor', 'Piet de Vries, the union leader,', 'a spokesperson for the port');
const paragraph = fc.oneof(
  fc.tuple(words, speaker, words).map(([a, s, b]) => `“${a},” ${s} said. “${b}.”`),
  fc.tuple(words, speaker, words).map(([a, s, b]) => `"${a}," said ${s}, "${b}."`),
  fc.tuple(speaker, words, words).map(([s, a, b]) => `${s} said: “${a}.\n\n“${b}.”`),
  fc.tuple(speaker, words, words).map(([s, a, b]) => `${s} called it “${a}” and ‘${b}’.`),
  fc.tuple(words, words).map(([a, b]) => `“${a} ‘${b}’ ${a},” she said.`),
  fc.tuple(words, speaker).map(([a, s]) => `„${a}“, sagte ${s}. 「${a}」`),
  words.map((a) => `${a}.`),
);

describe('quote parts on generated articles', () => {
  it('are verbatim slices of the article text, and the text is them joined with “ … ”', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 8 }), (paragraphs) => {
        const article = makeArticle({ source: 'gen.txt', title: 'Generated', blocks: paragraphs.flatMap((p) => p.split('\n\n')).map((text) => ({ type: 'paragraph' as const, text })) });
        // Through the JSON a script reads, as `inkwire quotes --json` prints it.
        const [printed] = JSON.parse(quotesJson([{ source: article.source, title: article.title, quotes: extractQuotes(article.text, { indirect: true }) }]));
        for (const q of printed.quotes as Quote[]) {
          for (const part of q.parts) expect(part.text).toBe(article.text.slice(part.start, part.end));
          expect(q.text).toBe(joinParts(q.parts));
        }
      }),
      { numRuns: 300 },
    );
  });
});
