import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';

// `inkwire quotes DIR` shares many articles out over worker threads (the built CLI only):
// what it prints must be what one thread finds, article for article, in the same order.
function folderOfArticles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-parallel-'));
  const folder = join(dir, 'news');
  mkdirSync(folder);
  const names = ['Ada Lund', 'Omar Reyes', 'Ines Sola', 'Piet de Vries', 'Mira Holt'];
  for (let n = 0; n < 60; n++) {
    const who = names[n % names.length]!;
    const paragraphs = [`Harbour Report ${n}`];
    for (let p = 0; p < 60; p++) {
      paragraphs.push(`“The quay number ${p} will open in spring,” said ${who}, the port director. She added that the ferry was “late again” on day ${p}.`);
      paragraphs.push(`Critics said the plan for berth ${p} was too costly, and the council met late into the night to discuss it once more.`);
    }
    writeFileSync(join(folder, `article-${String(n).padStart(2, '0')}.txt`), paragraphs.join('\n\n'));
  }
  return folder;
}

describe('inkwire quotes over many articles', () => {
  it("prints with several threads exactly what one thread finds", async () => {
    // Above the 512 KiB from which the work is shared out: 60 articles of about 15 KB.
    const folder = folderOfArticles();
    const [one, several] = await Promise.all([
      runCliAsync(['quotes', folder, '--json', '--jobs', '1']),
      runCliAsync(['quotes', folder, '--json', '--jobs', '3']),
    ]);
    expect(one.code).toBe(0);
    expect(several.code).toBe(0);
    const articles = JSON.parse(several.stdout) as { source: string; quotes: unknown[] }[];
    expect(articles).toHaveLength(60);
    expect(articles.every((a) => a.quotes.length === 120)).toBe(true);
    expect(several.stdout).toBe(one.stdout);
  }, 60_000);

  it('refuses a --jobs that is not a positive whole number', async () => {
    const result = await runCliAsync(['quotes', 'examples', '--jobs', 'many']);
    expect(result.code).toBe(64);
    expect(result.stderr.trim()).toBe('inkwire: --jobs: not a positive whole number: many');
  });
});
