import { getSystemErrorMap } from 'node:util';

// Exit codes follow BSD sysexits, so scripts can tell a usage slip from bad data.
export const ExitCode = {
  ok: 0,
  partial: 1,
  usage: 64,
  dataErr: 65,
  noInput: 66,
  ioErr: 74,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

const BRAND = Symbol.for('inkwire.error');

/** An error the user sees as one line: `inkwire: <subject>: <reason>`. */
export class InkwireError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly subject: string,
    readonly reason: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(`${subject}: ${reason}`);
    this.name = 'InkwireError';
  }

  /**
   * By brand rather than by class: the start-up bundle and the lazily loaded one each hold a
   * copy of this class (scripts/build.mjs), and an error from one is caught in the other.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }
}

const DATA_BRAND = Symbol.for('inkwire.data-error');

/**
 * A parser's verdict on its input, worded for the user ("feed has no entries"). Anything else
 * a parser throws is a bug or a limit of a library, and its message is never shown as is.
 * Told apart by brand, as InkwireError is.
 */
export class DataError extends Error {
  readonly [DATA_BRAND] = true;

  static [Symbol.hasInstance](value: unknown): boolean {
    // Subclasses keep the ordinary test: an OpmlError is not a FeedError.
    if (this !== DataError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as { [DATA_BRAND]?: unknown })[DATA_BRAND] === true;
  }
}

/** Turns a Node file-system error into the one-line reason a user understands. */
export function fileErrorReason(error: unknown): { reason: string; exitCode: ExitCodeValue } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return { reason: 'no such file or folder', exitCode: ExitCode.noInput };
    case 'EACCES':
    case 'EPERM':
      return { reason: 'permission denied', exitCode: ExitCode.noInput };
    case 'EISDIR':
      return { reason: 'is a folder', exitCode: ExitCode.noInput };
    case 'ENOTDIR':
      return { reason: 'not a folder', exitCode: ExitCode.noInput };
    case 'ELOOP':
      return { reason: 'too many symbolic links', exitCode: ExitCode.noInput };
    case 'ENAMETOOLONG':
      return { reason: 'name too long', exitCode: ExitCode.noInput };
    case 'ENXIO':
    case 'ENODEV':
      return { reason: 'no such device (a socket, or a device without a driver?)', exitCode: ExitCode.noInput };
    case 'EMFILE':
    case 'ENFILE':
      return { reason: 'too many open files', exitCode: ExitCode.ioErr };
    default: {
      const described = code ? systemErrorText(code) : undefined;
      return {
        reason: described ? `${described} (${code})` : code ? `cannot read (${code})` : 'cannot read',
        exitCode: ExitCode.ioErr,
      };
    }
  }
}

/** Turns a Node error from creating or writing a file into the reason a user understands. */
export function fileWriteReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the disk';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOENT':
      return 'no such folder';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'not a folder';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EFBIG':
      return 'file too large';
    case 'EIO':
      return 'input/output error';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return code ?? ((error as Error | undefined)?.message || 'unknown error');
  }
}

/** libuv's own wording for an errno code ("i/o error" for EIO), if it has one. */
function systemErrorText(code: string): string | undefined {
  for (const [name, text] of getSystemErrorMap().values()) if (name === code) return text;
  return undefined;
}

/**
 * The reason to show for anything thrown while reading or parsing a source. Errors written
 * for the user keep their words; system errors get a sentence; anything else (a TypeError
 * deep in a library, a stack overflow) becomes `could not read (…)` with a short cause, never
 * its own message, which would mean nothing to a reader.
 */
export function sourceFailureReason(error: unknown): { reason: string; exitCode: ExitCodeValue } {
  if (error instanceof InkwireError) return { reason: error.reason, exitCode: error.exitCode };
  if (error instanceof DataError) return { reason: error.message, exitCode: ExitCode.dataErr };
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return fileErrorReason(error);
  const text = typeof message === 'string' ? message : '';
  if (/call stack/i.test(text)) return { reason: 'could not read (nested too deeply to take apart)', exitCode: ExitCode.dataErr };
  if (code === 'ERR_STRING_TOO_LONG' || /string length|allocation failed|out of memory|buffer too large/i.test(text)) {
    return { reason: 'could not read (too large to hold in memory)', exitCode: ExitCode.dataErr };
  }
  return { reason: 'could not read (an unexpected failure inside inkwire; please report it)', exitCode: ExitCode.ioErr };
}
