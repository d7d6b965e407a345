import type { CommandDeps } from './shared.js';
import { writeOut } from './output.js';

/** Elements are written this many at a time. */
const BATCH = 256;

export interface JsonArrayOut<T> {
  add(value: T): void;
  /** Closes the array and waits for stdout; prints nothing when no value was added. */
  end(): Promise<void>;
}

/**
 * A JSON array written to stdout as its elements arrive, byte for byte what
 * `JSON.stringify(values, null, 2)` prints for the whole array, so that a list of 100,000
 * articles is never one string in memory. `layout` gives an element as it stands in that
 * array (indented two spaces, see listRowJson). Process stdout is written synchronously to
 * files and pipes on Linux and macOS, so the writes cannot pile up faster than they are taken.
 */
export function jsonArrayOut<T>(deps: CommandDeps, layout: (value: T) => string): JsonArrayOut<T> {
  let batch: string[] = [];
  let started = false;
  // A write that failed (a full disk) is reported by end(); nothing more is written after it.
  let failed: unknown = null;
  const write = (closing: boolean): Promise<void> => {
    if (failed !== null) return Promise.reject(failed);
    let text = '';
    if (batch.length > 0) {
      text = `${started ? ',\n' : '[\n'}${batch.join(',\n')}`;
      started = true;
      batch = [];
    }
    if (closing && started) text += '\n]\n';
    return text === '' ? Promise.resolve() : writeOut(deps, text);
  };
  return {
    add(value) {
      if (failed !== null) return;
      batch.push(layout(value));
      if (batch.length >= BATCH) {
        write(false).catch((error: unknown) => {
          failed ??= error;
        });
      }
    },
    end: () => write(true),
  };
}
