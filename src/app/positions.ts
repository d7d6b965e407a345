import { useEffect } from 'react';
import type { WaitOptions } from '../store/bookmarks/types.js';
import type { ReaderState } from '../store/state.js';
import { offsetOfLine } from '../text/viewport.js';
import type { Services } from './services.js';

/** Long enough that holding j down does not write the bookmarks file on every line. */
const SETTLE_MS = 1000;

/**
 * Saves the reading position once scrolling settles, so a closed terminal (SIGHUP) or a
 * crash still leaves the reader where they were; leaving an article saves it at once.
 */
export function usePositionAutosave(reader: ReaderState | null, services: Services): void {
  const article = reader?.article;
  const lines = reader?.lines;
  const top = reader?.top;
  const untouched = reader?.untouched ?? true;
  useEffect(() => {
    if (!article || !lines || top === undefined || untouched) return;
    const timer = setTimeout(() => {
      const save = (wait: WaitOptions) => services.store.setPosition(article.id, offsetOfLine(lines, top), wait);
      const saving = services.storeWork ? services.storeWork.track(undefined, save) : save({});
      // A read-only store: the position is still saved on leaving, with an error shown then.
      saving.catch(() => undefined);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [article, lines, top, untouched, services]);
}
