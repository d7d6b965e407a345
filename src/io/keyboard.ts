import { openSync, closeSync } from 'node:fs';
import tty from 'node:tty';

/**
 * Where keys come from: stdin when it is a terminal; otherwise (stdin was piped in) the
 * controlling terminal, as less and fzf do; null with no terminal at all (cron, CI), in which
 * case the caller prints instead of going interactive.
 */
export function openKeyboard(): NodeJS.ReadStream | null {
  if (process.stdin.isTTY) return process.stdin;
  if (process.platform === 'win32') return null;
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r');
  } catch {
    return null;
  }
  try {
    const stream = new tty.ReadStream(fd);
    if (!stream.isTTY) {
      stream.destroy();
      return null;
    }
    return stream;
  } catch {
    closeSync(fd);
    return null;
  }
}

/** Releases a keyboard from openKeyboard(); stdin itself is left to Node. */
export function closeKeyboard(keyboard: NodeJS.ReadStream): void {
  if (keyboard.isTTY) {
    try {
      keyboard.setRawMode(false);
    } catch {
      // Already closed: nothing left to restore.
    }
  }
  if (keyboard !== process.stdin) keyboard.destroy();
}
