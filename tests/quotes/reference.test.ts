import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../src/parse/text.js';
import { extractQuotes, type Quote } from '../../src/quotes/index.js';
import { REFERENCE_ARTICLE, hasShared } from '../helpers/shared.js';

// The expectations for ../shared/examples/reference-article.txt (read, not copied).
describe.skipIf(!hasShared)('quotes in the reference article', () => {
  const article = hasShared ? parsePlainText(readFileSync(REFERENCE_ARTICLE, 'utf8'), REFERENCE_ARTICLE) : null;
  const quotes = article ? extractQuotes(article.text) : [];
  const find = (start: string): Quote => {
    const q = quotes.find((x) => x.text.startsWith(start));
    expect(q, `a quote starting "${start}"`).toBeDefined();
    return q!;
  };

  it('finds the official’s quote and its follow-up via "He added"', () => {
    const first = find('Our view is that');
    expect(first.text).toMatch(/without PRC input,?$/);
    expect(first.speaker).toBe('the official');
    const second = find('most ambitious defence expansion since the Soviet era');
    expect(second).toMatchObject({ speaker: 'the official', mention: 'He', kind: 'partial' });
  });

  it('keeps the embassy as written and splits the spokesperson’s name from the role', () => {
    expect(find('not a producer of or party involved in the Ukraine crisis.').speaker?.toLowerCase()).toBe('the chinese embassy in the us');
    expect(find('We urge the U.S. side')).toMatchObject({ speaker: 'Liu Pengyu', role: 'Chinese embassy spokesperson in the US' });
  });

  it('resolves "said Nostrand" to the full name, and the next "He added" to him', () => {
    expect(find('It’s now time for us to respond')).toMatchObject({ speaker: 'Eric Van Nostrand', mention: 'Nostrand', cue: 'said' });
    expect(find('This will make it difficult for Putin')).toMatchObject({ speaker: 'Eric Van Nostrand', mention: 'He', cue: 'added' });
  });

  it('gives offsets that point at the quoted words in the article text', () => {
    for (const q of quotes) {
      expect(article!.text.slice(q.start, q.start + 10)).toBe(q.text.slice(0, 10));
      expect(article!.text.split('\n\n')[q.paragraph]).toContain(q.text.slice(0, 20));
    }
  });
});
