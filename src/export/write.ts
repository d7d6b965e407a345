import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ExitCode, InkwireError, fileWriteReason } from '../errors.js';

/**
 * Writes a file through a temporary sibling, flushed to disk before it is renamed into place:
 * a full disk, a read-only folder or a crash never leaves half a file, and a failed write
 * removes its temporary file and leaves whatever was at `path` as it was.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  // Short, whatever the name: a long FILE must not make the temporary name too long.
  const temp = join(dirname(path), `.inkwire-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(content, 'utf8');
    // A full disk can surface only when the data is flushed: before the rename, not after.
    await handle.datasync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw new InkwireError(path, `cannot write (${fileWriteReason(error)})`, ExitCode.ioErr);
  }
}

/** True when `-o` names a folder: an existing one, or a path ending in a slash. */
export async function isFolderTarget(path: string): Promise<boolean> {
  if (/[\\/]$/.test(path)) return true;
  const info = await stat(path).catch(() => null);
  return info?.isDirectory() ?? false;
}

export async function ensureFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw new InkwireError(path, `cannot create folder (${fileWriteReason(await mkdirCause(path, error))})`, ExitCode.ioErr);
  }
}

/**
 * The real reason a recursive mkdir failed: Node reports ENOENT for a folder it cannot
 * create on a read-only file system, so the missing folders are created one at a time, from
 * the outermost, and the first one's own error is the answer.
 */
async function mkdirCause(path: string, reported: unknown): Promise<unknown> {
  const missing: string[] = [];
  for (let dir = resolve(path); !(await stat(dir).catch(() => null)); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    try {
      await mkdir(dir);
    } catch (error) {
      return error;
    }
  }
  return reported;
}

const SLUG_CHARS = 60;
const SLUG_BYTES = 120;

/**
 * A file name from a title and the article's whole id: lowercase words joined by dashes
 * (accents dropped from Latin letters, other scripts kept), cut after a whole word to at
 * most 60 characters and 120 bytes, well inside the 255 bytes file systems allow.
 */
export function fileNameFor(title: string, id: string, extension: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/(?<=[A-Za-z])\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  let slug = '';
  let chars = 0;
  let bytes = 0;
  for (const char of words) {
    bytes += Buffer.byteLength(char);
    if (++chars > SLUG_CHARS || bytes > SLUG_BYTES) {
      // Cut at the last whole word, when there is one.
      if (words[slug.length] !== '-' && slug.includes('-')) slug = slug.slice(0, slug.lastIndexOf('-'));
      break;
    }
    slug += char;
  }
  return `${slug.replace(/-+$/, '') || 'article'}-${id}.${extension}`;
}

/**
 * File names already used in this run, so that no file written earlier is replaced: a
 * second article with the same name (the same article from two sources, or twice in one
 * feed) gets `-2`, then `-3`, before the extension. Compared without case, for file
 * systems that ignore it.
 */
export class NameClaims {
  private readonly taken = new Set<string>();

  claim(name: string): string {
    const dot = name.lastIndexOf('.');
    let candidate = name;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
