// The batch commands that run the quote engine over many articles (`inkwire quotes`,
// `inkwire people`) are short processes spent in one large rule engine. V8 sends a function
// to its optimising compiler after a small budget of work; for this engine most of those
// compilations, and the deoptimisations that follow as the rules meet new shapes of text,
// cost more than they save within a run of a second or two. Optimising later is cheaper:
// over PolNeAR train (3.9 MB, 840 articles), CPU 1.45 s -> 1.0 s on Node 20 (V8 11),
// 1.23 s -> 0.95 s on Node 22 (V8 12); Node 24 (V8 13) about 1.03 s -> 0.95 s. The flag is
// process-wide, so the interface, a long-lived process, never sets it.

import { setFlagsFromString } from 'node:v8';

/** The V8 flag that delays optimisation for this V8 major version, or null if none is known. */
export function laterTieringFlag(v8Version: string): string | null {
  const major = Number.parseInt(v8Version, 10);
  // V8 11: the work (in bytecode executed) before a function is considered; 12 times the default.
  if (major === 11) return '--interrupt-budget=800000';
  // V8 12 and 13 count calls instead: ten times the default.
  if (major === 12 || major === 13) return '--invocation-count-for-turbofan=30000';
  // A V8 that does not know the flag would print an error for it: leave it alone.
  return null;
}

/** Before the quote engine is loaded: optimise its functions later (see above). */
export function tierUpLater(v8Version: string = process.versions.v8): void {
  const flag = laterTieringFlag(v8Version);
  if (flag !== null) setFlagsFromString(flag);
}
