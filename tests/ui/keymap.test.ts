import { describe, expect, it } from 'vitest';
import type { KeyContext } from '../../src/input/commands.js';
import { BINDINGS, bindingsFor, keymapMarkdown, resolveKey } from '../../src/input/keymap.js';

const CONTEXTS: KeyContext[] = ['list', 'reader', 'quotes', 'bookmarks', 'links', 'help', 'welcome', 'input'];

describe('keymap', () => {
  it('binds no key to two commands in one context', () => {
    for (const context of CONTEXTS) {
      const seen = new Map<string, string>();
      for (const binding of bindingsFor(context)) {
        for (const key of binding.keys) {
          const before = seen.get(key);
          expect(before, `${context}: ${key} is bound to ${before} and ${binding.command}`).toBeUndefined();
          seen.set(key, binding.command);
        }
      }
    }
  });

  it('gives every binding help text and at least one key', () => {
    for (const binding of BINDINGS) {
      expect(binding.help.trim().length, binding.command).toBeGreaterThan(3);
      expect(binding.keys.length).toBeGreaterThan(0);
      expect(binding.contexts.length).toBeGreaterThan(0);
    }
  });

  it('has the keys users of less, glow and vim expect', () => {
    expect(resolveKey('reader', 'j')).toBe('down');
    expect(resolveKey('reader', 'space')).toBe('pageDown');
    expect(resolveKey('reader', 'b')).toBe('pageUp');
    expect(resolveKey('reader', 'ctrl+d')).toBe('halfDown');
    expect(resolveKey('reader', 'G')).toBe('bottom');
    expect(resolveKey('reader', 'n')).toBe('nextMatch');
    expect(resolveKey('reader', 'J')).toBe('nextArticle');
    expect(resolveKey('list', 'enter')).toBe('open');
    expect(resolveKey('list', 'q')).toBe('quit');
    expect(resolveKey('reader', 'q')).toBe('close');
    expect(resolveKey('reader', 'esc')).toBe('clearFilter');
    expect(resolveKey('reader', 'h')).toBe('back');
    expect(resolveKey('reader', 'ctrl+f')).toBe('pageDown');
    expect(resolveKey('reader', 'ctrl+b')).toBe('pageUp');
    expect(resolveKey('reader', 'ctrl+e')).toBe('down');
    expect(resolveKey('reader', 'ctrl+y')).toBe('up');
    expect(resolveKey('reader', 'ctrl+z')).toBe('suspend');
    expect(resolveKey('reader', '?')).toBe('findBackward');
    expect(resolveKey('reader', '%')).toBe('percent');
    expect(resolveKey('reader', ':')).toBe('goTo');
    expect(resolveKey('list', 's')).toBe('toggleBookmark');
    expect(resolveKey('reader', 'B')).toBe('showBookmarks');
    expect(resolveKey('reader', 'tab')).toBe('toggleSidebar');
    expect(resolveKey('quotes', 'enter')).toBe('open');
    expect(resolveKey('quotes', 'y')).toBe('copy');
  });

  it('quits on ctrl+c everywhere, and lets q be typed into a text field', () => {
    for (const context of CONTEXTS) expect(resolveKey(context, 'ctrl+c')).toBe('quit');
    expect(resolveKey('input', 'q')).toBeNull();
    expect(resolveKey('input', '/')).toBeNull();
  });

  it('offers help in every browsing view: H and F1 everywhere, ? where it is not a search', () => {
    for (const context of ['list', 'reader', 'quotes', 'bookmarks', 'links', 'welcome'] as const) {
      expect(resolveKey(context, 'H')).toBe('help');
      expect(resolveKey(context, 'f1')).toBe('help');
      if (context !== 'reader') expect(resolveKey(context, '?')).toBe('help');
    }
  });

  it('never quits on Esc, h or ←: only q, Q and ctrl+c quit', () => {
    for (const context of CONTEXTS) {
      for (const key of ['esc', 'h', 'left']) {
        expect(['quit', 'quitNow']).not.toContain(resolveKey(context, key));
      }
    }
  });

  it('renders the key list as Markdown tables', () => {
    const md = keymapMarkdown();
    expect(md).toContain('### Reader');
    expect(md).toContain('| Keys | Action |');
    expect(md).toContain('| `j` `↓` `ctrl+e` | scroll down a line |');
    expect(md).toContain('| `q` `ctrl+c` | quit |');
    for (const line of md.split('\n').filter((l) => l.startsWith('| `'))) expect(line.split(' | ').length).toBe(2);
  });
});
