import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { readSize } from '../io/screen.js';
import type { TerminalSize } from '../store/layout.js';

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
