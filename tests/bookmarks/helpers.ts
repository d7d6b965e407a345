import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const homes: string[] = [];
afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

/** A fresh INKWIRE_HOME, removed when the file's tests are done. */
export function tempHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'inkwire-bookmarks-'));
  homes.push(home);
  return home;
}

export interface Worker {
  child: ChildProcess;
  /** Resolves once the worker printed a line starting with `prefix`. */
  waitFor(prefix: string): Promise<void>;
  /** Every line it printed so far. */
  lines(): string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts tests/bookmarks/workers/store-worker.ts in its own process. */
export function startWorker(args: string[], env: NodeJS.ProcessEnv = {}): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/bookmarks/workers/store-worker.ts'), ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const out: string[] = [];
  let partial = '';
  let stderr = '';
  const waiters: { prefix: string; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      out.push(line);
      for (const waiter of waiters.filter((w) => line.startsWith(w.prefix))) waiter.resolve();
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return {
    child,
    lines: () => [...out],
    exited,
    waitFor: (prefix) =>
      new Promise<void>((resolve, reject) => {
        if (out.some((line) => line.startsWith(prefix))) return resolve();
        waiters.push({ prefix, resolve });
        void exited.then(({ code, stderr: err }) => reject(new Error(`worker exited (${code}) before "${prefix}": ${err}`)));
      }),
  };
}

export interface Tmpfs {
  dir: string;
  /** Fills the file system until `free` bytes are left (0: completely full). */
  fill(free: number): void;
  /** Frees what fill() took. */
  unfill(): void;
  unmount(): void;
}

/**
 * A small tmpfs of its own, for tests of a full or read-only disk; or why it cannot be had
 * (mounting needs root, which CI has and a user's clone may not).
 */
export function mountTmpfs(options: string): Tmpfs | { reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-tmpfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.error || mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    const why = mounted.error?.message ?? mounted.stderr.trim().split('\n')[0];
    return { reason: `cannot mount a tmpfs here (${why || `mount exited ${mounted.status}`})` };
  }
  const fills = join(dir, 'fill');
  return {
    dir,
    fill(free) {
      const chunk = Buffer.alloc(4096, 120);
      const fd = openSync(fills, 'a');
      try {
        for (;;) {
          const { bavail, bsize } = statfsSync(dir);
          if (bavail * bsize <= free) return;
          writeSync(fd, chunk);
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
    },
    unfill: () => rmSync(fills, { force: true }),
    unmount() {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every file of a folder with its bytes, to tell whether an operation changed anything. */
export function snapshotFolder(dir: string, ignore: (name: string) => boolean = () => false): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    if (ignore(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isFile()) files.set(name, readFileSync(path));
  }
  return files;
}

export interface FakeHolder {
  pid: number;
  stop(): void;
}

/**
 * A lock held the way a live inkwire holds it: a file naming a running process (a child that
 * only sleeps), its modification time refreshed five times a second as a holder's heartbeat.
 */
export function holdLockLike(lockPath: string, options: { heartbeat?: boolean } = {}): FakeHolder {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  writeFileSync(lockPath, JSON.stringify({ pid: child.pid, host: hostname() }));
  const touch = () => {
    try {
      utimesSync(lockPath, new Date(), new Date());
    } catch {
      // Removed by the test already.
    }
  };
  const beat = options.heartbeat === false ? undefined : setInterval(touch, 200);
  return {
    pid: child.pid!,
    stop() {
      if (beat) clearInterval(beat);
      child.kill('SIGKILL');
      rmSync(lockPath, { force: true });
    },
  };
}
