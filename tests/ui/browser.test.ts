import { describe, expect, it } from 'vitest';
import { browserCommand, isWebUrl, openInBrowser } from '../../src/io/browser.js';

describe('opening links', () => {
  it('uses $BROWSER, with %s or the URL appended, and the platform opener otherwise', () => {
    const url = 'https://example.org/a?b=1&c=2';
    expect(browserCommand(url, { BROWSER: 'firefox --new-tab' }, 'linux')).toEqual(['firefox', '--new-tab', url]);
    expect(browserCommand(url, { BROWSER: 'w3m %s:lynx' }, 'linux')).toEqual(['w3m', url]);
    expect(browserCommand(url, {}, 'linux')).toEqual(['xdg-open', url]);
    expect(browserCommand(url, {}, 'darwin')).toEqual(['open', url]);
  });

  it('opens only http and https addresses', async () => {
    expect(isWebUrl('https://example.org')).toBe(true);
    expect(isWebUrl('file:///etc/passwd')).toBe(false);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    await expect(openInBrowser('file:///etc/passwd')).resolves.toMatch(/Only http and https/);
  });
});
