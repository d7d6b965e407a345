import { Box } from 'ink';
import type { BookmarksState } from '../store/state.js';
import { shortDate, siteOf } from '../store/format.js';
import { fitToWidth } from '../text/wrap.js';
import { Line } from './Line.js';
import { useTheme } from './theme.js';

interface BookmarksViewProps {
  readonly bookmarks: BookmarksState;
  readonly width: number;
  readonly height: number;
}

export function BookmarksView({ bookmarks, width, height }: BookmarksViewProps) {
  const theme = useTheme();
  const { items, cursor, offset } = bookmarks;
  const rows = items.slice(offset, offset + height - 1);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Line style={theme.paneTitle}>{`Bookmarks · ${items.length}`}</Line>
      {items.length === 0 ? (
        <Line style={theme.muted}>  No bookmarks yet: press s in the list or the reader to keep an article.</Line>
      ) : null}
      {rows.map((bookmark, i) => {
        const quotes = bookmark.quotes.length > 0 ? ` · ${bookmark.quotes.length} quote${bookmark.quotes.length === 1 ? '' : 's'}` : '';
        const detail = `${siteOf(bookmark)} · saved ${shortDate(bookmark.savedAt)}${quotes}`;
        const titleWidth = Math.max(8, width - 2 - Math.min(detail.length, Math.floor(width / 2)) - 2);
        const text = `★ ${fitToWidth(bookmark.title, titleWidth)}  ${detail}`;
        return (
          <Line key={i} style={offset + i === cursor ? theme.selection : undefined}>
            {fitToWidth(text, width)}
          </Line>
        );
      })}
    </Box>
  );
}
