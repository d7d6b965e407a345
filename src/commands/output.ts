import { StringDecoder } from 'node:string_decoder';
import { ExitCode, fileWriteReason, InkwireError } from '../errors.js';
import { escapeLine, sanitizeText } from '../text/sanitize.js';
import type { CommandDeps } from './shared.js';

/**
 * Writes to stdout and waits until it is flushed; a closed pipe (`| head`) ends quietly, and
 * a failed write (a full disk) is one line about standard output.
 */
export function writeOut(deps: CommandDeps, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = deps.stdout;
    // The listener stays for the life of the stream: EPIPE can arrive after the write's own
    // callback, when the reader closes the pipe while output is still buffered.
    if (!stream.listenerCount('error')) {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      });
    }
    stream.write(text, (error) => {
      if (!error || (error as NodeJS.ErrnoException).code === 'EPIPE') resolve();
      else reject(new InkwireError('standard output', fileWriteReason(error), ExitCode.ioErr));
    });
  });
}

const GUARDED = Symbol.for('inkwire.sanitizedStderr');

type WriteCallback = (error?: Error | null) => void;

/**
 * Makes the stream's own write sanitize whatever passes through it: the one place where
 * inkwire's messages, Commander's, Node's warnings and any library's console output meet
 * before the terminal. An option value, a file name or an error message can hold an escape
 * sequence (`inkwire list $'--\e]52;c;…\a'` used to write to the clipboard); every chunk is
 * sanitized on its way, with tabs and line ends kept. Bytes are decoded as UTF-8 across
 * chunks, so a character split between two writes is not lost. Idempotent.
 */
export function sanitizeStream(stream: NodeJS.WritableStream): NodeJS.WritableStream {
  const marked = stream as NodeJS.WritableStream & { [GUARDED]?: true };
  if (marked[GUARDED]) return stream;
  const write = stream.write.bind(stream) as (chunk: string, callback?: WriteCallback) => boolean;
  const decoder = new StringDecoder('utf8');
  const guarded = (chunk: string | Uint8Array, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean => {
    const done = typeof encoding === 'function' ? encoding : callback;
    const charset = typeof encoding === 'string' ? encoding : 'utf8';
    const text =
      typeof chunk === 'string' && (charset === 'utf8' || charset === 'utf-8')
        ? chunk
        : decoder.write(typeof chunk === 'string' ? Buffer.from(chunk, charset) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    return write(sanitizeText(text), done);
  };
  marked.write = guarded as NodeJS.WritableStream['write'];
  marked[GUARDED] = true;
  return stream;
}

/**
 * The last word on an error nothing else caught: one sanitized line and exit code 74, where
 * Node would print the message raw with a stack trace. Deferred a tick, so that while the
 * interface is open its own handler (src/io/screen.ts), which restores the terminal first
 * and reports the error itself, exits before this runs.
 */
export function reportUncaught(stderr: () => NodeJS.WritableStream): void {
  const onError = (error: unknown) => {
    process.nextTick(() => {
      // Output written by a library (Commander's help) to a full disk: what failed is stdout.
      const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
      // The reader of a pipe left (`inkwire --help | head -1`): nothing is wrong.
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      const line =
        syscall === 'write' && typeof code === 'string'
          ? `standard output: ${fileWriteReason(error)}`
          : `internal error: ${error instanceof Error ? error.message : String(error)}`;
      stderr().write(`inkwire: ${escapeLine(line)}\n`);
      process.exit(ExitCode.ioErr);
    });
  };
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
}
