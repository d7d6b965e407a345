import { Text } from 'ink';
import { sanitizeText } from '../text/sanitize.js';
import type { Style } from './theme.js';

/**
 * One row of text that can never wrap into a second row (a wrapped row would make the frame
 * taller than the terminal). Empty rows get a space, or Ink would drop them.
 */
export function Line({ children, style }: { readonly children: string; readonly style?: Style }) {
  return (
    <Text wrap="truncate-end" {...style}>
      {sanitizeText(children) || ' '}
    </Text>
  );
}
