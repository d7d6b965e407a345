// What decides, and what is shared, when a command runs a second thread: the quote engine over
// a batch (commands/quote-batch.ts), or a big folder's files read and summarized
// (sources/folder-share.ts). Work is cut into numbered chunks, and one shared counter hands
// each number out once, to whichever thread claims it first.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';

/**
 * The next chunk number below `available` for the calling thread, or -1: each number is
 * handed out once, to whichever thread claims it first.
 */
export function claimChunk(claims: Int32Array, available: number): number {
  for (;;) {
    const next = Atomics.load(claims, 0);
    if (next >= available) return -1;
    if (Atomics.compareExchange(claims, 0, next, next + 1) === next) return next;
  }
}

/**
 * A core free for a second thread. With every core busy (a build, other work), two cold
 * engines cost a third more CPU time than one and finish later: measured at a load of 5 on
 * two cores, 2.0 s against 1.5 s. Free means either of: the 1-minute load average is half a
 * core under the number of cores (it counts this process and its recent past too), or at
 * this moment no other process's tasks are running on the cores this one would use (the
 * average lags: a script's own earlier runs keep it up for a minute). INKWIRE_THREADS=1 or
 * 2 decides instead.
 */
export function spareCore(cores: number, load: number, othersRunning: number | null, setting: string | undefined): boolean {
  if (setting === '1') return false;
  if (setting === '2') return true;
  if (cores < 2) return false;
  return load < cores - 0.5 || (othersRunning !== null && othersRunning <= cores - 2);
}

/** spareCore for this machine now, and this process's INKWIRE_THREADS. */
export function secondThreadWanted(): boolean {
  return spareCore(availableParallelism(), loadavg()[0]!, othersRunning(), process.env.INKWIRE_THREADS);
}

/**
 * Tasks of other processes running or ready to run this moment: Linux's count of all of
 * them (/proc/loadavg) less this process's own threads in that state; null where unknown.
 */
function othersRunning(): number | null {
  try {
    const all = Number.parseInt(readFileSync('/proc/loadavg', 'latin1').split(' ')[3] ?? '', 10);
    if (!Number.isFinite(all)) return null;
    let own = 0;
    for (const task of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'latin1');
      // The state follows the command's name, which is in parentheses and may hold spaces.
      if (stat[stat.lastIndexOf(')') + 2] === 'R') own++;
    }
    return Math.max(0, all - own);
  } catch {
    return null;
  }
}

/**
 * A worker's built file, given as a URL beside the calling module; null when running from
 * the sources (tests, tsx), where no worker is built.
 */
export function builtWorkerFile(url: URL): string | null {
  const file = fileURLToPath(url);
  return !file.endsWith('.ts') && existsSync(file) ? file : null;
}

/** What a command needs of its second thread: its messages both ways, its loss, its end. */
export interface ThreadLink<Out, In> {
  post(message: Out): void;
  onReply(listener: (reply: In) => void): void;
  /** Called once if the thread fails or ends before it is stopped. */
  onLost(listener: () => void): void;
  stop(): void;
}

export function linkWorker<Out, In>(worker: Worker): ThreadLink<Out, In> {
  let stopped = false;
  let lostListener: (() => void) | undefined;
  const lose = (): void => {
    if (stopped) return;
    stopped = true;
    lostListener?.();
  };
  worker.on('error', lose);
  worker.on('exit', lose);
  return {
    post: (message) => worker.postMessage(message),
    onReply: (listener) => worker.on('message', listener),
    onLost: (listener) => (lostListener = listener),
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
