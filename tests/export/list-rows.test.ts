import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listRowJson, type ListRow } from '../../src/export/list-rows.js';

// `inkwire list --json` lays its rows out by hand (listRowJson); the array it prints must be,
// byte for byte, what JSON.stringify(rows, null, 2) prints, whatever the rows hold.

const text = fc.string({ unit: 'binary', maxLength: 40 });
const row: fc.Arbitrary<ListRow> = fc
  .record(
    {
      id: text,
      title: text,
      site: text,
      source: text,
      wordCount: fc.nat(),
      readingMinutes: fc.nat(),
      url: text,
      published: text,
    },
    { requiredKeys: ['id', 'title', 'site', 'source', 'wordCount', 'readingMinutes'] },
  )
  // listRow adds the address and the date after the counts, when there are any.
  .map(({ url, published, ...rest }) => ({ ...rest, ...(url !== undefined ? { url } : {}), ...(published !== undefined ? { published } : {}) }));

describe('listRowJson', () => {
  it('lays rows out as JSON.stringify(rows, null, 2) does', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (rows) => {
        expect(`[\n${rows.map(listRowJson).join(',\n')}\n]`).toBe(JSON.stringify(rows, null, 2));
      }),
      { numRuns: 300 },
    );
  });
});
