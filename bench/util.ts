import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const SHARED = join(ROOT, '..', 'shared');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const hasShared = existsSync(join(SHARED, 'corpus'));

/** One row of the benchmark table. */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
  /** What the same work costs a reference measured in the same run, when there is one. */
  baseline?: number;
  baselineLabel?: string;
  /** The target, as text (e.g. `≥ 50 MB/s`, `≤ 1.5× baseline`). */
  target?: string;
  /** Whether the target is met; undefined when there is no target. */
  ok?: boolean;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Wall time of a whole process, in milliseconds. */
export function timeProcess(command: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
