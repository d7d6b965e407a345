import { ExitCode } from '../errors.js';
import type { TerminalSize } from '../store/layout.js';
import { sanitizeLine } from '../text/sanitize.js';

/** Terminal modes inkwire changes, and how it puts them back. */
const ENTER_ALT_SCREEN = '\x1b[?1049h';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';
const CLEAR = '\x1b[2J\x1b[H';

/** Fallback when the output is not a terminal (tests that give no size). */
const DEFAULT_SIZE: TerminalSize = { columns: 80, rows: 24 };

export function readSize(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || DEFAULT_SIZE.columns, rows: stdout.rows || DEFAULT_SIZE.rows };
}

export interface TerminalSession {
  /** Puts the terminal back: primary screen, visible cursor, cooked mode. Safe to call twice. */
  restore(): void;
  /** Blanks the screen and puts the cursor home. */
  clear(): void;
}

// SIGINT too: in raw mode ctrl+c is a key, but `kill -INT` still arrives as a signal.
const SIGNALS = { SIGTERM: 15, SIGHUP: 1, SIGINT: 2 } as const;

/**
 * Switches to the alternate screen (Ink 6 cannot) and makes sure the terminal comes back on
 * quit, on an uncaught exception and on SIGTERM/SIGHUP/SIGINT: a reader that dies must not leave
 * the shell on a blank screen in raw mode.
 */
export function startTerminalSession(stdout: NodeJS.WriteStream, keyboard: NodeJS.ReadStream): TerminalSession {
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.off('exit', restore);
    for (const signal of Object.keys(SIGNALS)) process.off(signal, onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    if (keyboard.isTTY) {
      try {
        keyboard.setRawMode(false);
      } catch {
        // The terminal is gone (SIGHUP): there is no mode left to restore.
      }
    }
    try {
      stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
    } catch {
      // Same: writing to a hung-up terminal fails, and that is fine.
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.exit(128 + SIGNALS[signal as keyof typeof SIGNALS]);
  };
  const onCrash = (error: unknown) => {
    restore();
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`inkwire: internal error: ${sanitizeLine(message)}\n`);
    // The code the CLI uses for its own internal errors.
    process.exit(ExitCode.ioErr);
  };
  process.on('exit', restore);
  for (const signal of Object.keys(SIGNALS)) process.on(signal, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  // Raw mode now, not when Ink gets to it: keys typed during start-up must not be echoed
  // into the first frame.
  if (keyboard.isTTY) keyboard.setRawMode(true);
  stdout.write(ENTER_ALT_SCREEN + CLEAR + HIDE_CURSOR);
  return { restore, clear: () => stdout.write(CLEAR) };
}

const BEGIN_SYNC = '\x1b[?2026h';
const END_SYNC = '\x1b[?2026l';
const HOME = '\x1b[H';

/**
 * Draws a frame (lines joined by newlines) from the top of the cleared screen and puts the
 * cursor back home, where Ink starts its own first frame; synchronized, as Ink's are, so a
 * terminal that supports it shows the frame whole.
 */
export function paintFirstFrame(stdout: NodeJS.WriteStream, frame: string): void {
  stdout.write(BEGIN_SYNC + HOME + frame + HOME + END_SYNC);
}
