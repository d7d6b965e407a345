// A full or read-only disk, for real: the built CLI on a small tmpfs of its own. Every change
// either happens whole or fails with one line (exit 74) and leaves every file as it was.
// Mounting needs root (CI has it); elsewhere these skip with the reason, and
// tests/bookmarks/faults.test.ts injects the same faults at the file-system boundary.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { mountTmpfs, snapshotFolder, tempHome, type Tmpfs } from './helpers.js';

const NIGHT_TRAINS = join(ROOT, 'examples', 'night-trains.txt');

const probe = mountTmpfs('size=256k');
const reason = 'reason' in probe ? probe.reason : undefined;
if ('dir' in probe) probe.unmount();
if (reason) console.log(`skipping the tmpfs tests of a full and a read-only disk: ${reason}`);

const mounts: Tmpfs[] = [];
afterEach(() => {
  for (const mount of mounts.splice(0)) mount.unmount();
});

function mount(options: string): Tmpfs {
  const made = mountTmpfs(options);
  if ('reason' in made) throw new Error(made.reason);
  mounts.push(made);
  return made;
}

function inkwire(home: string, args: string[]) {
  return runCli(args, { env: { INKWIRE_HOME: home } });
}

/** An import file of `count` bookmarks, written outside the disk under test. */
function importFile(count: number): string {
  const file = join(tempHome(), 'import.json');
  const entries = Array.from({ length: count }, (_, i) => ({
    id: `b${i}`,
    title: `Bookmark number ${i} with a headline of ordinary length`,
    url: `https://news.example/story/${i}`,
    savedAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
    note: i % 5 === 0 ? `A note about story ${i}` : undefined,
    tags: ['news'],
  }));
  writeFileSync(file, JSON.stringify(entries));
  return file;
}

function listIds(home: string): string[] {
  const listed = inkwire(home, ['bookmarks', 'list', '--json']);
  expect(listed.stderr).toBe('');
  expect(listed.code).toBe(0);
  return (JSON.parse(listed.stdout) as { id: string }[]).map((b) => b.id).sort();
}

const isFill = (name: string) => name === 'fill';
const strays = (dir: string) => readdirSync(dir).filter((name) => /tmp/i.test(name));
const NO_SPACE = /^inkwire: [^\n]*: cannot save bookmarks: no space left on the device\n$/;

describe.skipIf(reason !== undefined)('a full disk (tmpfs)', () => {
  it('fails every change with one line and exit 74, changes no file and leaves no temporary file', () => {
    const disk = mount('size=256k');
    const imported = inkwire(disk.dir, ['bookmarks', 'import', importFile(200)]);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    const ids = listIds(disk.dir);
    expect(ids).toHaveLength(200);
    const before = snapshotFolder(disk.dir, isFill);
    disk.fill(0);

    for (const args of [
      ['bookmarks', 'remove', 'b5'],
      ['bookmarks', 'add', NIGHT_TRAINS, '--note', 'on a full disk'],
      ['bookmarks', 'import', importFile(20)],
    ]) {
      const result = inkwire(disk.dir, args);
      expect(result.stderr, args.join(' ')).toMatch(NO_SPACE);
      expect(result.code, args.join(' ')).toBe(74);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(snapshotFolder(disk.dir, isFill), args.join(' ')).toEqual(before);
      expect(strays(disk.dir), args.join(' ')).toEqual([]);
    }
    // Reading needs no space at all.
    expect(listIds(disk.dir)).toEqual(ids);
  });

  it('on a nearly full disk, a change happens whole or not at all, however little space is left', () => {
    const disk = mount('size=384k');
    const file = importFile(200);
    for (const free of [0, 4096, 8192, 16384, 24576, 32768, 40960, 49152, 65536, 98304]) {
      const context = `${free} bytes free`;
      disk.unfill();
      for (const name of readdirSync(disk.dir)) rmSync(join(disk.dir, name), { recursive: true, force: true });
      expect(inkwire(disk.dir, ['bookmarks', 'import', file]), context).toMatchObject({ code: 0, stderr: '' });
      const before = snapshotFolder(disk.dir, isFill);
      disk.fill(free);
      const removed = inkwire(disk.dir, ['bookmarks', 'remove', 'b7']);
      expect(strays(disk.dir), context).toEqual([]);
      if (removed.code === 0) {
        expect(removed.stdout, context).toMatch(/^removed b7 {2}Bookmark number 7 /);
        disk.unfill();
        expect(listIds(disk.dir), context).toHaveLength(199);
        expect(listIds(disk.dir), context).not.toContain('b7');
      } else {
        expect(removed.stderr, context).toMatch(NO_SPACE);
        expect(removed.code, context).toBe(74);
        expect(snapshotFolder(disk.dir, isFill), context).toEqual(before);
        disk.unfill();
        expect(listIds(disk.dir), context).toHaveLength(200);
      }
    }
  }, 120_000);
});

describe.skipIf(reason !== undefined)('a read-only disk (tmpfs)', () => {
  it('says the folder is read-only (exit 74), and still lists', () => {
    const disk = mount('size=64k,ro');
    const added = inkwire(disk.dir, ['bookmarks', 'add', NIGHT_TRAINS]);
    expect(added.stderr).toBe(`inkwire: ${join(disk.dir, 'config.json')}: cannot save bookmarks: the folder ${disk.dir} is read-only\n`);
    expect(added.code).toBe(74);
    expect(inkwire(disk.dir, ['bookmarks', 'list', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    expect(existsSync(join(disk.dir, 'config.json'))).toBe(false);
  });
});

