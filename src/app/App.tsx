import { useApp, useInput, type Key } from 'ink';
import { useCallback, useEffect, useReducer } from 'react';
import { normalizeKey } from '../input/keys.js';
import { reducer } from '../store/reducer.js';
import type { AppState } from '../store/state.js';
import { Screen } from '../views/Screen.js';
import { ThemeContext, type Theme } from '../views/theme.js';
import { runEffect } from './effects.js';
import { useSourceLoader, type SourceLoader } from './loading.js';
import { useLibraryOpening } from './library.js';
import { useStoreOpening } from './store-opening.js';
import { usePositionAutosave } from './positions.js';
import { useQuotes } from './quotes.js';
import type { Services } from './services.js';
import { useTerminalSize } from './useTerminalSize.js';

export interface AppProps {
  readonly initialState: AppState;
  readonly services: Services;
  readonly theme: Theme;
  /** Sources to load while the interface is up; `initialState` then starts with `loading` set. */
  readonly loader?: SourceLoader;
}

const FLASH_MS = { info: 3000, error: 8000 };

/**
 * The root: one reducer, one input handler that only turns keys into actions, and small
 * effects that run what the reducer asks for (Elm's model, update, view and commands).
 */
export function App({ initialState, services, theme, loader }: AppProps) {
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

  useStoreOpening(services, dispatch);
  useLibraryOpening(services.library, dispatch);
  useSourceLoader(loader, dispatch);
  useQuotes(state, services.findQuotes, dispatch);
  usePositionAutosave(state.reader, services);

  return (
    <ThemeContext.Provider value={theme}>
      <Screen state={state} />
    </ThemeContext.Provider>
  );
}
