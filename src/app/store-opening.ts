import { useEffect, type Dispatch } from 'react';
import type { Action } from '../store/actions.js';
import type { Services } from './services.js';

/**
 * When the bookmark store opens after the first frame, takes from it what the first screen
 * went without: the bookmarks (marks in the list) and its warnings. Effects that need the
 * store (the reading position among them) wait for it inside the deferred store.
 */
export function useStoreOpening(services: Services, dispatch: Dispatch<Action>): void {
  const { store, storeReady } = services;
  useEffect(() => {
    if (!storeReady) return;
    let mounted = true;
    void storeReady
      .then(() => store.list())
      .then(
        (bookmarks) => {
          if (!mounted) return;
          dispatch({ type: 'bookmarksChanged', bookmarks });
          for (const warning of store.warnings) dispatch({ type: 'flash', tone: 'error', text: warning });
        },
        () => {
          // A store that failed to open says so through its warnings.
          if (mounted) for (const warning of store.warnings) dispatch({ type: 'flash', tone: 'error', text: warning });
        },
      );
    return () => {
      mounted = false;
    };
  }, [store, storeReady, dispatch]);
}
