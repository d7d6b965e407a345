// The journal beside config.json: one line per change, appended and flushed under the lock,
// so a change costs the same whatever the store holds. Every reader replays it over the file;
// once it grows past a share of the file, the two are compacted into a new file (disk-store.ts).
//
// The first line names the journal (a random id) and its layout. config.json records the id
// of the journal it has taken in and how far, so a crash between writing a compacted file and
// starting a fresh journal replays nothing twice. A last line without its newline is a write
// cut short (a kill, a full disk): never acknowledged, so never applied, and cut off by the
// next writer.
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { appendDurably, writeFileDurably, type FileOps } from './durable.js';
import { ioError } from './io-errors.js';
import { majorOf, STORE_VERSION } from './layout.js';
import type { StoreRecord } from './model.js';
import { isRecord } from './normalize.js';
import { decodeRecord, encodeRecord } from './records.js';
import { NewerLayoutError } from './store-file.js';

const KIND = 'inkwire bookmark journal';
/** The header is one short line; more than this before a newline is not our header. */
const HEADER_MAX = 4096;

export interface JournalLines {
  id: string;
  records: StoreRecord[];
  /** Offset just past the last complete line read: where the next read starts. */
  end: number;
  /** Complete lines that are not records inkwire wrote (damage, hand edits); skipped. */
  bad: number;
}

/** The journal file has no header inkwire wrote: damaged as a whole. */
export class JournalDamage extends Error {
  constructor(readonly bytes: Buffer) {
    super('its first line is not the header inkwire writes');
    this.name = 'JournalDamage';
  }
}

export function newJournalId(): string {
  return randomBytes(8).toString('hex');
}

/** A fresh journal holding only its header, replacing any journal there. */
export async function startJournal(ops: FileOps, path: string, id: string): Promise<number> {
  const header = Buffer.from(`${JSON.stringify({ kind: KIND, layout: STORE_VERSION, id })}\n`);
  await writeFileDurably(ops, path, header);
  return header.length;
}

/**
 * The records from `from` on (from the start when not given), or undefined when there is no
 * journal. A journal of another id than `from` says is reported without reading on: the
 * caller's view is stale and it must read the whole store again.
 */
export async function readJournal(path: string, from?: { id: string; offset: number }): Promise<JournalLines | undefined> {
  let handle: FileHandle;
  try {
    handle = await fsp.open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError(error, path, 'read');
  }
  try {
    const size = (await handle.stat()).size;
    const head = await readHeader(handle, path, size);
    if (from && from.id !== head.id) return { id: head.id, records: [], end: head.length, bad: 0 };
    // A mark past the end (a journal cut short by hand) takes in nothing, and reads on from the end.
    const start = from ? Math.min(size, Math.max(from.offset, head.length)) : head.length;
    const body = Buffer.alloc(Math.max(0, size - start));
    await readFully(handle, body, start);
    return { id: head.id, ...parseLines(body, start) };
  } catch (error) {
    throw ioError(error, path, 'read');
  } finally {
    await handle.close();
  }
}

export interface OpenJournal {
  handle: FileHandle;
  id: string;
  /** Its length, once a torn last line is cut off: where the next record goes. */
  size: number;
}

/** Opens the journal to append to it (under the lock), or undefined when there is none. */
export async function openJournal(ops: FileOps, path: string): Promise<OpenJournal | undefined> {
  let handle: FileHandle;
  try {
    handle = await ops.open(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw ioError(error, path, 'write');
  }
  try {
    let size = (await handle.stat()).size;
    const head = await readHeader(handle, path, size);
    const whole = await completeLength(handle, size, head.length);
    if (whole !== size) {
      // A write cut short: nobody was told it was saved, and the next record must start a line.
      await handle.truncate(whole);
      size = whole;
    }
    return { handle, id: head.id, size };
  } catch (error) {
    await handle.close();
    throw ioError(error, path, 'write');
  }
}

export async function appendRecords(journal: OpenJournal, records: readonly StoreRecord[], path: string): Promise<void> {
  const bytes = Buffer.from(records.map(encodeRecord).join(''));
  await appendDurably(journal.handle, journal.size, bytes, path);
  journal.size += bytes.length;
}

async function readHeader(handle: FileHandle, path: string, size: number): Promise<{ id: string; length: number }> {
  const first = Buffer.alloc(Math.min(size, HEADER_MAX));
  await readFully(handle, first, 0);
  const newline = first.indexOf(0x0a);
  const whole = newline < 0 ? undefined : first.subarray(0, newline);
  let header: unknown;
  try {
    header = whole && JSON.parse(whole.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    header = undefined;
  }
  if (!isRecord(header) || header.kind !== KIND || typeof header.id !== 'string' || typeof header.layout !== 'string') {
    const all = Buffer.alloc(size);
    await readFully(handle, all, 0);
    throw new JournalDamage(all);
  }
  if (majorOf(header.layout) > majorOf(STORE_VERSION)) throw new NewerLayoutError(path, header.layout);
  return { id: header.id, length: newline + 1 };
}

/** The length of the file up to and including its last newline (at least `floor`). */
async function completeLength(handle: FileHandle, size: number, floor: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024);
  for (let end = size; end > floor; ) {
    const start = Math.max(floor, end - chunk.length);
    const piece = chunk.subarray(0, end - start);
    await readFully(handle, piece, start);
    const newline = piece.lastIndexOf(0x0a);
    if (newline >= 0) return start + newline + 1;
    end = start;
  }
  return floor;
}

function parseLines(body: Buffer, start: number): Omit<JournalLines, 'id'> {
  const records: StoreRecord[] = [];
  let bad = 0;
  let at = 0;
  for (let newline = body.indexOf(0x0a); newline >= 0; newline = body.indexOf(0x0a, at)) {
    // trim: a line an editor gave a CR keeps its record.
    const text = body.toString('utf8', at, newline).trim();
    if (text !== '') {
      const record = decodeRecord(text);
      if (record) records.push(record);
      else bad++;
    }
    at = newline + 1;
  }
  return { records, end: start + at, bad };
}

async function readFully(handle: FileHandle, buffer: Buffer, position: number): Promise<void> {
  for (let done = 0; done < buffer.length; ) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead <= 0) throw Object.assign(new Error('the file ended early'), { code: 'EIO' });
    done += bytesRead;
  }
}
