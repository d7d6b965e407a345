// The layout of config.json: its schema, its version and how older layouts are brought up to
// date. conf runs the migrations and records the version under `__internal__`.
import type { Options, Schema } from 'conf';
import published from '../../../schema/bookmark.schema.json' with { type: 'json' };
import { normalizeBookmark } from './normalize.js';
import type { Bookmark } from './types.js';

/**
 * The version of the layout, not of the package: it changes only when the file's shape does.
 * 1.0.0 kept bookmarks in an array, each carrying its reading position, so a lookup was a scan
 * and an article never bookmarked had nowhere to keep its place. 2.0.0 keys bookmarks by id
 * and keeps positions by article id beside them.
 */
export const STORE_VERSION = '2.0.0';

export interface StoredConfig extends Record<string, unknown> {
  bookmarks: Record<string, Bookmark>;
  positions: Record<string, number>;
}

type Migrations = NonNullable<Options<StoredConfig>['migrations']>;

/**
 * Each migration also runs on a store that is already past it (a file written before conf
 * recorded versions, or one a crash left mid-way), so each checks the shape it converts.
 */
export const migrations: Migrations = {
  '2.0.0': (store) => {
    const old: unknown = store.get('bookmarks');
    if (!Array.isArray(old)) return;
    const now = new Date();
    const bookmarks: Record<string, Bookmark> = {};
    const positions: Record<string, number> = { ...store.get('positions') };
    for (const entry of old) {
      const bookmark = normalizeBookmark(entry, now);
      if (!bookmark) continue;
      const { position, ...stored } = bookmark;
      bookmarks[stored.id] = stored;
      if (position !== undefined) positions[stored.id] = position;
    }
    // One set, so one write: a crash cannot leave bookmarks converted and positions lost.
    store.set({ bookmarks, positions });
  },
};

export const configSchema: Schema<StoredConfig> = {
  bookmarks: {
    type: 'object',
    propertyNames: { pattern: published.$defs.bookmark.properties.id.pattern },
    additionalProperties: { $ref: '#/$defs/bookmark' },
  },
  positions: {
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0 },
  },
};

/** The published bookmark schema's definitions, so the file and `--json` share one schema. */
export const rootSchema = { $defs: published.$defs } as NonNullable<Options<StoredConfig>['rootSchema']>;
