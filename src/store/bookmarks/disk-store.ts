// The bookmark store on disk: config.json (the base: bookmarks, positions, removed bookmarks,
// any settings), config.json.journal (the changes since the base was written), and around
// them what keeps the user's data safe:
// - a cross-process lock around every change, so concurrent processes lose no change;
// - changes appended to the journal and flushed: a change costs the same at 100 bookmarks
//   and at 100,000, and an add needs no read of the store at all;
// - compaction: once the journal grows past a share of the base, both become one new base,
//   written whole and flushed before it replaces anything (see durable.ts), then the last
//   good copy `config.json.bak`, made from the same checked bytes, then a fresh journal;
// - damage handling: a file that is not JSON or fails the schema is kept aside
//   (`.corrupt-<time>`), never overwritten, and the store goes back to the last good copy;
// - older layouts are read as they are and rewritten in the current one at the next
//   compaction, after the file as it was is kept as `config.json.pre-<version>-<time>`.
//
// Reading takes no lock: files are only ever renamed into place whole, and the journal is
// only ever appended to, so a reader sees the old state or the new one, never a mix.
import { basename, dirname, join } from 'node:path';
import type { Article } from '../../article.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { backupPath, inkwirePaths, journalPath, type InkwirePaths } from '../paths.js';
import { ensureFolder, isStrayTemp, keepAside, listFolder, realFileOps, removeIfPresent, writeFileDurably, type FileOps } from './durable.js';
import { isStoreIoError } from './io-errors.js';
import { JournalDamage, newJournalId, openJournal, readJournal, startJournal, appendRecords, type JournalLines, type OpenJournal } from './journal.js';
import { fileOf, STORE_VERSION } from './layout.js';
import { withLock, type Lease } from './lock.js';
import { applyRecord, expireRemoved, StoreState, type Outcome, type StoreRecord } from './model.js';
import { loadOfflineCopy, pruneOfflineCopies, saveOfflineCopy } from './offline.js';
import { encodeRecord } from './records.js';
import { Serial } from './serial.js';
import { fileSize, fileStamp, parseBase, readBase, readIfExists, StoreDamage, type BaseFile } from './store-file.js';
import { storeOn, type Planned, type StoreBackend } from './store.js';
import type { BookmarkStore, WaitOptions } from './types.js';

export interface OpenOptions {
  /** Puts every file under this folder, like `INKWIRE_HOME`. */
  home?: string;
  /** Where `INKWIRE_HOME` and the XDG variables are read; the process environment by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The file-system writes go through this (tests inject faults here). */
  fileOps?: FileOps;
  /** Give up waiting for a live holder of the lock that shows no progress for this long. */
  stallMs?: number;
  /**
   * Compact once the journal is larger than this many bytes; by default a quarter of the base,
   * at least 256 KiB. Tests set it low to compact after every change.
   */
  journalBytes?: number;
  now?: () => Date;
}

/** Opening reads nothing: the first read or change does, so an add never reads the store. */
export function openBookmarkStore(options: OpenOptions = {}): BookmarkStore {
  const env = options.env ?? process.env;
  const paths = inkwirePaths(options.home === undefined ? env : { ...env, INKWIRE_HOME: options.home });
  const now = options.now ?? (() => new Date());
  const tuning = { stallMs: options.stallMs, journalBytes: options.journalBytes };
  return storeOn(new DiskBackend(paths, options.fileOps ?? realFileOps, tuning, now), now);
}

/**
 * The journal is compacted once it is larger than this share of the base (and than
 * COMPACT_MIN_BYTES): each change then costs about the same whatever the store's size, and
 * a full read never reads more than 1.25 times the base.
 */
export const COMPACT_SHARE = 0.25;
export const COMPACT_MIN_BYTES = 256 * 1024;

