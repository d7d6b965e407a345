// The layout of config.json: its schema, its version, and how the file of every layout
// version turns into the store's state (and the state back into the current layout).
//
// The file stays one conf can read (settings beside the bookmarks, the layout version under
// `__internal__.migrations.version`), but inkwire reads and writes it itself: conf's writer
// accepts a short write on a full disk, retries some errors in a busy loop, keeps no copy
// before a migration, and reads the whole file to change one bookmark (see disk-store.ts).
import published from '../../../schema/bookmark.schema.json' with { type: 'json' };
import { applyRecord, StoreState, trimPositions } from './model.js';
import { isRecord, normalizeBookmark } from './normalize.js';
import type { Bookmark, RemovedBookmark } from './types.js';

/**
 * The version of the layout, not of the package: it changes only when the file's shape does.
 * 1.0.0 kept bookmarks in an array, each carrying its reading position. 2.0.0 keyed bookmarks
 * by id and kept positions by article id beside them. 3.0.0 adds the removed bookmarks kept
 * for undo, and a journal of changes beside the file (`config.json.journal`), which the file
 * names under `__internal__.journal`; an inkwire that reads 2.0.0 would not know the journal
 * and so must refuse the file rather than miss its changes, hence a new major version.
 */
export const STORE_VERSION = '3.0.0';

/** How far the file has taken in the journal: the journal's id and the length taken in. */
export interface JournalMark {
  id: string;
  upTo: number;
}

const bookmarkRef = { $ref: '#/$defs/bookmark' };
const idPattern = { pattern: published.$defs.bookmark.properties.id.pattern };

/** The current layout, checked on every read: a file that fails it is damaged. */
export const fileSchema = {
  $defs: published.$defs,
  type: 'object',
  properties: {
    bookmarks: { type: 'object', propertyNames: idPattern, additionalProperties: bookmarkRef },
    positions: { type: 'object', propertyNames: { minLength: 1 }, additionalProperties: { type: 'integer', minimum: 0 } },
    removed: {
      type: 'object',
      propertyNames: idPattern,
      additionalProperties: {
        type: 'object',
        required: ['removedAt', 'bookmark'],
        additionalProperties: false,
        properties: { removedAt: { type: 'string' }, bookmark: bookmarkRef },
      },
    },
  },
} as const;

/** Layout 2.0.0, which an older file is checked against before it is read. */
export const layout2Schema = {
  $defs: published.$defs,
  type: 'object',
  properties: { bookmarks: fileSchema.properties.bookmarks, positions: fileSchema.properties.positions },
} as const;

/** The keys of the file that are the store; any other is a setting, kept as it is. */
const STORE_KEYS = new Set(['bookmarks', 'positions', 'removed', '__internal__']);

export function layoutVersionOf(data: Record<string, unknown>): string | undefined {
  const migrationsInfo = isRecord(data.__internal__) ? data.__internal__.migrations : undefined;
  const version = isRecord(migrationsInfo) ? migrationsInfo.version : undefined;
  return typeof version === 'string' ? version : undefined;
}

export function majorOf(version: string): number {
  const major = Number.parseInt(version, 10);
  return Number.isNaN(major) ? 0 : major;
}

export function journalMarkOf(data: Record<string, unknown>): JournalMark | undefined {
  const mark = isRecord(data.__internal__) ? data.__internal__.journal : undefined;
  if (!isRecord(mark) || typeof mark.id !== 'string' || !Number.isSafeInteger(mark.upTo) || (mark.upTo as number) < 0) return undefined;
  return { id: mark.id, upTo: mark.upTo as number };
}

/**
 * The state a file of the current layout holds (already checked against fileSchema). Keys
 * become Map keys through Object.entries, which sees `__proto__` like any other own key.
 */
export function stateOfCurrent(data: Record<string, unknown>): StoreState {
  const state = new StoreState();
  // The key is the id; an entry that says otherwise (a hand edit) takes the key's.
  for (const [id, value] of entries(data.bookmarks)) {
    const bookmark = value as Bookmark;
    state.put(bookmark.id === id ? bookmark : { ...bookmark, id });
  }
  for (const [id, position] of entries(data.positions)) state.positions.set(id, position as number);
  for (const [id, entry] of entries(data.removed)) {
    const removed = entry as RemovedBookmark;
    state.putRemoved(removed.bookmark.id === id ? removed : { removedAt: removed.removedAt, bookmark: { ...removed.bookmark, id } });
  }
  return state;
}

/**
 * The state of a file in an older layout: 2.0.0 (checked against its schema), or 1.0.0 and
 * files written before versions were recorded (bookmarks in an array, each checked alone;
 * entries sharing an id but not an address each keep a bookmark of their own).
 */
export function stateOfOlder(data: Record<string, unknown>, now: Date): StoreState {
  if (!Array.isArray(data.bookmarks)) return stateOfCurrent({ bookmarks: data.bookmarks, positions: data.positions });
  const state = new StoreState();
  for (const [id, position] of entries(data.positions)) {
    if (typeof position === 'number' && Number.isSafeInteger(position) && position >= 0) state.positions.set(id, position);
  }
  // Merged as an import is, so two entries with one id but different URLs both stay.
  const bookmarks = data.bookmarks.flatMap((entry) => normalizeBookmark(entry, now) ?? []);
  applyRecord(state, { op: 'merge', at: now.toISOString(), bookmarks });
  return state;
}

/** The file's content for a state: the current layout, settings and other keys kept. */
export function fileOf(state: StoreState, previous: Record<string, unknown>, mark: JournalMark | undefined): Record<string, unknown> {
  trimPositions(state);
  const settings = Object.fromEntries(Object.entries(previous).filter(([key]) => !STORE_KEYS.has(key)));
  const { journal: _old, ...internal } = isRecord(previous.__internal__) ? previous.__internal__ : {};
  return {
    ...settings,
    bookmarks: Object.fromEntries([...state.bookmarks].map(([id, b]) => [id, stored(b)])),
    positions: Object.fromEntries(state.positions),
    removed: Object.fromEntries([...state.removed].map(([id, entry]) => [id, entry])),
    __internal__: { ...internal, migrations: { version: STORE_VERSION }, ...(mark ? { journal: mark } : {}) },
  };
}

function stored(bookmark: Bookmark): Bookmark {
  const { position: _position, ...rest } = bookmark;
  return rest;
}

function entries(value: unknown): [string, unknown][] {
  return isRecord(value) ? Object.entries(value) : [];
}
