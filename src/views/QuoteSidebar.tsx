import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Quote } from '../store/quote.js';
import { QUOTE_ITEM_ROWS } from '../store/selectors.js';
import type { ReaderState } from '../store/state.js';
import { sanitizeText } from '../text/sanitize.js';
import { clampLines, fitToWidth, truncateToWidth } from '../text/wrap.js';
import { Line } from './Line.js';
import { useTheme } from './theme.js';

interface QuoteSidebarProps {
  readonly reader: ReaderState;
  readonly width: number;
  readonly height: number;
  readonly capacity: number;
  readonly bordered: boolean;
}

/** Every quote in the article with its speaker and kind; the cursor follows the text. */
export function QuoteSidebar({ reader, width, height, capacity, bordered }: QuoteSidebarProps) {
  const theme = useTheme();
  const inner = Math.max(1, width - (bordered ? 2 : 1));
  const quotes = reader.quotes;
  const focused = reader.focus === 'quotes';
  const heading =
    quotes === null
      ? 'Quotes · finding…'
      : quotes.length === 0
        ? 'No quotes found'
        : `Quotes · ${reader.quoteCursor + 1} of ${quotes.length}`;
  const visible = (quotes ?? []).slice(reader.quoteOffset, reader.quoteOffset + capacity);
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      overflow="hidden"
      paddingLeft={1}
      borderStyle={bordered ? 'single' : undefined}
      borderTop={false}
      borderBottom={false}
      borderRight={false}
      borderLeft={bordered}
      {...(bordered ? { borderColor: theme.border.color, borderDimColor: !theme.border.color } : {})}
    >
      <Line style={theme.paneTitle}>{fitToWidth(heading, inner)}</Line>
      {visible.map((quote, i) => {
        const index = reader.quoteOffset + i;
        return (
          <QuoteItem
            key={index}
            quote={quote}
            width={inner}
            selected={index === reader.quoteCursor}
            focused={focused}
          />
        );
      })}
    </Box>
  );
}

const QuoteItem = memo(function QuoteItem({
  quote,
  width,
  selected,
  focused,
}: {
  readonly quote: Quote;
  readonly width: number;
  readonly selected: boolean;
  readonly focused: boolean;
}) {
  const theme = useTheme();
  const textRows = QUOTE_ITEM_ROWS - 2;
  // Indirect speech is a paraphrase, not the speaker's words: no quotation marks.
  const words = quote.kind === 'indirect' ? quote.text : `“${quote.text}”`;
  const rows = clampLines(words, width, textRows);
  while (rows.length < textRows) rows.push('');
  const who = sanitizeText(quote.speaker ?? 'unattributed');
  const style = selected ? (focused ? theme.selection : theme.selectionMuted) : theme.text;
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        <Line key={i} style={style}>
          {fitToWidth(row, width)}
        </Line>
      ))}
      <Text wrap="truncate-end">
        <Text {...theme.speaker}>{truncateToWidth(`— ${who}`, Math.max(1, width - quote.kind.length - 3))}</Text>
        <Text {...theme.muted}>{` · ${quote.kind}`}</Text>
      </Text>
      <Text> </Text>
    </Box>
  );
});
