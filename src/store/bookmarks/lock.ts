// A cross-process lock around every change to the store, so concurrent inkwire processes take
// turns and lose none of each other's changes.
//
// The lock is a file created with O_EXCL holding its owner's pid, host and process start
// time. While it holds the lock, the owner touches the file every second (a heartbeat), so a
// waiter can tell a holder that is working from one that is stopped or stuck. A waiter:
// - never spins: it sleeps between looks, on timers, so signals and keys are handled;
// - waits as long as the holder is alive and its heartbeat fresh, however long the work;
// - takes over the lock of a holder that is gone (dead pid, or the pid now names another
//   process), guarded by a second O_EXCL file so two waiters never both take it;
// - gives up, saying why, when a live holder has shown no heartbeat for `stallMs` (stopped
//   with Ctrl-Z, say): never by deleting a lock a live process holds.
// Only a regular file at the lock's path is a lock; anything else (a symbolic link, a folder)
// is reported, never followed, deleted or waited for.
import { readFileSync, futimesSync, lstatSync, unlinkSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { ioError } from './io-errors.js';

export interface LockOptions {
  /** Aborting stops the wait (the work is then not done). */
  signal?: AbortSignal;
  /** Called once, when the lock turns out to be held by a live process, with who that is. */
  onWait?(holder: string): void;
  /** Give up when a live holder has shown no heartbeat for this long. */
  stallMs?: number;
}

/** Held while the work runs: `beat` refreshes the heartbeat between long synchronous steps. */
export interface Lease {
  beat(): void;
}

/** A live process holds the lock but has shown no sign of work for `quietMs`. */
export class LockStalledError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: string,
    readonly quietMs: number,
  ) {
    super(`${lockPath} is held by ${holder}, which has shown no progress for ${Math.round(quietMs / 1000)} s`);
    this.name = 'LockStalledError';
  }
}

/** Something other than a lock file is at the lock's path. */
export class LockPathError extends Error {
  constructor(
    readonly lockPath: string,
    readonly what: string,
  ) {
    super(`${lockPath}: this is ${what}, not a lock file inkwire made`);
    this.name = 'LockPathError';
  }
}

/** The wait was aborted (the interface quit) while `holder` held the lock. */
export class LockWaitAborted extends Error {
  constructor(readonly holder: string) {
    super(`gave up waiting for ${holder}`);
    this.name = 'LockWaitAborted';
  }
}

interface Owner {
  pid: number;
  host: string;
  /** The process's start time (clock ticks since boot, from /proc), telling a reused pid apart. */
  start?: string;
}

interface Seen {
  ino: bigint;
  /** Since the file was last touched: its holder's last heartbeat. */
  quietMs: number;
  owner: Owner | undefined;
}

const DEFAULT_STALL_MS = 30_000;
const HEARTBEAT_MS = 1_000;
/** An unreadable lock file this old was left by a process that died while creating it. */
const UNREADABLE_STALE_MS = 2_000;
/** A lock from another host (a shared home folder) cannot be probed: silent this long, it is gone. */
const FOREIGN_STALE_MS = 60_000;
const HOST = hostname();

/** Locks this process holds, by path, with the inode of our lock file. */
const held = new Map<string, bigint>();
/** Lock files this process is creating right now: not stale, though not yet in `held`. */
const creating = new Map<string, number>();
let exitHookSet = false;

/** Runs `fn` while holding the lock at `lockPath`. */
export async function withLock<T>(lockPath: string, fn: (lease: Lease) => Promise<T>, options: LockOptions = {}): Promise<T> {
  const { handle, ino } = await acquire(lockPath, options);
  setExitHook();
  const lease: Lease = {
    beat: () => {
      try {
        const now = new Date();
        futimesSync(handle.fd, now, now);
      } catch {
        // A heartbeat missed is a waiter's patience used; never a reason to stop the work.
      }
    },
  };
  const timer = setInterval(lease.beat, HEARTBEAT_MS);
  timer.unref();
  try {
    return await fn(lease);
  } finally {
    clearInterval(timer);
    held.delete(lockPath);
    await handle.close().catch(() => undefined);
    releaseIfOurs(lockPath, ino);
  }
}

async function acquire(lockPath: string, options: LockOptions): Promise<{ handle: FileHandle; ino: bigint }> {
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  let announced = false;
  let quickRetries = 0;
  for (let attempt = 0; ; attempt++) {
    // A free lock is taken even once aborted: aborting stops waiting, not work that need not wait.
    const mine = await tryCreate(lockPath, true);
    if (mine) return mine;
    const seen = inspect(lockPath);
    if (options.signal?.aborted) throw new LockWaitAborted(describe(seen?.owner));
    // Released (or broken) between our two looks: try again at once, a few times, then rest.
    if (!seen || isStale(lockPath, seen)) {
      if (seen) await breakStale(lockPath, seen);
      if (quickRetries++ < 3) await nextTurn();
      else await rest(10, options.signal, describe(seen?.owner));
      continue;
    }
    quickRetries = 0;
    const holder = describe(seen.owner);
    if (seen.owner?.host === HOST && seen.quietMs > stallMs) throw new LockStalledError(lockPath, holder, seen.quietMs);
    if (!announced) {
      announced = true;
      options.onWait?.(holder);
    }
    // Backs off to a quarter second, with jitter so waiting processes do not retry in step.
    await rest(Math.min(250, 5 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()), options.signal, holder);
  }
}

