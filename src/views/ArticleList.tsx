import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import type { Article } from '../article.js';
import { readingTime, shortDate, siteOf } from '../store/format.js';
import type { ListState } from '../store/state.js';
import { sanitizeText } from '../text/sanitize.js';
import { fitToWidth } from '../text/wrap.js';
import { Line } from './Line.js';
import { useTheme } from './theme.js';

/** Widths of the columns after the bookmark mark; 0 hides a column. */
interface Columns {
  title: number;
  site: number;
  date: number;
  time: number;
}

const MARK = 2;

/**
 * Column widths for a row: on narrow terminals the reading time and then the date give
 * way, so the title keeps at least about half the row; the title takes what is left.
 */
export function listColumns(width: number): Columns {
  const site = Math.min(24, Math.max(8, Math.floor(width / 5)));
  const date = width >= 70 ? 10 : 0;
  const time = width >= 56 ? 6 : 0;
  const gaps = 1 + (date ? 1 : 0) + (time ? 1 : 0);
  return { title: Math.max(8, width - MARK - site - date - time - gaps), site, date, time };
}

function rowText(columns: Columns, title: string, site: string, date: string, time: string): string {
  let text = `${fitToWidth(title, columns.title)} ${fitToWidth(site, columns.site)}`;
  if (columns.date) text += ` ${fitToWidth(date, columns.date)}`;
  if (columns.time) text += ` ${fitToWidth(time, columns.time)}`;
  return text;
}

interface ArticleListProps {
  readonly articles: readonly Article[];
  readonly list: ListState;
  readonly bookmarked: ReadonlySet<string>;
  readonly width: number;
  readonly height: number;
  /** Sources are still coming in: an empty list is not final yet. */
  readonly loading?: boolean;
}

function emptyText(list: ListState, loading: boolean): string {
  if (list.filter) return `  Nothing matches “${list.filter}”. Esc clears the filter.`;
  return loading ? '  Loading…' : '  No articles.';
}

/** One row per article; only the rows on screen are rendered, so 100,000 scroll like ten. */
export function ArticleList({ articles, list, bookmarked, width, height, loading = false }: ArticleListProps) {
  const theme = useTheme();
  // Memoized per width so that unchanged rows see the same columns object and skip rendering.
  const columns = useMemo(() => listColumns(width), [width]);
  const rows = list.matches.slice(list.offset, list.offset + height - 1);
  const heading = ' '.repeat(MARK) + rowText(columns, 'Title', 'Site', 'Date', 'Read');
  // No overflow clip: the heading and at most `height - 1` rows, each truncated to the width,
  // fit by construction, and a clip makes Ink re-slice every row that is new to the frame.
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line style={theme.muted}>{heading}</Line>
      {list.matches.length === 0 ? (
        <Line style={theme.muted}>{emptyText(list, loading)}</Line>
      ) : null}
      {rows.map((index, i) => {
        const article = articles[index]!;
        return (
          <ArticleRow
            key={list.offset + i}
            article={article}
            columns={columns}
            selected={list.offset + i === list.cursor}
            bookmarked={bookmarked.has(article.id)}
          />
        );
      })}
    </Box>
  );
}

const ArticleRow = memo(function ArticleRow({
  article,
  columns,
  selected,
  bookmarked,
}: {
  readonly article: Article;
  readonly columns: Columns;
  readonly selected: boolean;
  readonly bookmarked: boolean;
}) {
  const theme = useTheme();
  const rest = rowText(columns, article.title, siteOf(article), shortDate(article.published), readingTime(article.readingMinutes));
  const style = selected ? theme.selection : undefined;
  return (
    <Text wrap="truncate-end" {...style}>
      <Text {...(selected ? undefined : theme.bookmark)}>{bookmarked ? '★ ' : '  '}</Text>
      {sanitizeText(rest)}
    </Text>
  );
});
