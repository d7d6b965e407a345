import { applyKeyBindings } from '../input/keymap.js';
import { configureLayout } from '../store/layout.js';
import type { Settings } from '../store/settings.js';

export type InterfaceSettings = Pick<Settings, 'keys' | 'readerWidth' | 'sidebarWidth'>;

/** The settings file's key bindings and widths, into the keymap and the layout. */
export function applySettings(settings: InterfaceSettings): void {
  applyKeyBindings(settings.keys);
  configureLayout({
    ...(settings.readerWidth ? { maxTextWidth: settings.readerWidth } : {}),
    ...(settings.sidebarWidth ? { sidebarWidth: settings.sidebarWidth } : {}),
  });
}
