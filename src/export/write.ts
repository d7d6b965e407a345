import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ExitCode, InkwireError, fileErrorReason } from '../errors.js';

/** Writes a file through a temporary sibling and a rename, so a crash never leaves half a file. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, path);
  } catch (error) {
    const { reason } = fileErrorReason(error);
    throw new InkwireError(path, `cannot write (${reason})`, ExitCode.ioErr);
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
    const { reason } = fileErrorReason(error);
    throw new InkwireError(path, `cannot create folder (${reason})`, ExitCode.ioErr);
  }
}

/** A file name from a title: lowercase words joined by dashes, with the id to keep it unique. */
export function fileNameFor(title: string, id: string, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'article'}-${id.slice(0, 8)}.${extension}`;
}
