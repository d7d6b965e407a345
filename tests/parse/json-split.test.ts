import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/parse/json.js';

// A top-level array is parsed record by record; `{"articles": [...]}` holding the same records
// still goes through one JSON.parse of the whole text. Both must give the same articles.

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(fc.constantFrom('word', ' ', '  ', '\n', '\n\n', '\t', '\u00a0', '"', '\\', '\u001b[31m', 'é', '😀', '\r\n'), { maxLength: 12 }).map((p) => p.join('')),
);
const record = fc.record(
  {
    title: text,
    text,
    body: text,
    url: fc.constantFrom('https://example.org/a', 'HTTP://Example.org/b/../c', 'javascript:alert(1)', ' https://example.org/ d'),
    date: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-01', 'not a date', '2026-13-01T00:00:00.000Z'),
    tags: fc.oneof(fc.array(text, { maxLength: 3 }), text),
    credits: fc.array(text, { maxLength: 2 }),
    links: fc.array(fc.record({ text, url: fc.constantFrom('https://example.org/x', 'nope') }), { maxLength: 2 }),
    excerpt: text,
    blocks: fc.array(fc.record({ type: fc.constantFrom('paragraph', 'heading', 'code', 'list', 'quote'), text }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    return { thrown: (error as Error).constructor.name, message: (error as Error).message };
  }
}

describe('JSON arrays parsed record by record', () => {
  it('give the articles one JSON.parse of the whole text gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 6 }), async (records) => {
        const split = await outcome(() => parseJson(JSON.stringify(records, null, 1), 'a.json'));
        const whole = await outcome(() => parseJson(JSON.stringify({ articles: records }), 'a.json'));
        expect(split).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('throw the SyntaxError JSON.parse throws for the whole text, even after good records', async () => {
    const bad = `[{"title": "One", "text": "Fine."}, {"title": "Two", "text": "Cut off"`;
    let expected = '';
    try {
      JSON.parse(bad);
    } catch (error) {
      expected = (error as Error).message;
    }
    await expect(parseJson(bad, 'bad.json')).rejects.toThrow(new SyntaxError(expected));
  });
});
