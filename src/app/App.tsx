import { useApp, useInput, type Key } from 'ink';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { normalizeKey } from '../input/keys.js';
import { reducer } from '../store/reducer.js';
import type { Quote } from '../store/quote.js';
import type { AppState } from '../store/state.js';
import { Screen } from '../views/Screen.js';
import { ThemeContext, type Theme } from '../views/theme.js';
import { runEffect } from './effects.js';
import type { Services } from './services.js';
import { useTerminalSize } from './useTerminalSize.js';

export interface AppProps {
  readonly initialState: AppState;
  readonly services: Services;
  readonly theme: Theme;
}

const FLASH_MS = { info: 3000, error: 8000 };

/**
 * The root: one reducer, one input handler that only turns keys into actions, and small
 * effects that run what the reducer asks for (Elm's model, update, view and commands).
 */
export function App({ initialState, services, theme }: AppProps) {
  const [state, dispatch] = useReducer(reducer, initialState);
  const { exit } = useApp();

  const handleInput = useCallback((input: string, key: Key) => {
    for (const press of normalizeKey(input, key)) dispatch({ type: 'key', key: press });
  }, []);
  useInput(handleInput);

  const size = useTerminalSize();
  useEffect(() => {
    dispatch({ type: 'resize', ...size });
  }, [size]);

  useEffect(() => {
    const effects = state.effects;
    if (effects.length === 0) return;
    dispatch({ type: 'effectsTaken', upTo: effects[effects.length - 1]!.id });
    for (const effect of effects) runEffect(effect, services, dispatch, exit);
  }, [state.effects, services, exit]);

  const flash = state.flash;
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => dispatch({ type: 'clearFlash', id: flash.id }), FLASH_MS[flash.tone]);
    return () => clearTimeout(timer);
  }, [flash]);

  useQuotes(state, services, dispatch);

  return (
    <ThemeContext.Provider value={theme}>
      <Screen state={state} />
    </ThemeContext.Provider>
  );
}

/**
 * Finds an article's quotes once, after its first frame is on screen (a long article takes
 * the engine a while), and keeps them for when the article is opened again.
 */
function useQuotes(state: AppState, services: Services, dispatch: (action: { type: 'quotesLoaded'; articleId: string; quotes: readonly Quote[] }) => void) {
  const cache = useRef(new Map<string, readonly Quote[]>());
  const article = state.reader?.article;
  const waiting = state.reader?.quotes === null;
  useEffect(() => {
    if (!article || !waiting) return;
    const known = cache.current.get(article.id);
    if (known) {
      dispatch({ type: 'quotesLoaded', articleId: article.id, quotes: known });
      return;
    }
    const timer = setTimeout(() => {
      let quotes: readonly Quote[];
      try {
        quotes = services.findQuotes(article.text);
      } catch {
        // A bug in the engine must not take the reader down; the sidebar shows no quotes.
        quotes = [];
      }
      cache.current.set(article.id, quotes);
      dispatch({ type: 'quotesLoaded', articleId: article.id, quotes });
    }, 0);
    return () => clearTimeout(timer);
  }, [article, waiting, services, dispatch]);
}
