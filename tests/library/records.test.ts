// An article as a library row and back: the block texts are stored once, in the text column,
// and sliced back out; rows written with the texts in the JSON (before) read the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticle, type Article } from '../../src/article.js';
import { fromColumns, toColumns } from '../../src/library/records.js';

const article = (blocks: { type: 'paragraph' | 'heading' | 'list'; text: string; items?: string[]; level?: number }[]): Article =>
  makeArticle({ source: 'harbour.txt', title: 'Harbour notes', blocks });

/** The article as plain data, whatever getters it has (the id is made when first read). */
const plain = (a: Article): unknown => JSON.parse(JSON.stringify(a));

describe('library rows', () => {
  it('store each block text once, as a length, and read it back whole', () => {
    const a = article([
      { type: 'heading', text: 'Tides', level: 2 },
      { type: 'paragraph', text: 'The ferry ran late.\nTwice.' },
      { type: 'list', text: 'rope\nbuoys', items: ['rope', 'buoys'] },
    ]);
    const row = toColumns(a);
    expect(JSON.stringify(JSON.parse(row.article).blocks)).not.toContain('ferry');
    expect(JSON.parse(row.article).blocks[1]).toEqual({ type: 'paragraph', length: a.blocks[1]!.text.length });
    expect(plain(fromColumns(row.article, row.text)!)).toEqual(plain(a));
  });

  it('round-trip any article makeArticle makes', () => {
    const block = fc.record({
      type: fc.constantFrom('paragraph' as const, 'heading' as const, 'list' as const),
      text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), (blocks) => {
        const a = article(blocks);
        const row = toColumns(a);
        expect(plain(fromColumns(row.article, row.text)!)).toEqual(plain(a));
      }),
      { numRuns: 300 },
    );
  });

  it('read rows written with the block texts in the JSON', () => {
    const a = article([{ type: 'paragraph', text: 'Old row, old ways.' }, { type: 'paragraph', text: 'Second.' }]);
    const { text, ...rest } = plain(a) as Article;
    expect(plain(fromColumns(JSON.stringify(rest), text)!)).toEqual(plain(a));
  });

  it('keep the block texts in the JSON when the text is not the blocks joined', () => {
    const a = { ...(plain(article([{ type: 'paragraph', text: 'One.' }, { type: 'paragraph', text: 'Two.' }])) as Article), text: 'something else' } as Article;
    const row = toColumns(a);
    expect(JSON.parse(row.article).blocks[0].text).toBe('One.');
    expect(fromColumns(row.article, row.text)!.blocks.map((b) => b.text)).toEqual(['One.', 'Two.']);
  });
});
