import type { AppState, EffectRequest, Screen } from './state.js';

/** Queues a side effect for the app to run. */
export function request(state: AppState, effect: EffectRequest): AppState {
  return { ...state, effects: [...state.effects, { ...effect, id: state.nextId }], nextId: state.nextId + 1 };
}

export function flash(state: AppState, text: string, tone: 'info' | 'error' = 'info'): AppState {
  return { ...state, flash: { id: state.nextId, text, tone, screen: currentScreen(state) }, nextId: state.nextId + 1 };
}

export function currentScreen(state: AppState): Screen {
  return state.stack[state.stack.length - 1] ?? 'welcome';
}

export function pushScreen(state: AppState, screen: Screen): AppState {
  if (currentScreen(state) === screen) return state;
  return { ...state, stack: [...state.stack, screen] };
}

/** Goes back one view; at the first view, stays (quitting is a separate command). */
export function popScreen(state: AppState): AppState {
  if (state.stack.length <= 1) return state;
  return { ...state, stack: state.stack.slice(0, -1) };
}

export function quit(state: AppState): AppState {
  if (state.quitting) return state;
  return request({ ...state, quitting: true }, { type: 'exit' });
}
