// Writes that a full disk, a crash or a kill cannot leave half done. Every file the store
// keeps is replaced only by a complete, flushed one: written whole to a temporary file beside
// it (a short write is continued, never taken for the end), fsynced, read back and compared,
// renamed over the old one, and the folder fsynced so the rename itself survives a crash.
// On any failure the temporary file is removed and the old file is untouched. Appending to
// the journal is undone (truncated back) when it fails part way.
//
// Every write goes through a FileOps, so tests inject faults (ENOSPC after N bytes) here, at
// the boundary with the file system, without needing a full disk.
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ioError, StoreIoError } from './io-errors.js';

export interface FileOps {
  open(path: string, flags: string, mode?: number): Promise<FileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  link(from: string, to: string): Promise<void>;
  /** Makes one folder (not its parents). */
  mkdir(path: string): Promise<void>;
}

export const realFileOps: FileOps = {
  open: (path, flags, mode) => fsp.open(path, flags, mode),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  link: (from, to) => fsp.link(from, to),
  mkdir: async (path) => {
    await fsp.mkdir(path);
  },
};

/** Temporary files of ours carry this; one left by a killed process is swept up later. */
const TEMP_MARK = '.tmp-inkwire-';

export function isStrayTemp(name: string): boolean {
  return name.includes(TEMP_MARK);
}

export interface WriteOptions {
  /** Never replace an existing file: fail with EEXIST instead. */
  exclusive?: boolean;
}

/** Replaces (or creates) `path` with `bytes`, whole or not at all. */
export async function writeFileDurably(ops: FileOps, path: string, bytes: Uint8Array, options: WriteOptions = {}): Promise<void> {
  const temp = `${path}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  let handle: FileHandle | undefined;
  try {
    handle = await ops.open(temp, 'wx+');
    await writeAll(handle, bytes, 0);
    await handle.sync();
    await verify(handle, bytes, path);
    await handle.close();
    handle = undefined;
    // link fails when the target exists, so an exclusive write never replaces anything.
    if (options.exclusive) await ops.link(temp, path);
    else await ops.rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await ops.unlink(temp).catch(() => undefined);
    throw ioError(error, path, 'write');
  }
  if (options.exclusive) await ops.unlink(temp).catch(() => undefined);
  await syncFolder(ops, dirname(path));
}

/**
 * Appends `bytes` at offset `at` (the file's length: the caller holds the lock, so nobody else
 * writes) and flushes. On failure the file is cut back to `at`, so nothing of it stays.
 */
export async function appendDurably(handle: FileHandle, at: number, bytes: Uint8Array, path: string): Promise<void> {
  try {
    await writeAll(handle, bytes, at);
    await handle.sync();
  } catch (error) {
    await handle
      .truncate(at)
      .then(() => handle.sync())
      .catch(() => undefined);
    throw ioError(error, path, 'write');
  }
}

/** Flushes a folder, so that a rename or a new file in it survives a crash. */
async function syncFolder(ops: FileOps, dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await ops.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Some file systems cannot flush a folder (EINVAL, EISDIR); the data itself is flushed.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EBADF') throw ioError(error, dir, 'write');
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Makes a folder and its parents, with an error that names what is in the way: a file where a
 * folder should be, a read-only or full disk.
 */
export async function ensureFolder(ops: FileOps, dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    const stat = await fsp.stat(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      // ENOTDIR: some parent is a file; found below, walking further up.
      if (error.code === 'ENOTDIR') return null;
      throw ioError(error, at, 'read');
    });
    if (stat) {
      if (!stat.isDirectory()) throw new StoreIoError(at, 'ENOTDIR', 'write', `${at} is a file, not a folder`);
      break;
    }
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      await ops.mkdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(error, folder, 'write');
    }
  }
}

/**
 * Keeps `bytes` as a new file `<path>.<label>-<time>` (numbered should that exist), never
 * replacing anything; returns its path. For files set aside: damaged, or before a migration.
 */
export async function keepAside(ops: FileOps, path: string, label: string, bytes: Uint8Array, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 0; ; n++) {
    const aside = `${path}.${label}-${stamp}${n === 0 ? '' : `-${n}`}`;
    try {
      await writeFileDurably(ops, aside, bytes, { exclusive: true });
      return aside;
    } catch (error) {
      if ((error as StoreIoError).code !== 'EEXIST') throw error;
    }
  }
}

export async function removeIfPresent(ops: FileOps, path: string): Promise<void> {
  try {
    await ops.unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(error, path, 'write');
  }
}

export async function listFolder(dir: string): Promise<string[]> {
  try {
    return await fsp.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw ioError(error, dir, 'read');
  }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array, at: number): Promise<void> {
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, at + done);
    // A file system that accepts nothing and says no error is full in all but name.
    if (bytesWritten <= 0) throw Object.assign(new Error('no bytes written'), { code: 'ENOSPC' });
    done += bytesWritten;
  }
}

/** Reads the file back: what is kept must be what was meant, byte for byte. */
async function verify(handle: FileHandle, bytes: Uint8Array, path: string): Promise<void> {
  const back = Buffer.alloc(bytes.length);
  let done = 0;
  while (done < back.length) {
    const { bytesRead } = await handle.read(back, done, back.length - done, done);
    if (bytesRead <= 0) break;
    done += bytesRead;
  }
  if (done !== bytes.length || !back.equals(bytes)) throw new StoreIoError(path, 'EIO', 'write', 'the file read back differs from what was written');
}
