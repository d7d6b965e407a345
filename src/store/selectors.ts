import type { KeyContext } from '../input/commands.js';
import { helpRows } from '../input/keymap.js';
import { scrollPercent } from '../text/viewport.js';
import type { AppState, ReaderState } from './state.js';
import { currentScreen } from './update.js';

/** Rows each sidebar entry takes: two of quote, one of attribution, one blank. */
export const QUOTE_ITEM_ROWS = 4;

/** Which part of the keymap applies now. */
export function keyContext(state: AppState): KeyContext {
  if (state.help.open) return 'help';
  return baseContext(state);
}

/** The context under the help screen: the view whose keys help lists. */
export function baseContext(state: AppState): KeyContext {
  const screen = currentScreen(state);
  if (screen === 'list') return state.list.editing ? 'input' : 'list';
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

/** Sidebar entries that fit under its heading. */
export function sidebarCapacity(state: AppState): number {
  return Math.max(1, Math.floor((state.layout.bodyHeight - 1) / QUOTE_ITEM_ROWS));
}

export function readerPercent(reader: ReaderState, height: number): number {
  return scrollPercent(reader.top, reader.lines.length, height);
}

export function helpLineCount(state: AppState): number {
  return helpRows(baseContext(state)).length;
}
