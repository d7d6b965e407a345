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
  it('reads max-age, no-cache and no-store', () => {
    expect(freshnessMs('public, max-age=300')).toBe(300_000);
    expect(freshnessMs('max-age=999999999')).toBe(24 * 60 * 60 * 1000);
    expect(freshnessMs('no-cache')).toBe(0);
    expect(freshnessMs('private, no-store')).toBeUndefined();
    expect(freshnessMs(null)).toBe(0);
  });
});
