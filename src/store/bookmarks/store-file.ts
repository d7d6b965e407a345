// Reading config.json and telling a good file from a damaged one. A damaged file (not JSON,
// not an object, failing the schema) is reported, never "repaired": the store keeps it aside.
// What an editor does to a file by the way is not damage: a byte-order mark, CRLF line ends,
// UTF-16 with its mark, Latin-1 bytes.
import { isUtf8 } from 'node:buffer';
import { promises as fsp } from 'node:fs';
import { decodeWindows1252 } from '../../sources/decode.js';
import { ioError } from './io-errors.js';
import { journalMarkOf, layoutVersionOf, majorOf, stateOfCurrent, stateOfOlder, STORE_VERSION, type JournalMark } from './layout.js';
import type { StoreState } from './model.js';
import { isRecord } from './normalize.js';

export type BaseFile =
  | { kind: 'missing' }
  /** `older`: written in an older layout (read into the state; rewritten at the next save). */
  | { kind: 'current' | 'older'; raw: Record<string, unknown>; state: StoreState; mark: JournalMark | undefined; size: number; version: string | undefined };

/** The file is not a store: what the user had, and why it cannot be read. */
export class StoreDamage extends Error {
  constructor(
    readonly bytes: Buffer,
    readonly problem: string,
  ) {
    super(problem);
    this.name = 'StoreDamage';
  }
}

/** The file was written by a newer inkwire: never "repaired", since that would lose its data. */
export class NewerLayoutError extends Error {
  constructor(
    readonly path: string,
    readonly version: string,
  ) {
    super(`${path} has layout ${version}, newer than this inkwire reads (${STORE_VERSION})`);
    this.name = 'NewerLayoutError';
  }
}

export async function readBase(path: string, now: Date): Promise<BaseFile> {
  const bytes = await readIfExists(path);
  if (!bytes) return { kind: 'missing' };
  return parseBase(path, bytes, now);
}

export async function parseBase(path: string, bytes: Buffer, now: Date): Promise<BaseFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeStoreText(bytes));
  } catch {
    throw new StoreDamage(bytes, 'not valid JSON');
  }
  // An array or a string would be lost if treated as an empty store and saved.
  if (!isRecord(raw)) throw new StoreDamage(bytes, 'not a JSON object');
  const version = layoutVersionOf(raw);
  const { schemaProblem } = await import('./validate.js');
  if (version === STORE_VERSION) {
    const problem = schemaProblem(raw, 'current');
    if (problem) throw new StoreDamage(bytes, problem);
    return { kind: 'current', raw, state: stateOfCurrent(raw), mark: journalMarkOf(raw), size: bytes.length, version };
  }
  if (version !== undefined && majorOf(version) > majorOf(STORE_VERSION)) throw new NewerLayoutError(path, version);
  if (!Array.isArray(raw.bookmarks)) {
    const problem = schemaProblem(raw, '2.0.0');
    if (problem) throw new StoreDamage(bytes, problem);
  }
  return { kind: 'older', raw, state: stateOfOlder(raw, now), mark: undefined, size: bytes.length, version };
}

/** The text of a store file, whatever encoding slip an editor made. */
function decodeStoreText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return isUtf8(bytes) ? bytes.toString('utf8') : decodeWindows1252(bytes);
}

/** Identifies the file's version on disk: every save renames a new file into place. */
export async function fileStamp(path: string): Promise<string> {
  try {
    const stat = await fsp.stat(path, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw ioError(error, path, 'read');
  }
}

export async function fileSize(path: string): Promise<number> {
  try {
    return (await fsp.stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw ioError(error, path, 'read');
  }
}

export async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await fsp.readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError(error, path, 'read');
  }
}
