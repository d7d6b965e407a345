// What is at the lock's path decides nothing about the user's data: a symbolic link, a folder
// or another process's live lock each get a sentence or a wait, never a hang, a busy loop, or
// a process that ignores Ctrl-C and SIGTERM.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.js';
import { holdLockLike, tempHome, type FakeHolder } from './helpers.js';

const NIGHT_TRAINS = join(ROOT, 'examples', 'night-trains.txt');
const holders: FakeHolder[] = [];
afterEach(() => {
  for (const holder of holders.splice(0)) holder.stop();
});

interface Running {
  pid: number;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }>;
  kill(signal: NodeJS.Signals): void;
}

function start(home: string, args: string[], limitMs = 20_000): Running {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, INKWIRE_HOME: home, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end();
  // A process that never ends would hang the test: it is killed after `limitMs`, and the test fails.
  const guard = setTimeout(() => child.kill('SIGKILL'), limitMs);
  return {
    pid: child.pid!,
    kill: (signal) => child.kill(signal),
    done: new Promise((resolve) =>
      child.on('close', (code, signal) => {
        clearTimeout(guard);
        resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
      }),
    ),
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

describe('the lock path', () => {
  it('holding a dangling symbolic link: one line and exit 74, at once', async () => {
    const home = tempHome();
    symlinkSync(join(home, 'nowhere'), join(home, 'config.json.lock'));
    const result = await start(home, ['bookmarks', 'add', NIGHT_TRAINS]).done;
    expect(result.stderr).toBe(
      `inkwire: ${join(home, 'config.json.lock')}: cannot lock the bookmarks: this is a symbolic link, not a lock file inkwire made; remove it and try again\n`,
    );
    expect(result.code).toBe(74);
    expect(result.ms).toBeLessThan(10_000);
  });

  it('holding a folder: a sentence, not "internal error: EISDIR"', async () => {
    const home = tempHome();
    mkdirSync(join(home, 'config.json.lock'));
    const result = await start(home, ['bookmarks', 'add', NIGHT_TRAINS]).done;
    expect(result.stderr).toBe(
      `inkwire: ${join(home, 'config.json.lock')}: cannot lock the bookmarks: this is a folder, not a lock file inkwire made; remove it and try again\n`,
    );
    expect(result.code).toBe(74);
  });
});

describe('waiting for a lock another live process holds', () => {
  it('goes on for as long as the holder shows progress, past any fixed timeout, and then saves', async () => {
    const home = tempHome();
    const holder = holdLockLike(join(home, 'config.json.lock'));
    holders.push(holder);
    // Longer than the 15 s an earlier inkwire waited before giving up (and advising to delete the lock).
    const released = setTimeout(() => holder.stop(), 17_000);
    const result = await start(home, ['bookmarks', 'add', NIGHT_TRAINS], 40_000).done;
    clearTimeout(released);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^saved [0-9a-f]{16} {2}Night Trains Return/);
    expect(result.code).toBe(0);
    expect(result.ms).toBeGreaterThan(16_000);
  }, 60_000);

  it('uses no CPU while it waits, and ends at once on SIGTERM and on SIGINT (Ctrl-C)', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const home = tempHome();
      holders.push(holdLockLike(join(home, 'config.json.lock')));
      const waiting = start(home, ['bookmarks', 'add', NIGHT_TRAINS]);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      // Waiting is sleeping: a busy loop would have used most of the 2.5 s.
      expect(cpuSeconds(waiting.pid), signal).toBeLessThan(1.2);
      const sent = Date.now();
      waiting.kill(signal);
      const result = await waiting.done;
      expect(Date.now() - sent, signal).toBeLessThan(2_000);
      expect(result.stdout, signal).toBe('');
    }
  });
});