async function rest(ms: number, signal: AbortSignal | undefined, holder: string): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    throw new LockWaitAborted(holder);
  }
}

/**
 * Creates the lock file with our identity in it; undefined when something is already there.
 * `hold` records it as held before any other task of this process can look at it.
 */
async function tryCreate(path: string, hold: boolean): Promise<{ handle: FileHandle; ino: bigint } | undefined> {
  creating.set(path, (creating.get(path) ?? 0) + 1);
  try {
    let handle: FileHandle;
    try {
      handle = await fsp.open(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
      throw ioError(error, path, 'write');
    }
    try {
      const owner: Owner = { pid: process.pid, host: HOST, ...startOf(process.pid) };
      await handle.writeFile(JSON.stringify(owner));
      const { ino } = await handle.stat({ bigint: true });
      if (hold) held.set(path, ino);
      return { handle, ino };
    } catch (error) {
      await handle.close().catch(() => undefined);
      try {
        unlinkSync(path);
      } catch {
        // Gone already.
      }
      throw ioError(error, path, 'write');
    }
  } finally {
    const left = (creating.get(path) ?? 1) - 1;
    if (left > 0) creating.set(path, left);
    else creating.delete(path);
  }
}

/** Removes a stale lock, unless another waiter is doing so. */
async function breakStale(lockPath: string, seen: Seen): Promise<void> {
  const breaker = `${lockPath}.break`;
  const mine = await tryCreate(breaker, false);
  if (!mine) {
    // A breaker killed in its few microseconds of work must not block everyone for ever.
    const other = inspect(breaker);
    if (other && isStale(breaker, other)) releaseIfOurs(breaker, other.ino);
    return;
  }
  try {
    // Only breakers remove a stale lock, and we are the only breaker now: if it is still the
    // file we judged stale, nobody can replace it before we remove it.
    const now = inspect(lockPath);
    if (now && now.ino === seen.ino && isStale(lockPath, now)) releaseIfOurs(lockPath, now.ino);
  } finally {
    await mine.handle.close().catch(() => undefined);
    releaseIfOurs(breaker, mine.ino);
  }
}

function isStale(path: string, seen: Seen): boolean {
  const { owner } = seen;
  if (!owner) return seen.quietMs > UNREADABLE_STALE_MS;
  if (owner.host !== HOST) return seen.quietMs > FOREIGN_STALE_MS;
  // Ours: held, or being created by another wait of this process this very moment.
  if (owner.pid === process.pid) return held.get(path) !== seen.ino && !creating.has(path);
  if (!isAlive(owner.pid)) return true;
  // The pid is alive but names another process than the one that took the lock.
  const start = startOf(owner.pid).start;
  return owner.start !== undefined && start !== undefined && start !== owner.start;
}

/** What is at the lock's path; undefined when nothing. Never follows a symbolic link. */
function inspect(path: string): Seen | undefined {
  try {
    const stat = lstatSync(path, { bigint: true });
    if (stat.isSymbolicLink()) throw new LockPathError(path, 'a symbolic link');
    if (stat.isDirectory()) throw new LockPathError(path, 'a folder');
    if (!stat.isFile()) throw new LockPathError(path, 'not a regular file');
    return { ino: stat.ino, quietMs: Date.now() - Number(stat.mtimeMs), owner: ownerOf(readFileSync(path, 'utf8')) };
  } catch (error) {
    if (error instanceof LockPathError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError(error, path, 'read');
  }
}

function releaseIfOurs(path: string, ino: bigint): void {
  try {
    // Only our own file is removed: had it been broken and retaken, it is someone else's.
    if (lstatSync(path, { bigint: true }).ino === ino) unlinkSync(path);
  } catch {
    // Gone already.
  }
}

/** A process that exits while holding a lock (a signal, process.exit) leaves no lock behind. */
function setExitHook(): void {
  if (exitHookSet) return;
  exitHookSet = true;
  process.once('exit', () => {
    for (const [path, ino] of held) releaseIfOurs(path, ino);
  });
}

function ownerOf(text: string): Owner | undefined {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return undefined;
    const { pid, host, start } = data as Record<string, unknown>;
    if (!Number.isSafeInteger(pid) || typeof host !== 'string') return undefined;
    return { pid: pid as number, host, ...(typeof start === 'string' ? { start } : {}) };
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

/** A process's start time where /proc tells it (Linux); nothing elsewhere. */
function startOf(pid: number): { start?: string } {
  try {
    // Field 22 of /proc/<pid>/stat, counted after the command name, which may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
    const start = fields?.[19];
    return start ? { start } : {};
  } catch {
    return {};
  }
}

function describe(owner: Owner | undefined): string {
  if (!owner) return 'another process';
  return owner.host === HOST ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.host}`;
}
