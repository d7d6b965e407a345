import type { KeyContext } from '../input/commands.js';
import { helpRows } from '../input/keymap.js';
import { scrollPercent } from '../text/viewport.js';
import { groupDigits } from './format.js';
import type { Article } from '../article.js';
import type { SidebarBox } from './sidebar-layout.js';
import type { AppState, ReaderState } from './state.js';
import { currentScreen } from './update.js';

/** Which part of the keymap applies now. */
export function keyContext(state: AppState): KeyContext {
  if (state.help.open) return 'help';
  if (state.prompt) return 'input';
  return baseContext(state);
}

/** The context under the help screen: the view whose keys help lists. */
export function baseContext(state: AppState): KeyContext {
  const screen = currentScreen(state);
  if (screen === 'list') return state.list.editing ? 'input' : 'list';
  if (screen === 'people') return state.people.editing ? 'input' : 'people';
  if (screen === 'search') return state.library?.search?.editing ? 'input' : 'search';
  if (screen === 'reader') {
    const reader = state.reader;
    if (reader?.search.editing) return 'input';
    return reader?.sidebarOpen && reader.focus === 'quotes' ? 'quotes' : 'reader';
  }
  return screen;
}

/** Rows of article text on screen. */
export function readerHeight(state: AppState): number {
  return state.layout.bodyHeight;
}

/** Rows under a view's one-line heading (list, bookmarks, links, help). */
export function listHeight(state: AppState): number {
  return Math.max(1, state.layout.bodyHeight - 1);
}

/** Where the sidebar's entries go: the width they wrap to and the rows under its heading. */
export function sidebarBox(state: AppState): SidebarBox {
  return { width: state.layout.sidebarTextWidth, height: state.layout.sidebarRows };
}

export function readerPercent(reader: ReaderState, height: number): number {
  return scrollPercent(reader.top, reader.lines.length, height);
}

export function helpLineCount(state: AppState): number {
  return helpRows(baseContext(state)).length;
}

/**
 * Whether to offer `r` for the full text. An Article does not record that it came from a
 * feed, but a feed entry links to a page other than the address it was read from, while a
 * page read from the web links to itself. (A local file with a canonical address counts too:
 * fetching its page is still meaningful.)
 */
export function offersFullText(state: AppState, article: Article): boolean {
  return article.url !== undefined && article.url !== article.source && !(state.fullText.size > 0 && state.fullText.has(article.id));
}

/** "12/40 loaded, 1 failed" while sources are still coming in; null once they are all in. */
export function loadingText(state: AppState): string | null {
  const loading = state.loading;
  if (!loading) return null;
  const failed = loading.failed > 0 ? `, ${groupDigits(loading.failed)} failed` : '';
  if (loading.total === 0) return `loading…${failed}`;
  return `${groupDigits(loading.done)}/${groupDigits(loading.total)} loaded${failed}`;
}
