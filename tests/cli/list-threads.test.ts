import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_MIN_FILES } from '../../src/sources/load.js';
import { CLI } from '../helpers/cli.js';

// `inkwire list DIR` shares a big folder's files with a second thread when a core is spare
// (src/sources/folder-share.ts). Whichever thread read which file, what it prints must be
// what one thread prints: the same rows in the files' order, the same warnings and failures
// on stderr, the same exit status.

const FILES = SHARED_MIN_FILES + 1500;

/** A folder big enough to share, with files that warn (Windows-1252) and fail (empty, binary) spread through it, and JSON files, which are never shared. */
function bigFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-list-threads-'));
  for (let i = 0; i < FILES; i++) {
    const sub = join(dir, `part-${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) mkdirSync(sub);
    const name = `note-${String(i).padStart(5, '0')}`;
    if (i % 997 === 3) writeFileSync(join(sub, `${name}.txt`), '');
    else if (i % 1409 === 7) writeFileSync(join(sub, `${name}.txt`), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    else if (i % 853 === 11) writeFileSync(join(sub, `${name}.txt`), Buffer.from(`Caf\xe9 notes ${i}\n\nThe caf\xe9 on the quay opened at dawn, as it does.\n`, 'latin1'));
    else if (i % 1201 === 5) writeFileSync(join(sub, `${name}.json`), JSON.stringify({ title: `Data note ${i}`, text: 'A record kept as JSON among the notes.' }));
    else if (i % 4 === 1) writeFileSync(join(sub, `${name}.md`), `---\ntitle: "Note ${i}"\ndate: 2026-03-0${1 + (i % 9)}\n---\n\nA Markdown note, number ${i}, on the harbour.\n`);
    else writeFileSync(join(sub, `${name}.txt`), `Note ${i}: the tide\n\nThe tide came in at ${i % 24} o'clock and the boats went out.\n`);
  }
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  threads: number;
}

/** `inkwire list ARGS` with INKWIRE_THREADS set, and how many threads it ran (one CPU profile each). */
function list(threads: string, args: string[]): Run {
  const profiles = mkdtempSync(join(tmpdir(), 'inkwire-profiles-'));
  const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profiles, CLI, 'list', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, INKWIRE_THREADS: threads, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, threads: readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile')).length };
}

describe('inkwire list over a big folder, on two threads', () => {
  const dir = bigFolder();

  it('prints what one thread prints: rows in the files’ order, warnings and failures, exit status', () => {
    const one = list('1', [dir, '--json']);
    const two = list('2', [dir, '--json']);
    expect(one.threads).toBe(1);
    expect(two.threads).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(two.code).toBe(one.code);
    // Some sources failed: exit 1, and the failures and warnings are there to compare.
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/empty file/);
    expect(one.stderr).toMatch(/binary data/);
    expect(one.stderr).toMatch(/read as Windows-1252/);
    const rows = JSON.parse(two.stdout) as { source: string; title: string }[];
    const sources = rows.map((r) => r.source);
    expect(sources).toEqual([...sources].sort());
    expect(rows.length).toBeGreaterThan(FILES - 20);
    expect(rows.some((r) => r.title === 'Data note 5')).toBe(true);
  });

  it('prints the same table on two threads as on one, and with another source after the folder', () => {
    const extra = join(mkdtempSync(join(tmpdir(), 'inkwire-extra-')), 'last.txt');
    writeFileSync(extra, 'The last one\n\nA note given after the folder.\n');
    const one = list('1', [dir, extra]);
    const two = list('2', [dir, extra]);
    expect(two.threads).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout.trimEnd().split('\n').at(-1)).toMatch(/^The last one/);
  });
});
