// The reader and the list draw without an overflow clip (a clip made Ink re-slice every new
// row of every frame); their rows fit by construction. Drawn inside a clipping box and
// without one, the screens must be the same, wide, long and marked-up lines included.
import chalk from 'chalk';
import { Box, renderToString } from 'ink';
import type { ReactElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reducer } from '../../src/store/reducer.js';
import { createState } from '../../src/store/state.js';
import { ArticleList } from '../../src/views/ArticleList.js';
import { ReaderView } from '../../src/views/ReaderView.js';
import { colorTheme, ThemeContext } from '../../src/views/theme.js';
import { article, paragraphs } from './fixtures.js';

const WIDE = '漢字の見出しと絵文字 😀✨ で幅いっぱいの行 '.repeat(6);
const LONG = `${'averyveryverylongwordwithoutanyspaces'.repeat(8)} “a quote,” said Someone.`;
const articles = [
  article(WIDE, [{ type: 'paragraph', text: WIDE }, { type: 'paragraph', text: LONG }, ...paragraphs(30, 25)], {
    siteName: 'Site with a name much longer than its column',
  }),
  ...Array.from({ length: 40 }, (_, i) => article(`${i % 2 ? WIDE : LONG} ${i}`, paragraphs(2))),
];

/**
 * renderToString renders synchronously outside any act(): with the act environment flag the
 * suite sets for its interactive tests, React would warn on every state update it makes.
 */
function outsideAct<T>(render: () => T): T {
  const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const before = scope.IS_REACT_ACT_ENVIRONMENT;
  scope.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    return render();
  } finally {
    scope.IS_REACT_ACT_ENVIRONMENT = before;
  }
}

function same(view: (width: number, height: number) => ReactElement, columns: number, height: number) {
  const draw = (clip: boolean) =>
    outsideAct(() => renderToString(
      <ThemeContext.Provider value={colorTheme}>
        <Box width={columns} height={height} overflow={clip ? 'hidden' : 'visible'}>
          {view(columns, height)}
        </Box>
      </ThemeContext.Provider>,
      { columns },
    ));
  const unclipped = draw(false);
  expect(unclipped).toContain('\x1b[');
  expect(unclipped).toBe(draw(true));
  expect(unclipped.split('\n')).toHaveLength(height);
}

describe('views drawn without a clip', () => {
  // Colours on (the tests' setup turns them off), so highlights and styles are compared too.
  const level = chalk.level;
  beforeAll(() => {
    chalk.level = 3;
  });
  afterAll(() => {
    chalk.level = level;
  });

  it('the list draws the same as inside a clip', () => {
    for (const [columns, height] of [[120, 39], [61, 12], [40, 9]] as const) {
      const state = createState({ articles, bookmarks: [], size: { columns, rows: height + 2 }, errors: [] });
      const list = { ...state.list, cursor: 3, offset: 1 };
      same((width, rows) => <ArticleList articles={articles} list={list} bookmarked={new Set([articles[2]!.id])} width={width} height={rows} />, columns, height);
    }
  });

  it('the reader draws the same as inside a clip, scrolled and marked', () => {
    for (const [columns, height] of [[120, 39], [61, 12], [40, 9]] as const) {
      const opened = reducer(createState({ articles, bookmarks: [], size: { columns, rows: height + 2 }, errors: [] }), {
        type: 'open',
        article: articles[0]!,
      });
      const reader = opened.reader!;
      for (const top of [0, 2, 5]) {
        const scrolled = {
          ...reader,
          top,
          search: { ...reader.search, query: 'word1', matches: [{ start: 10, end: 60 }], current: 0 },
        };
        same(
          (width, rows) => <ReaderView reader={scrolled} width={width} height={rows} margin={opened.layout.textMargin} showActiveQuote={false} />,
          opened.layout.readerWidth,
          height,
        );
      }
    }
  });
});
