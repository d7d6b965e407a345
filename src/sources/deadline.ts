import { ExitCode, InkwireError } from '../errors.js';

// `--timeout` bounds a whole source: connecting, downloading, following a page to its feed,
// the pages `--full` fetches, and parsing. Each step asks the same deadline how long is left;
// parsing, which cannot be interrupted, is checked between its (bounded) steps.

export interface Deadline {
  /** When the source must be done (ms since the epoch). */
  at: number;
  /** The limit it was set from, for the message. */
  ms: number;
}

export function deadlineIn(ms: number): Deadline {
  return { at: Date.now() + ms, ms };
}

export function remainingMs(deadline: Deadline): number {
  return Math.max(0, deadline.at - Date.now());
}

export function isPast(deadline: Deadline | undefined): boolean {
  return deadline !== undefined && Date.now() >= deadline.at;
}

/** The one error for a source that ran out of time, whatever it was doing then. */
export function timedOut(source: string, ms: number): InkwireError {
  return new InkwireError(source, `timed out after ${formatSeconds(ms)} (raise it with --timeout)`, ExitCode.ioErr);
}

/** A check for the steps of a long parse: throws once the deadline has passed. */
export function checkpointFor(source: string, deadline: Deadline | undefined): (() => void) | undefined {
  if (!deadline) return undefined;
  return () => {
    if (isPast(deadline)) throw timedOut(source, deadline.ms);
  };
}

export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
