import { Box } from 'ink';
import { memo, useMemo } from 'react';
import type { WrappedLine } from '../text/wrap.js';
import type { ReaderState } from '../store/state.js';
import type { Highlight } from './highlights.js';
import { RowText } from './RowText.js';
import { highlightsIn, highlightsOf, readerRow, visibleRange } from './rows.js';
import { useTheme } from './theme.js';

interface ReaderViewProps {
  readonly reader: ReaderState;
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  readonly showActiveQuote: boolean;
}

/** The article text: only the rows on screen are rendered, from lines wrapped once per width. */
export function ReaderView({ reader, width, height, margin, showActiveQuote }: ReaderViewProps) {
  const slice = reader.lines.slice(reader.top, reader.top + height);
  const { from, to } = visibleRange(reader, height);
  const { quotes, quoteCursor, search, linkRanges } = reader;
  const highlights = useMemo(
    () => highlightsIn(reader, from, to, showActiveQuote),
    // Only what highlightsIn reads: scrolling within the same text keeps the list.
    [from, to, quotes, quoteCursor, showActiveQuote, search, linkRanges],
  );
  const pad = ' '.repeat(margin);
  // No overflow clip: the rows fit by construction (at most `height` of them, each truncated
  // to the width), and a clip makes Ink re-slice every row that is new to the frame.
  return (
    <Box flexDirection="column" width={width} height={height}>
      {slice.map((line, i) => (
        <ReaderLine key={reader.top + i} line={line} pad={pad} highlights={highlightsOf(line, highlights)} />
      ))}
    </Box>
  );
}

/**
 * Highlights with the same ranges and marks draw the same line. The lists are rebuilt on
 * every scroll, so comparing them by identity would redraw every highlighted line each time.
 */
function sameHighlights(a: readonly Highlight[], b: readonly Highlight[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((h, i) => h.start === b[i]!.start && h.end === b[i]!.end && h.mark === b[i]!.mark);
}

interface ReaderLineProps {
  readonly line: WrappedLine;
  readonly pad: string;
  readonly highlights: readonly Highlight[];
}

const sameLine = (a: ReaderLineProps, b: ReaderLineProps) => a.line === b.line && a.pad === b.pad && sameHighlights(a.highlights, b.highlights);

const ReaderLine = memo(function ReaderLine({
  line,
  pad,
  highlights,
}: ReaderLineProps) {
  return <RowText row={readerRow(line, pad, highlights, useTheme())} />;
}, sameLine);
