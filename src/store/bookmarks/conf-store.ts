// The bookmark store on disk. conf owns config.json: its location, layout migrations, and
// validated, atomic writes. Around it this adds what conf alone does not give:
// - a cross-process lock from read to write, so concurrent inkwire processes lose no change;
// - a re-read before every change, so each change applies to what is on disk now;
// - damage handling: a file that is not JSON or fails the schema is kept aside, never
//   overwritten, and the store goes back to the last good copy (`config.json.bak`);
// - reads that parse the file once (see store-file.ts), and offline copies as files of their own.
//
// Importing this module loads conf and ajv; import it dynamically where start-up time matters.
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Conf from 'conf';
import type { Article } from '../../article.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { backupPath, inkwirePaths, type InkwirePaths } from '../paths.js';
import { copyFileAtomic, isStrayTemp, removeIfPresent, writeFileAtomic } from './atomic.js';
import { configSchema, migrations, rootSchema, STORE_VERSION, type StoredConfig } from './layout.js';
import { withLock } from './lock.js';
import { EMPTY_STATE, type Change, type StoreState } from './model.js';
import { isRecord } from './normalize.js';
import { loadOfflineCopy, pruneOfflineCopies, releaseOfflineCopy, saveOfflineCopy } from './offline.js';
import { AJV_OPTIONS, describeConfDamage, fileStamp, isConfDamage, keepDamaged, readIfExists, readStoreFile, StoreDamage } from './store-file.js';
import { storeOn, type StoreBackend } from './store.js';
import type { BookmarkStore } from './types.js';

export interface OpenOptions {
  /** Puts every file under this folder, like `INKWIRE_HOME`. */
  home?: string;
  /** Where `INKWIRE_HOME` and the XDG variables are read; the process environment by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

export function openBookmarkStore(options: OpenOptions = {}): BookmarkStore {
  const env = options.env ?? process.env;
  const paths = inkwirePaths(options.home === undefined ? env : { ...env, INKWIRE_HOME: options.home });
  return storeOn(new DiskBackend(paths));
}

interface Snapshot {
  stamp: string;
  /** The whole file, including conf's `__internal__` and any settings stored beside bookmarks. */
  raw: Record<string, unknown>;
  state: StoreState;
  /** False while the file is in an older layout that conf has yet to migrate. */
  current: boolean;
}

class DiskBackend implements StoreBackend {
  readonly warnings: string[] = [];
  readonly #paths: InkwirePaths;
  readonly #lockPath: string;
  /** Made on the first save (or migration): conf reads the whole file twice as it opens. */
  #conf: Conf<StoredConfig> | undefined;
  #cache: Snapshot | undefined;
  #swept = false;

  constructor(paths: InkwirePaths) {
    this.#paths = paths;
    this.#lockPath = `${paths.config}.lock`;
    mkdirSync(dirname(paths.config), { recursive: true });
    // Opening reads once, so damage is found and reported (in `warnings`) straight away.
    this.read();
  }

