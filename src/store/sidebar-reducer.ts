import type { Command } from '../input/commands.js';
import { ensureVisible, moveCursor } from '../text/viewport.js';
import type { Quote } from './quote.js';
import { firstQuoteOnScreen, readerCommand, relayout, revealOffset, setReader } from './reader-reducer.js';
import { sidebarCapacity } from './selectors.js';
import type { AppState } from './state.js';
import { flash, request } from './update.js';

/** The text a copied or saved quote carries: the words, who said them, and where. */
export function quoteCitation(quote: Quote, title: string, url: string | undefined): string {
  const source = url ? `${title} <${url}>` : title;
  const words = quote.kind === 'indirect' ? `${quote.text} (paraphrased)` : `“${quote.text}”`;
  return `${words} — ${quote.speaker ? `${quote.speaker}, ` : ''}${source}`;
}

export function sidebarCommand(state: AppState, command: Command): AppState {
  const reader = state.reader;
  if (!reader) return state;
  const quotes = reader.quotes ?? [];
  const page = sidebarCapacity(state);
  switch (command) {
    case 'down':
      return moveTo(state, reader.quoteCursor + 1);
    case 'up':
      return moveTo(state, reader.quoteCursor - 1);
    case 'pageDown':
      return moveTo(state, reader.quoteCursor + page);
    case 'pageUp':
      return moveTo(state, reader.quoteCursor - page);
    case 'halfDown':
      return moveTo(state, reader.quoteCursor + Math.max(1, Math.floor(page / 2)));
    case 'halfUp':
      return moveTo(state, reader.quoteCursor - Math.max(1, Math.floor(page / 2)));
    case 'top':
      return moveTo(state, 0);
    case 'bottom':
      return moveTo(state, quotes.length - 1);
    case 'open': {
      const quote = quotes[reader.quoteCursor];
      if (!quote) return state;
      // On a narrow terminal the sidebar covers the text, so jumping closes it.
      const stay = state.layout.sidebarBeside;
      const jumped = revealOffset(setReader(state, { focus: 'text', sidebarOpen: stay }), quote.start, true);
      return stay ? jumped : relayout(jumped);
    }
    case 'back':
      return state.layout.sidebarBeside ? setReader(state, { focus: 'text' }) : relayout(setReader(state, { focus: 'text', sidebarOpen: false }));
    case 'toggleSidebar':
      return relayout(setReader(state, { focus: 'text', sidebarOpen: false }));
    case 'copy': {
      const quote = quotes[reader.quoteCursor];
      if (!quote) return flash(state, 'No quote to copy');
      return request(state, { type: 'copy', text: quoteCitation(quote, reader.article.title, reader.article.url), what: 'Quote' });
    }
    case 'saveQuote': {
      const quote = quotes[reader.quoteCursor];
      if (!quote) return flash(state, 'No quote to save');
      return request(state, { type: 'saveQuote', article: reader.article, quote: { text: quote.text, speaker: quote.speaker } });
    }
    case 'toggleBookmark':
      return readerCommand(state, command);
    default:
      return state;
  }
}

/** Moves the sidebar cursor and scrolls the text to the quote, so both panes agree. */
function moveTo(state: AppState, index: number): AppState {
  const reader = state.reader;
  const quotes = reader?.quotes ?? [];
  if (!reader || quotes.length === 0) return state;
  const quoteCursor = moveCursor(index, 0, quotes.length);
  const quoteOffset = ensureVisible(quoteCursor, reader.quoteOffset, sidebarCapacity(state), quotes.length);
  return revealOffset(setReader(state, { quoteCursor, quoteOffset }), quotes[quoteCursor]!.start);
}

/** Quotes arrive from the engine after the first frame; ignore them if the reader moved on. */
export function quotesLoaded(state: AppState, articleId: string, found: readonly Quote[]): AppState {
  const reader = state.reader;
  if (!reader || reader.article.id !== articleId) return state;
  const quotes = [...found].sort((a, b) => a.start - b.start);
  // If the sidebar was opened while quotes were being found, start at the first one on screen.
  const quoteCursor = reader.sidebarOpen ? firstQuoteOnScreen({ ...reader, quotes }) : 0;
  const quoteOffset = ensureVisible(quoteCursor, 0, sidebarCapacity(state), quotes.length);
  return setReader(state, { quotes, quoteCursor, quoteOffset });
}
