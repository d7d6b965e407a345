import { Box } from 'ink';
import { memo, useMemo } from 'react';
import type { Article } from '../article.js';
import type { ListState } from '../store/state.js';
import { RowText } from './RowText.js';
import { articleRow, listColumns, listEmptyRow, listHeadingRow, type Columns } from './rows.js';
import { useTheme } from './theme.js';

interface ArticleListProps {
  readonly articles: readonly Article[];
  readonly list: ListState;
  readonly bookmarked: ReadonlySet<string>;
  readonly width: number;
  readonly height: number;
  /** Sources are still coming in: an empty list is not final yet. */
  readonly loading?: boolean;
  /** A feed's entries: the unread ones show in bold. */
  readonly unread?: ReadonlySet<string>;
}

/** One row per article; only the rows on screen are rendered, so 100,000 scroll like ten. */
export function ArticleList({ articles, list, bookmarked, width, height, loading = false, unread }: ArticleListProps) {
  const theme = useTheme();
  // Memoized per width so that unchanged rows see the same columns object and skip rendering.
  const columns = useMemo(() => listColumns(width), [width]);
  const rows = list.matches.slice(list.offset, list.offset + height - 1);
  // No overflow clip: the heading and at most `height - 1` rows, each truncated to the width,
  // fit by construction, and a clip makes Ink re-slice every row that is new to the frame.
  return (
    <Box flexDirection="column" width={width} height={height}>
      <RowText row={listHeadingRow(columns, theme)} />
      {list.matches.length === 0 ? <RowText row={listEmptyRow(list, loading, theme)} /> : null}
      {rows.map((index, i) => {
        const article = articles[index]!;
        return (
          <ArticleRow
            key={list.offset + i}
            article={article}
            columns={columns}
            selected={list.offset + i === list.cursor}
            bookmarked={bookmarked.has(article.id)}
            unread={unread?.has(article.id) ?? false}
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
  unread,
}: {
  readonly article: Article;
  readonly columns: Columns;
  readonly selected: boolean;
  readonly bookmarked: boolean;
  readonly unread: boolean;
}) {
  const row = articleRow(article, columns, selected, bookmarked, useTheme());
  return <RowText row={unread ? { ...row, style: { ...row.style, bold: true } } : row} />;
});
