// Standard output that fails: a full disk is one line about standard output (exit 74), a
// reader that leaves the pipe early (`| head -1`) is no error at all.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.js';

const FULL = '/dev/full';

/** Runs the CLI with stdout on `fd`; returns its exit code and stderr. */
function runWithStdout(args: string[], fd: number | 'pipe'): { code: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', fd, 'pipe'],
    env: { ...process.env, INKWIRE_HOME: mkdtempSync(join(tmpdir(), 'inkwire-home-')), NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { code: result.status, stderr: result.stderr };
}

/** Runs `inkwire args | head -c 1` through the shell: the reader leaves after one byte. */
function runIntoHead(args: string[]): { code: string; stderr: string } {
  const errFile = join(mkdtempSync(join(tmpdir(), 'inkwire-err-')), 'stderr');
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('bash', ['-c', `${quoted} 2>"$ERR" | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
    cwd: ROOT,
    env: { ...process.env, ERR: errFile, INKWIRE_HOME: mkdtempSync(join(tmpdir(), 'inkwire-home-')), NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { code: result.stdout.trim(), stderr: readFileSync(errFile, 'utf8') };
}

describe.skipIf(!existsSync(FULL))('stdout on a full disk', () => {
  it.each([
    [['export', 'examples', '--format', 'json']],
    [['list', 'examples', '--json']],
    [['quotes', 'examples', '--json']],
    [['--help']],
  ])('inkwire %j says so in one line and exits 74', (args) => {
    const fd = openSync(FULL, 'w');
    try {
      const { code, stderr } = runWithStdout(args, fd);
      expect(stderr).toBe('inkwire: standard output: no space left on the disk\n');
      expect(code).toBe(74);
    } finally {
      closeSync(fd);
    }
  });
});

describe('a reader that leaves the pipe early', () => {
  it.each([[['--help']], [['export', 'examples', '--format', 'md']], [['completion', 'zsh']]])('inkwire %j | head: exit 0, nothing on stderr', (args) => {
    const { code, stderr } = runIntoHead(args);
    expect(stderr).toBe('');
    expect(code).toBe('0');
  });
});
