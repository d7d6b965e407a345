import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, median, type Figure } from './util.js';

// Pages built to cost a parser dearly: 300,000 and a million links (issue 13 measured 13.6 s
// and 1.3 GB, and 104 s and 3.3 GB, before the page bounds). Each is read by the whole CLI,
// timed, with the process's peak memory taken from inside it.

const MB = 1024 * 1024;

/** A link index: one line of text, then `count` links. */
export function linkPage(count: number): string {
  const links = Array.from({ length: count }, (_, i) => `<a href="/s/${i}">${i}</a>`);
  return `<!doctype html><html><head><title>Index</title></head><body><p>Every story, by number.</p>\n${links.join('\n')}\n</body></html>`;
}

/** Wall time and peak resident memory of one CLI run. */
function measure(args: string[], preload: string): { ms: number; rssMb: number } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', preload, CLI, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /^peak-rss (\d+)$/m.exec(result.stderr);
  if (result.status !== 0 || !rss) throw new Error(`inkwire ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, rssMb: Number(rss[1]) / 1024 };
}

export async function pageFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-bench-pages-'));
  try {
    const preload = join(dir, 'peak-rss.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\npeak-rss ${process.resourceUsage().maxRSS}\\n`));\n");
    const figures: Figure[] = [];
    for (const count of [300_000, 1_000_000]) {
      const html = linkPage(count);
      const path = join(dir, `links-${count}.html`);
      writeFileSync(path, html);
      const label = `a page of ${count.toLocaleString('en')} links (${(Buffer.byteLength(html) / MB).toFixed(1)} MB), \`inkwire list\``;
      const runs = [0, 1, 2].map(() => measure(['list', '--max-bytes', '64M', path], preload));
      figures.push({ figure: `${label}: time`, value: median(runs.map((r) => r.ms)), unit: 'ms' });
      figures.push({ figure: `${label}: peak memory`, value: median(runs.map((r) => r.rssMb)), unit: 'MB' });
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./table.js');
  printTable(await pageFigures());
}
