import { RowText } from './RowText.js';
import { lineRow } from './rows.js';
import type { Style } from './theme.js';

/**
 * One row of text that can never wrap into a second row (a wrapped row would make the frame
 * taller than the terminal). Empty rows get a space, or Ink would drop them.
 */
export function Line({ children, style }: { readonly children: string; readonly style?: Style }) {
  return <RowText row={lineRow(children, style)} />;
}
