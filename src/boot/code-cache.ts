import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Where the bin keeps V8's code cache of the start-up file (see bin.ts). A cache is only
// ever a shortcut: every failure here costs the next start its compile, nothing else.

/**
 * The cache's folder: inside the one NODE_COMPILE_CACHE names for Node's own compile cache,
 * else this user's folder in the temporary folder; null when caching is off
 * (NODE_DISABLE_COMPILE_CACHE, as Node documents it for its own).
 */
export function cacheFolder(env: NodeJS.ProcessEnv, uid = process.getuid?.()): string | null {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  if (env.NODE_COMPILE_CACHE) return join(env.NODE_COMPILE_CACHE, 'inkwire');
  return join(tmpdir(), uid === undefined ? 'inkwire-code-cache' : `inkwire-code-cache-${uid}`);
}

/** One cache per build of the start-up file, Node version and architecture. */
export function cacheName(startupId: string): string {
  return `startup-${startupId}-${process.version}-${process.arch}.v8`;
}

/**
 * A cache is code that runs: one planted by someone else must not be read. The folder must be
 * a real folder (not a link) that this user owns and nobody else may write to.
 */
export function isOwnFolder(folder: string, uid = process.getuid?.()): boolean {
  try {
    const stat = lstatSync(folder);
    return stat.isDirectory() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

export function readCache(folder: string, name: string): Buffer | undefined {
  if (!isOwnFolder(folder)) return undefined;
  try {
    return readFileSync(join(folder, name));
  } catch {
    // Not written yet.
    return undefined;
  }
}

/** Other builds' caches are removed once this old: two installs used in turn each keep theirs. */
export const STALE_CACHE_MS = 7 * 24 * 3600 * 1000;

/** Writes through a rename, so no start reads half a cache; other builds' stale caches go. */
export function writeCache(folder: string, name: string, data: Buffer): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!isOwnFolder(folder)) return;
    const partial = join(folder, `${name}.${process.pid}.partial`);
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, join(folder, name));
    const now = Date.now();
    for (const other of readdirSync(folder)) {
      if (other === name || !other.startsWith('startup-')) continue;
      const file = join(folder, other);
      if (now - lstatSync(file).mtimeMs > STALE_CACHE_MS) rmSync(file, { force: true });
    }
  } catch {
    // A full disk or a read-only folder: the next start compiles, as without a cache.
  }
}
