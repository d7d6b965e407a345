import { Box } from 'ink';
import { fitToWidth } from '../text/wrap.js';
import { Line } from './Line.js';
import { useTheme } from './theme.js';

const USAGE = [
  'Read articles in the terminal, with every quotation and who said it.',
  '',
  'Open something to read:',
  '  inkwire article.txt            one article opens in the reader',
  '  inkwire ~/news/                a folder opens the article list',
  '  inkwire https://example.org/a  a web page or a feed',
  '  curl -s URL | inkwire          or anything piped in',
  '',
  'Bookmarks you keep with s show up here next time.',
  '',
  'Press ? for keys, q to quit.',
];

export function Welcome({ width, height }: { readonly width: number; readonly height: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden" paddingLeft={2}>
      <Line style={theme.title}>inkwire</Line>
      {USAGE.map((line, i) => (
        <Line key={i}>{fitToWidth(line, width - 2)}</Line>
      ))}
    </Box>
  );
}
