import { RowText } from './RowText.js';
import { statusRow } from './rows.js';
import type { StatusParts } from './status.js';
import { useTheme } from './theme.js';

/** The bottom row: where you are on the left, position and key hints on the right. */
export function StatusBar({ parts, width }: { readonly parts: StatusParts; readonly width: number }) {
  return <RowText row={statusRow(parts, width, useTheme())} />;
}
