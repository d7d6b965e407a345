import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import { sanitizeText } from '../text/sanitize.js';
import type { LineKind, WrappedLine } from '../text/wrap.js';
import type { ReaderState } from '../store/state.js';
import { highlightsBetween, segmentLine, type Highlight, type Segment } from './highlights.js';
import { useTheme, type Style, type Theme } from './theme.js';

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
  const body = slice.filter((line) => line.src >= 0);
  const from = body[0]?.src ?? 0;
  const last = body[body.length - 1];
  const to = last ? last.src + last.text.length : 0;
  const { quotes, quoteCursor, search } = reader;
  const highlights = useMemo(
    () =>
      highlightsBetween(
        from,
        to,
        quotes ?? [],
        showActiveQuote ? quoteCursor : -1,
        search.matches,
        search.query ? search.current : -1,
        reader.linkRanges,
      ),
    [from, to, quotes, quoteCursor, showActiveQuote, search, reader.linkRanges],
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

const NONE: readonly Highlight[] = [];

/** The highlights on one line; the shared empty list lets memo skip plain lines on scroll. */
function highlightsOf(line: WrappedLine, highlights: readonly Highlight[]): readonly Highlight[] {
  if (line.src < 0 || highlights.length === 0) return NONE;
  const end = line.src + line.text.length;
  const hits = highlights.filter((h) => h.start < end && h.end > line.src);
  return hits.length === 0 ? NONE : hits;
}

function baseStyle(kind: LineKind, theme: Theme): Style {
  switch (kind) {
    case 'title':
      return theme.title;
    case 'meta':
      return theme.meta;
    case 'heading':
      return theme.heading;
    case 'quote':
      return theme.blockQuote;
    case 'code':
      return theme.code;
    default:
      return theme.text;
  }
}

/** A link inside a quote keeps the quote's colours and is underlined too. */
function segmentStyle(segment: Segment, theme: Theme): Style | undefined {
  if (!segment.link) return segment.mark ? theme[segment.mark] : undefined;
  return segment.mark ? { ...theme[segment.mark], underline: true } : theme.link;
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
  const theme = useTheme();
  if (line.text === '' && line.prefix === '') return <Text> </Text>;
  const segments: Segment[] = line.src >= 0 ? segmentLine(line.text, line.src, highlights) : [{ text: line.text, mark: null, link: false }];
  return (
    <Text wrap="truncate-end">
      {pad}
      {line.prefix ? <Text {...(line.kind === 'list' ? theme.bullet : theme.muted)}>{line.prefix}</Text> : null}
      <Text {...baseStyle(line.kind, theme)}>
        {segments.map((segment, i) => (
          <Text key={i} {...segmentStyle(segment, theme)}>
            {sanitizeText(segment.text)}
          </Text>
        ))}
      </Text>
    </Text>
  );
}, sameLine);
