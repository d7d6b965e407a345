import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, InkwireError, fileErrorReason } from '../errors.js';
import { formatSize } from './size.js';

/** Every article file under a folder: known extensions, hidden entries skipped, sorted. */
export async function listFolder(folder: string, extensions: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string, depth: number) => {
    // Depth bound: a symlink loop must not recurse forever.
    if (depth > 32) return;
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      const kind = entry.isSymbolicLink() ? await stat(path).catch(() => null) : entry;
      if (!kind) continue;
      if (kind.isDirectory()) await visit(path, depth + 1);
      else if (kind.isFile() && extensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) found.push(path);
    }
  };
  await visit(folder, 0);
  return found;
}

/** Reads at most `maxBytes` from a file; a bigger file is an error, never an out-of-memory crash. */
export async function readFileLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const { reason, exitCode } = fileErrorReason(error);
    throw new InkwireError(path, reason, exitCode);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InkwireError(path, 'is a folder', ExitCode.noInput);
    if (info.size > maxBytes) throw tooLarge(path, maxBytes);
    // Read into one buffer of the stated size; keep reading past it, since the size can lie
    // (pipes, /proc, a file still growing), but never past the limit.
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

/** Reads a stream to its end, up to `maxBytes`. */
export async function readStreamLimited(stream: NodeJS.ReadableStream, name: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      total += buffer.length;
      if (total > maxBytes) {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        throw tooLarge(name, maxBytes);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof InkwireError) throw error;
    throw new InkwireError(name, `read failed (${(error as Error).message})`, ExitCode.ioErr);
  }
  return Buffer.concat(chunks, total);
}

/** The one error for any source over the size limit, file, stream or web response. */
export function tooLarge(source: string, maxBytes: number): InkwireError {
  return new InkwireError(source, `larger than the ${formatSize(maxBytes)} limit (raise it with --max-bytes)`, ExitCode.dataErr);
}
