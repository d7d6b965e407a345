import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatListTable, listRow } from '../../src/export/list-rows.js';
import { loadSources } from '../../src/sources/load.js';

// More articles than a function call takes arguments (about 120,000 here): spreading them
// into push() or Math.max() throws "Maximum call stack size exceeded".
const COUNT = 200_000;
const dir = mkdtempSync(join(tmpdir(), 'inkwire-many-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`${COUNT.toLocaleString('en')} articles in one source`, () => {
  it('load, and list as a table', async () => {
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify(Array.from({ length: COUNT }, (_, i) => ({ title: `Story ${i}`, text: 'A line.' }))));
    const { articles, failures } = await loadSources([file]);
    expect(failures).toEqual([]);
    expect(articles).toHaveLength(COUNT);
    const table = formatListTable(articles.map(listRow), 100);
    expect(table.split('\n').filter(Boolean)).toHaveLength(COUNT);
  }, 60_000);
});
