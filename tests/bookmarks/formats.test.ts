// Bookmarks as files: the published JSON schema, Markdown, the Netscape HTML browsers import,
// and reading those files back.
import { describe, expect, it } from 'vitest';
import { bookmarksJson, bookmarksMarkdown } from '../../src/store/bookmarks/formats.js';
import { NotABookmarkFile, parseBookmarkFile } from '../../src/store/bookmarks/import-file.js';
import { toNetscapeHtml } from '../../src/store/bookmarks/netscape.js';
import type { Bookmark } from '../../src/store/bookmarks/types.js';
import { schemaValidator } from '../helpers/schema.js';

const NOW = new Date('2026-01-02T03:04:05.000Z');

const bookmarks: Bookmark[] = [
  {
    id: 'aaaa000011112222',
    title: 'Council "votes" <script>alert(1)</script> & more',
    source: '/home/ann/news/harbour.txt',
    url: 'https://news.example/harbour?a=1&b=%222%22',
    siteName: 'Harbour <Herald>',
    savedAt: '2026-01-01T10:00:00.000Z',
    note: 'check <b>this</b>\nand that',
    tags: ['local', 'a"b'],
    position: 12,
    quotes: [{ text: 'We will [rebuild] it', speaker: 'Mayor *Lee*' }],
  },
  { id: 'bbbb000011112222', title: 'From a pipe', source: 'stdin', savedAt: '2026-01-01T09:00:00.000Z', tags: [], quotes: [] },
];

describe('bookmark formats', () => {
  it('prints JSON that follows schema/bookmark.schema.json', () => {
    const validate = schemaValidator('bookmark.schema.json');
    const parsed = JSON.parse(bookmarksJson(bookmarks));
    expect(validate(parsed)).toEqual([]);
    expect(parsed).toEqual(bookmarks);
    // The schema is strict enough to catch a wrong shape.
    expect(validate([{ ...bookmarks[1], savedAt: 'yesterday', extra: true }])).not.toEqual([]);
  });

  it('writes a Netscape bookmark file with every value HTML-escaped', () => {
    const { html, omitted } = toNetscapeHtml(bookmarks);
    expect(html.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>')).toBe(true);
    expect(omitted).toBe(1);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('Council &#34;votes&#34; &#60;script&#62;alert(1)&#60;/script&#62; &#38; more');
    expect(html).toContain('HREF="https://news.example/harbour?a=1&#38;b=%222%22"');
    expect(html).toContain('TAGS="local,a&#34;b"');
    expect(html).toContain(`ADD_DATE="${Date.parse('2026-01-01T10:00:00.000Z') / 1000}"`);
  });

  it('reads its own Netscape file back to the same bookmarks', async () => {
    const { bookmarks: read, skipped } = await parseBookmarkFile(toNetscapeHtml(bookmarks).html, NOW);
    expect(skipped).toBe(0);
    expect(read).toEqual([
      {
        id: 'aaaa000011112222',
        title: 'Council "votes" <script>alert(1)</script> & more',
        source: 'https://news.example/harbour?a=1&b=%222%22',
        url: 'https://news.example/harbour?a=1&b=%222%22',
        savedAt: '2026-01-01T10:00:00.000Z',
        note: 'check <b>this</b>\nand that',
        tags: ['local', 'a"b'],
        quotes: [],
      },
    ]);
  });

  it("reads a browser's bookmark file, skipping what inkwire cannot open", async () => {
    const firefox = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks Menu</H1>
<DL><p>
    <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000001">News</H3>
    <DL><p>
        <DT><A HREF="https://paper.example/a?x=1&amp;y=2" ADD_DATE="1700000100" TAGS="politics,weekly">Caf&eacute; &amp; politics</A>
        <DD>Read on Sunday
        <DT><A HREF="javascript:alert(document.cookie)">Bookmarklet</A>
        <DT><A HREF="place:sort=8&maxResults=10">Recent tags</A>
        <DT><A HREF="https://paper.example/b">Title with \u001b[31mescape</A>
    </DL><p>
</DL><p>`;
    const { bookmarks: read, skipped } = await parseBookmarkFile(firefox, NOW);
    expect(skipped).toBe(2);
    expect(read).toHaveLength(2);
    expect(read[0]).toMatchObject({
      title: 'Café & politics',
      url: 'https://paper.example/a?x=1&y=2',
      savedAt: new Date(1700000100 * 1000).toISOString(),
      tags: ['politics', 'weekly'],
      note: 'Read on Sunday',
    });
    expect(read[1]).toMatchObject({ title: 'Title with escape', url: 'https://paper.example/b', savedAt: NOW.toISOString(), tags: [] });
    // Without an id of its own, a link is known by its URL, so importing twice merges.
    const again = await parseBookmarkFile(firefox, NOW);
    expect(again.bookmarks.map((b) => b.id)).toEqual(read.map((b) => b.id));
  });

  it("reads inkwire's JSON, as an array or as an object holding bookmarks", async () => {
    const asArray = await parseBookmarkFile(bookmarksJson(bookmarks), NOW);
    expect(asArray).toEqual({ bookmarks, skipped: 0 });
    const asConfig = await parseBookmarkFile(JSON.stringify({ bookmarks: { x: bookmarks[1] }, positions: {} }), NOW);
    expect(asConfig.bookmarks).toEqual([bookmarks[1]]);
    const withJunk = await parseBookmarkFile(JSON.stringify([bookmarks[1], 42, { note: 'no title or url' }]), NOW);
    expect(withJunk).toEqual({ bookmarks: [bookmarks[1]], skipped: 2 });
  });

  it('refuses a file that is neither kind', async () => {
    await expect(parseBookmarkFile('just some words', NOW)).rejects.toThrow(NotABookmarkFile);
    await expect(parseBookmarkFile('{"not": "bookmarks"}', NOW)).rejects.toThrow(NotABookmarkFile);
    await expect(parseBookmarkFile('[1, 2', NOW)).rejects.toThrow(NotABookmarkFile);
  });

  it('writes Markdown with links, notes and quotes, escaping what Markdown would read as markup', () => {
    const md = bookmarksMarkdown(bookmarks);
    expect(md).toContain('- [Council "votes" \\<script\\>alert(1)\\</script\\> & more](<https://news.example/harbour?a=1&b=%222%22>)');
    expect(md).toContain('  > check \\<b\\>this\\</b\\>\n  > and that');
    expect(md).toContain('  - “We will \\[rebuild\\] it” — Mayor \\*Lee\\*');
    expect(md).toContain('- From a pipe — stdin · saved 2026-01-01');
    // A hand-edited URL cannot close the link early.
    const edited = bookmarksMarkdown([{ ...bookmarks[1]!, url: 'https://x.example/a>b c' }]);
    expect(edited).toContain('(<https://x.example/a\\>b%20c>)');
  });

  it('names a saved quote without a speaker unattributed, as the sidebar does', () => {
    const md = bookmarksMarkdown([{ ...bookmarks[1]!, quotes: [{ text: 'Nobody will be stranded,', speaker: null }] }]);
    expect(md).toContain('  - “Nobody will be stranded,” — unattributed\n');
  });
});
