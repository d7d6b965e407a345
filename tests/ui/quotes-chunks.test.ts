import { describe, expect, it } from 'vitest';
import { quoteChunks } from '../../src/app/quotes.js';

describe('quoteChunks', () => {
  it('keeps an ordinary article whole', () => {
    expect(quoteChunks('a\n\nb', 100)).toEqual([[0, 4]]);
  });

  it('cuts a long text between paragraphs, covering all of it', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} ${'x'.repeat(30)}`).join('\n\n');
    const chunks = quoteChunks(text, 200);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks[0]![0]).toBe(0);
    expect(chunks.at(-1)![1]).toBe(text.length);
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i]![0]).toBe(chunks[i - 1]![1] + 2);
      expect(text.slice(chunks[i - 1]![1], chunks[i]![0])).toBe('\n\n');
    }
  });
});