/** What this process knows of the store: the state as of the base and the journal up to `journalEnd`. */
interface Loaded {
  state: StoreState;
  /** The base file's whole content, for the settings kept beside the bookmarks. */
  raw: Record<string, unknown>;
  baseStamp: string;
  baseKind: BaseFile['kind'];
  baseSize: number;
  /** undefined when there is no journal. */
  journalId: string | undefined;
  journalEnd: number;
  /**
   * Set when a damaged file could not be kept aside: no new base may be written (it would
   * replace the damaged file; appending to the journal is fine), and this is the error to give.
   */
  unwritable?: unknown;
}

/** A read found something only the lock holder may deal with (damage, or a race it lost). */
class NeedsLock extends Error {}

class DiskBackend implements StoreBackend {
  readonly warnings: string[] = [];
  readonly #paths: InkwirePaths;
  readonly #journal: string;
  readonly #lockPath: string;
  readonly #ops: FileOps;
  readonly #stallMs: number | undefined;
  readonly #journalBytes: number | undefined;
  readonly #now: () => Date;
  /** Changes of this process go one at a time; reads and changes share the cache one at a time. */
  readonly #writes = new Serial();
  readonly #cacheTurn = new Serial();
  #cache: Loaded | undefined;
  #swept = false;

  constructor(paths: InkwirePaths, ops: FileOps, tuning: { stallMs: number | undefined; journalBytes: number | undefined }, now: () => Date) {
    this.#paths = paths;
    this.#journal = journalPath(paths.config);
    this.#lockPath = `${paths.config}.lock`;
    this.#ops = ops;
    this.#stallMs = tuning.stallMs;
    this.#journalBytes = tuning.journalBytes;
    this.#now = now;
  }

  async read(): Promise<StoreState> {
    try {
      return await this.#cacheTurn.run(async () => (await this.#current(undefined)).state);
    } catch (error) {
      if (!(error instanceof NeedsLock)) throw error;
    }
    // Damage to deal with: under the lock, after this process's own changes, never inside
    // the cache's turn (a change of ours may hold the lock and wait for that turn). Where no
    // lock can be had (a read-only disk), it is dealt with in memory only, writing nothing.
    try {
      return await this.#locked({}, (lease) => this.#cacheTurn.run(async () => (await this.#current(lease)).state));
    } catch (error) {
      if (!isStoreIoError(error) || error.operation !== 'write') throw error;
      return this.#cacheTurn.run(async () => (await this.#recover(undefined, error)).state);
    }
  }

