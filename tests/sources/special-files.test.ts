import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxSourceBytes, readStreamLimited } from '../../src/sources/files.js';
import { formatSize } from '../../src/sources/size.js';
import { CLI, ROOT, runCli } from '../helpers/cli.js';

// Paths that are not regular files, and sizes Node cannot hold: each is one line and an exit
// code, never a hang or a native abort.

const dir = mkdtempSync(join(tmpdir(), 'inkwire-special-'));
const GOOD = join(ROOT, 'examples', 'night-trains.txt');
let socketServer: Server;
const socketPath = join(dir, 'feed.sock');

beforeAll(async () => {
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer.listen(socketPath, resolve));
});
afterAll(() => {
  socketServer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The CLI with a deadline of its own: a hang fails the test instead of stalling the suite. */
function run(args: string[], input = '') {
  const home = mkdtempSync(join(tmpdir(), 'inkwire-home-'));
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 20_000, env: { ...process.env, INKWIRE_HOME: home, NO_COLOR: '1' } });
  expect(result.signal, 'finished instead of hanging').toBeNull();
  expect(result.stderr).not.toMatch(/\n\s+at |Assertion failed|node::/);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sources that are not regular files', () => {
  it('a named pipe with no writer is refused at once, and the other sources still load', () => {
    const fifo = join(dir, 'incoming.txt');
    execFileSync('mkfifo', [fifo]);
    const { code, stdout, stderr } = run(['list', fifo, GOOD]);
    expect(stderr).toBe(`inkwire: ${fifo}: not a regular file (a named pipe; redirect it to stdin to read it)\n`);
    expect(stdout).toContain('Night Trains');
    expect(code).toBe(1);
  });

  it('a socket and a character device are named for what they are', () => {
    expect(run(['list', socketPath])).toMatchObject({ code: 66, stderr: `inkwire: ${socketPath}: not a regular file (a socket)\n` });
    expect(run(['list', '/dev/zero'])).toMatchObject({ code: 66, stderr: 'inkwire: /dev/zero: not a regular file (a character device)\n' });
  });

  it('/dev/stdin is stdin', () => {
    const { code, stdout, stderr } = run(['list', '/dev/stdin'], readFileSync(GOOD, 'utf8'));
    expect(stderr).toBe('');
    expect(stdout).toContain('Night Trains');
    expect(code).toBe(0);
  });

  it('a pipe from a shell: process substitution <(…) is read', () => {
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" list <(cat "${GOOD}")`], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Night Trains');
  });

  it('--timeout bounds a stdin that never ends', () => {
    const fifo = join(dir, 'slow-writer');
    execFileSync('mkfifo', [fifo]);
    // The writer holds the pipe open and writes nothing for longer than the timeout.
    const result = spawnSync('bash', ['-c', `(sleep 5 > "${fifo}" 2>/dev/null &) ; "${process.execPath}" "${CLI}" list --timeout 1 - < "${fifo}"`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.stderr).toBe('inkwire: stdin: timed out after 1 s (raise it with --timeout)\n');
    expect(result.status).toBe(74);
  });
});

describe('sizes past what Node can hold', () => {
  const ceiling = formatSize(maxSourceBytes());

  it(`a 3 GiB file with --max-bytes 3GiB is refused with one line (the most is ${ceiling})`, () => {
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 3 * 1024 ** 3);
    const { code, stderr } = run(['export', '--max-bytes', '3GiB', huge]);
    expect(stderr).toBe(`inkwire: ${huge}: larger than ${ceiling}, the most inkwire can read from one source\n`);
    expect(code).toBe(65);
  });

  it('a stream past the ceiling stops there, whatever --max-bytes says', async () => {
    const chunk = Buffer.alloc(64 * 1024 * 1024, 0x61);
    const stream = Readable.from((function* () {
      for (;;) yield chunk;
    })());
    await expect(readStreamLimited(stream, 'stdin', 3 * 1024 ** 3)).rejects.toMatchObject({ reason: `larger than ${ceiling}, the most inkwire can read from one source` });
  });

  it('a smaller heap lowers the ceiling: a file or a stream past an eighth of it is refused, whatever --max-bytes says', () => {
    // node --max-old-space-size=24: a heap of 72 MB on Node 20, so a ceiling of 9 MiB (Node 24
    // counts more in the heap's limit: 216 MB, 27 MiB); the file is a MiB past this Node's.
    const flags = ['--max-old-space-size=24'];
    const limit = Number(execFileSync(process.execPath, [...flags, '-p', "require('node:v8').getHeapStatistics().heap_size_limit"], { encoding: 'utf8' }));
    const ceiling = Math.floor(limit / 8 / 1024 ** 2) * 1024 ** 2;
    const ceilingHere = formatSize(ceiling);
    const over = join(dir, 'over-the-heap.txt');
    writeFileSync(over, `Over\n\n${'word '.repeat(Math.ceil((ceiling + 1024 ** 2) / 5))}`);
    const home = mkdtempSync(join(tmpdir(), 'inkwire-home-'));
    const env = { ...process.env, INKWIRE_HOME: home, NO_COLOR: '1' };
    const file = spawnSync(process.execPath, [...flags, CLI, 'list', '--json', '--max-bytes', '1GiB', over], { cwd: ROOT, encoding: 'utf8', timeout: 20_000, env });
    expect(file.stderr).toBe(`inkwire: ${over}: larger than ${ceilingHere}, the most inkwire can read from one source\n`);
    expect(file.status).toBe(65);
    const piped = spawnSync(process.execPath, [...flags, CLI, 'list', '--json', '--max-bytes', '1GiB', '-'], { cwd: ROOT, encoding: 'utf8', timeout: 20_000, env, input: readFileSync(over) });
    expect(piped.stderr).toBe(`inkwire: stdin: larger than ${ceilingHere}, the most inkwire can read from one source\n`);
    // A small file under the same heap is read as ever.
    const small = spawnSync(process.execPath, [...flags, CLI, 'list', '--json', GOOD], { cwd: ROOT, encoding: 'utf8', timeout: 20_000, env });
    expect(JSON.parse(small.stdout)[0].title).toBe('Night Trains Return To The Northern Line As Bookings Outpace Forecasts');
    rmSync(home, { recursive: true, force: true });
  });

  it('under the ceiling, --max-bytes is the limit as before', () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, `Big\n\n${'word '.repeat(2000)}`);
    expect(runCli(['export', '--max-bytes', '4k', big]).stderr).toBe(`inkwire: ${big}: larger than the 4 KiB limit (raise it with --max-bytes)\n`);
  });
});
