// Another inkwire holding the bookmark store's lock never freezes the interface: the wait
// shows in the status bar, keys are handled meanwhile, and q quits at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { holdLockLike, type FakeHolder } from '../bookmarks/helpers.js';
import { CLI, KEYS, requireBuild, startSession, type Session } from './pty.js';

const sessions: Session[] = [];
const holders: FakeHolder[] = [];
const homes: string[] = [];
beforeAll(requireBuild);
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
  for (const h of holders.splice(0)) h.stop();
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function setUp(): { home: string; holder: FakeHolder; s: Session } {
  const home = mkdtempSync(join(tmpdir(), 'inkwire-locked-'));
  homes.push(home);
  const holder = holdLockLike(join(home, 'config.json.lock'));
  holders.push(holder);
  const s = startSession('node', [CLI, 'examples'], { home, columns: 100, rows: 30 });
  sessions.push(s);
  return { home, holder, s };
}

/**
 * Waits for all six examples to be listed, and gives the cursor's row. While the list fills,
 * the cursor stays on its article as others arrive before it: on a loaded machine the first
 * to arrive is not always the first listed (each format's parser loads on first use, and a
 * later file's may be in first), so the cursor may end on another row. CI failed so once.
 */
async function allListed(s: Session): Promise<number> {
  await s.waitFor(/ [1-6]\/6 · /);
  const row = Number(/ ([1-6])\/6 · /.exec(s.screen())![1]);
  // A j on the last row would not move: the examples are six, and the cursor is never there.
  expect(row).toBeLessThan(6);
  return row;
}

describe('the interface while another process holds the store', () => {
  it.each([
    ['q', 'q'],
    ['Ctrl-C', KEYS.ctrlC],
  ])('shows the wait, handles j at once, and quits at once with %s, saying what was not saved', async (_, quitKey) => {
    const { holder, s } = setUp();
    const row = await allListed(s);
    await s.press('s');
    await s.waitFor(`Waiting for the bookmarks: process ${holder.pid} is saving`, 3_000);
    await s.press('j');
    await s.waitFor(` ${row + 1}/6 · `, 1_000);
    const asked = Date.now();
    await s.press(quitKey);
    const { exitCode } = await s.exit;
    expect(Date.now() - asked).toBeLessThan(2_000);
    expect(exitCode).toBe(0);
    expect(s.output()).toContain('not saved');
  });

  it('saves once the other process is done', async () => {
    const { home, holder, s } = setUp();
    await allListed(s);
    await s.press('s');
    await s.waitFor('Waiting for the bookmarks', 3_000);
    holder.stop();
    await s.waitFor('Bookmarked', 5_000);
    await s.press('q');
    await s.exit;
    const list = JSON.parse(runCli(['bookmarks', 'list', '--json'], { env: { INKWIRE_HOME: home } }).stdout);
    expect(list).toHaveLength(1);
  });
});
