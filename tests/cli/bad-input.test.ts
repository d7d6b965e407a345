import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'inkwire-bad-'));
const good = 'examples/night-trains.txt';
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Each bad source alone: its one line and exit code; beside a good one: exit 1 and the good one out. */
function expectBadSource(path: string, reason: RegExp, exitCode: number, extraArgs: string[] = []) {
  const alone = runCli(['export', ...extraArgs, path]);
  expect(alone.code).toBe(exitCode);
  expect(alone.stdout).toBe('');
  const lines = alone.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^inkwire: ${escape(path)}: ${reason.source}`));
  expect(alone.stderr).not.toMatch(/\n\s+at /);

  const mixed = runCli(['export', ...extraArgs, path, good]);
  expect(mixed.code).toBe(1);
  expect(JSON.parse(mixed.stdout).map((a: { source: string }) => a.source)).toEqual([good]);
  expect(mixed.stderr).toMatch(reason);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('bad input', () => {
  it('a path that does not exist', () => {
    expectBadSource(join(dir, 'missing.txt'), /no such file or folder/, 66);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission', () => {
    const path = file('secret.txt', 'Title\n\nBody.');
    chmodSync(path, 0o000);
    expectBadSource(path, /permission denied/, 66);
  });

  it('a file without read permission (as root, simulated by a folder in its place)', () => {
    // Root can read any file; an unreadable path still has to give one line and code 66.
    const path = join(dir, 'unreadable.txt');
    mkdirSync(path, { recursive: true });
    expectBadSource(path, /is a folder|no articles found/, 66);
  });

  it('an empty file', () => {
    expectBadSource(file('empty.txt', ''), /empty file/, 65);
  });

  it('a binary file', () => {
    expectBadSource(file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x41])), /binary data, not an article/, 65);
  });

  it('a folder with no articles', () => {
    const folder = join(dir, 'nothing-here');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'notes.csv'), 'a,b\n1,2\n');
    expectBadSource(folder, /no articles found/, 66);
  });

  it('a file over the size limit', () => {
    expectBadSource(file('big.txt', `Big Title\n\n${'word '.repeat(2000)}`), /larger than the 4 KiB limit \(raise it with --max-bytes\)/, 65, ['--max-bytes', '4k']);
  });

  it('empty stdin', () => {
    const { code, stdout, stderr } = runCli(['export'], { input: '' });
    expect(code).toBe(65);
    expect(stdout).toBe('');
    expect(stderr).toBe('inkwire: stdin: empty input\n');
  });

  it('invalid UTF-8 is read as Windows-1252 with a warning, and nothing is lost', () => {
    const path = file('latin.txt', Buffer.from('Caf\xe9 Opens Again\n\nThe caf\xe9 reopened \x93today\x94.', 'latin1'));
    const { code, stdout, stderr } = runCli(['export', path]);
    expect(code).toBe(0);
    expect(stderr).toBe(`inkwire: ${path}: not valid UTF-8; read as Windows-1252\n`);
    const [article] = JSON.parse(stdout);
    expect(article.title).toBe('Café Opens Again');
    expect(article.text).toBe('The café reopened “today”.');
  });

  it('an unknown extension with unrecognisable content', () => {
    expectBadSource(file('data.bin', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n'), /unrecognised content/, 65);
  });

  it('an unknown extension holding prose is read as plain text', () => {
    const path = file('story.article', 'Quiet Day In Town\n\nNothing much happened in town today, said the mayor.');
    const { code, stdout } = runCli(['export', path]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0].title).toBe('Quiet Day In Town');
  });

  it('invalid JSON in a .json file', () => {
    expectBadSource(file('broken.json', '{"title": "x", "body": '), /invalid JSON/, 65);
  });

  it('a bad --max-bytes value is a usage error', () => {
    const { code, stderr } = runCli(['export', good, '--max-bytes', 'lots']);
    expect(code).toBe(64);
    expect(stderr).toBe('inkwire: --max-bytes: not a size: lots\n');
  });

  it('an unknown option is a usage error on one line', () => {
    const { code, stderr } = runCli(['export', good, '--colour']);
    expect(code).toBe(64);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^inkwire: unknown option '--colour'/);
  });
});
