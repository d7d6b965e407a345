// `s` on a bookmarked article in a real terminal: the bookmark goes, with a way back (u or z),
// and bookmarking it again brings back its note, tags and saved quotes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CLI, KEYS, requireBuild, startSession, type Session } from './pty.js';

const ARTICLE = 'examples/night-trains.txt';
const sessions: Session[] = [];
const homes: string[] = [];
beforeAll(requireBuild);
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** A home where ARTICLE is bookmarked with a note, two tags and a saved quote. */
function homeWithBookmark(): { home: string; id: string } {
  const home = mkdtempSync(join(tmpdir(), 'inkwire-undo-'));
  homes.push(home);
  const env = { INKWIRE_HOME: home };
  const [article] = JSON.parse(runCli(['list', ARTICLE, '--json'], { env }).stdout) as { id: string }[];
  expect(runCli(['bookmarks', 'add', ARTICLE, '--note', 'ask about sleeper fares', '--tag', 'rail', '--tag', 'europe'], { env }).code).toBe(0);
  const withQuote = JSON.parse(runCli(['bookmarks', 'list', '--json'], { env }).stdout);
  withQuote[0].quotes = [{ text: 'We sold out the first month', speaker: 'Ines Duarte' }];
  const file = join(home, 'with-quote.json');
  writeFileSync(file, JSON.stringify(withQuote));
  expect(runCli(['bookmarks', 'import', file], { env }).code).toBe(0);
  return { home, id: article!.id };
}

function bookmarkIn(home: string, id: string) {
  const list = JSON.parse(runCli(['bookmarks', 'list', '--json'], { env: { INKWIRE_HOME: home } }).stdout) as { id: string }[];
  return list.find((b) => b.id === id);
}

const KEPT = { note: 'ask about sleeper fares', tags: ['rail', 'europe'], quotes: [{ text: 'We sold out the first month', speaker: 'Ines Duarte' }] };

function open(home: string, args: string[]): Session {
  const s = startSession('node', [CLI, ...args], { home, columns: 100, rows: 30 });
  sessions.push(s);
  return s;
}

describe('unbookmarking with s', () => {
  it('says how to undo, and s again brings back the note, tags and quotes', async () => {
    const { home, id } = homeWithBookmark();
    const s = open(home, [ARTICLE]);
    await s.waitFor('Night Trains Return');
    await s.press('s');
    await s.waitFor('Bookmark removed (z to undo)');
    await s.press('s');
    await s.waitFor(/Bookmarked again, with its note, 2 tags and 1 quote/);
    await s.press('q');
    expect((await s.exit).exitCode).toBe(0);
    expect(bookmarkIn(home, id)).toMatchObject(KEPT);
  });

  it('is undone with z in the reader and u in the list, as it was', async () => {
    const { home, id } = homeWithBookmark();
    const reader = open(home, [ARTICLE]);
    await reader.waitFor('Night Trains Return');
    await reader.press('s');
    await reader.waitFor('Bookmark removed (z to undo)');
    await reader.press('z');
    await reader.waitFor('Bookmark restored');
    await reader.press('q');
    await reader.exit;
    expect(bookmarkIn(home, id)).toMatchObject(KEPT);

    const list = open(home, ['examples']);
    await list.waitFor('★');
    await list.press('/', 't', 'r', 'a', 'i', 'n', 's', KEYS.enter);
    await list.waitFor('1 of 6');
    await list.press('s');
    await list.waitFor('Bookmark removed (u to undo)');
    await list.press('u');
    await list.waitFor('Bookmark restored');
    await list.press('q');
    await list.exit;
    expect(bookmarkIn(home, id)).toMatchObject(KEPT);
  });
});
