import { marked } from 'marked';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bookmarksMarkdown } from '../../src/store/bookmarks/formats.js';
import type { Bookmark } from '../../src/store/bookmarks/types.js';

// `bookmarks export --format md`: whatever a title, note, tag or saved quote holds, the list
// renders as that text, with only the links the bookmarks have (issue 13, the class of item 14).
function bookmark(fields: Partial<Bookmark>): Bookmark {
  return { id: 'b1', title: 'T', source: 'a.txt', savedAt: '2026-12-02T00:00:00.000Z', tags: [], quotes: [], ...fields } as Bookmark;
}

/** What the test reads of the rendered list (the project compiles without the DOM's types). */
interface RenderedBody {
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
  textContent: string | null;
}

function rendered(markdown: string): RenderedBody {
  return parseHTML(`<html><body>${marked.parse(markdown, { async: false }) as string}</body></html>`).document.body as unknown as RenderedBody;
}

describe('bookmarks as Markdown', () => {
  it('renders hostile titles, notes, tags and quotes as their own text', () => {
    const hostile = [
      '![x](http://evil/i.png)',
      '[a](http://evil) <b>bold</b> **strong** ~~gone~~ &amp; http://bare.example www.x.example a@b.example',
      '# heading',
      '1. list',
      '`code`',
    ];
    const body = rendered(
      bookmarksMarkdown(
        hostile.map((text, i) =>
          bookmark({ id: `b${i}`, title: text, url: `https://news.example/${i}`, note: text, tags: [text.slice(0, 8)], quotes: [{ text, speaker: text }] }),
        ),
      ),
    );
    // One link per bookmark, to its own address; no image, no HTML, no emphasis.
    const links = Array.from(body.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(hostile.map((_, i) => `https://news.example/${i}`));
    expect(body.querySelectorAll('img, b, strong, em, del, code, h2, ol').length).toBe(0);
    const text = body.textContent ?? '';
    for (const h of hostile) expect(text).toContain(h.replace('&amp;', '&amp;'));
  });
});
