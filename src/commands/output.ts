import type { CommandDeps } from './shared.js';

/** Writes to stdout and waits until it is flushed; a closed pipe (`| head`) ends quietly. */
export function writeOut(deps: CommandDeps, text: string): Promise<void> {
  return new Promise((resolve) => {
    const stream = deps.stdout;
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') resolve();
    };
    stream.once('error', onError);
    const flushed = stream.write(text, () => {
      stream.off('error', onError);
      resolve();
    });
    if (!flushed) stream.once('drain', () => undefined);
  });
}
