import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { normalizeKey } from '../../src/input/keys.js';

function key(patch: Partial<Key> = {}): Key {
  return {
    upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
    home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
    backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
    ...patch,
  };
}
const names = (input: string, k: Partial<Key> = {}) => normalizeKey(input, key(k)).map((p) => p.name);

describe('normalizeKey', () => {
  it('splits characters that arrive in one chunk into separate presses', () => {
    expect(names('jjk')).toEqual(['j', 'j', 'k']);
    expect(names('G')).toEqual(['G']);
  });

  it('keeps the typed text for text fields, including spaces and wide characters', () => {
    expect(normalizeKey('a 東', key())).toEqual([
      { name: 'a', text: 'a' },
      { name: 'space', text: ' ' },
      { name: '東', text: '東' },
    ]);
  });

  it('reads a lone Esc as Esc even though Ink 6 also sets meta', () => {
    expect(names('', { escape: true, meta: true })).toEqual(['esc']);
  });

  it('reads Alt+key as alt, not as Esc', () => {
    expect(names('b', { meta: true })).toEqual(['alt+b']);
  });

  it('names control keys and special keys', () => {
    expect(names('d', { ctrl: true })).toEqual(['ctrl+d']);
    expect(names('c', { ctrl: true })).toEqual(['ctrl+c']);
    expect(names('', { pageDown: true })).toEqual(['pgdown']);
    expect(names('', { downArrow: true })).toEqual(['down']);
    expect(names('', { tab: true, shift: true })).toEqual(['shift+tab']);
    expect(names('\r', { return: true })).toEqual(['enter']);
    // Backspace sends DEL, which Ink 6 reports as delete.
    expect(names('', { delete: true })).toEqual(['backspace']);
  });

  it('drops control characters that are not keys', () => {
    expect(names('\u0007a')).toEqual(['a']);
  });
});
