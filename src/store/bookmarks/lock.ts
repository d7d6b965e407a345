// A cross-process lock around the store's read-modify-write. conf writes each file atomically,
// but two processes that both read, change and write still lose one another's change; holding
// this lock from the read to the write makes them take turns.
//
// The lock is a file created with O_EXCL holding its owner's pid and host. A holder killed with
// SIGKILL leaves it behind, so a lock whose owner is gone is broken. Breaking is itself guarded
// by a second O_EXCL file, so two processes that both find the same stale lock cannot end up
// with one of them deleting the fresh lock the other just took.
import { closeSync, fstatSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { removeIfPresent } from './atomic.js';

export interface LockOptions {
  /** Give up after this long; a healthy holder keeps the lock for milliseconds. */
  timeoutMs?: number;
}

/** The lock stayed held by a live process for the whole timeout. */
export class LockTimeoutError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: string,
  ) {
    super(`${lockPath} is held by ${holder}`);
    this.name = 'LockTimeoutError';
  }
}

interface Owner {
  pid: number;
  host: string;
}

interface Seen {
  ino: bigint;
  ageMs: number;
  owner: Owner | undefined;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** An unreadable lock file this old was left by a process that died while creating it. */
const UNREADABLE_STALE_MS = 2_000;
/** A lock from another host (a shared home folder) cannot be probed; trust it this long. */
const FOREIGN_STALE_MS = 60_000;
const HOST = hostname();

/** Locks this process holds, so a leftover lock carrying a recycled pid of ours is seen as stale. */
const held = new Set<string>();

/** Runs `fn` while holding the lock at `lockPath`. */
export function withLock<T>(lockPath: string, fn: () => T, options: LockOptions = {}): T {
  const ino = acquire(lockPath, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  held.add(lockPath);
  try {
    return fn();
  } finally {
    held.delete(lockPath);
    release(lockPath, ino);
  }
}

function acquire(lockPath: string, timeoutMs: number): bigint {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const ino = tryCreate(lockPath);
    if (ino !== undefined) return ino;
    if (breakIfStale(lockPath)) continue;
    if (Date.now() > deadline) throw new LockTimeoutError(lockPath, describe(inspect(lockPath)?.owner));
    // Backs off up to 50 ms, with jitter so waiting processes do not retry in step.
    sleep(Math.min(50, 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
  }
}

/** Creates the lock file with our pid in it; undefined when it already exists. */
function tryCreate(path: string): bigint | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: HOST }));
    return fstatSync(fd, { bigint: true }).ino;
  } catch (error) {
    unlinkSync(path);
    throw error;
  } finally {
    closeSync(fd);
  }
}

function release(lockPath: string, ino: bigint): void {
  // Only our own lock is removed: had it been broken and retaken, the file is someone else's.
  if (inspect(lockPath)?.ino === ino) unlinkSync(lockPath);
}

/** True when the lock is gone or was stale and has been removed, so acquiring may retry now. */
function breakIfStale(lockPath: string): boolean {
  const seen = inspect(lockPath);
  if (!seen) return true;
  if (!isStale(lockPath, seen)) return false;
  const breaker = `${lockPath}.break`;
  const breakerIno = tryCreate(breaker);
  if (breakerIno === undefined) {
    // A breaker killed in its few microseconds of work must not block everyone for ever.
    const other = inspect(breaker);
    if (other && isStale(breaker, other)) removeIfPresent(breaker);
    return false;
  }
  try {
    // Only breakers change a stale lock, and we are the only breaker now: if it is the file we
    // judged stale, nobody can replace it before we remove it.
    const now = inspect(lockPath);
    if (now && now.ino === seen.ino && isStale(lockPath, now)) removeIfPresent(lockPath);
    return true;
  } finally {
    release(breaker, breakerIno);
  }
}

function isStale(path: string, seen: Seen): boolean {
  const { owner } = seen;
  if (!owner) return seen.ageMs > UNREADABLE_STALE_MS;
  if (owner.host !== HOST) return seen.ageMs > FOREIGN_STALE_MS;
  if (owner.pid === process.pid) return !held.has(path);
  return !isAlive(owner.pid);
}

function inspect(path: string): Seen | undefined {
  try {
    const stat = statSync(path, { bigint: true });
    return { ino: stat.ino, ageMs: Date.now() - Number(stat.mtimeMs), owner: ownerOf(readFileSync(path, 'utf8')) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function ownerOf(text: string): Owner | undefined {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return undefined;
    const { pid, host } = data as Record<string, unknown>;
    return Number.isSafeInteger(pid) && typeof host === 'string' ? { pid: pid as number, host } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describe(owner: Owner | undefined): string {
  return owner ? `process ${owner.pid} on ${owner.host}` : 'another process';
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** The store's API is synchronous (the interface calls it from key handlers), so waits block. */
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
