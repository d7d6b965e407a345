// First frame and memory, measured as a user sees them: the built CLI in a pseudo-terminal,
// timed until the expected text is on its output, beside `node -e "console.log('x')"`
// measured the same way in the same run.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn, type IPty } from '@lydell/node-pty';
import { bigArticle, manyArticles } from './inputs.js';
import { printTable } from './table.js';
import { CLI, ROOT, median, now, type Figure } from './util.js';

const PROGRAM = process.env.INKWIRE_CLI ?? CLI;

export interface Shown {
  ms: number;
  /**
   * When Ink's own first frame ended (the second end of a synchronized frame: the first is
   * the painted one), i.e. when keys start being handled; 0 if not waited for.
   */
  readyMs: number;
  /** Peak resident memory of the process (VmHWM), in MB, read once the marker is seen. */
  peakMB: number;
  /** CPU time the process had used (all its threads) when the marker was seen, in ms; 0 if unknown. */
  cpuMs: number;
}

/**
 * CPU time a running process has used so far, all threads, from the scheduler's nanosecond
 * counts (/proc/PID/task/TID/schedstat); 0 where there is no /proc or the process is gone.
 * The load on the machine stretches wall time far more than this.
 */
export function cpuMsOf(pid: number): number {
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e6;
  } catch {
    return 0;
  }
}

/** Spawns a command in a pty and resolves when `marker` appears; kills it afterwards. */
const END_OF_FRAME = '\x1b[?2026l';

function frameEnds(output: string): number {
  return output.split(END_OF_FRAME).length - 1;
}

/** Ends a timed pty run once, or with `late` after 60 s: the deadline cleared, the terminal killed. */
export function endOnce(pty: IPty, resolve: (ms: number) => void, reject: (error: Error) => void, late: string): (error?: Error, ms?: number) => void {
  let ended = false;
  const timer = setTimeout(() => done(new Error(late)), 60_000);
  const done = (error?: Error, ms = 0): void => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    killThen(pty, () => (error ? reject(error) : resolve(ms)));
  };
  return done;
}

/** The pty processes that have exited, so a kill need not wait for an exit already past. */
const exited = new WeakSet<IPty>();

/**
 * Kills the process of a pty and calls `then` once it is gone (5 s at most): a reader killed
 * at the end of a run is still restoring the terminal and stopping its threads, and the next
 * timed run must not share the machine with that.
 */
export function killThen(pty: IPty, then: () => void): void {
  if (exited.has(pty)) {
    then();
    return;
  }
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    clearTimeout(timer);
    then();
  };
  const timer = setTimeout(once, 5000);
  pty.onExit(once);
  pty.kill();
}

/** A 120-column pseudo-terminal (40 rows unless told) running `command`, with only the environment a run needs. */
export function benchPty(command: string, args: string[], env: Record<string, string> = {}, rows = 40) {
  const pty = spawn(command, args, {
    name: 'xterm-256color',
    cols: 120,
    rows,
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TERM: 'xterm-256color', LANG: 'C.UTF-8', HOME: process.env.HOME ?? '/tmp', ...env },
  });
  pty.onExit(() => exited.add(pty));
  return pty;
}

export function timeToText(
  command: string,
  args: string[],
  marker: string,
  env: Record<string, string> = {},
  afterShown?: string,
  waitForInk = false,
): Promise<Shown> {
  return new Promise((resolve, reject) => {
    const start = now();
    const pty = benchPty(command, args, env);
    let output = '';
    let shownAt = 0;
    let shownCpu = 0;
    let readyAt = 0;
    const timer = setTimeout(() => finish(new Error(`“${marker}” did not appear within 120 s`)), 120_000);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      let peakMB = 0;
      try {
        const status = readFileSync(`/proc/${pty.pid}/status`, 'utf8');
        peakMB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      } catch {
        // The process is gone; memory is unknown.
      }
      killThen(pty, () => (error ? reject(error) : resolve({ ms: shownAt - start, readyMs: readyAt ? readyAt - start : 0, peakMB, cpuMs: shownCpu })));
    };
    pty.onData((data) => {
      output += data;
      if (output.length > 400_000) output = output.slice(-200_000);
      if (shownAt && waitForInk && !readyAt && frameEnds(output) >= 2) {
        readyAt = now();
        finish();
        return;
      }
      if (!shownAt && output.includes(marker)) {
        shownAt = now();
        shownCpu = cpuMsOf(pty.pid);
        if (waitForInk) {
          if (frameEnds(output) >= 2) {
            readyAt = shownAt;
            finish();
          }
        } else if (!afterShown) finish();
        else {
          // Keys after the first frame (e.g. G), so memory covers real use, not just opening.
          pty.write(afterShown);
          setTimeout(() => finish(), 1500);
        }
      }
    });
    pty.onExit(() => {
      if (!shownAt) finish(new Error(`exited before showing “${marker}”: ${output.slice(-300)}`));
    });
  });
}

/** node -e printing x and the CPU time (µs, all threads) it has used by then. */
const NODE_E_CPU = "const u = process.cpuUsage(); console.log('x cpu ' + (u.user + u.system))";

