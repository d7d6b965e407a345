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
// ends within seconds with a warning instead of running for minutes; what such a link led to
// is then left out, and the folder's own articles are read.

/** Names looked at (files and folders, hidden ones not counted) before a walk stops: a folder of 300,000 notes is read whole, a link to `/` ends within seconds. */
export const MAX_FOLDER_ENTRIES = 500_000;
/** Skipped entries named in the warning; the rest are counted. */
const SKIPPED_NAMED = 3;

export interface FolderListing {
  files: string[];
  /** One-line notes about what was skipped or cut, already prefixed with the folder. */
  warnings: string[];
}

/** One name in a folder, with what it is (followed, for a link) and its real path. */
interface Entry {
  name: string;
  path: string;
  link: boolean;
  /** Null for a broken link. */
  info: Dirent | Stats | null;
  real: string;
  /** A folder's own listing, asked for as soon as it is known to be one. */
  listing?: Promise<Dirent[] | Error>;
}

interface Skipped {
  path: string;
  why: string;
}

/** Said once, as soon as a walk has found this many files: a caller may start getting ready for them. */
export interface WhenMany {
  files: number;
  call: () => void;
}

/** Every article file under a folder: known extensions, hidden entries skipped, sorted. */
export async function listFolder(folder: string, extensions: readonly string[], maxEntries = MAX_FOLDER_ENTRIES, whenMany?: WhenMany): Promise<FolderListing> {
  // Each real folder is entered once and its names are unique, so a file found by its own
  // path is never found twice that way: only files reached through links are checked against
  // the rest, once the walk is done (a set of 100,000 paths cost more than the walk's logic).
  const paths: string[] = [];
  const reals: string[] = [];
  const seenFolders = new Set<string>();
  // Entries with an article's name that cannot be read as one (a FIFO, a broken link), and
  // folders below the top one that cannot be opened: reported, not fatal.
  const skipped: Skipped[] = [];
  let looked = 0;
  let cut = false;
  // One look-up of the name's extension, not a test for each: 100,000 names, 15 extensions.
  const known = new Set(extensions);
  const multiDot = extensions.some((ext) => ext.lastIndexOf('.') > 0);
  const isArticle = (name: string) => {
    const lower = name.toLowerCase();
    if (multiDot) return extensions.some((ext) => lower.endsWith(ext));
    const dot = lower.lastIndexOf('.');
    return dot >= 0 && known.has(lower.slice(dot));
  };

  // An explicit stack of open folders: deep trees must not grow the call stack.
  const stack: { entries: Entry[]; next: number }[] = [];
  // Folders reached through a link wait until the folder's own tree is listed, so its own
  // articles come first and a link to a huge tree cannot crowd them out of the bound.
  const linked: { path: string; real: string; info: Stats }[] = [];
  const linkedFiles: { path: string; real: string }[] = [];
  // The linked folder being walked, and how much was found before it.
  let viaLink: { path: string; files: number; linkedFiles: number; skipped: number } | undefined;
  const enter = async (dir: string, real: string, info: Stats, listing = list(dir), first = false): Promise<void> => {
    const key = folderKey(info);
    if (seenFolders.has(key)) return;
    seenFolders.add(key);
    let names = await listing;
    if (names instanceof Error) {
      if (first) throw names;
      skipped.push({ path: dir, why: fileErrorReason(names).reason });
      return;
    }
    names = names.filter((d) => !d.name.startsWith('.') && d.name !== 'node_modules');
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // A folder's lookups all at once, and its subfolders' listings asked for with them: one at
    // a time, each waits its turn on the thread pool, and a walk took many times `find`'s.
    // A plain file needs no lookup, and no promise: a folder of 100,000 would hold as many.
    const at = { dir: joinPrefix(dir), real: joinPrefix(real) };
    const entries = new Array<Entry>(names.length);
    const lookups: Promise<void>[] = [];
    names.forEach((d, i) => {
      if (d.isSymbolicLink() || d.isDirectory()) lookups.push(describe(d, at).then((entry) => void (entries[i] = entry)));
      else entries[i] = plainEntry(d, at);
    });
    await Promise.all(lookups);
    stack.push({ entries, next: 0 });
  };
  await enter(folder, await realpath(folder), await stat(folder), undefined, true);

  while (!cut) {
    const frame = stack.at(-1);
    if (!frame) {
      const next = linked.shift();
      if (!next) break;
      viaLink = { path: next.path, files: paths.length, linkedFiles: linkedFiles.length, skipped: skipped.length };
      await enter(next.path, next.real, next.info);
      continue;
    }
    const entry = frame.entries[frame.next++];
    if (!entry) {
      stack.pop();
      continue;
    }
    if (++looked > maxEntries) {
      cut = true;
      break;
    }
    const { path, info, real } = entry;
    if (!info) {
      if (isArticle(entry.name)) skipped.push({ path, why: 'a broken link' });
    } else if (info.isDirectory()) {
      if (entry.link) linked.push({ path, real, info: info as Stats });
      else await enter(path, real, info as Stats, entry.listing);
    } else if (isArticle(entry.name)) {
      if (!info.isFile()) skipped.push({ path, why: `${fileKind(info)}, not a regular file` });
      else if (entry.link) linkedFiles.push({ path, real });
      else {
        if (paths.push(path) === whenMany?.files) whenMany.call();
        reals.push(real);
      }
    }
  }
  // A link that leads past the bound (to /, most likely) is not what the folder was given for:
  // what was found under it is dropped, and what the folder itself holds is read.
  if (cut && viaLink) {
    paths.length = viaLink.files;
    reals.length = viaLink.files;
    linkedFiles.length = viaLink.linkedFiles;
    skipped.length = viaLink.skipped;
  }
  // A file reached only through a link comes last, once; one also reached by its own path is there.
  if (linkedFiles.length > 0) {
    const seen = new Set(reals);
    for (const { path, real } of linkedFiles) {
      if (seen.has(real)) continue;
      seen.add(real);
      paths.push(path);
    }
  }

  const warnings: string[] = [];
  if (skipped.length > 0) {
    const named = skipped.slice(0, SKIPPED_NAMED).map((s) => `${s.path} (${s.why})`);
    if (skipped.length > SKIPPED_NAMED) named.push(`${skipped.length - SKIPPED_NAMED} more`);
    warnings.push(`${folder}: skipped ${named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0]}`);
  }
  const limit = maxEntries.toLocaleString('en');
  const found = paths.length.toLocaleString('en');
  if (cut && viaLink) {
    warnings.push(`${folder}: not reading ${viaLink.path}, a link to more than ${limit} files and folders (to / or a huge tree?); reading the ${found} articles found without it`);
  } else if (cut) {
    warnings.push(`${folder}: stopped after looking at ${limit} files and folders (a huge tree?); reading the ${found} articles found so far`);
  }
  return { files: paths, warnings };
}

