// The first frame of a big article beside the floor under it: a process that only reads the
// same file and decodes it as UTF-8, timed the same way (in a pty, until its output shows) in
// the same run. Memory is the peak resident size of each process at that moment (the median
// of the runs, as the time is).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bigArticle } from './inputs.js';
import { medianOf, timeToText, type Shown } from './startup.js';
import { printTable } from './table.js';
import { CLI, median, type Figure } from './util.js';

const PROGRAM = process.env.INKWIRE_CLI ?? CLI;
const MiB = 1024 * 1024;
const READ_AND_DECODE =
  "const b = require('node:fs').readFileSync(process.argv[1]); const t = new TextDecoder('utf-8', { fatal: true }).decode(b); console.log('decoded', t.length);";

export async function bigArticleFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-bench-big-'));
  const env = { INKWIRE_HOME: join(dir, 'home') };
  try {
    const figures: Figure[] = [];
    for (const mb of [20, 80]) {
      const file = join(dir, `article-${mb}.txt`);
      writeFileSync(file, bigArticle(mb * MiB));
      const size = statSync(file).size / MiB;
      // Interleaved, so load on the machine touches both alike.
      const floor: Shown[] = [];
      const shown: Shown[] = [];
      for (let i = 0; i < 3; i++) {
        floor.push(await timeToText(process.execPath, ['-e', READ_AND_DECODE, file], 'decoded', env));
        shown.push(await timeToText(process.execPath, [PROGRAM, '--max-bytes', '200MiB', file], 'A Very Long Article', env));
      }
      const base = await medianOf(floor.length, async () => floor.shift()!);
      // Memory is the median of the runs too: the reader reads the whole file right after its
      // first frame, and on a busy machine a run can see that frame only once the read began.
      const peakMB = median(shown.map((s) => s.peakMB));
      const ours = { ...(await medianOf(shown.length, async () => shown.shift()!)), peakMB };
      figures.push(
        {
          figure: `first frame, ${mb} MB article`,
          value: ours.ms,
          unit: 'ms',
          baseline: base.ms,
          baselineLabel: 'read + decode it',
          target: '≤ 2× read + decode',
          ok: ours.ms <= 2 * base.ms,
        },
        {
          figure: `peak memory at the first frame, ${mb} MB article`,
          value: ours.peakMB,
          unit: 'MB',
          baseline: size,
          baselineLabel: 'its size',
          target: '≤ 3× its size',
          ok: ours.peakMB <= 3 * size,
        },
      );
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(await bigArticleFigures());
}
