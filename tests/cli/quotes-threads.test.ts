import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';

// `inkwire quotes` over many articles shares the engine's work with a second thread; what a
// script reads must be exactly what one thread gives, in the same order.
function folderOfArticles(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-threads-'));
  mkdirSync(join(dir, 'nested'));
  for (let i = 0; i < count; i++) {
    const paragraphs = [
      `Harbour story number ${i}`,
      `“The ferry will run every ${i % 7 + 1} hours,” said Ada Moreau${i}, the harbour master.`,
      `Nils Berg${i} was less sure. “We have heard this before,” he said, “and the boats never came.”`,
      'The council meets again next week. '.repeat(20),
      `A spokesman for the port called the plan “ambitious but possible” in a statement.`,
    ];
    writeFileSync(join(dir, i % 3 === 0 ? 'nested' : '', `article-${String(i).padStart(4, '0')}.txt`), paragraphs.join('\n\n'));
  }
  // A bad source among the good ones is reported and changes nothing else.
  writeFileSync(join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 0]));
  return dir;
}

describe('inkwire quotes on two threads', () => {
  it('prints what one thread prints, for a folder big enough to start the worker', async () => {
    const dir = folderOfArticles(400);
    const [two, one] = await Promise.all([
      runCliAsync(['quotes', dir, '--json']),
      runCliAsync(['quotes', dir, '--json'], { env: { INKWIRE_QUOTE_THREADS: '1' } }),
    ]);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stderr).toBe(one.stderr);
    const articles = JSON.parse(two.stdout) as { source: string; quotes: { speaker: string | null }[] }[];
    expect(articles).toHaveLength(400);
    const fifth = articles.find((a) => a.source.endsWith('article-0005.txt'))!;
    expect(fifth.quotes.map((q) => q.speaker)).toEqual(['Ada Moreau5', 'Nils Berg5', 'Nils Berg5', 'A spokesman for the port']);
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);
});
