import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/App.js';
import type { LoadEvents, SourceLoader } from '../../src/app/loading.js';
import type { Services } from '../../src/app/services.js';
import type { Article } from '../../src/article.js';
import { memoryBookmarkStore } from '../../src/store/bookmarks/memory.js';
import { createState } from '../../src/store/state.js';
import { colorTheme } from '../../src/views/theme.js';
import { article, fakeQuotes, paragraphs } from './fixtures.js';
import { KEYS, renderApp, waitFor, type Rendered } from './harness.js';

let current: Rendered | null = null;
afterEach(() => {
  current?.instance.unmount();
  current = null;
});

/** A loader the test drives by hand: each source arrives when the test says so. */
function manualLoader() {
  let events: LoadEvents | null = null;
  let finish: () => void = () => {};
  let aborted = false;
  const loader: SourceLoader = (given, signal) => {
    events = given;
    signal.addEventListener('abort', () => {
      aborted = true;
    });
    return new Promise<void>((resolve) => {
      finish = resolve;
    });
  };
  const started = () => events !== null;
  return {
    loader,
    started,
    events: () => events!,
    finish: () => finish(),
    aborted: () => aborted,
  };
}

async function start(loader: SourceLoader, fullText: Services['fullText'] = async (a) => a) {
  const services: Services = { store: memoryBookmarkStore(), findQuotes: fakeQuotes, openUrl: async () => null, copy: () => true, fullText };
  const size = { columns: 100, rows: 30 };
  const initialState = createState({ articles: [], bookmarks: [], size, loading: true });
  current = await renderApp(<App initialState={initialState} services={services} theme={colorTheme} loader={loader} />, size);
  return current;
}

const alpha = article('Alpha Harbour News', paragraphs(4), { siteName: 'Alpha Gazette' });
const bravo = article('Bravo Bridge Repairs', paragraphs(4), { siteName: 'Bravo Times' });
const slow = article('Slow Tide Report', paragraphs(4), { siteName: 'Tide Weekly' });

describe('App while sources load', () => {
  it('opens at once, fills the list as sources arrive, takes keys meanwhile, and drops the count when done', async () => {
    const load = manualLoader();
    const app = await start(load.loader);
    await waitFor(load.started, 'the loader to start');
    await app.waitForText('Loading…');
    load.events().progress(0, 4);
    await app.waitForText('0/4 loaded');

    load.events().articles(0, [alpha]);
    load.events().progress(1, 4);
    load.events().failed('http://127.0.0.1/gone: HTTP 404 Not Found');
    load.events().progress(2, 4);
    load.events().articles(3, [bravo]);
    load.events().progress(3, 4);
    await app.waitForText('3/4 loaded, 1 failed');
    expect(app.frame()).toContain('http://127.0.0.1/gone: HTTP 404 Not Found');
    expect(app.frame()).toContain('Bravo Bridge Repairs');
    expect(app.frame()).not.toContain('Slow Tide Report');

    // Keys work while the slow source is out: move down and read Bravo.
    await app.press('j');
    await app.waitForText('2/2 ·');
    await app.press(KEYS.enter);
    await app.waitForText('Bravo Times ·');
    await app.press('q');
    await app.waitForText('Alpha Harbour News');

    load.events().articles(2, [slow]);
    load.events().progress(4, 4);
    load.finish();
    // The slow source takes its place between the others; the cursor stays on Bravo.
    await waitFor(() => !app.frame().includes('loaded'), 'the count to go');
    const rows = app.frame().split('\n');
    const at = (title: string) => rows.findIndex((r) => r.includes(title));
    expect(at('Alpha Harbour News')).toBeLessThan(at('Slow Tide Report'));
    expect(at('Slow Tide Report')).toBeLessThan(at('Bravo Bridge Repairs'));
    expect(app.frame()).toContain('3/3 ·');
  });

  it('quits with q before every source is in, and stops the loader', async () => {
    const load = manualLoader();
    const app = await start(load.loader);
    await waitFor(load.started, 'the loader to start');
    load.events().articles(0, [alpha]);
    await app.waitForText('Alpha Harbour News');
    const exited = app.instance.waitUntilExit();
    await app.press('q');
    await expect(exited).resolves.toBeUndefined();
    expect(load.aborted()).toBe(true);
  });

  it('fetches a feed entry’s full text with r and shows it in place', async () => {
    const entry: Article = {
      ...article('Ferry Entry', [{ type: 'paragraph', text: 'Only a short summary from the feed.' }], { url: 'http://127.0.0.1/ferry' }),
      source: 'http://127.0.0.1/feed.xml',
    };
    const full: Article = { ...entry, ...article('Ferry Entry', paragraphs(3, 20, 'Whole'), { url: entry.url }), id: entry.id, source: entry.source };
    let release: (a: Article) => void = () => {};
    const load = manualLoader();
    const app = await start(load.loader, () => new Promise<Article>((resolve) => (release = resolve)));
    await waitFor(load.started, 'the loader to start');
    load.events().articles(0, [entry]);
    load.finish();
    await app.waitForText('Only a short summary');
    await app.waitForText('r full text');
    await app.press('r');
    await app.waitForText('Fetching the full text…');
    release(full);
    await app.waitForText('Whole 1.');
    expect(app.frame()).not.toContain('Only a short summary');
    expect(app.frame()).not.toContain('r full text');
  });
});
