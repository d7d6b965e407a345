// Reading config.json and telling a good file from a damaged one. A damaged file (not JSON,
// not an object, failing the schema) is reported, never "repaired": the store keeps it aside.
//
// Reads validate here rather than through conf: conf's constructor reads and validates the
// whole file twice and migrating reads it twice more, which with 10,000 bookmarks costs more
// than the rest of `bookmarks list` together. Both use the same schema, with the same options.
import { readFileSync, statSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { sanitizeLine } from '../../text/sanitize.js';
import { writeFileAtomic } from './atomic.js';
import { configSchema, rootSchema, STORE_VERSION } from './layout.js';
import { isRecord } from './normalize.js';

/**
 * Options shared with conf's validator. Formats are not checked: dates and URLs are normalised
 * before they are stored, and ajv-formats' date-time check alone doubled the time to validate.
 */
// validateSchema off: checking our own schema against the 2020-12 meta-schema cost 80 ms of
// every start-up (most of opening the store); the schema is checked once, in the tests.
export const AJV_OPTIONS = { allowUnionTypes: true, validateFormats: false, validateSchema: false } as const;

export type StoreFile =
  | { kind: 'missing' }
  /** Written by an older layout (or without a recorded one): conf must migrate it first. */
  | { kind: 'older'; bytes: Buffer }
  | { kind: 'current'; raw: Record<string, unknown> };

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

export function readStoreFile(path: string): StoreFile {
  const bytes = readIfExists(path);
  if (!bytes) return { kind: 'missing' };
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new StoreDamage(bytes, 'not valid JSON');
  }
  // conf would turn an array into an object and save it, losing what it was.
  if (!isRecord(raw)) throw new StoreDamage(bytes, 'not a JSON object');
  const version = layoutVersionOf(raw);
  if (version !== STORE_VERSION) {
    if (version !== undefined && majorOf(version) > majorOf(STORE_VERSION)) throw new NewerLayoutError(path, version);
    return { kind: 'older', bytes };
  }
  const validate = validator();
  if (!validate(raw)) {
    const first = validate.errors?.[0];
    throw new StoreDamage(bytes, `does not match the schema: ${clip(`${first?.instancePath ?? ''} ${first?.message ?? ''}`)}`);
  }
  return { kind: 'current', raw };
}

/** True for the errors conf throws when the file is unreadable as a store (not for I/O errors). */
export function isConfDamage(error: unknown): boolean {
  if (error instanceof SyntaxError) return true;
  const message = error instanceof Error ? error.message : '';
  return message.startsWith('Config schema violation:') || message.startsWith('Something went wrong during the migration');
}

/** A short reason for the warning; conf's messages quote the file, which is hostile. */
export function describeConfDamage(error: unknown): string {
  if (error instanceof SyntaxError) return 'not valid JSON';
  const message = error instanceof Error ? error.message : String(error);
  const violation = /^Config schema violation: ([^;]*)/.exec(message);
  if (violation) return `does not match the schema: ${clip(violation[1]!)}`;
  return 'could not be migrated to this version';
}

/** Keeps the damaged bytes as `<path>.corrupt-<timestamp>` and returns that path. */
export function keepDamaged(path: string, bytes: Buffer, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 0; ; n++) {
    const aside = `${path}.corrupt-${stamp}${n === 0 ? '' : `-${n}`}`;
    try {
      writeFileAtomic(aside, bytes, { exclusive: true });
      return aside;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Identifies the file's version on disk: every save renames a new file into place. */
export function fileStamp(path: string): string {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}` : 'missing';
}

export function readIfExists(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv2020(AJV_OPTIONS).compile({ ...rootSchema, type: 'object', properties: configSchema });
  return compiled;
}

function layoutVersionOf(data: Record<string, unknown>): string | undefined {
  const internal = data.__internal__;
  const migrationsInfo = isRecord(internal) ? internal.migrations : undefined;
  const version = isRecord(migrationsInfo) ? migrationsInfo.version : undefined;
  return typeof version === 'string' ? version : undefined;
}

function majorOf(version: string): number {
  const major = Number.parseInt(version, 10);
  return Number.isNaN(major) ? 0 : major;
}

function clip(text: string): string {
  const line = sanitizeLine(text);
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
