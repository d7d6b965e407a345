import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/parse/html.js';
import { runCli } from '../helpers/cli.js';

// Markup a browser shows without complaint: a lone '<', a fragment without <html> or <body>,
// text after </html>, a charset declaration that is wrong. Each reads as the browser would,
// or fails with a sentence; never with a library's internal error.

const dir = mkdtempSync(join(tmpdir(), 'inkwire-odd-html-'));
const BODY = 'The council met on Monday and voted to rebuild the old harbour bridge before the spring tides.';

describe('HTML without the usual structure', () => {
  it.each([
    ['a fragment', `<p>${BODY}</p>`],
    ['a title and a fragment', `<title>Bridge vote</title><p>${BODY}</p>`],
    ['<html> without <body>', `<html><head><title>Bridge vote</title></head><p>${BODY}</p>`],
    ['a doctype, then a fragment', `<!doctype html><meta charset="utf-8"><title>Bridge vote</title><p>${BODY}</p>`],
    ['text after </html>', `<html><body><h1>Bridge vote</h1></body></html><p>${BODY}</p>`],
  ])('%s is read', async (_name, markup) => {
    const article = await parseHtml(markup, 'page.html');
    expect(article.text).toContain(BODY);
  });

  it('a title outside <head> is still the title', async () => {
    expect((await parseHtml(`<title>Bridge vote</title><p>${BODY}</p>`, 'page.html')).title).toBe('Bridge vote');
  });

  it.each([
    ['<', '<'],
    ['<<<>>>', '<<<>>>'],
    ['<!-- unclosed', undefined],
    ['<html', undefined],
    ['</p></div></body>', undefined],
    ['<p', undefined],
  ])('%j gives an article or "no article text found", never an internal error', (markup, text) => {
    const path = join(dir, `odd-${Buffer.from(markup).toString('hex')}.html`);
    writeFileSync(path, markup);
    const { code, stdout, stderr } = runCli(['export', path]);
    if (text === undefined) {
      expect(stderr).toBe(`inkwire: ${path}: no article text found\n`);
      expect(code).toBe(65);
    } else {
      expect(stderr).toBe('');
      expect(JSON.parse(stdout)[0].text).toBe(text);
    }
  });
});

describe('charsets a page declares', () => {
  it('a page declaring utf-16le in its meta tag over Latin-1 bytes is read as Windows-1252', () => {
    const path = join(dir, 'utf16-lie.html');
    writeFileSync(path, Buffer.from(`<html><head><meta charset="utf-16le"><title>Caf\xe9</title></head><body><p>Caf\xe9 society: ${BODY}</p></body></html>`, 'latin1'));
    const { code, stdout, stderr } = runCli(['export', path]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0].text).toContain('Café society');
  });

  it('a UTF-16 page without a byte-order mark is read', () => {
    const path = join(dir, 'utf16.html');
    writeFileSync(path, Buffer.from(`<html><head><meta charset="utf-16le"><title>Grüße</title></head><body><p>Grüße: ${BODY}</p></body></html>`, 'utf16le'));
    const { code, stdout, stderr } = runCli(['export', path]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0]).toMatchObject({ title: 'Grüße' });
  });
});
