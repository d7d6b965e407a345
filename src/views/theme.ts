import { createContext, useContext } from 'react';
import { colorTheme, type Theme } from './themes.js';

export { colorTheme, monoTheme, type Style, type Theme } from './themes.js';

export const ThemeContext = createContext<Theme>(colorTheme);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