  change<T>(plan: (state: StoreState) => Planned<T> | undefined, wait: WaitOptions = {}): Promise<T | undefined> {
    return this.#locked(wait, (lease) =>
      this.#cacheTurn.run(async () => {
        const loaded = await this.#current(lease);
        const planned = plan(loaded.state);
        if (!planned) return undefined;
        const outcome = await this.#commit(loaded, planned.record, lease);
        return planned.result(outcome);
      }),
    );
  }

  blind(record: StoreRecord, wait: WaitOptions = {}): Promise<void> {
    return this.#locked(wait, async (lease) => {
      const journal = await openJournal(this.#ops, this.#journal).catch((error: unknown) => {
        if (error instanceof JournalDamage) return undefined;
        throw error;
      });
      if (!journal) {
        // No journal yet (or a damaged one): the base may be in an older layout, which must be
        // rewritten before a journal an older inkwire would not see starts; a damaged journal
        // must be kept aside first. Either needs the whole store, once.
        await this.#cacheTurn.run(async () => void (await this.#commit(await this.#current(lease), record, lease)));
        return;
      }
      try {
        const before = journal.size;
        await appendRecords(journal, [record], this.#journal);
        await this.#cacheTurn.run(async () => {
          // A cache that had read exactly up to here takes the record in; any other catches up later.
          const cache = this.#cache;
          if (cache && cache.journalId === journal.id && cache.journalEnd === before) {
            applyRecord(cache.state, record);
            cache.journalEnd = journal.size;
          }
          if (journal.size > this.#threshold(await fileSize(this.#paths.config))) await this.#compactQuietly(await this.#current(lease), lease);
        });
      } finally {
        await journal.handle.close();
      }
    });
  }

  saveArticle(article: Article): Promise<void> {
    return saveOfflineCopy(this.#ops, this.#paths.articles, article);
  }

  loadArticle(id: string): Promise<Article | undefined> {
    return loadOfflineCopy(this.#paths.articles, id);
  }

  pruneArticles(keep: ReadonlySet<string>): Promise<number> {
    return pruneOfflineCopies(this.#ops, this.#paths.articles, keep);
  }

  /** Runs `work` under the lock, after this process's earlier changes. */
  #locked<T>(wait: WaitOptions, work: (lease: Lease) => Promise<T>): Promise<T> {
    return this.#writes.run(async () => {
      // The lock file lives in the config folder, which a first change creates.
      await ensureFolder(this.#ops, dirname(this.#paths.config));
      return withLock(
        this.#lockPath,
        async (lease) => {
          if (!this.#swept) await this.#sweepTemporaryFiles();
          return work(lease);
        },
        { signal: wait.signal, onWait: wait.onWait, stallMs: this.#stallMs },
      );
    });
  }

  /** Appends the record (or, for a large one, compacts with it) and applies it to the cache. */
  async #commit(loaded: Loaded, record: StoreRecord, lease: Lease): Promise<Outcome> {
    const bytes = Buffer.byteLength(encodeRecord(record));
    let journal: OpenJournal | undefined;
    if (loaded.baseKind !== 'older' && bytes <= this.#threshold(loaded.baseSize)) journal = await this.#journalAt(loaded);
    if (!journal) {
      // An import of thousands, or a base still in an older layout: the change is written as
      // a new base. Applied to the cache first; should writing fail, the cache is dropped.
      const outcome = applyRecord(loaded.state, record);
      try {
        await this.#compact(loaded, lease);
      } catch (error) {
        this.#cache = undefined;
        throw error;
      }
      return outcome;
    }
    try {
      await appendRecords(journal, [record], this.#journal);
    } finally {
      await journal.handle.close();
    }
    const outcome = applyRecord(loaded.state, record);
    loaded.journalEnd = journal.size;
    if (journal.size > this.#threshold(loaded.baseSize)) await this.#compactQuietly(loaded, lease);
    return outcome;
  }

  /** The journal open for appending, when it is the one the cache has read to its end. */
  async #journalAt(loaded: Loaded): Promise<OpenJournal | undefined> {
    if (loaded.journalId === undefined) return undefined;
    const journal = await openJournal(this.#ops, this.#journal);
    if (journal && journal.id === loaded.journalId && journal.size === loaded.journalEnd) return journal;
    await journal?.handle.close();
    return undefined;
  }

  /** The store as on disk now: the cache brought up to date, or read whole. */
  async #current(lease: Lease | undefined): Promise<Loaded> {
    // Damage that could not be kept aside: looked at again by each change, should the disk
    // have become writable meanwhile.
    if (this.#cache?.unwritable && lease) this.#cache = undefined;
    const cache = this.#cache;
    if (cache && (await fileStamp(this.#paths.config)) === cache.baseStamp) {
      const from = cache.journalId === undefined ? undefined : { id: cache.journalId, offset: cache.journalEnd };
      const lines = await readJournal(this.#journal, from).catch((error: unknown) => {
        if (error instanceof JournalDamage) return null;
        throw error;
      });
      if (lines === undefined && !from) return cache;
      if (lines && from && lines.id === from.id && lines.bad === 0) {
        for (const record of lines.records) applyRecord(cache.state, record);
        cache.journalEnd = lines.end;
        return cache;
      }
    }
    this.#cache = undefined;
    this.#cache = await this.#load(lease);
    return this.#cache;
  }

  /** Reads base and journal whole. Damage needs the lock to be dealt with (NeedsLock when not held). */
  async #load(lease: Lease | undefined): Promise<Loaded> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const stamp = await fileStamp(this.#paths.config);
      let base: BaseFile;
      let lines: JournalLines | undefined;
      try {
        base = await readBase(this.#paths.config, this.#now());
        lines = await this.#journalFor(base);
      } catch (error) {
        if (!(error instanceof StoreDamage || error instanceof JournalDamage)) throw error;
        if (!lease) throw new NeedsLock();
        return this.#recover(lease);
      }
      // A compaction landed between reading the base and the journal: read both again.
      if (!lease && (await fileStamp(this.#paths.config)) !== stamp) continue;
      if (lines && lines.bad > 0) {
        if (!lease) throw new NeedsLock();
        return this.#recover(lease);
      }
      return this.#assemble(base, stamp, lines);
    }
    // Another process compacts faster than we read: read under the lock, where none can.
    throw new NeedsLock();
  }

  /** The journal's records the base has not taken in. */
  async #journalFor(base: BaseFile): Promise<JournalLines | undefined> {
    const mark = base.kind === 'missing' ? undefined : base.mark;
    if (mark) {
      const rest = await readJournal(this.#journal, { id: mark.id, offset: mark.upTo });
      if (!rest || rest.id === mark.id) return rest;
    }
    return readJournal(this.#journal);
  }

  #assemble(base: BaseFile, stamp: string, lines: JournalLines | undefined): Loaded {
    const state = base.kind === 'missing' ? new StoreState() : base.state;
    for (const record of lines?.records ?? []) applyRecord(state, record);
    return {
      state,
      raw: base.kind === 'missing' ? {} : base.raw,
      baseStamp: stamp,
      baseKind: base.kind,
      baseSize: base.kind === 'missing' ? 0 : base.size,
      journalId: lines?.id,
      journalEnd: lines?.end ?? 0,
    };
  }

  /**
   * Under the lock: the base or the journal is damaged. Each damaged file is kept aside; the
   * store goes back to the last good copy (or starts empty) and takes in every change of the
   * journal it can read; then that is written as the new base, so the damage is reported once.
   * Should keeping a file aside fail (a full disk), or no lock be had (`cannotWrite`: a
   * read-only disk), nothing on disk is touched, the store goes on in memory, and no change
   * can be saved (it would replace the damaged file).
   */
  async #recover(lease: Lease | undefined, cannotWrite?: unknown): Promise<Loaded> {
    const now = this.#now();
    const { config } = this.#paths;
    const stamp = await fileStamp(config);
    const notes: string[] = [];
    let unwritable = cannotWrite;
    const setAside = async (path: string, bytes: Buffer, problem: string, outcome: string) => {
      try {
        if (unwritable) throw unwritable;
        const aside = await keepAside(this.#ops, path, 'corrupt', bytes, now);
        notes.push(`${path} was damaged (${problem}); kept it as ${aside} and ${outcome}`);
      } catch (error) {
        if (!isStoreIoError(error)) throw error;
        unwritable = error;
        notes.push(`${path} is damaged (${problem}) and could not be kept aside (${error.reason}), so it is left as it is; ${outcome} for now`);
      }
    };

    let base: BaseFile = { kind: 'missing' };
    try {
      base = await readBase(config, now);
    } catch (error) {
      if (!(error instanceof StoreDamage)) throw error;
      const backup = await this.#readBackup(now, error.bytes);
      base = backup ?? { kind: 'missing' };
      await setAside(config, error.bytes, error.problem, backup ? 'went back to the last good copy' : 'started from an empty store');
    }

    let lines: JournalLines | undefined;
    try {
      lines = await this.#journalFor(base);
    } catch (error) {
      if (!(error instanceof JournalDamage)) throw error;
      await setAside(this.#journal, error.bytes, error.message, 'went on without the changes it held');
    }
    if (lines && lines.bad > 0) {
      const bytes = (await readIfExists(this.#journal)) ?? Buffer.alloc(0);
      const lost = `${lines.bad} line${lines.bad === 1 ? ' is' : 's are'} not a change inkwire wrote`;
      await setAside(this.#journal, bytes, lost, 'kept every change it could read');
    }
    for (const note of notes) this.warnings.push(sanitizeLine(note));

    const loaded = this.#assemble(base, stamp, lines);
    // A journal that is damaged as a whole is no journal to append to.
    if (!lines) loaded.journalId = undefined;
    this.#cache = loaded;
    if (unwritable || !lease) loaded.unwritable = unwritable;
    else await this.#compactQuietly(loaded, lease);
    return loaded;
  }

  /** The last good copy, when it is sound and is not the damaged file itself. */
  async #readBackup(now: Date, damaged: Buffer): Promise<BaseFile | undefined> {
    const bytes = await readIfExists(backupPath(this.#paths.config));
    if (!bytes || bytes.equals(damaged)) return undefined;
    try {
      return await parseBase(backupPath(this.#paths.config), bytes, now);
    } catch (error) {
      if (error instanceof StoreDamage) return undefined;
      throw error;
    }
  }

  /** Compaction after a change already saved: a failure (a full disk) leaves the journal as it is. */
  async #compactQuietly(loaded: Loaded, lease: Lease): Promise<void> {
    try {
      await this.#compact(loaded, lease);
    } catch (error) {
      if (!isStoreIoError(error)) throw error;
      // Everything is still in base and journal; the next change tries again.
      this.#cache = undefined;
    }
  }

  /**
   * Under the lock, with `loaded` caught up to the end of the journal: writes the state as a
   * new base (after keeping the old one if it is in an older layout), then the last good copy
   * from the same bytes, then a fresh journal. A crash between steps leaves base and journal
   * agreeing: the base records how much of which journal it has taken in.
   */
  async #compact(loaded: Loaded, lease: Lease): Promise<void> {
    // A new base would replace a damaged file that could not be kept aside.
    if (loaded.unwritable) throw loaded.unwritable;
    const now = this.#now();
    const { config } = this.#paths;
    expireRemoved(loaded.state, now);
    if (loaded.baseKind === 'older') {
      const before = await readIfExists(config);
      if (before) await keepAside(this.#ops, config, `pre-${STORE_VERSION}`, before, now);
      lease.beat();
    }
    const file = fileOf(loaded.state, loaded.raw, loaded.journalId === undefined ? undefined : { id: loaded.journalId, upTo: loaded.journalEnd });
    // What is kept must be sound: checked against the schema before a byte is written.
    const { schemaProblem } = await import('./validate.js');
    const problem = schemaProblem(file, 'current');
    if (problem) throw new Error(`the store to be written ${problem}`);
    lease.beat();
    const bytes = Buffer.from(`${JSON.stringify(file, null, '\t')}\n`);
    lease.beat();
    await writeFileDurably(this.#ops, config, bytes);
    lease.beat();
    loaded.raw = file;
    loaded.baseKind = 'current';
    loaded.baseSize = bytes.length;
    loaded.baseStamp = await fileStamp(config);
    // The base is written: the change is saved. The last good copy and the fresh journal
    // follow; should either fail (a disk filling up), base and old journal still agree (the
    // base says it has taken in all of it), and so do the old copy and the journal: the next
    // compaction tries again.
    try {
      await writeFileDurably(this.#ops, backupPath(config), bytes);
      lease.beat();
      const id = newJournalId();
      const end = await startJournal(this.#ops, this.#journal, id);
      loaded.journalId = id;
      loaded.journalEnd = end;
    } catch (error) {
      if (!isStoreIoError(error)) throw error;
    }
  }

  #threshold(baseSize: number): number {
    return this.#journalBytes ?? Math.max(COMPACT_MIN_BYTES, baseSize * COMPACT_SHARE);
  }

  /** Under the lock no save is under way, so a temporary file beside the config is a leftover. */
  async #sweepTemporaryFiles(): Promise<void> {
    this.#swept = true;
    const dir = dirname(this.#paths.config);
    const prefix = `${basename(this.#paths.config)}.`;
    for (const name of await listFolder(dir)) {
      if (!name.startsWith(prefix)) continue;
      // conf's atomic writer (used by earlier versions) named its temporary files `<file>.tmp-<10 digits><6 hex>`.
      if (/\.tmp-\d{10}[0-9a-f]{6}$/.test(name) || isStrayTemp(name)) await removeIfPresent(this.#ops, join(dir, name));
    }
  }
}


