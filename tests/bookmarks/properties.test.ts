// Whatever a user does, in any order, the store never holds two bookmarks for one article
// and never holds text a terminal would act on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../src/article.js';
import { bookmarksJson } from '../../src/store/bookmarks/formats.js';
import { openBookmarkStore } from '../../src/store/bookmarks/disk-store.js';
import { memoryBookmarkStore } from '../../src/store/bookmarks/memory.js';
import { applyRecord, listNewestFirst, listRemoved, StoreState } from '../../src/store/bookmarks/model.js';
import { decodeRecord } from '../../src/store/bookmarks/records.js';
import type { BookmarkStore } from '../../src/store/bookmarks/types.js';
import { normalizeBookmark } from '../../src/store/bookmarks/normalize.js';
import { isSafeText } from '../../src/text/sanitize.js';
import { schemaValidator } from '../helpers/schema.js';
import { tempHome } from './helpers.js';

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
  fc.record({ kind: fc.constant('restore' as const), key: fc.oneof(urlOf.map((u) => u ?? 'none'), articleOf.map((a) => a.id), fc.constantFrom('imp1', '__proto__')) }),
  fc.record({
    kind: fc.constant('import' as const),
    raw: fc.array(fc.record({ id: fc.option(fc.constantFrom('imp1', 'imp2', '../x', '__proto__', 'constructor'), { nil: undefined }), title: hostile, url: urlOf, note: hostile, tags: fc.array(hostile) }), { maxLength: 4 }),
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
  it('keeps one bookmark per id and per URL, valid by the schema, with only safe text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 25 }), async (actions) => {
        const store = memoryBookmarkStore();
        await perform(store, actions);
        const list = await store.list();
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

  it('gives the same bookmarks on disk as in memory, and the same again when read afresh (the journal replayed)', async () => {
    await fc.assert(
      // Compacting after every change, or hardly ever: the outcome is the same.
      fc.asyncProperty(fc.array(action, { maxLength: 12 }), fc.constantFrom(1, 2048, undefined), async (actions, journalBytes) => {
        const clock = () => new Date('2026-06-01T12:00:00.000Z');
        const memory = memoryBookmarkStore({ now: clock });
        const home = tempHome();
        const disk = openBookmarkStore({ home, now: clock, journalBytes });
        await perform(memory, actions);
        await perform(disk, actions);
        const expected = await memory.list();
        expect(await disk.list()).toEqual(expected);
        expect(await disk.listRemoved()).toEqual(await memory.listRemoved());
        const fresh = openBookmarkStore({ home, now: clock, journalBytes });
        expect(await fresh.list()).toEqual(expected);
        expect(fresh.warnings).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe('journal lines from anywhere (damaged, edited by hand, hostile)', () => {
  const field = fc.oneof(fc.anything(), hostile, fc.constantFrom('__proto__', 'constructor', 'https://a.example/1', '2026-01-01T00:00:00.000Z'));
  const bookmarkish = fc.record(
    { id: fc.oneof(field, fc.constantFrom('imp1', '__proto__', 'constructor')), title: field, source: field, url: field, savedAt: field, note: field, tags: fc.oneof(field, fc.array(field)), quotes: fc.oneof(field, fc.array(fc.record({ text: field, speaker: field }))), position: field },
    { requiredKeys: [] },
  );
  const line = fc.oneof(
    fc.record({ op: fc.constantFrom('add', 'quote', 'remove', 'restore', 'revive', 'position', 'merge', 'toString', '__proto__'), at: field, draft: bookmarkish, note: field, tags: field, quote: field, keys: fc.oneof(field, fc.array(field)), bookmark: bookmarkish, key: field, id: field, position: field, bookmarks: fc.oneof(field, fc.array(bookmarkish)) }, { requiredKeys: ['op'] }).map((r) => JSON.stringify(r)),
    fc.string(),
  );

  it('are applied only when they make sense, and never leave the store invalid or unsafe', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const state = new StoreState();
        for (const text of lines) {
          const record = decodeRecord(text);
          if (record) applyRecord(state, record);
        }
        const list = listNewestFirst(state);
        expect(validate(list)).toEqual([]);
        expect(validate(listRemoved(state).map((r) => r.bookmark))).toEqual([]);
        for (const text of [...list, ...listRemoved(state)].flatMap(strings)) expect(isSafeText(text), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

async function perform(store: BookmarkStore, actions: readonly Action[]): Promise<void> {
  for (const a of actions) {
    if (a.kind === 'add') await store.add(a.article, { note: a.note, tags: a.tags });
    else if (a.kind === 'toggle') await store.toggle(a.article);
    else if (a.kind === 'quote') await store.addQuote(a.article, { text: a.text, speaker: a.speaker });
    else if (a.kind === 'remove') await store.remove(a.key);
    else if (a.kind === 'restore') await store.restoreRemoved(a.key);
    else await store.merge(a.raw.flatMap((raw) => normalizeBookmark(raw, new Date('2026-01-01T00:00:00.000Z')) ?? []));
  }
}
