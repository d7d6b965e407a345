import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Article } from '../article.js';
import { readingTime, shortDate, siteOf } from '../store/format.js';
import type { ListState } from '../store/state.js';
import { sanitizeText } from '../text/sanitize.js';
import { fitToWidth } from '../text/wrap.js';
import { Line } from './Line.js';
import { useTheme } from './theme.js';

interface Columns {
  title: number;
  site: number;
}

const MARK = 2;
const DATE = 10;
const TIME = 6;

/** Column widths for a row: the title takes what the fixed columns leave. */
function listColumns(width: number): Columns {
  const site = Math.min(24, Math.max(8, Math.floor(width / 5)));
  const fixed = MARK + site + DATE + TIME + 3;
  return { title: Math.max(8, width - fixed), site };
}

interface ArticleListProps {
  readonly articles: readonly Article[];
  readonly list: ListState;
  readonly bookmarked: ReadonlySet<string>;
  readonly width: number;
  readonly height: number;
}

/** One row per article; only the rows on screen are rendered, so 100,000 scroll like ten. */
export function ArticleList({ articles, list, bookmarked, width, height }: ArticleListProps) {
  const theme = useTheme();
  const columns = listColumns(width);
  const rows = list.matches.slice(list.offset, list.offset + height - 1);
  const heading = `${' '.repeat(MARK)}${fitToWidth('Title', columns.title)} ${fitToWidth('Site', columns.site)} ${fitToWidth('Date', DATE)} ${fitToWidth('Read', TIME)}`;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Line style={theme.muted}>{heading}</Line>
      {list.matches.length === 0 ? (
        <Line style={theme.muted}>{list.filter ? `  Nothing matches “${list.filter}”. Esc clears the filter.` : '  No articles.'}</Line>
      ) : null}
      {rows.map((index, i) => {
        const article = articles[index]!;
        return (
          <ArticleRow
            key={list.offset + i}
            article={article}
            titleWidth={columns.title}
            siteWidth={columns.site}
            selected={list.offset + i === list.cursor}
            bookmarked={bookmarked.has(article.id)}
          />
        );
      })}
    </Box>
  );
}

// Widths are passed as numbers, not a Columns object, so that memo sees unchanged rows.
const ArticleRow = memo(function ArticleRow({
  article,
  titleWidth,
  siteWidth,
  selected,
  bookmarked,
}: {
  readonly article: Article;
  readonly titleWidth: number;
  readonly siteWidth: number;
  readonly selected: boolean;
  readonly bookmarked: boolean;
}) {
  const theme = useTheme();
  const rest = `${fitToWidth(article.title, titleWidth)} ${fitToWidth(siteOf(article), siteWidth)} ${fitToWidth(shortDate(article.published), DATE)} ${fitToWidth(readingTime(article.readingMinutes), TIME)}`;
  const style = selected ? theme.selection : undefined;
  return (
    <Text wrap="truncate-end" {...style}>
      <Text {...(selected ? undefined : theme.bookmark)}>{bookmarked ? '★ ' : '  '}</Text>
      {sanitizeText(rest)}
    </Text>
  );
});
