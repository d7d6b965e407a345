import { Box, Text } from 'ink';
import { memo } from 'react';
import { groupDigits } from '../store/format.js';
import type { Quote } from '../store/quote.js';
import { visibleCards, type CreditRow, type QuoteCard, type SidebarBox } from '../store/sidebar-layout.js';
import type { ReaderState } from '../store/state.js';
import { fitToWidth } from '../text/wrap.js';
import { Line } from './Line.js';
import { useTheme, type Style } from './theme.js';

interface QuoteSidebarProps {
  readonly reader: ReaderState;
  /** The box's columns, its border included. */
  readonly width: number;
  readonly height: number;
  /** The entries' text width and rows (layout.sidebarTextWidth, sidebarRows). */
  readonly box: SidebarBox;
  readonly bordered: boolean;
}

/** Every quote in the article, each whole, with its speaker and kind; the cursor follows the text. */
export function QuoteSidebar({ reader, width, height, box, bordered }: QuoteSidebarProps) {
  const theme = useTheme();
  const quotes = reader.quotes;
  const focused = reader.focus === 'quotes';
  const heading =
    quotes === null
      ? 'Quotes · finding…'
      : quotes.length === 0
        ? 'No quotes found'
        : `Quotes · ${groupDigits(reader.quoteCursor + 1)} of ${groupDigits(quotes.length)}`;
  const cards = visibleCards(quotes ?? [], reader.quoteOffset, box);
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      overflow="hidden"
      paddingLeft={1}
      paddingRight={1}
      borderStyle={bordered ? 'single' : undefined}
      borderTop={false}
      borderBottom={false}
      borderRight={false}
      borderLeft={bordered}
      {...(bordered ? { borderColor: theme.border.color, borderDimColor: !theme.border.color } : {})}
    >
      <Line style={theme.paneTitle}>{fitToWidth(heading, box.width)}</Line>
      {cards.map(({ index, card, rows }, i) => (
        <QuoteItem
          key={index}
          quote={quotes![index]!}
          card={card}
          rows={rows}
          gap={i < cards.length - 1}
          width={box.width}
          selected={index === reader.quoteCursor}
          focused={focused}
        />
      ))}
    </Box>
  );
}

interface QuoteItemProps {
  readonly quote: Quote;
  readonly card: QuoteCard;
  /** Rows to draw: fewer than the card's when it is cut at the bottom, or taller than the box. */
  readonly rows: number;
  /** A blank row after the entry, before the next one. */
  readonly gap: boolean;
  readonly width: number;
  readonly selected: boolean;
  readonly focused: boolean;
}

const QuoteItem = memo(function QuoteItem({ quote, card, rows, gap, width, selected, focused }: QuoteItemProps) {
  const theme = useTheme();
  const base = selected ? (focused ? theme.selection : theme.selectionMuted) : theme.text;
  const style = quote.kind === 'indirect' ? { ...base, ...theme.paraphraseEntry } : base;
  const cut = rows < card.rows;
  // The selected entry is only cut when it is taller than the whole box: its start shows,
  // then how much is left, and the attribution stays in view.
  const tall = cut && selected;
  const credit = tall ? card.credit.slice(0, Math.max(0, rows - 2)) : card.credit;
  const wordRows = tall ? Math.max(1, rows - credit.length - 1) : Math.min(rows, card.words.length);
  const creditRows = tall ? credit : credit.slice(0, Math.max(0, rows - wordRows));
  const more = card.words.length - wordRows;
  return (
    <Box flexDirection="column">
      {card.words.slice(0, wordRows).map((row, i) => (
        <Line key={i} style={style}>
          {fitToWidth(row, width)}
        </Line>
      ))}
      {tall && more > 0 ? <Line style={theme.muted}>{`… ${more} more line${more === 1 ? '' : 's'} in the text`}</Line> : null}
      {creditRows.map((row, i) => (
        <Credit key={i} row={row} speaker={theme.speaker} kind={theme.muted} />
      ))}
      {gap ? <Text> </Text> : null}
    </Box>
  );
});

function Credit({ row, speaker, kind }: { readonly row: CreditRow; readonly speaker: Style; readonly kind: Style }) {
  return (
    <Text wrap="truncate-end">
      {row.speaker ? <Text {...speaker}>{row.speaker}</Text> : null}
      {row.kind ? <Text {...kind}>{row.kind}</Text> : null}
    </Text>
  );
}
