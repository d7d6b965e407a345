import { ExitCode, InkwireError } from '../errors.js';

// What a path is when it is neither a regular file nor a folder. Reading a named pipe blocks
// until something writes to it (forever, if nothing does), and a device can be endless, so
// such paths are named and refused instead of read.

interface Kind {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

export function fileKind(info: Kind): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a file or folder';
}

export function notRegularFile(path: string, info: Kind): InkwireError {
  const hint = info.isFIFO() ? '; redirect it to stdin to read it' : '';
  return new InkwireError(path, `not a regular file (${fileKind(info)}${hint})`, ExitCode.noInput);
}
