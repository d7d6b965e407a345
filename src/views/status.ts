import { keyContext, loadingText, offersFullText, readerHeight, readerPercent } from '../store/selectors.js';
import type { AppState } from '../store/state.js';
import { counted, groupDigits } from '../store/format.js';
import { MAX_MATCHES } from '../store/search.js';
import { currentScreen } from '../store/update.js';
import { shownPerson } from '../store/people-reducer.js';

export interface StatusParts {
  left: string;
  right: string;
  tone: 'normal' | 'info' | 'error';
}

const CARET = '▏';

const plural = (n: number, word: string) => counted(n, word, word === 'entry' ? 'entries' : undefined);

/**
 * What the status bar says: where you are on the left, position and a hint on the right.
 * While sources load, their count leads the right part in every view: it is what changes,
 * and on a narrow terminal it outlasts the hints.
 */
export function statusParts(state: AppState): StatusParts {
  const view = viewStatus(state);
  const loading = loadingText(state);
  const parts = loading ? { ...view, right: `${loading} · ${view.right}` } : view;
  if (state.prompt) return { ...parts, left: `Go to: ${state.prompt.text}${CARET}`, right: 'line, or N% · Enter goes · Esc', tone: 'normal' };
  // A count being typed shows where less shows it: at the left, until its command comes.
  if (state.count) return { ...parts, left: `${state.count}${CARET}`, tone: 'normal' };
  // A message shows in the view it is about, and only there.
  if (!state.flash || state.flash.screen !== currentScreen(state) || state.help.open) return parts;
  return { ...parts, left: state.flash.text, tone: state.flash.tone };
}

function viewStatus(state: AppState): StatusParts {
  const context = keyContext(state);
  const screen = currentScreen(state);
  const normal = (left: string, right: string): StatusParts => ({ left, right, tone: 'normal' });
  if (context === 'help') return normal('Help', 'Esc closes');
  if (screen === 'list' && state.library && state.stack.includes('feeds') && !state.list.editing && !state.list.filter) {
    const unread = state.library.unread.size;
    const at = state.list.matches.length > 0 ? `${state.list.cursor + 1}/${groupDigits(state.list.matches.length)} · ` : '';
    return normal(`${plural(state.articles.length, 'entry')} · ${groupDigits(unread)} unread`, `${at}m read/unread · A all read · q feeds`);
  }
  if (screen === 'list') {
    const { list } = state;
    const count = `${groupDigits(list.matches.length)} of ${groupDigits(state.articles.length)}`;
    if (list.editing) return normal(`Filter: ${list.filter}${CARET}`, `${count} · Enter keeps · Esc clears`);
    const left = list.filter ? `Filter “${list.filter}” · ${count}` : `inkwire · ${plural(state.articles.length, 'article')}`;
    const at = list.matches.length > 0 ? `${list.cursor + 1}/${groupDigits(list.matches.length)} · ` : '';
    return normal(left, `${at}/ filter · ? help · q quit`);
  }
  if ((screen === 'reader' || screen === 'links') && state.reader) {
    const reader = state.reader;
    const { search } = reader;
    // Matches stop at MAX_MATCHES: the count then says it is a floor ("1/10,000+").
    const total = `${groupDigits(search.matches.length)}${search.matches.length >= MAX_MATCHES ? '+' : ''}`;
    const found = search.matches.length > 0 ? `${groupDigits(search.current + 1)}/${total}` : 'no match';
    const label = search.backward ? 'Search backwards' : 'Search';
    if (search.editing) return normal(`${label}: ${search.query}${CARET}`, search.query ? found : 'Enter keeps · Esc clears');
    if (screen === 'links') return normal(reader.article.title, 'Enter opens · y copies · Esc back');
    const percent = `${readerPercent(reader, readerHeight(state))}%`;
    const searchPart = search.query ? ` · “${search.query}” ${found}` : '';
    const fullText = offersFullText(state, reader.article) ? ' · r full text' : '';
    const hint = context === 'quotes' ? 'Enter jumps · p speaker · y copies · S saves · Esc text' : `Tab quotes${fullText} · H help`;
    // Nothing fetched (the first frame) asks no id, which is made when first read (makeArticle).
    const fetching = state.fullText.size > 0 && state.fullText.get(reader.article.id) === 'fetching';
    if (fetching) return { left: 'Fetching the full text…', right: `${percent}${searchPart} · ${hint}`, tone: 'info' };
    return normal(reader.article.title, `${percent}${searchPart} · ${hint}`);
  }
  if (screen === 'feeds' && state.library) {
    const { feeds, cursor, refreshing } = state.library;
    const all = feeds ?? [];
    const unread = all.reduce((n, f) => n + f.unread, 0);
    const left = refreshing ? `Refreshing ${refreshing.done}/${refreshing.total}${refreshing.failed ? `, ${refreshing.failed} failed` : ''}…` : `Feeds · ${plural(all.length, 'feed')} · ${groupDigits(unread)} unread`;
    return { left, right: `${all.length > 0 ? `${cursor + 1}/${all.length} · ` : ''}R refresh · n unread · / search · ? help`, tone: refreshing ? 'info' : 'normal' };
  }
  if (screen === 'search' && state.library?.search) {
    const { results, cursor, editing } = state.library.search;
    const count = results?.length ?? 0;
    if (editing) return normal('Search the library', 'Enter to the matches · Esc back');
    return normal(`Search · ${plural(count, 'match').replace('matchs', 'matches')}`, `${count > 0 ? `${cursor + 1}/${count} · ` : ''}Enter reads · / edits · q feeds`);
  }
  if (screen === 'people') {
    const view = state.people;
    const count = `${groupDigits(view.matches.length)} of ${groupDigits(view.people?.length ?? 0)}`;
    if (view.editing) return normal(`Filter: ${view.filter}${CARET}`, `${count} · Enter keeps · Esc clears`);
    if (view.people === null) return normal('People · reading the index…', '? help');
    const left = view.filter ? `Filter “${view.filter}” · ${count}` : `People · ${plural(view.people.length, 'speaker')}`;
    const at = view.matches.length > 0 ? `${view.cursor + 1}/${groupDigits(view.matches.length)} · ` : '';
    return normal(left, `${at}Enter quotes · / filter · ? help`);
  }
  if (screen === 'person') {
    const person = shownPerson(state);
    const page = state.people.person;
    const at = person && page && person.quotes.length > 0 ? `${page.cursor + 1}/${groupDigits(person.quotes.length)} · ` : '';
    return normal(person?.name ?? 'People', `${at}Enter reads it · Esc back · ? help`);
  }
  if (screen === 'bookmarks') {
    const { items, cursor } = state.bookmarks;
    return normal(`Bookmarks · ${items.length}`, `${items.length > 0 ? `${cursor + 1}/${items.length} · ` : ''}? help`);
  }
  return normal('inkwire', '? help · q quit');
}
