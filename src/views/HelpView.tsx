import { Box, Text } from 'ink';
import type { KeyContext } from '../input/commands.js';
import { CONTEXT_TITLES, helpRows, keysLabel } from '../input/keymap.js';
import { fitToWidth } from '../text/wrap.js';
import { Line } from './Line.js';
import { useTheme } from './theme.js';

interface HelpViewProps {
  readonly context: KeyContext;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Every binding of the current view, generated from the keymap table. */
export function HelpView({ context, top, width, height }: HelpViewProps) {
  const theme = useTheme();
  const bindings = helpRows(context);
  const keysWidth = Math.min(28, Math.max(12, ...bindings.map((b) => keysLabel(b).length + 4)));
  const rows = bindings.slice(top, top + height - 1);
  const more = bindings.length > height - 1 ? ` · ${top + 1}–${top + rows.length} of ${bindings.length}, j/k scroll` : '';
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Line style={theme.paneTitle}>{fitToWidth(`Keys: ${CONTEXT_TITLES[context]}${more}`, width)}</Line>
      {rows.map((binding, i) => (
        <Text key={i} wrap="truncate-end">
          <Text {...theme.key}>{fitToWidth(`  ${keysLabel(binding)}`, keysWidth)}</Text>
          {fitToWidth(binding.help, Math.max(1, width - keysWidth))}
        </Text>
      ))}
    </Box>
  );
}
