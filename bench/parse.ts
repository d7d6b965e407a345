import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHtml } from '../src/parse/html.js';
import { parsePlainText } from '../src/parse/text.js';
import { CLI, ROOT, SHARED, hasShared, median, now, timeProcess, type Figure } from './util.js';

const MB = 1024 * 1024;

/** A large plain-text article made from the sample articles' paragraphs. */
function plainTextInput(targetBytes: number): string {
  const samples = ['harbour-bridge-vote.txt', 'night-trains.txt'].map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8'));
  const paragraphs = samples.flatMap((s) => s.split(/\n\s*\n/).slice(3, -1));
  const parts = ['Home Bench A Long Article Made For Timing...', 'A Long Article Made For Timing The Parser', 'bench, timing'];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const p = `${paragraphs[i % paragraphs.length]} (${i})`;
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return parts.join('\n\n');
}

/** HTML pages: the extraction benchmark's real pages when ../shared is here, else the sample page. */
function htmlInputs(): { name: string; html: string }[] {
  const dir = join(SHARED, 'corpus', 'article-extraction-benchmark', 'html');
  if (hasShared) {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.html.gz'))
      .slice(0, 60)
      .map((f) => ({ name: f, html: gunzipSync(readFileSync(join(dir, f))).toString('utf8') }));
  }
  const page = readFileSync(join(ROOT, 'examples', 'solar-ferry.html'), 'utf8');
  return Array.from({ length: 60 }, (_, i) => ({ name: `sample-${i}.html`, html: page }));
}

export async function parseFigures(): Promise<Figure[]> {
  const text = plainTextInput(20 * MB);
  const textBytes = Buffer.byteLength(text);
  parsePlainText(text.slice(0, 200_000), 'warmup.txt');
  const textRuns = [0, 1, 2].map(() => {
    const start = now();
    parsePlainText(text, 'bench.txt');
    return now() - start;
  });
  const textMBs = textBytes / MB / (median(textRuns) / 1000);

  const pages = htmlInputs();
  const htmlBytes = pages.reduce((sum, p) => sum + Buffer.byteLength(p.html), 0);
  await parseHtml(pages[0]!.html, 'warmup.html');
  const htmlStart = now();
  for (const page of pages) await parseHtml(page.html, page.name);
  const htmlSeconds = (now() - htmlStart) / 1000;

  const exportRuns = Array.from({ length: 7 }, () => timeProcess(process.execPath, [CLI, 'export', 'examples', '--format', 'json']));
  const nodeRuns = Array.from({ length: 7 }, () => timeProcess(process.execPath, ['-e', "console.log('x')"]));

  return [
    { figure: 'plain-text parsing (20 MB article)', value: textMBs, unit: 'MB/s', target: '≥ 50 MB/s', ok: textMBs >= 50 },
    { figure: `HTML parsing (${pages.length} pages, ${(htmlBytes / MB).toFixed(1)} MB)`, value: htmlBytes / MB / htmlSeconds, unit: 'MB/s' },
    {
      figure: '`inkwire export examples --format json` (whole process)',
      value: median(exportRuns),
      unit: 'ms',
      baseline: median(nodeRuns),
      baselineLabel: "node -e \"console.log('x')\"",
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./table.js');
  printTable(await parseFigures());
}
