import { Text } from 'ink';
import { sanitizeText } from '../text/sanitize.js';
import { fitToWidth, textWidth, truncateToWidth } from '../text/wrap.js';
import type { StatusParts } from './status.js';
import { useTheme } from './theme.js';

/**
 * The right part lists the position first and key hints after it, separated by " · ";
 * on a narrow terminal hints are dropped from the end, whole, before anything is cut.
 */
export function fitRight(text: string, width: number): string {
  const parts = text.split(' · ');
  while (parts.length > 1 && textWidth(parts.join(' · ')) > width) parts.pop();
  return truncateToWidth(parts.join(' · '), width);
}

/** One row: the left part is cut first so the position on the right always shows. */
export function StatusBar({ parts, width }: { readonly parts: StatusParts; readonly width: number }) {
  const theme = useTheme();
  const right = fitRight(sanitizeText(parts.right), Math.max(0, Math.floor(width / 2)));
  const leftWidth = Math.max(0, width - textWidth(right) - 2);
  const left = fitToWidth(` ${sanitizeText(parts.left)}`, leftWidth);
  const tone = parts.tone === 'error' ? theme.statusError : parts.tone === 'info' ? theme.statusInfo : theme.status;
  return (
    <Text wrap="truncate-end">
      <Text {...tone}>{left}</Text>
      <Text {...theme.status}>{` ${right} `}</Text>
    </Text>
  );
}
