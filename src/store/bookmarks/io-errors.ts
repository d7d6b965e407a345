import { dirname } from 'node:path';

/**
 * A file operation of the store failed. Carries what a person needs: the file or folder, and
 * a sentence for the reason ("no space left on the device"), never only an errno code.
 */
export class StoreIoError extends Error {
  constructor(
    /** The file or folder the operation was on. */
    readonly path: string,
    readonly code: string,
    readonly operation: 'read' | 'write',
    /** Set when the reason is known better than the code says (see ensureFolder). */
    readonly detail?: string,
  ) {
    super(`${path}: ${detail ?? describeCode(code, path, operation)}`);
    this.name = 'StoreIoError';
  }

  get reason(): string {
    return this.detail ?? describeCode(this.code, this.path, this.operation);
  }
}

/** Wraps a Node file-system error; other errors (and ours) pass through. */
export function ioError(error: unknown, path: string, operation: 'read' | 'write'): unknown {
  if (error instanceof StoreIoError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? new StoreIoError((error as NodeJS.ErrnoException).path ?? path, code, operation) : error;
}

export function isStoreIoError(error: unknown): error is StoreIoError {
  // By name as well: the start-up bundle and the lazy one each hold a copy of this class.
  return error instanceof StoreIoError || (error instanceof Error && error.name === 'StoreIoError' && 'reason' in error);
}

function describeCode(code: string, path: string, operation: 'read' | 'write'): string {
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return `the folder ${folderOf(path, operation)} is read-only`;
    case 'EACCES':
    case 'EPERM':
      return operation === 'write' ? `no permission to write in the folder ${folderOf(path, operation)}` : `no permission to read ${path}`;
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EIO':
      return 'the device reported an input/output error';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ELOOP':
      return 'too many symbolic links in the path';
    case 'ENOENT':
      return 'the folder is gone';
    default:
      return `the system said ${code}`;
  }
}

function folderOf(path: string, operation: 'read' | 'write'): string {
  // A write fails on the folder that would hold the new name.
  return operation === 'write' ? dirname(path) : path;
}
