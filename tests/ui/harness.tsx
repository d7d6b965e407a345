import { EventEmitter } from 'node:events';
import { render, type Instance } from 'ink';
import type { ReactElement } from 'react';

// These tests drive Ink through its streams and poll for frames, as a terminal would see
// them; updates come from Ink's input handling and the app's own timers, outside act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

/** A terminal whose size a test can set and change, recording every frame Ink writes. */
export class FakeStdout extends EventEmitter {
  isTTY = true;
  frames: string[] = [];
  /** Everything written that is not a frame (OSC 52 copies). */
  writes: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (chunk: string) => {
    this.writes.push(chunk);
    if (!chunk.startsWith('\x1b]')) this.frames.push(chunk);
    return true;
  };
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
  lastFrame(): string {
    // Ink writes whole frames with debug on; colours are off in tests (FORCE_COLOR=0).
    return this.frames[this.frames.length - 1] ?? '';
  }
}

/** Keys for Ink to read, one chunk per write, as a terminal sends them. */
export class FakeStdin extends EventEmitter {
  isTTY = true;
  private queue: string[] = [];
  write(data: string) {
    this.queue.push(data);
    this.emit('readable');
  }
  read = () => this.queue.shift() ?? null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export const KEYS = {
  down: '\x1b[B',
  up: '\x1b[A',
  pgdown: '\x1b[6~',
  pgup: '\x1b[5~',
  home: '\x1b[H',
  end: '\x1b[F',
  enter: '\r',
  tab: '\t',
  esc: '\x1b',
  backspace: '\x7f',
  ctrlC: '\x03',
  ctrlD: '\x04',
};

const tick = () => new Promise<void>((resolve) => setImmediate(() => setTimeout(resolve, 0)));

/** Polls until `check` passes, yielding to Ink and React between tries; never sleeps blindly. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await tick();
  }
}

export interface Rendered {
  stdout: FakeStdout;
  stdin: FakeStdin;
  instance: Instance;
  frame(): string;
  /** Sends keys one chunk at a time, letting Ink and React handle each before the next. */
  press(...keys: string[]): Promise<void>;
  waitForText(text: string | RegExp): Promise<void>;
  /** Resizes the terminal, as a window manager would (a 'resize' event on stdout). */
  resize(columns: number, rows: number): void;
}

export async function renderApp(element: ReactElement, size: { columns: number; rows: number }): Promise<Rendered> {
  const stdout = new FakeStdout(size.columns, size.rows);
  const stdin = new FakeStdin();
  const instance = render(element, {
    // The fakes implement what Ink uses of the streams.
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: stdout as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const frame = () => stdout.lastFrame();
  // useInput subscribes in an effect: a key written before it runs is lost.
  await waitFor(() => stdout.frames.length > 0, 'the first frame');
  await tick();
  await tick();
  const waitForText = (text: string | RegExp) =>
    waitFor(() => (typeof text === 'string' ? frame().includes(text) : text.test(frame())), `“${String(text)}” on screen`);
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      stdin.write(key);
      // A lone Esc is held back a tick by Ink in case it starts a sequence; React then
      // commits and effects re-run before the next key.
      await tick();
      await tick();
    }
  };
  const resize = (columns: number, rows: number) => stdout.resize(columns, rows);
  return { stdout, stdin, instance, frame, press, waitForText, resize };
}
