// Whole-file writes that a crash cannot leave half done: write a temporary file beside the
// target, flush it, then rename it over the target (or link it, when the target must be new).
// conf does this for config.json itself; these are for the files inkwire writes around it.
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';

/** Temporary files of ours end so; one left by a killed process is swept up by `isStrayTemp`. */
const TEMP_MARK = '.tmp-inkwire-';

export function writeFileAtomic(path: string, data: string | Uint8Array, options: { exclusive?: boolean } = {}): void {
  const temp = tempPathFor(path);
  const fd = openSync(temp, 'wx');
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  settle(temp, path, options.exclusive ?? false);
}

/**
 * Copies a file so the copy is always whole. Not flushed: the copy is a second line of defence
 * (the last good config), and an fsync on every save would double its cost.
 */
export function copyFileAtomic(from: string, to: string): void {
  const temp = tempPathFor(to);
  copyFileSync(from, temp);
  settle(temp, to, false);
}

/** Deletes a file that may already be gone. */
export function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

export function isStrayTemp(name: string): boolean {
  return name.includes(TEMP_MARK);
}

function settle(temp: string, path: string, exclusive: boolean): void {
  try {
    // link fails when the target exists, so an exclusive write never replaces anything.
    if (exclusive) linkSync(temp, path);
    else renameSync(temp, path);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
  if (exclusive) unlinkSync(temp);
}

function tempPathFor(path: string): string {
  return `${path}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
}
