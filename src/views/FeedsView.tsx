import { Box } from 'ink';
import type { LibraryView } from '../store/state.js';
import { feedRow, feedsEmptyRow, feedsHeadingRow } from './feed-rows.js';
import { RowText } from './RowText.js';
import { useTheme } from './theme.js';

/** The subscriptions, one row each with unread/total; only the rows on screen render. */
export function FeedsView({ library, width, height }: { readonly library: LibraryView; readonly width: number; readonly height: number }) {
  const theme = useTheme();
  const feeds = library.feeds ?? [];
  const shown = feeds.slice(library.offset, library.offset + height - 1);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <RowText row={feedsHeadingRow(width, theme)} />
      {feeds.length === 0 ? <RowText row={feedsEmptyRow(library, theme)} /> : null}
      {shown.map((feed, i) => (
        <RowText key={feed.id} row={feedRow(feed, width, library.offset + i === library.cursor, theme)} />
      ))}
    </Box>
  );
}
