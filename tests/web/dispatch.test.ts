import { describe, expect, it } from 'vitest';
import { freshnessMs } from '../../src/sources/web-cache.js';
import { discoverFeeds } from '../../src/sources/web-discover.js';
import { formatForResponse, isNonTextMime, parseContentType } from '../../src/sources/web-type.js';

// What a response is, told from its Content-Type and a look at its first bytes.

describe('parseContentType', () => {
  it('splits the media type from its charset', () => {
    expect(parseContentType('Text/HTML; Charset="ISO-8859-1"')).toEqual({ mime: 'text/html', charset: 'ISO-8859-1' });
    expect(parseContentType('application/rss+xml')).toEqual({ mime: 'application/rss+xml', charset: undefined });
    expect(parseContentType(null)).toEqual({ mime: '' });
  });
});

describe('formatForResponse', () => {
  const rss = '<?xml version="1.0"?>\n<!-- generator --><rss version="2.0"><channel></channel></rss>';
  it('trusts the content over a wrong media type', () => {
    expect(formatForResponse('text/html', rss)).toBe('feed');
    expect(formatForResponse('text/html', '<opml version="2.0"><body/></opml>')).toBe('opml');
    expect(formatForResponse('application/xml', '<!doctype html><html><body><p>x</p></body></html>')).toBe('html');
  });

  it('maps each family to its parser', () => {
    expect(formatForResponse('text/html', '<p>A page</p>')).toBe('html');
    expect(formatForResponse('application/atom+xml', '<feed xmlns="http://www.w3.org/2005/Atom"></feed>')).toBe('feed');
    expect(formatForResponse('application/feed+json', '{"items": []}')).toBe('feed');
    expect(formatForResponse('application/json', '{"version": "https:\\/\\/jsonfeed.org\\/version\\/1.1", "items": []}')).toBe('feed');
    expect(formatForResponse('application/json', '{"title": "An article", "body": "Text"}')).toBe('json');
    expect(formatForResponse('text/markdown', 'Plain words')).toBe('markdown');
    expect(formatForResponse('text/plain', '# A heading\n\nSome text.')).toBe('markdown');
    expect(formatForResponse('text/plain', '<p>shown as text, as a browser would</p>')).toBe('text');
    expect(formatForResponse('', '<rss version="2.0"></rss>')).toBe('feed');
  });

  it('knows media types that are never articles', () => {
    expect(isNonTextMime('image/jpeg')).toBe(true);
    expect(isNonTextMime('application/pdf')).toBe(true);
    expect(isNonTextMime('application/octet-stream')).toBe(true);
    expect(isNonTextMime('text/html')).toBe(false);
    expect(isNonTextMime('application/rss+xml')).toBe(false);
  });
});

describe('discoverFeeds', () => {
  it('finds advertised feeds, absolute, in page order', () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/style.css">
      <link rel="alternate" type="application/atom+xml" title="Atom" href="/atom.xml?a=1&amp;b=2">
      <LINK REL="Alternate" TYPE="application/rss+xml" HREF='https://other.example/rss'>
      <link rel="alternate" hreflang="de" href="/de/">
      <link rel="alternate" type="application/feed+json" href="javascript:alert(1)">
    </head></html>`;
    expect(discoverFeeds(html, 'https://news.example/section/page.html')).toEqual([
      'https://news.example/atom.xml?a=1&b=2',
      'https://other.example/rss',
    ]);
  });
});

describe('freshnessMs', () => {
  const cc = (value: string) => new Headers({ 'cache-control': value });
  const now = Date.parse('2026-03-14T12:00:00Z');

  it('reads max-age, no-cache and no-store', () => {
    expect(freshnessMs(cc('public, max-age=300'))).toBe(300_000);
    expect(freshnessMs(cc('max-age=999999999'))).toBe(24 * 60 * 60 * 1000);
    expect(freshnessMs(cc('no-cache'))).toBe(0);
    expect(freshnessMs(cc('private, no-store'))).toBeUndefined();
    expect(freshnessMs(new Headers())).toBe(0);
  });

  it('reads Expires against the Date the server sent, or now', () => {
    const expires = { expires: 'Sat, 14 Mar 2026 12:10:00 GMT' };
    expect(freshnessMs(new Headers({ ...expires, date: 'Sat, 14 Mar 2026 12:05:00 GMT' }), now)).toBe(5 * 60_000);
    expect(freshnessMs(new Headers(expires), now)).toBe(10 * 60_000);
    expect(freshnessMs(new Headers({ expires: 'Sat, 14 Mar 2026 11:00:00 GMT' }), now)).toBe(0);
    expect(freshnessMs(new Headers({ expires: '0' }), now)).toBe(0);
    expect(freshnessMs(new Headers({ expires: 'Sat, 14 Mar 2026 12:10:00 GMT', 'cache-control': 'max-age=60' }), now)).toBe(60_000);
  });

  it('never reuses a Vary: * response without asking', () => {
    expect(freshnessMs(new Headers({ 'cache-control': 'max-age=600', vary: 'Accept, *' }), now)).toBe(0);
  });
});

describe('discoverFeeds: entities in the href', () => {
  it('decodes every HTML entity, named or numeric, not only &amp;', () => {
    const html = `<head>
      <link rel="alternate" type="application/rss+xml" href="/feed?a=1&amp;b=2&#x26;c=3&#38;d=4">
      <link rel="alternate" type="application/atom+xml" href="/caf&eacute;/atom&period;xml?t=&lt;news&gt;&quot;&apos;">
    </head>`;
    expect(discoverFeeds(html, 'https://news.example/')).toEqual([
      'https://news.example/feed?a=1&b=2&c=3&d=4',
      `https://news.example/caf%C3%A9/atom.xml?t=%3Cnews%3E%22%27`,
    ]);
  });
});
