import type { Article } from '../article.js';
import type { Command } from '../input/commands.js';
import { haystackOfPerson } from '../people/lookup.js';
import { fold } from '../people/fold.js';
import type { Person } from '../people/types.js';
import { ensureVisible, moveCursor } from '../text/viewport.js';
import { openArticle, rememberPosition, revealOffset, setReader } from './reader-reducer.js';
import { listHeight } from './selectors.js';
import type { AppState, PeopleView } from './state.js';
import { currentScreen, flash, popScreen, pushScreen, quit, request } from './update.js';

// The People view: everyone quoted across the library, ranked by quotes, filtered as the
// article list is; Enter shows one person's quotes, newest first; Enter on a quote opens its
// article at the quote. The index itself is read through effects (src/app/people.ts).

/** Rows each quote takes on a person's page: the words, then the article and date. */
export const PERSON_ENTRY_ROWS = 2;

function setPeople(state: AppState, patch: Partial<PeopleView>): AppState {
  return { ...state, people: { ...state.people, ...patch } };
}

/** Quotes that fit on a person's page under its heading. */
export function personPageSize(state: AppState): number {
  return Math.max(1, Math.floor(listHeight(state) / PERSON_ENTRY_ROWS));
}

export function shownPerson(state: AppState): Person | undefined {
  const id = state.people.person?.id;
  return id === undefined ? undefined : state.people.people?.find((p) => p.id === id);
}

/** P: the People view; the index is read again each time, since the library grows. */
export function showPeople(state: AppState): AppState {
  const at = state.stack.indexOf('people');
  // Back to the view already open below, rather than a second copy of it.
  const shown = at >= 0 ? { ...state, stack: state.stack.slice(0, at + 1) } : pushScreen(state, 'people');
  return request(shown, { type: 'loadPeople' });
}

export function peopleLoaded(state: AppState, people: readonly Person[], pending: number, show?: string): AppState {
  const view = state.people;
  const haystacks = people.map(haystackOfPerson);
  const matches = matchesFor(haystacks, view.filter);
  // The cursor stays on the same person through a reload (the index grew in the background).
  const current = view.people?.[view.matches[view.cursor] ?? -1]?.id;
  const at = current === undefined ? -1 : matches.findIndex((i) => people[i]!.id === current);
  const cursor = at >= 0 ? at : Math.min(view.cursor, Math.max(0, matches.length - 1));
  const next = setPeople(state, { people, haystacks, matches, cursor, offset: ensureVisible(cursor, view.offset, listHeight(state) - 1, matches.length), pending });
  if (show === undefined) return next;
  if (!people.some((p) => p.id === show)) return flash(next, 'This speaker is not in the people index yet');
  // One person's page at a time: the new one goes on top of the view it was asked from.
  const stack = next.stack.filter((s) => s !== 'person');
  return pushScreen(setPeople({ ...next, stack }, { person: { id: show, cursor: 0, offset: 0 } }), 'person');
}

function matchesFor(haystacks: readonly string[], filter: string): number[] {
  const words = fold(filter).split(' ').filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < haystacks.length; i++) if (words.every((w) => haystacks[i]!.includes(w))) out.push(i);
  return out;
}

export function applyPeopleFilter(state: AppState, filter: string): AppState {
  const { people } = state;
  // Typing one more letter narrows: only the current matches need looking at.
  const narrowing = filter.startsWith(people.filter) && fold(filter).startsWith(fold(people.filter));
  const candidates = narrowing ? people.matches.map((i) => people.haystacks[i]!) : people.haystacks;
  const found = matchesFor(candidates, filter);
  const matches = narrowing ? found.map((i) => people.matches[i]!) : found;
  return setPeople(state, { filter, matches, cursor: 0, offset: 0 });
}