/** Everything a command in a pty writes until it exits. */
function outputOf(command: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const pty = benchPty(command, args);
    let output = '';
    pty.onData((data) => (output += data));
    pty.onExit(() => resolve(output));
  });
}

/**
 * Types `key` the moment the first frame has arrived and resolves with the milliseconds from
 * start until the frame it causes shows `marker` (a terminal short enough for the key to
 * change the screen).
 */
function timeToKey(command: string, args: string[], key: string, marker: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = now();
    const pty = benchPty(command, args, env, 12);
    let output = '';
    let typedAt = -1;
    const done = endOnce(pty, resolve, reject, `${JSON.stringify(key)} was not answered within 60 s`);
    pty.onData((data) => {
      output += data;
      if (typedAt < 0 && output.includes(END_OF_FRAME)) {
        typedAt = output.length;
        pty.write(key);
      } else if (typedAt >= 0 && output.slice(typedAt).includes(marker)) done(undefined, now() - start);
    });
    pty.onExit(() => {
      if (typedAt < 0) done(new Error(`exited before its first frame: ${output.slice(-300)}`));
    });
  });
}

export async function medianOf(runs: number, measure: () => Promise<Shown>): Promise<Shown> {
  const results: Shown[] = [];
  for (let i = 0; i < runs; i++) results.push(await measure());
  return {
    ms: median(results.map((r) => r.ms)),
    readyMs: median(results.map((r) => r.readyMs)),
    peakMB: Math.max(...results.map((r) => r.peakMB)),
    cpuMs: median(results.map((r) => r.cpuMs)),
  };
}

export async function startupFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-bench-start-'));
  const env = { INKWIRE_HOME: join(dir, 'home') };
  try {
    const one = join(ROOT, 'examples', 'harbour-bridge-vote.txt');
    const huge = join(dir, 'huge.txt');
    const list = join(dir, 'list.json');
    writeFileSync(huge, bigArticle(5 * 1024 * 1024));
    writeFileSync(list, manyArticles(100_000));

    // Interleaved, so load on the machine touches both alike.
    const nodeRuns: number[] = [];
    const nodeCpu: number[] = [];
    const oneRuns: Shown[] = [];
    const keyRuns: number[] = [];
    for (let i = 0; i < 12; i++) {
      nodeRuns.push((await timeToText(process.execPath, ['-e', "console.log('x')"], 'x')).ms);
      // Its CPU time as it prints, counted by the process itself: it is gone by the time the
      // output arrives here.
      nodeCpu.push(Number(/cpu (\d+)/.exec(await outputOf(process.execPath, ['-e', NODE_E_CPU]))?.[1] ?? 0) / 1000);
      oneRuns.push(await timeToText(process.execPath, [PROGRAM, one], 'Harbour Town Council', env, undefined, true));
      // G on the first frame: the status bar then says 100%.
      keyRuns.push(await timeToKey(process.execPath, [PROGRAM, one], 'G', '100%', env));
    }
    const nodeMs = median(nodeRuns);
    const oneMs = median(oneRuns.map((r) => r.ms));
    const readyMs = median(oneRuns.map((r) => r.readyMs));
    const keyMs = median(keyRuns);
    const oneCpu = median(oneRuns.map((r) => r.cpuMs));
    const nodeCpuMs = median(nodeCpu);
    const hugeShown = await medianOf(5, () => timeToText(process.execPath, [PROGRAM, huge], 'A Very Long Article', env, 'G'));
    const listShown = await medianOf(3, () => timeToText(process.execPath, [PROGRAM, list], '1/100,000', env, 'G'));

    return [
      { figure: 'first frame, one article', value: oneMs, unit: 'ms', baseline: nodeMs, baselineLabel: 'node -e', target: '≤ 1.5× node -e', ok: oneMs <= 1.5 * nodeMs },
      { figure: 'one article: G typed on the first frame, answered', value: keyMs, unit: 'ms', baseline: nodeMs, baselineLabel: 'node -e', target: '≤ 1.5× node -e', ok: keyMs <= 1.5 * nodeMs },
      ...(oneCpu > 0 ? [{ figure: 'one article: CPU time at the first frame (all threads)', value: oneCpu, unit: 'ms', baseline: nodeCpuMs, baselineLabel: 'node -e, as it prints' }] : []),
      // No target: keys typed before it are answered by the painter, or wait for Ink in order.
      { figure: 'one article: Ink up', value: readyMs, unit: 'ms', baseline: nodeMs, baselineLabel: 'node -e' },
      { figure: 'first frame, 5 MB article', value: hugeShown.ms, unit: 'ms', baseline: oneMs, baselineLabel: 'one article', target: '≤ 4× one article', ok: hugeShown.ms <= 4 * oneMs },
      { figure: 'first frame, 100,000-article list', value: listShown.ms, unit: 'ms', target: '≤ 1500 ms', ok: listShown.ms <= 1500 },
      { figure: 'peak memory, 5 MB article', value: hugeShown.peakMB, unit: 'MB', target: '≤ 200 MB', ok: hugeShown.peakMB <= 200 },
      { figure: 'peak memory, 100,000-article list', value: listShown.peakMB, unit: 'MB', target: '≤ 300 MB', ok: listShown.peakMB <= 300 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable(await startupFigures());
}
