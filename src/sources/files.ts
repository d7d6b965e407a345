import { constants as fsConstants } from 'node:fs';
import { open } from 'node:fs/promises';
import { ExitCode, InkwireError, fileErrorReason } from '../errors.js';
import { notRegularFile } from './file-kind.js';
import { formatSize } from './size.js';

/** Reads at most `maxBytes` from a file; a bigger file is an error, never an out-of-memory crash. */
export async function readFileLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    // Non-blocking, so a named pipe that took the place of a file cannot stall the open; it is
    // then refused by what fstat says, which cannot change between a look and the read.
    handle = await open(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (error) {
    const { reason, exitCode } = fileErrorReason(error);
    throw new InkwireError(path, reason, exitCode);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InkwireError(path, 'is a folder', ExitCode.noInput);
    if (!info.isFile()) throw notRegularFile(path, info);
    if (info.size > maxBytes) throw tooLarge(path, maxBytes);
    // Read into one buffer of the stated size; keep reading past it, since the size can lie
    // (/proc, a file still growing), but never past the limit.
    let buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > maxBytes) throw tooLarge(path, maxBytes);
        const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(buffer.length * 2, 1 << 16)));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > maxBytes) throw tooLarge(path, maxBytes);
    return buffer.subarray(0, total);
  } catch (error) {
    if (error instanceof InkwireError) throw error;
    const { reason, exitCode } = fileErrorReason(error);
    throw new InkwireError(path, reason, exitCode === ExitCode.noInput ? exitCode : ExitCode.ioErr);
  } finally {
    await handle.close();
  }
}

/** Reads a stream (stdin, a pipe) to its end, up to `maxBytes`. */
export async function readStreamLimited(stream: NodeJS.ReadableStream, name: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  const destroy = () => (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      total += buffer.length;
      if (total > maxBytes) {
        destroy();
        throw tooLarge(name, maxBytes);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof InkwireError) throw error;
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new InkwireError(name, code ? `read failed (${fileErrorReason(error).reason})` : 'read failed', ExitCode.ioErr);
  }
  return Buffer.concat(chunks, total);
}

/** The one error for any source over the size limit, file, stream or web response. */
export function tooLarge(source: string, maxBytes: number): InkwireError {
  return new InkwireError(source, `larger than the ${formatSize(maxBytes)} limit (raise it with --max-bytes)`, ExitCode.dataErr);
}
