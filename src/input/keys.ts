import type { Key } from 'ink';

/** One key press, named the way the keymap table names keys ('j', 'G', 'down', 'ctrl+d', 'esc'). */
export interface KeyPress {
  name: string;
  /** The printable text the key types, for text fields (search, filter). */
  text?: string;
}

/**
 * Turns one Ink input event into key presses. Ink 6 delivers several characters typed (or
 * repeated) in one chunk as a single event ("jj"), so plain text is split into one press per
 * character. Ink 6 also sets `meta` on a lone Esc, so Esc is recognised before Alt.
 */
export function normalizeKey(input: string, key: Key): KeyPress[] {
  const special = specialKey(key);
  if (special) return [{ name: special }];
  if (key.ctrl && input.length === 1) return [{ name: `ctrl+${input.toLowerCase()}` }];
  if (key.meta && input.length > 0) return [{ name: `alt+${input}` }];
  const presses: KeyPress[] = [];
  for (const char of input) {
    const named = CHAR_NAMES[char];
    if (named) presses.push(named);
    else if (isPrintable(char)) presses.push({ name: char, text: char });
  }
  return presses;
}

const CHAR_NAMES: Record<string, KeyPress> = {
  ' ': { name: 'space', text: ' ' },
  '\r': { name: 'enter' },
  '\n': { name: 'enter' },
  '\t': { name: 'tab' },
  '\x7f': { name: 'backspace' },
  '\b': { name: 'backspace' },
};

function specialKey(key: Key): string | null {
  if (key.escape) return 'esc';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageDown) return 'pgdown';
  if (key.pageUp) return 'pgup';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  // Most terminals send DEL (0x7f) for Backspace, which Ink 6 reports as `delete`.
  if (key.backspace || key.delete) return 'backspace';
  return null;
}

function isPrintable(char: string): boolean {
  return !/[\p{Cc}\p{Cf}]/u.test(char);
}
