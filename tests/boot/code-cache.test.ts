import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STALE_CACHE_MS, cacheFolder, isOwnFolder, readCache, writeCache } from '../../src/boot/code-cache.js';
import { runCli } from '../helpers/cli.js';

// The bin runs the start-up file from V8's code cache of an earlier run (src/boot/bin.ts).

const ARTICLE = 'examples/harbour-bridge-vote.txt';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'inkwire-code-cache-test-'));
}

/** The one cache file the bin keeps in `folder`, with its bytes. */
function theCache(folder: string): { name: string; bytes: Buffer; mtimeMs: number } {
  const names = readdirSync(folder);
  expect(names).toHaveLength(1);
  const file = join(folder, names[0]!);
  return { name: names[0]!, bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs };
}

describe('the code cache of the start-up file', () => {
  it('is written by a first run, read by the next without being written again, and the output is the same', () => {
    const compileCache = scratch();
    const env = { NODE_COMPILE_CACHE: compileCache };
    const first = runCli(['export', ARTICLE, '--format', 'txt'], { env });
    expect(first.code).toBe(0);
    const folder = join(compileCache, 'inkwire');
    const written = theCache(folder);
    expect(written.name).toMatch(new RegExp(`^startup-[0-9a-f]{16}-${process.version}-${process.arch}\\.v8$`));
    expect(written.bytes.length).toBeGreaterThan(10_000);
    const second = runCli(['export', ARTICLE, '--format', 'txt'], { env });
    expect(second).toEqual(first);
    // Rewritten only when V8 refused it: the same file, untouched, means V8 took it.
    expect(theCache(folder)).toEqual(written);
  });

  it('is replaced when V8 refuses it (damaged, or made elsewhere), and the run is unharmed', () => {
    const compileCache = scratch();
    const env = { NODE_COMPILE_CACHE: compileCache };
    const clean = runCli(['export', ARTICLE, '--format', 'txt'], { env });
    const folder = join(compileCache, 'inkwire');
    const { name, bytes } = theCache(folder);
    writeFileSync(join(folder, name), Buffer.alloc(bytes.length, 7));
    const damaged = runCli(['export', ARTICLE, '--format', 'txt'], { env });
    expect(damaged).toEqual(clean);
    const rewritten = theCache(folder);
    expect(rewritten.bytes.equals(Buffer.alloc(bytes.length, 7))).toBe(false);
    // And V8 takes the new one: the next run leaves it as it is.
    runCli(['export', ARTICLE, '--format', 'txt'], { env });
    expect(theCache(folder)).toEqual(rewritten);
  });

  it('is neither read nor written with NODE_DISABLE_COMPILE_CACHE', () => {
    const compileCache = scratch();
    const run = runCli(['export', ARTICLE, '--format', 'txt'], { env: { NODE_COMPILE_CACHE: compileCache, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(run.code).toBe(0);
    expect(readdirSync(compileCache)).toEqual([]);
    expect(cacheFolder({ NODE_DISABLE_COMPILE_CACHE: '1' })).toBeNull();
  });

  it('lives in a folder of this user’s own in the temporary folder unless NODE_COMPILE_CACHE names one', () => {
    expect(cacheFolder({}, 1000)).toBe(join(tmpdir(), 'inkwire-code-cache-1000'));
    expect(cacheFolder({ NODE_COMPILE_CACHE: '/var/cache/node' }, 1000)).toBe(join('/var/cache/node', 'inkwire'));
  });

  it('is never read from a folder others may write to, or through a link', () => {
    const root = scratch();
    const open = join(root, 'open');
    mkdirSync(open);
    writeFileSync(join(open, 'startup-x.v8'), 'planted');
    chmodSync(open, 0o777);
    expect(isOwnFolder(open)).toBe(false);
    expect(readCache(open, 'startup-x.v8')).toBeUndefined();
    // Nor written there.
    writeCache(open, 'startup-y.v8', Buffer.from('ours'));
    expect(readdirSync(open)).toEqual(['startup-x.v8']);

    const own = join(root, 'own');
    writeCache(own, 'startup-x.v8', Buffer.from('ours'));
    expect(readCache(own, 'startup-x.v8')?.toString()).toBe('ours');
    expect(statSync(own).mode & 0o777).toBe(0o700);
    const link = join(root, 'link');
    symlinkSync(own, link);
    expect(readCache(link, 'startup-x.v8')).toBeUndefined();
  });

  it('keeps other builds’ caches for a week, so two installs used in turn keep theirs', () => {
    const folder = join(scratch(), 'cache');
    writeCache(folder, 'startup-old.v8', Buffer.from('old'));
    writeCache(folder, 'startup-other.v8', Buffer.from('other'));
    const weekAgo = (Date.now() - STALE_CACHE_MS - 60_000) / 1000;
    utimesSync(join(folder, 'startup-old.v8'), weekAgo, weekAgo);
    writeCache(folder, 'startup-new.v8', Buffer.from('new'));
    expect(readdirSync(folder).sort()).toEqual(['startup-new.v8', 'startup-other.v8']);
  });
});