  // Reading takes no lock: every save renames a complete file into place, so a reader sees the
  // old state or the new one, never a mix. Damage and migrations, which write, take the lock.
  read(): StoreState {
    try {
      const snapshot = this.#snapshot();
      if (snapshot.current) return snapshot.state;
    } catch (error) {
      if (!(error instanceof StoreDamage)) throw error;
    }
    return withLock(this.#lockPath, () => this.#lockedSnapshot()).state;
  }

  update<T>(change: (state: StoreState) => Change<T>): T {
    return withLock(this.#lockPath, () => {
      if (!this.#swept) this.#sweepTemporaryFiles();
      let snapshot = this.#lockedSnapshot();
      if (!this.#conf) {
        // No file yet: conf creates it with the defaults and records the layout version.
        const missing = snapshot.stamp === 'missing';
        this.#conf = this.#newConf(missing);
        if (missing) snapshot = this.#fresh();
      }
      const { state, result } = change(snapshot.state);
      if (state !== snapshot.state) this.#write(this.#conf, snapshot.raw, state);
      return result;
    });
  }

  saveArticle(article: Article): void {
    saveOfflineCopy(this.#paths.articles, article);
  }

  loadArticle(id: string): Article | undefined {
    return loadOfflineCopy(this.#paths.articles, id);
  }

  releaseArticle(id: string): void {
    releaseOfflineCopy(this.#paths.articles, id);
  }

  pruneArticles(keep: ReadonlySet<string>): number {
    return pruneOfflineCopies(this.#paths.articles, keep);
  }

  /** The file on disk now; parsed again only when it changed since the last call. */
  #snapshot(): Snapshot {
    // Stamped before reading: should a save land in between, the stamp is older than the data
    // and the next call reads again, which is harmless; the other order could keep stale data.
    const stamp = fileStamp(this.#paths.config);
    if (this.#cache?.stamp === stamp) return this.#cache;
    const file = readStoreFile(this.#paths.config);
    const raw = file.kind === 'current' ? file.raw : {};
    this.#cache = { stamp, raw, state: file.kind === 'current' ? stateOf(raw) : EMPTY_STATE, current: file.kind !== 'older' };
    return this.#cache;
  }

  #fresh(): Snapshot {
    this.#cache = undefined;
    return this.#snapshot();
  }

  /** Under the lock: the snapshot, once a damaged file is set aside and an older one migrated. */
  #lockedSnapshot(): Snapshot {
    let snapshot: Snapshot;
    try {
      snapshot = this.#snapshot();
    } catch (error) {
      if (!(error instanceof StoreDamage)) throw error;
      this.#conf = this.#recover(error.bytes, error.problem);
      return this.#fresh();
    }
    if (snapshot.current) return snapshot;
    const before = readIfExists(this.#paths.config);
    try {
      this.#conf = this.#newConf(true);
    } catch (error) {
      if (!before || !isConfDamage(error)) throw error;
      // conf may have rewritten the file while migrating; what is kept is what the user had.
      this.#conf = this.#recover(before, describeConfDamage(error));
    }
    return this.#fresh();
  }

  #write(conf: Conf<StoredConfig>, raw: Record<string, unknown>, state: StoreState): void {
    const next = { ...raw, bookmarks: state.bookmarks, positions: state.positions };
    // conf validates before it writes, so a bad change throws here and the file stays as it was.
    conf.store = next as StoredConfig;
    copyFileAtomic(this.#paths.config, backupPath(this.#paths.config));
    this.#cache = { stamp: fileStamp(this.#paths.config), raw: next, state, current: true };
  }

  /** Under the lock: keeps the damaged file aside and goes back to the last good copy, or empty. */
  #recover(damaged: Buffer, problem: string): Conf<StoredConfig> {
    const path = this.#paths.config;
    const aside = keepDamaged(path, damaged, new Date());
    const backup = readIfExists(backupPath(path));
    let conf: Conf<StoredConfig> | undefined;
    if (backup && !backup.equals(damaged)) {
      writeFileAtomic(path, backup);
      conf = this.#confIfSound();
    }
    const outcome = conf ? 'went back to the last good copy' : 'started from an empty store';
    if (!conf) {
      // Replaced rather than deleted, so a reader in another process never finds no file.
      writeFileAtomic(path, '{}\n');
      conf = this.#newConf(true);
    }
    this.warnings.push(sanitizeLine(`${path} was damaged (${problem}); kept it as ${aside} and ${outcome}`));
    return conf;
  }

  /** conf on the file now in place, or undefined if that is damaged too. */
  #confIfSound(): Conf<StoredConfig> | undefined {
    try {
      if (readStoreFile(this.#paths.config).kind === 'current') return this.#newConf(false);
      return this.#newConf(true);
    } catch (error) {
      if (error instanceof StoreDamage || isConfDamage(error)) return undefined;
      throw error;
    }
  }

  #newConf(migrate: boolean): Conf<StoredConfig> {
    return new Conf<StoredConfig>({
      projectName: 'inkwire',
      projectSuffix: '',
      cwd: dirname(this.#paths.config),
      configName: basename(this.#paths.config).replace(/\.json$/, ''),
      // Migrating makes conf read the file four times; a file already current skips it.
      ...(migrate ? { projectVersion: STORE_VERSION, migrations, defaults: { bookmarks: {}, positions: {} } } : {}),
      schema: configSchema,
      rootSchema,
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
      ajvOptions: AJV_OPTIONS,
    });
  }

  /** Under the lock no save is under way, so a temporary file beside the config is a leftover. */
  #sweepTemporaryFiles(): void {
    this.#swept = true;
    const dir = dirname(this.#paths.config);
    const prefix = `${basename(this.#paths.config)}.`;
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(prefix)) continue;
      // conf's atomic writer names its temporary files `<file>.tmp-<10 digits><6 hex>`.
      if (/\.tmp-\d{10}[0-9a-f]{6}$/.test(name) || isStrayTemp(name)) removeIfPresent(join(dir, name));
    }
  }
}

function stateOf(raw: Record<string, unknown>): StoreState {
  // Validated against the schema by readStoreFile; a file conf has just created may lack a key.
  return {
    bookmarks: isRecord(raw.bookmarks) ? (raw.bookmarks as StoreState['bookmarks']) : {},
    positions: isRecord(raw.positions) ? (raw.positions as StoreState['positions']) : {},
  };
}
