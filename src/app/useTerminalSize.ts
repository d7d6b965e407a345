import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import type { TerminalSize } from '../store/layout.js';

/** Fallback when the output is not a terminal (tests that give no size). */
const DEFAULT_SIZE: TerminalSize = { columns: 80, rows: 24 };

export function readSize(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || DEFAULT_SIZE.columns, rows: stdout.rows || DEFAULT_SIZE.rows };
}

/**
 * The terminal's size, following resizes. Ink 6 has no such hook, and with CI set it does
 * not listen for resizes at all, so this listens on stdout itself.
 */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => readSize(stdout));
  useEffect(() => {
    const onResize = () => {
      const next = readSize(stdout);
      setSize((prev) => (prev.columns === next.columns && prev.rows === next.rows ? prev : next));
    };
    stdout.on('resize', onResize);
    onResize();
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
