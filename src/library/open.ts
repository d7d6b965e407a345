import { existsSync, mkdirSync, renameSync, rmSync, statfsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ExitCode, InkwireError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

// Opening the library: the file's folder made, WAL and a busy timeout set, migrations run.
// A file that is not a database, or whose pages are damaged, is renamed aside (never deleted)
// and a new library is started, with one line saying where the old one went.

/** How long a write waits for another inkwire's write to finish before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

export interface OpenedDatabase {
  db: Database.Database;
  /** One line each: a damaged library set aside. */
  warnings: string[];
}

export function openDatabase(path: string, now: () => Date = () => new Date()): OpenedDatabase {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw libraryError(path, error);
  }
  const warnings: string[] = [];
  try {
    return { db: openAndMigrate(path), warnings };
  } catch (error) {
    if (!isDamage(error)) throw libraryError(path, error);
    const aside = setAside(path, now());
    warnings.push(`library: ${basename(path)} was damaged (${damageReason(error)}); kept it as ${aside} and started a new library`);
  }
  try {
    return { db: openAndMigrate(path), warnings };
  } catch (error) {
    throw libraryError(path, error);
  }
}

function openAndMigrate(path: string): Database.Database {
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL loses nothing when the process is killed; only a power cut may drop
    // the last transactions, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs the migrations the library has not had, each whole or not at all. */
export function migrate(db: Database.Database, path: string): void {
  const version = userVersion(db);
  if (version > SCHEMA_VERSION) {
    throw new InkwireError(path, `made by a newer inkwire (library version ${version}; this one reads up to ${SCHEMA_VERSION}); left as it is`, ExitCode.ioErr);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= version) continue;
    // Immediate: a second inkwire opening the same library waits here, then finds it done.
    db.transaction(() => {
      if (userVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

export function userVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Renames a damaged library (and its log) aside; returns the new name. */
export function setAside(path: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let aside = `${path}.damaged-${stamp}`;
  for (let n = 2; existsSync(aside); n++) aside = `${path}.damaged-${stamp}-${n}`;
  try {
    renameSync(path, aside);
    // The write-ahead log belongs to the damaged file; the shared-memory index is rebuilt.
    if (existsSync(`${path}-wal`)) renameSync(`${path}-wal`, `${aside}-wal`);
    rmSync(`${path}-shm`, { force: true });
  } catch (error) {
    throw libraryError(path, error);
  }
  return aside;
}

function diskAlmostFull(path: string): boolean {
  try {
    const { bavail, bsize } = statfsSync(dirname(path));
    return bavail * bsize < 1024 * 1024;
  } catch {
    return false;
  }
}

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function isDamage(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
}

function damageReason(error: unknown): string {
  return sqliteCode(error) === 'SQLITE_NOTADB' ? 'not a database' : 'its pages are corrupt';
}

/** A SQLite or file-system failure as inkwire's one line, naming the library file. */
export function libraryError(path: string, error: unknown): InkwireError {
  if (error instanceof InkwireError) return error;
  const code = sqliteCode(error);
  const reason = (() => {
    if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'disk full; the change was not saved';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return `another inkwire kept the library busy for ${BUSY_TIMEOUT_MS / 1000} s; the change was not saved`;
    if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read-only (file or disk); the change was not saved';
    if (code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM') return 'cannot open (permission denied, or its folder is missing)';
    // SQLite reports a write that found no room as an I/O error: the free space tells.
    if (code.startsWith('SQLITE_IOERR') && diskAlmostFull(path)) return 'disk full; the change was not saved';
    if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'input/output error; the change was not saved';
    return (error as Error)?.message ?? String(error);
  })();
  return new InkwireError(`library ${path}`, reason, ExitCode.ioErr);
}
