import type { CommandDeps } from './shared.js';

/** Writes to stdout and waits until it is flushed; a closed pipe (`| head`) ends quietly. */
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
      else reject(error);
    });
  });
}
