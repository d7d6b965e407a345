import { constants as bufferConstants } from 'node:buffer';
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs';
import { ExitCode, InkwireError, fileErrorReason } from '../errors.js';
import { remainingMs, timedOut, type Deadline } from './deadline.js';
import { notRegularFile } from './file-kind.js';
import { formatSize } from './size.js';

const MiB = 1024 * 1024;

let maxSource: number | undefined;

/**
 * The most one source may be, whatever --max-bytes says: its text must fit in one JavaScript
 * string (just under 512 MiB), and parsing takes some five times its size in memory, so an
 * eighth of the heap. Past it Node would fail on its own, some ways with a native abort.
 * Never under 1 MiB (a heap of under 16 MB would otherwise refuse every file), so a smaller
 * source needs no look at the heap: node:v8, which tells its size, takes longer to load than
 * the first frame of a small file takes to read and parse.
 */
export function maxSourceBytes(): number {
  if (maxSource === undefined) {
    const { getHeapStatistics } = process.getBuiltinModule('node:v8');
    maxSource = Math.max(MiB, Math.floor(Math.min(bufferConstants.MAX_STRING_LENGTH, getHeapStatistics().heap_size_limit / 8) / MiB) * MiB);
  }
  return maxSource;
}

/** Whether `size` bytes are more than a source may be read to (see sourceLimit). */
export function overLimit(size: number, maxBytes: number): boolean {
  return size > maxBytes || (size > MiB && size > maxSourceBytes());
}

/**
 * One read call at most: fs.read takes a 32-bit length, a smaller one keeps memory even, and
 * the event loop gets a turn between two.
 */
const READ_CHUNK = 16 * MiB;

/** What the first read of a file asks for: nearly every file of a folder is smaller. */
const SCRATCH_BYTES = 64 * 1024;
const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);

/** The limit a source is read to: --max-bytes, never above what Node can hold. */
export function sourceLimit(maxBytes: number): number {
  return Math.min(maxBytes, maxSourceBytes());
}

/**
 * Reads at most `maxBytes` from a file; a bigger file is an error, never an out-of-memory crash.
 * The calls are synchronous: a folder is thousands of small files, and each asynchronous call
 * is a trip through libuv's thread pool that cost several times the read itself (100,000
 * files: 5.3 s against 0.65 s). Between large chunks the event loop gets a turn, so a huge
 * file still lets the interface and signals in.
 */
export async function readFileLimited(path: string, maxBytes: number, deadline?: Deadline): Promise<Uint8Array> {
  return finishReading(readSteps(path, maxBytes, deadline));
}

/**
 * readFileLimited, without a promise for a file of one read (nearly every file of a folder):
 * the bytes at once, or a promise of them for a file that gives the event loop turns.
 * `listedAsFile`: a folder's listing found the path a regular file, so a small one is read
 * without looking at it again.
 */
export function readFileSoon(path: string, maxBytes: number, deadline?: Deadline, listedAsFile = false): Uint8Array | Promise<Uint8Array> {
  const steps = readSteps(path, maxBytes, deadline, listedAsFile);
  const first = steps.next();
  return first.done ? first.value : finishReading(steps);
}

