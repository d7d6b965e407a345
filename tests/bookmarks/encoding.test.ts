// A config file an editor saved with a byte-order mark, Windows line ends, or as UTF-16 is
// the user's store all the same: read as it is, not set aside as damaged.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempHome } from './helpers.js';

function inkwire(home: string, args: string[]) {
  return runCli(args, { env: { INKWIRE_HOME: home } });
}

/** A store holding one bookmark with a note, written by inkwire itself. */
function savedStore(): { home: string; text: string } {
  const home = tempHome();
  const added = inkwire(home, ['bookmarks', 'add', join(ROOT, 'examples', 'night-trains.txt'), '--note', 'café, naïve: ünïcode', '--tag', 'rail']);
  expect(added.code).toBe(0);
  return { home, text: readFileSync(join(home, 'config.json'), 'utf8') };
}

const encodings: [string, (text: string) => Buffer][] = [
  ['a UTF-8 byte-order mark', (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
  ['Windows line ends (CRLF)', (text) => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')],
  ['a byte-order mark and CRLF', (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')])],
  ['UTF-16 (little-endian, with its mark)', (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
];

describe.each(encodings)('a config file saved with %s', (_, encode) => {
  it('is read, not treated as damaged, and the next change keeps everything', () => {
    const { home, text } = savedStore();
    const before = JSON.parse(inkwire(home, ['bookmarks', 'list', '--json']).stdout);
    writeFileSync(join(home, 'config.json'), encode(text));
    const listed = inkwire(home, ['bookmarks', 'list', '--json']);
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout)).toEqual(before);
    expect(inkwire(home, ['bookmarks', 'add', join(ROOT, 'examples', 'solar-ferry.html')])).toMatchObject({ code: 0, stderr: '' });
    const after = JSON.parse(inkwire(home, ['bookmarks', 'list', '--json']).stdout);
    expect(after).toHaveLength(2);
    expect(after).toContainEqual(before[0]);
    expect(readdirSync(home).filter((name) => name.includes('corrupt'))).toEqual([]);
  });
});
