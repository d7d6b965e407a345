import type { Dispatch } from 'react';
import { InkwireError } from '../errors.js';
import type { Action } from '../store/actions.js';
import type { Bookmark, WaitOptions } from '../store/bookmarks/types.js';
import type { Effect } from '../store/state.js';
import { isLibraryEffect, runLibraryEffect } from './library.js';
import { isPeopleEffect, runPeopleEffect } from './people.js';
import type { Services } from './services.js';
import { StoreWork } from './store-work.js';

/** Store work of an app whose services bring none (tests). */
const ownWork = new StoreWork();
/** The wait message is shown again this often, so it stays up for as long as the wait lasts. */
const WAIT_SHOWN_EVERY_MS = 2_500;

/**
 * Runs one side effect the reducer asked for and reports the outcome as actions. Store
 * operations run in the background (another process may hold the store: the wait shows in
 * the status bar, keys go on), and their failures (a full disk, a damaged file) become a
 * status-bar message, never a crash.
 */
export function runEffect(effect: Effect, services: Services, dispatch: Dispatch<Action>, exit: () => void): void {
  if (isLibraryEffect(effect)) {
    runLibraryEffect(effect, services.library, dispatch);
    return;
  }
  if (isPeopleEffect(effect)) {
    runPeopleEffect(effect, services.people, services.findQuotes, dispatch);
    return;
  }
  const { store } = services;
  const changed = async () => dispatch({ type: 'bookmarksChanged', bookmarks: await store.list() });
  switch (effect.type) {
    case 'toggleBookmark': {
      const { article } = effect;
      inBackground(services, dispatch, `the bookmark of “${article.title}”`, async (wait) => {
        const result = await store.toggle(article, wait);
        await changed();
        if (result.on) dispatch({ type: 'flash', text: result.revived ? bookmarkedAgain(result.bookmark) : 'Bookmarked' });
        else dispatch({ type: 'bookmarksRemoved', bookmarks: result.removed });
      });
      return;
    }
    case 'removeBookmark':
      inBackground(services, dispatch, `the removal of “${effect.bookmark.title}”`, async (wait) => {
        await store.remove(effect.bookmark.id, wait);
        await changed();
      });
      return;
    case 'restoreBookmark':
      inBackground(services, dispatch, `the return of “${effect.bookmark.title}”`, async (wait) => {
        await store.restore(effect.bookmark, wait);
        await changed();
        dispatch({ type: 'flash', text: `Bookmark restored: “${effect.bookmark.title}”` });
      });
      return;
    case 'saveQuote': {
      const { article, quote } = effect;
      inBackground(
        services,
        dispatch,
        'the quote',
        async (wait) => {
          const before = await store.get(article.id);
          await store.addQuote(article, quote, wait);
          const after = await store.get(article.id);
          await changed();
          dispatch({ type: 'flash', text: savedQuote(before, after) });
        },
        { failure: 'Could not save the quote' },
      );
      return;
    }
    case 'loadArticle':
      inBackground(services, dispatch, undefined, async () => {
        const article = await store.loadArticle(effect.bookmark.id);
        if (article) dispatch({ type: 'open', article });
        else dispatch({ type: 'flash', tone: 'error', text: 'No saved copy of this article; o opens it in the browser' });
      });
      return;
    case 'loadPosition':
      inBackground(services, dispatch, undefined, async () => {
        const articleId = effect.article.id;
        const position = await store.getPosition(articleId);
        if (position !== undefined) dispatch({ type: 'positionLoaded', articleId, position });
      });
      return;
    case 'savePosition':
      // Quietly: a reading position is not worth a status line, nor a line on quitting.
      inBackground(services, dispatch, undefined, (wait) => store.setPosition(effect.articleId, effect.position, wait), { quiet: true });
      return;
    case 'openUrl':
      void services.openUrl(effect.url).then((error) => {
        dispatch(error ? { type: 'flash', tone: 'error', text: error } : { type: 'flash', text: 'Opened in the browser' });
      });
      return;
    case 'copy': {
      if (!services.copy(effect.text)) {
        dispatch({ type: 'flash', tone: 'error', text: `${effect.what} is too long to copy` });
        return;
      }
      // A terminal never says whether it took OSC 52: say so, unless it is known to.
      const report = services.copyReport?.(effect.what) ?? { text: `${effect.what} copied`, tone: 'info' };
      dispatch({ type: 'flash', ...report });
      return;
    }
    case 'suspend':
      services.suspend?.();
      return;
    case 'fetchFullText': {
      const { article } = effect;
      void services.fullText(article).then(
        (full) => dispatch({ type: 'fullTextLoaded', articleId: article.id, article: full === article ? null : full }),
        (error: unknown) => dispatch({ type: 'fullTextFailed', articleId: article.id, reason: reasonOf(error) }),
      );
      return;
    }
    case 'exit':
      exit();
      return;
  }
}