export function peopleCommand(state: AppState, command: Command): AppState {
  const view = state.people;
  const height = listHeight(state) - 1;
  const total = view.matches.length;
  const move = (cursor: number) => {
    const at = Math.max(0, Math.min(total - 1, cursor));
    return setPeople(state, { cursor: at, offset: ensureVisible(at, view.offset, height, total) });
  };
  const target = cursorTarget(command, view.cursor, height, total);
  if (target !== null) return move(target);
  switch (command) {
    case 'find':
      return setPeople(state, { editing: true });
    case 'clearFilter':
      return view.filter ? clearPeopleFilter(state) : leave(state);
    case 'open': {
      const person = view.people?.[view.matches[view.cursor] ?? -1];
      if (!person) return state;
      return pushScreen(setPeople(state, { person: { id: person.id, cursor: 0, offset: 0 } }), 'person');
    }
    case 'back':
      return leave(state);
    default:
      return state;
  }
}

/** Esc in the filter, or with a filter kept: every person again, the cursor on the same one. */
export function clearPeopleFilter(state: AppState): AppState {
  const view = state.people;
  const current = view.matches[view.cursor];
  const cleared = setPeople(state, { filter: '', editing: false, matches: view.haystacks.map((_, i) => i) });
  const cursor = current === undefined ? 0 : current;
  return setPeople(cleared, { cursor, offset: ensureVisible(cursor, 0, listHeight(state) - 1, view.haystacks.length) });
}

/** Where a movement command takes a cursor over `total` items, `page` to a screen; null for others. */
function cursorTarget(command: Command, cursor: number, page: number, total: number): number | null {
  const half = Math.max(1, Math.floor(page / 2));
  const steps: Partial<Record<Command, number>> = { down: 1, up: -1, pageDown: page, pageUp: -page, halfDown: half, halfUp: -half };
  if (command === 'top') return 0;
  if (command === 'bottom') return total - 1;
  const step = steps[command];
  return step === undefined ? null : cursor + step;
}

function leave(state: AppState): AppState {
  return state.stack.length > 1 ? popScreen(state) : quit(state);
}

export function personCommand(state: AppState, command: Command): AppState {
  const person = shownPerson(state);
  const page = state.people.person;
  if (!person || !page) return leave(state);
  const size = personPageSize(state);
  const total = person.quotes.length;
  const move = (cursor: number) => {
    const at = moveCursor(cursor, 0, total);
    return setPeople(state, { person: { ...page, cursor: at, offset: ensureVisible(at, page.offset, size, total) } });
  };
  const target = cursorTarget(command, page.cursor, size, total);
  if (target !== null) return move(target);
  switch (command) {
    case 'open': {
      const source = person.quotes[page.cursor]?.sources[0];
      if (!source) return state;
      // An article of this session opens at once; others are read from the library.
      const here = state.articles.find((a) => a.id === source.articleId) ?? (state.reader?.article.id === source.articleId ? state.reader.article : undefined);
      return here ? openAtQuote(state, here, source.start) : request(state, { type: 'openQuoteSource', articleId: source.articleId, start: source.start });
    }
    case 'showPeople':
      return popScreen(state);
    case 'back':
      return leave(state);
    default:
      return state;
  }
}

/**
 * Opens an article with the quote starting at `start` jumped to as the sidebar's Enter does:
 * the text scrolled to it now, and the quote highlighted under the sidebar's cursor once the
 * engine has found the article's quotes (see quotesLoaded).
 */
export function openAtQuote(state: AppState, article: Article, start: number): AppState {
  // The person's page stays under the reader, so going back returns to it.
  const left = rememberPosition(state);
  const below = { ...left, stack: left.stack.filter((s) => s !== 'reader' && s !== 'links') };
  const opened = openArticle({ ...below, reader: null }, article);
  return revealOffset(setReader(opened, { jumpTo: start, untouched: false }), start, true);
}

/** `p` in the sidebar: the speaker of the quote under the cursor, on their page. */
export function showSpeaker(state: AppState): AppState {
  const reader = state.reader;
  const quote = reader?.quotes?.[reader.quoteCursor];
  if (!reader || !quote) return flash(state, 'No quote here');
  if (!quote.speaker) return flash(state, 'Nobody is named for this quote');
  return request(state, { type: 'showSpeaker', article: reader.article, quotes: reader.quotes ?? [], start: quote.start, speaker: quote.speaker });
}

export function isPeopleScreen(state: AppState): boolean {
  const screen = currentScreen(state);
  return screen === 'people' || screen === 'person';
}
