import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InkwireError } from '../../src/errors.js';
import { readFileLimited, readFileSoon } from '../../src/sources/files.js';

// A folder's files are read without a promise each; a file too big for one read still gives
// the event loop its turns, and every failure is the one readFileLimited gives.

const dir = mkdtempSync(join(tmpdir(), 'inkwire-read-soon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readFileSoon', () => {
  it('gives a small file’s bytes at once', () => {
    const path = join(dir, 'small.txt');
    writeFileSync(path, 'Title\n\nBody.');
    const bytes = readFileSoon(path, 1024);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes as Uint8Array).toString()).toBe('Title\n\nBody.');
  });

  it('gives a promise for a file of several reads, and lets the event loop turn meanwhile', async () => {
    const path = join(dir, 'big.txt');
    const text = 'x'.repeat(40 * 1024 * 1024);
    writeFileSync(path, text);
    let turned = false;
    setImmediate(() => (turned = true));
    const soon = readFileSoon(path, 64 * 1024 * 1024);
    expect(soon).toBeInstanceOf(Promise);
    expect((await soon).length).toBe(text.length);
    expect(turned).toBe(true);
  });

  it('fails as readFileLimited does, at once', async () => {
    const missing = join(dir, 'missing.txt');
    const over = join(dir, 'over.txt');
    writeFileSync(over, 'a'.repeat(2048));
    for (const [path, limit] of [[missing, 1024], [over, 1024], [dir, 1024]] as const) {
      const error = (() => {
        try {
          readFileSoon(path, limit);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error, path).toBeInstanceOf(InkwireError);
      await expect(readFileLimited(path, limit)).rejects.toEqual(error);
    }
  });

  it('reads a file a folder listed as regular to the same bytes and failures, at every size around its first read', async () => {
    const sizes = [0, 1, 100, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 200 * 1024];
    for (const size of sizes) {
      const path = join(dir, `listed-${size}.txt`);
      const bytes = Buffer.alloc(size, 'ab\n');
      writeFileSync(path, bytes);
      for (const limit of [1024, 64 * 1024, 1024 * 1024]) {
        const outcome = async (listed: boolean) => {
          try {
            return Buffer.from(await readFileSoon(path, limit, undefined, listed)).toString('hex');
          } catch (error) {
            return error;
          }
        };
        const listed = await outcome(true);
        expect(listed, `${size} bytes, limit ${limit}`).toEqual(await outcome(false));
        if (size <= limit) expect(listed).toBe(bytes.toString('hex'));
        else expect(listed).toBeInstanceOf(InkwireError);
      }
    }
    // A folder in the place of a listed file is still told as one.
    expect(() => readFileSoon(dir, 1024, undefined, true)).toThrow('is a folder');
  });
});