/**
 * Runs a store operation without holding up the interface. While another process holds the
 * store, the status bar says so; `what` names a change for the report of what quitting left
 * unsaved (undefined for reads).
 */
function inBackground(
  services: Services,
  dispatch: Dispatch<Action>,
  what: string | undefined,
  op: (wait: WaitOptions) => Promise<void>,
  options: { quiet?: boolean; failure?: string } = {},
): void {
  let repeat: NodeJS.Timeout | undefined;
  const onWait = (holder: string) => {
    const show = () => dispatch({ type: 'flash', text: `Waiting for the bookmarks: ${holder} is saving… (q quits)` });
    show();
    repeat = setInterval(show, WAIT_SHOWN_EVERY_MS);
  };
  const work = services.storeWork ?? ownWork;
  work
    .track(options.quiet ? undefined : what, op, options.quiet ? undefined : onWait)
    .catch((error: unknown) => {
      if (!options.quiet) dispatch({ type: 'flash', tone: 'error', text: `${options.failure ?? (what ? 'Not saved' : 'Bookmarks')}: ${storeProblem(error)}` });
    })
    .finally(() => clearInterval(repeat));
}

/** What S did: the store keeps one copy of each quote, so nothing added means it was there. */
function savedQuote(before: Bookmark | undefined, after: Bookmark | undefined): string {
  if (!before) return 'Saved quote to bookmarks (article bookmarked)';
  return (after?.quotes.length ?? 0) > before.quotes.length ? 'Saved quote to bookmarks' : 'Quote already saved';
}

/** "Bookmarked again, with its note, 2 tags and 1 quote": what came back with it. */
function bookmarkedAgain(bookmark: Bookmark): string {
  const kept = [
    bookmark.note ? 'its note' : '',
    bookmark.tags.length > 0 ? `${bookmark.tags.length} tag${bookmark.tags.length === 1 ? '' : 's'}` : '',
    bookmark.quotes.length > 0 ? `${bookmark.quotes.length} quote${bookmark.quotes.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  if (kept.length === 0) return 'Bookmarked again';
  const list = kept.length === 1 ? kept[0] : `${kept.slice(0, -1).join(', ')} and ${kept.at(-1)}`;
  return `Bookmarked again, with ${list}`;
}

/**
 * The store's errors as a status line. Told by name, since the store's classes are loaded in
 * another chunk than this module may be.
 */
function storeProblem(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const fields = error as Error & { reason?: string; holder?: string; quietMs?: number };
  switch (error.name) {
    case 'StoreIoError':
      return fields.reason ?? error.message;
    case 'LockStalledError':
      return `${fields.holder} holds the bookmarks and has shown no progress for ${Math.round((fields.quietMs ?? 0) / 1000)} s`;
    case 'LockPathError':
      return `${error.message}; remove it and try again`;
    default:
      return error.message;
  }
}

/** The part of an error worth a status line: a fetch error's subject is the address itself. */
function reasonOf(error: unknown): string {
  if (error instanceof InkwireError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
