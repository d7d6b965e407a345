import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileErrorReason } from '../errors.js';
import { fileKind } from './file-kind.js';

// A folder to the article files under it, as `find -L` walks: symbolic links are followed,
// to files and folders, inside the folder or out of it. Each real folder (device and inode)
// is entered once, so a link back to a parent, a link loop or two links to one place add
// nothing; each real file is listed once, under the first of its paths. The folder's own
// tree is listed first, in sorted order, then the folders its links lead to.
// The walk looks at no more than MAX_FOLDER_ENTRIES names, so a link to `/` or to a huge tree
// ends in about a second with a warning instead of running for minutes.

/** Names looked at (files and folders, hidden ones not counted) before a walk stops. */
export const MAX_FOLDER_ENTRIES = 100_000;
/** Skipped entries named in the warning; the rest are counted. */
const SKIPPED_NAMED = 3;

export interface FolderListing {
  files: string[];
  /** One-line notes about what was skipped or cut, already prefixed with the folder. */
  warnings: string[];
}

interface Skipped {
  path: string;
  why: string;
}

/** Every article file under a folder: known extensions, hidden entries skipped, sorted. */
export async function listFolder(folder: string, extensions: readonly string[], maxEntries = MAX_FOLDER_ENTRIES): Promise<FolderListing> {
  const files: string[] = [];
  const seenFolders = new Set<string>();
  const seenFiles = new Set<string>();
  // Entries with an article's name that cannot be read as one (a FIFO, a broken link), and
  // folders below the top one that cannot be opened: reported, not fatal.
  const skipped: Skipped[] = [];
  let looked = 0;
  let cut = false;
  const isArticle = (name: string) => {
    const lower = name.toLowerCase();
    return extensions.some((ext) => lower.endsWith(ext));
  };

  // An explicit stack of open folders: deep trees must not grow the call stack.
  const stack: { dir: string; real: string; entries: Dirent[]; next: number }[] = [];
  // Folders reached through a link wait until the folder's own tree is listed, so its own
  // articles come first and a link to a huge tree cannot crowd them out of the bound.
  const linked: { path: string; real: string; info: Stats }[] = [];
  const linkedFiles: { path: string; real: string }[] = [];
  const add = (path: string, real: string) => {
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(path);
  };
  const enter = async (dir: string, real: string, info: Stats, first = false): Promise<void> => {
    const key = folderKey(info);
    if (seenFolders.has(key)) return;
    seenFolders.add(key);
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (first) throw error;
      skipped.push({ path: dir, why: fileErrorReason(error).reason });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    stack.push({ dir, real, entries, next: 0 });
  };
  await enter(folder, await realpath(folder), await stat(folder), true);

  while (!cut) {
    const frame = stack.at(-1);
    if (!frame) {
      const next = linked.shift();
      if (!next) break;
      await enter(next.path, next.real, next.info);
      continue;
    }
    const entry = frame.entries[frame.next++];
    if (!entry) {
      stack.pop();
      continue;
    }
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    if (++looked > maxEntries) {
      cut = true;
      break;
    }
    const path = join(frame.dir, entry.name);
    let info: Dirent | Stats = entry;
    let real = join(frame.real, entry.name);
    if (entry.isSymbolicLink() || entry.isDirectory()) {
      const target = await stat(path).catch(() => null);
      if (!target) {
        if (isArticle(entry.name)) skipped.push({ path, why: 'a broken link' });
        continue;
      }
      info = target;
      if (entry.isSymbolicLink()) real = (await realpath(path).catch(() => null)) ?? path;
    }
    if (info.isDirectory()) {
      if (entry.isSymbolicLink()) linked.push({ path, real, info: info as Stats });
      else await enter(path, real, info as Stats);
    } else if (isArticle(entry.name)) {
      if (!info.isFile()) skipped.push({ path, why: `${fileKind(info)}, not a regular file` });
      else if (entry.isSymbolicLink()) linkedFiles.push({ path, real });
      else add(path, real);
    }
  }
  // A file reached only through a link comes last; one also reached by its own path is there.
  for (const { path, real } of linkedFiles) add(path, real);

  const warnings: string[] = [];
  if (skipped.length > 0) {
    const named = skipped.slice(0, SKIPPED_NAMED).map((s) => `${s.path} (${s.why})`);
    if (skipped.length > SKIPPED_NAMED) named.push(`${skipped.length - SKIPPED_NAMED} more`);
    warnings.push(`${folder}: skipped ${named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0]}`);
  }
  if (cut) {
    warnings.push(
      `${folder}: stopped after looking at ${maxEntries.toLocaleString('en')} files and folders (a link to / or a huge tree?); reading the ${files.length.toLocaleString('en')} articles found so far`,
    );
  }
  return { files, warnings };
}

function folderKey(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}
