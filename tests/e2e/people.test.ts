// The People view in a real pseudo-terminal, over a library holding three reports of one
// ferry dispute (tests/fixtures/people): P from the list, the ranking, the filter, a person's
// quotes newest first with "also in", Enter on a quote opening its article at the quote in
// the sidebar, back to the page, and p in the sidebar opening the speaker's page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedLibrary } from '../people/seed.js';
import { CLI, KEYS, requireBuild, restored, startSession, type Session } from './pty.js';

const sessions: Session[] = [];
const homes: string[] = [];

beforeAll(() => requireBuild());
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
  // The reader's library thread may still be writing in a home as its session ends (ENOTEMPTY).
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

async function open(columns: number, rows: number): Promise<Session> {
  const home = mkdtempSync(join(tmpdir(), 'inkwire-people-e2e-'));
  homes.push(home);
  await seedLibrary(home);
  // The session reads other articles: the People view's come from the library.
  const s = startSession('node', [CLI, 'examples'], { home, columns, rows });
  sessions.push(s);
  await s.waitFor('Title');
  return s;
}

const rowOf = (s: Session, text: string) => s.screen().split('\n').findIndex((line) => line.includes(text));

describe('the People view', () => {
  it('P lists everyone quoted, most quoted first; / filters; Enter shows their quotes newest first; Enter opens the article at the quote', async () => {
    const s = await open(100, 30);
    await s.press('P');
    // The library's entries are read into the index in the background, then shown.
    await s.waitFor('People · 6');
    expect(rowOf(s, 'Maja Hansen')).toBeGreaterThan(rowOf(s, 'Ingrid Solberg'));
    expect(s.screen()).toMatch(/Ingrid Solberg {2}harbour master +4 quotes · 2026-11-28/);
    // An unnamed source is one entry per article; an organisation is an entry of its own.
    expect(s.screen().match(/a port official {2}unnamed source/g)).toHaveLength(2);
    expect(s.screen()).toMatch(/The Harbour Authority {2}organisation +1 quote/);

    await s.press('/', 's', 'o', 'l');
    await s.waitFor('People · 1 of 6');
    expect(s.screen()).not.toContain('Erik Hansen');
    await s.press(KEYS.enter, KEYS.enter);
    await s.waitFor('Ingrid Solberg · harbour master · 4 quotes in 3 articles');
    const lines = s.screen().split('\n');
    // Newest first, each with its article and date; the quotation two articles ran, once.
    expect(lines[1]).toContain('“We have run this crossing through storms and strikes before');
    expect(lines[2]).toContain('Union And Port Return To Talks · 2026-11-28 · also in 1 other article');
    expect(s.screen().match(/We have run this crossing/g)).toHaveLength(1);
    expect(lines[8]).toContain('Ferry Crews Vote On Strike As Winter Timetable Nears · 2026-11-20');

    await s.press(KEYS.esc);
    await s.waitFor('People · 1 of 6');
    await s.press(KEYS.esc);
    await s.waitFor('People · 6 speakers');
    await s.press('g', KEYS.enter);
    await s.waitFor('4 quotes in 2 articles');
    // The third quote is the last of its article: the sidebar opens on it, 4 of 4.
    await s.press('j', 'j', KEYS.enter);
    await s.waitFor('Quotes · 4 of 4');
    expect(s.screen()).toContain('Union And Port Return To Talks');
    expect(s.screen()).toContain('— Erik Hansen · direct');

    // Back on the page, the cursor where it was.
    await s.press('h');
    await s.waitFor('3/4 · Enter reads it');
    expect(s.screen().split('\n')[0]).toContain('Erik Hansen · ');
  }, 40_000);

  it('p in the quote sidebar opens the speaker’s page, and q goes back', async () => {
    const s = await open(100, 30);
    await s.press('P');
    await s.waitFor('People · 6');
    await s.press(KEYS.enter, 'j', 'j', KEYS.enter);
    await s.waitFor('Quotes · 4 of 4');
    await s.press(KEYS.tab, 'g', 'p');
    await s.waitFor('Ingrid Solberg · harbour master · 4 quotes in 3 articles');
    await s.press('q');
    await s.waitFor('Quotes · 1 of 4');
    await s.press('Q');
    const exited = await Promise.race([s.exit.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
    expect(exited, s.screen()).toBe(true);
    expect(restored(s)).toBe(true);
  }, 40_000);

  it('fits 80×24: one row per person, the counts kept', async () => {
    const s = await open(80, 24);
    await s.press('P');
    await s.waitFor('People · 6');
    const lines = s.screen().split('\n');
    expect(lines.filter((l) => / quotes? · 2026-11-\d\d$/.test(l))).toHaveLength(6);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    await s.press(KEYS.enter);
    await s.waitFor('4 quotes in 2 a');
    expect(s.screen().split('\n')[2]).toContain('Union And Port Return To Talks · 2026-11-28');
  }, 40_000);
});
