// Whatever a user does, in any order, the store never holds two bookmarks for one article
// and never holds text a terminal would act on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/article.js';
import { bookmarksJson } from '../../src/store/bookmarks/formats.js';
import { memoryBookmarkStore } from '../../src/store/bookmarks/memory.js';
import { normalizeBookmark } from '../../src/store/bookmarks/normalize.js';
import { isSafeText } from '../../src/text/sanitize.js';
import { schemaValidator } from '../helpers/schema.js';

const validate = schemaValidator('bookmark.schema.json');
const hostile = fc.string({ unit: fc.constantFrom('a', ' ', '\u001b', '[', ']', '\u0007', '\u009b', '\u202e', '\n', 'é', '"', '<') });
const urlOf = fc.option(fc.constantFrom('https://a.example/1', 'https://a.example/2', 'http://b.example/x?y=1'), { nil: undefined });
const articleOf = fc.record({ n: fc.integer({ min: 0, max: 5 }), url: urlOf, title: hostile }).map(({ n, url, title }) =>
  makeArticle({ source: `/news/${n}.txt`, url, title: `${title} ${n}`, blocks: [{ type: 'paragraph', text: `Body ${n}` }] }),
);
const action = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), article: articleOf, note: fc.option(hostile, { nil: undefined }), tags: fc.array(hostile, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('toggle' as const), article: articleOf }),
  fc.record({ kind: fc.constant('quote' as const), article: articleOf, text: hostile, speaker: fc.option(hostile, { nil: null }) }),
  fc.record({ kind: fc.constant('remove' as const), key: fc.oneof(urlOf.map((u) => u ?? 'none'), articleOf.map((a) => a.id)) }),
  fc.record({
    kind: fc.constant('import' as const),
    raw: fc.array(fc.record({ id: fc.option(fc.constantFrom('imp1', 'imp2', '../x'), { nil: undefined }), title: hostile, url: urlOf, note: hostile, tags: fc.array(hostile) }), { maxLength: 4 }),
  }),
);

/** Every string inside a value: JSON.stringify would hide control characters as escapes. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the store under any sequence of actions', () => {
  it('keeps one bookmark per id and per URL, valid by the schema, with only safe text', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const store = memoryBookmarkStore();
        for (const a of actions) {
          if (a.kind === 'add') store.add(a.article, { note: a.note, tags: a.tags });
          else if (a.kind === 'toggle') store.toggle(a.article);
          else if (a.kind === 'quote') store.addQuote(a.article, { text: a.text, speaker: a.speaker });
          else if (a.kind === 'remove') store.remove(a.key);
          else store.merge(a.raw.flatMap((raw) => normalizeBookmark(raw, new Date()) ?? []));
        }
        const list = store.list();
        const urls = list.flatMap((b) => (b.url ? [b.url] : []));
        expect(new Set(list.map((b) => b.id)).size).toBe(list.length);
        expect(new Set(urls).size).toBe(urls.length);
        expect(validate(list)).toEqual([]);
        expect(isSafeText(bookmarksJson(list))).toBe(true);
        for (const text of list.flatMap(strings)) expect(isSafeText(text), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
