import { describe, expect, it } from 'vitest';
import { runEffect } from '../../src/app/effects.js';
import type { Services } from '../../src/app/services.js';
import type { Action } from '../../src/store/actions.js';
import { deferredStore } from '../../src/store/bookmarks/deferred.js';
import { memoryBookmarkStore } from '../../src/store/bookmarks/memory.js';
import { storyArticle } from './articles.js';

describe('a bookmark store opened after the first frame', () => {
  it('does not open until started or used, and then once', async () => {
    const real = memoryBookmarkStore();
    await real.add(storyArticle('ferry'));
    let opened = 0;
    const store = deferredStore(async () => {
      opened++;
      return real;
    });
    expect(opened).toBe(0);
    // A call waits for the store to open, then goes to it.
    const toggled = store.toggle(storyArticle('bridge'));
    await Promise.all([store.start(), store.start()]);
    expect(await toggled).toMatchObject({ on: true });
    expect(opened).toBe(1);
    expect(await store.list()).toHaveLength(2);
    expect(await real.list()).toHaveLength(2);
  });

  it('reports a store that failed to open as a warning, and every call as failing', async () => {
    const store = deferredStore(async () => {
      throw new Error('cannot read config.json');
    });
    await store.start();
    expect(store.warnings).toEqual(['bookmarks: cannot read config.json']);
    await expect(store.setPosition('a', 1)).rejects.toThrow('cannot read config.json');
    await expect(store.list()).rejects.toThrow('cannot read config.json');
  });

  it('makes store effects wait for it, in order, so an early bookmark is not lost', async () => {
    const real = memoryBookmarkStore();
    const store = deferredStore(async () => real);
    const actions: Action[] = [];
    const services = { store, storeReady: store.ready } as unknown as Services;
    const article = storyArticle('ferry');
    runEffect({ id: 1, type: 'toggleBookmark', article }, services, (a) => actions.push(a), () => undefined);
    runEffect({ id: 2, type: 'savePosition', articleId: article.id, position: 42 }, services, (a) => actions.push(a), () => undefined);
    expect(await real.has(article.id)).toBe(false);
    await store.start();
    await new Promise((r) => setTimeout(r, 20));
    expect(await real.has(article.id)).toBe(true);
    expect(await real.getPosition(article.id)).toBe(42);
    expect(actions).toContainEqual(expect.objectContaining({ type: 'flash', text: 'Bookmarked' }));
  });
});