/** A folder's path as `join` begins each of its entries' paths: `join(dir, name)` is this plus the name. */
interface Prefixes {
  dir: string;
  real: string;
}

/**
 * What `join(dir, name)` puts before the name. A path from `join` is a chain of pieces of
 * the strings it normalised, 280 bytes for a 35-character path; the prefix and the name
 * are 40 (a folder of 100,000 files: 28 MB against 4). Names from readdir hold no `/` and
 * are never `.` or `..`, so the two paths are the same.
 */
function joinPrefix(dir: string): string {
  return join(dir, 'x').slice(0, -1);
}

/** A name that is neither a folder nor a link: what readdir said is all there is to know. */
function plainEntry(dirent: Dirent, at: Prefixes): Entry {
  return { name: dirent.name, path: at.dir + dirent.name, link: false, info: dirent, real: at.real + dirent.name };
}

/** What a folder or link is: folders are looked up for their device and inode, links followed. */
async function describe(dirent: Dirent, at: Prefixes): Promise<Entry> {
  const link = dirent.isSymbolicLink();
  const entry: Entry = { ...plainEntry(dirent, at), link };
  const { path } = entry;
  entry.info = await stat(path).catch(() => null);
  if (!link && entry.info?.isDirectory()) entry.listing = list(path);
  if (link && entry.info) entry.real = (await realpath(path).catch(() => null)) ?? path;
  return entry;
}

function list(dir: string): Promise<Dirent[] | Error> {
  return readdir(dir, { withFileTypes: true }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
}

function folderKey(info: Stats): string {
  return `${info.dev}:${info.ino}`;
}
