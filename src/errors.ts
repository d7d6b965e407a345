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
    case 'EMFILE':
    case 'ENFILE':
      return { reason: 'too many open files', exitCode: ExitCode.ioErr };
    default:
      return {
        reason: code ? `cannot read (${code})` : 'cannot read',
        exitCode: ExitCode.ioErr,
      };
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