/** Drives a read to its end, a turn of the event loop at each step it asks one. */
async function finishReading(steps: Generator<void, Uint8Array>): Promise<Uint8Array> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The read itself, yielding where the event loop is to get a turn (between large chunks). */
function* readSteps(path: string, maxBytes: number, deadline?: Deadline, listedAsFile = false): Generator<void, Uint8Array> {
  let fd: number;
  try {
    // Non-blocking, so a named pipe that took the place of a file cannot stall the open; it is
    // then refused by what fstat says, which cannot change between a look and the read.
    fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (error) {
    const { reason, exitCode } = fileErrorReason(error);
    throw new InkwireError(path, reason, exitCode);
  }
  try {
    // A file a folder's listing found regular, and small, is read whole by one read that comes
    // back short, before any fstat: that look and its Stats object cost as much as the read
    // (100,000 files: 80 ms of CPU). The bytes are copied out of a scratch buffer, which the
    // next file's read reuses. Nothing read, a full scratch or a failed read (a folder or a
    // pipe that took the file's place since) goes the way below, where fstat says what the
    // path is. A path given by the user is always looked at first: a pipe must be refused
    // rather than read as far as it has been written.
    let first = 0;
    if (listedAsFile) {
      if (deadline && remainingMs(deadline) === 0) throw timedOut(path, deadline.ms);
      // The source limit is never under 1 MiB, so only --max-bytes can be under the scratch.
      const asked = Math.min(SCRATCH_BYTES, maxBytes + 1);
      try {
        first = readSync(fd, scratch, 0, asked, null);
      } catch {
        // fstat below tells what could not be read.
      }
      if (first > 0 && first < asked) return Buffer.from(scratch.subarray(0, first));
    }
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new InkwireError(path, 'is a folder', ExitCode.noInput);
    if (!info.isFile()) throw notRegularFile(path, info);
    if (overLimit(info.size, maxBytes)) throw tooLarge(path, maxBytes);
    // Read into one buffer of the stated size; keep reading past it, since the size can lie
    // (/proc, a file still growing), but never past the limit.
    // overLimit has refused a size over the limit.
    let buffer = Buffer.allocUnsafe(Math.max(info.size + 1, first));
    scratch.copy(buffer, 0, 0, first);
    let total = first;
    for (;;) {
      if (total === buffer.length) {
        const limit = sourceLimit(maxBytes);
        if (total > limit) throw tooLarge(path, maxBytes);
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(buffer.length * 2, 1 << 16)));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      if (deadline && remainingMs(deadline) === 0) throw timedOut(path, deadline.ms);
      const asked = Math.min(buffer.length - total, READ_CHUNK);
      const bytesRead = readSync(fd, buffer, total, asked, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      // A regular file reads short only at its end: with what it said it holds, it is done, and
      // the read that would say so is saved (one call in four for a folder of small files).
      if (bytesRead < asked && total >= info.size) break;
      if (bytesRead === READ_CHUNK) yield;
    }
    if (overLimit(total, maxBytes)) throw tooLarge(path, maxBytes);
    return buffer.subarray(0, total);
  } catch (error) {
    if (error instanceof InkwireError) throw error;
    const { reason, exitCode } = fileErrorReason(error);
    throw new InkwireError(path, reason, exitCode === ExitCode.noInput ? exitCode : ExitCode.ioErr);
  } finally {
    closeSync(fd);
  }
}

/** Reads a stream (stdin, a pipe) to its end, up to `maxBytes`, and before the deadline. */
export async function readStreamLimited(stream: NodeJS.ReadableStream, name: string, maxBytes: number, deadline?: Deadline): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  const destroy = (error?: Error) => (stream as NodeJS.ReadableStream & { destroy?: (error?: Error) => void }).destroy?.(error);
  let late = false;
  const timer = deadline
    ? setTimeout(() => {
        late = true;
        destroy(timedOut(name, deadline.ms));
      }, remainingMs(deadline))
    : undefined;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
      total += buffer.length;
      if (overLimit(total, maxBytes)) {
        destroy();
        throw tooLarge(name, maxBytes);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof InkwireError) throw error;
    if (late && deadline) throw timedOut(name, deadline.ms);
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    throw new InkwireError(name, code ? `read failed (${fileErrorReason(error).reason})` : 'read failed', ExitCode.ioErr);
  } finally {
    clearTimeout(timer);
  }
  if (late && deadline) throw timedOut(name, deadline.ms);
  return Buffer.concat(chunks, total);
}

/** The one error for any source over the size limit, file, stream or web response. */
export function tooLarge(source: string, maxBytes: number): InkwireError {
  if (maxBytes > maxSourceBytes()) {
    return new InkwireError(source, `larger than ${formatSize(maxSourceBytes())}, the most inkwire can read from one source`, ExitCode.dataErr);
  }
  return new InkwireError(source, `larger than the ${formatSize(maxBytes)} limit (raise it with --max-bytes)`, ExitCode.dataErr);
}
