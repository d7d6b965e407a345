import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CLI, ROOT, requireBuild, startSession, type Session } from './pty.js';

// The start-up file's code cache (src/boot/bin.ts) holds what the run that wrote it compiled.
// A first run that only printed holds none of the reader's code; the reader's first run on a
// terminal then writes a cache that holds it.

const ARTICLE = join(ROOT, 'examples', 'harbour-bridge-vote.txt');

beforeAll(requireBuild);

let session: Session | null = null;
afterEach(() => {
  session?.dispose();
  session = null;
});

function cacheSize(folder: string): number {
  const names = readdirSync(folder);
  expect(names).toHaveLength(1);
  return statSync(join(folder, names[0]!)).size;
}

/** Opens the article in the reader, waits for its first frame and quits. */
async function readAndQuit(env: Record<string, string>): Promise<void> {
  session = startSession('node', [CLI, ARTICLE], { columns: 100, rows: 30, env });
  await session.waitFor('Harbour Town Council');
  await session.press('q');
  expect((await session.exit).exitCode).toBe(0);
  session.dispose();
  session = null;
}

describe('the code cache after a printing run', () => {
  it('is replaced by the reader’s, which holds more, and then kept', async () => {
    const compileCache = mkdtempSync(join(tmpdir(), 'inkwire-code-cache-e2e-'));
    const env = { NODE_COMPILE_CACHE: compileCache };
    expect(runCli(['export', ARTICLE, '--format', 'txt'], { env }).code).toBe(0);
    const folder = join(compileCache, 'inkwire');
    const printed = cacheSize(folder);
    await readAndQuit(env);
    const read = cacheSize(folder);
    expect(read).toBeGreaterThan(1.1 * printed);
    const { mtimeMs } = statSync(join(folder, readdirSync(folder)[0]!));
    // The next reader compiles nothing new: the cache stays as it is.
    await readAndQuit(env);
    expect(statSync(join(folder, readdirSync(folder)[0]!)).mtimeMs).toBe(mtimeMs);
    expect(cacheSize(folder)).toBe(read);
  });
});
