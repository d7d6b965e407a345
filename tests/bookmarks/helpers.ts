import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
export function startWorker(args: string[]): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/bookmarks/workers/store-worker.ts'), ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
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
