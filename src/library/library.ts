import type Database from 'better-sqlite3';
import type { Article } from '../article.js';
import type { QuoteRecord } from '../people/types.js';
import type { Quote } from '../quotes/types.js';
import { basename } from 'node:path';
import { ExitCode, InkwireError } from '../errors.js';
import { isDamage, libraryError, openDatabase, setAside } from './open.js';
import { fromColumns, lazyArticle, toColumns, type EntryColumns } from './records.js';
import { ftsQuery } from './query.js';
import { MARK_START } from './snippet.js';

// The library: feeds, their entries, read state and the search index, in one SQLite file.
// Every change is one transaction (a refresh stores each feed in its own), so a process
// killed at any point leaves the library as it was before the change or after it.

export interface Feed {
  id: number;
  url: string;
  title?: string;
  siteUrl?: string;
  tags: string[];
  unread: number;
  total: number;
  /** ISO 8601. */
  addedAt: string;
  refreshedAt?: string;
  lastError?: string;
}

export interface LibraryEntry {
  article: Article;
  read: boolean;
  feedId: number | null;
}

export interface SearchHit {
  id: string;
  title: string;
  url?: string;
  source: string;
  feed?: string;
  published?: string;
  read: boolean;
  /** BM25 rank: lower is a better match (SQLite's sign). */
  score: number;
  /** Text around the best match, the matched words between MARK_START and MARK_END. */
  snippet: string;
}

/** An entry the people index has still to read. */
export interface IndexableEntry {
  entryId: number;
  articleId: string;
  text: string;
  title: string;
}

/** One attributed quote as the people index stores it. */
export type StoredQuote = Pick<Quote, 'role' | 'kind' | 'text' | 'start' | 'end'> & { speaker: string };

export { MARK_END, MARK_START } from './snippet.js';

export interface StoreResult {
  added: number;
  updated: number;
}

export interface MarkSelector {
  /** Article ids or entry addresses. */
  ids?: readonly string[];
  /** Every entry of these feeds (by feed id). */
  feedIds?: readonly number[];
  /** Every entry in the library. */
  all?: boolean;
}

interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  site_url: string | null;
  added_at: number;
  refreshed_at: number | null;
  last_error: string | null;
  tags: string | null;
  unread: number;
  total: number;
}

interface SummaryRow {
  id: number;
  feed_id: number | null;
  read_at: number | null;
  article_id: string;
  title: string;
  url: string | null;
  summary: string | null;
}

interface EntryRow {
  feed_id: number | null;
  read_at: number | null;
  text: string;
  article: string;
}

const TAG_SEPARATOR = '\u001f';

export class Library {
  readonly path: string;
  readonly warnings: readonly string[];
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database, path: string, warnings: readonly string[], now: () => number = Date.now) {
    this.#db = db;
    this.path = path;
    this.warnings = warnings;
    this.#now = now;
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  /** Every subscription with its counts, ordered by title (then address). */
  feeds(): Feed[] {
    const rows = this.#run(() =>
      this.#prepare(`
        SELECT f.*, (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM feed_tags WHERE feed_id = f.id ORDER BY tag)) AS tags,
          (SELECT count(*) FROM entries WHERE feed_id = f.id AND read_at IS NULL) AS unread,
          (SELECT count(*) FROM entries WHERE feed_id = f.id) AS total
        FROM feeds f ORDER BY lower(coalesce(f.title, f.url)), f.url`).all(),
    ) as FeedRow[];
    return rows.map(feedFromRow);
  }

  feedByUrl(url: string): Feed | undefined {
    return this.feeds().find((f) => f.url === url);
  }

  /** Subscribes (or adds tags to an existing subscription); true when it is new. */
  addFeed(url: string, details: { title?: string; siteUrl?: string; tags?: readonly string[] } = {}): { feed: Feed; added: boolean } {
    const added = this.#write(() => {
      const existing = this.#prepare('SELECT id FROM feeds WHERE url = ?').get(url) as { id: number } | undefined;
      const id =
        existing?.id ??
        Number(
          this.#prepare('INSERT INTO feeds (url, title, site_url, added_at) VALUES (?, ?, ?, ?)').run(url, details.title ?? null, details.siteUrl ?? null, this.#now())
            .lastInsertRowid,
        );
      const tag = this.#prepare('INSERT OR IGNORE INTO feed_tags (feed_id, tag) VALUES (?, ?)');
      for (const t of details.tags ?? []) if (t.trim()) tag.run(id, t.trim());
      return existing === undefined;
    });
    return { feed: this.feedByUrl(url)!, added };
  }

  /** Unsubscribes; the feed's entries go with it. False when it was not subscribed. */
  removeFeed(url: string): boolean {
    return this.#write(() => this.#prepare('DELETE FROM feeds WHERE url = ?').run(url).changes > 0);
  }

  /**
   * Stores a feed's entries as one change: new ones unread, known ones (same address) updated
   * in place with their read state kept; the feed's title and refresh time recorded with them.
   */
  storeFeedEntries(feedId: number, articles: readonly Article[], details: { title?: string; siteUrl?: string } = {}): StoreResult {
    return this.#write(() => {
      const result = this.#storeEntries(feedId, articles);
      this.#prepare('UPDATE feeds SET title = coalesce(?, title), site_url = coalesce(?, site_url), refreshed_at = ?, last_error = NULL WHERE id = ?').run(
        details.title ?? null,
        details.siteUrl ?? null,
        this.#now(),
        feedId,
      );
      return result;
    });
  }

  /** A refresh of the feed failed: its reason is kept until one works. */
  recordFeedError(feedId: number, reason: string): void {
    this.#write(() => this.#prepare('UPDATE feeds SET refreshed_at = ?, last_error = ? WHERE id = ?').run(this.#now(), reason, feedId));
  }

  /**
   * Articles opened in the reader (files, pages, stdin), kept for search and marked read. One
   * the library already holds as a feed entry (same id or address) is that entry: it is marked
   * read there instead of being stored twice.
   */
  recordOpened(articles: readonly Article[]): StoreResult {
    return this.recordOpenedRows(articles.map(toColumns));
  }

  /**
   * recordOpened for rows already made (toColumns): the recording thread is sent these, two
   * strings and a few fields, rather than the article to parse and lay out again.
   */
  recordOpenedRows(rows: readonly EntryColumns[]): StoreResult {
    if (rows.length === 0) return { added: 0, updated: 0 };
    return this.#write(() => {
      const inFeed = this.#prepare('SELECT id FROM entries WHERE feed_id IS NOT NULL AND (article_id = ? OR url = ?) ORDER BY id DESC LIMIT 1').pluck();
      const markRow = this.#prepare('UPDATE entries SET read_at = ? WHERE id = ? AND read_at IS NULL');
      const markOpened = this.#prepare('UPDATE entries SET read_at = ? WHERE feed_id IS NULL AND key = ? AND read_at IS NULL');
      const now = this.#now();
      const own: EntryColumns[] = [];
      for (const row of rows) {
        const entry = inFeed.get(row.article_id, row.url) as number | undefined;
        if (entry === undefined) own.push(row);
        else markRow.run(now, entry);
      }
      const result = this.#storeRows(null, own);
      for (const row of own) markOpened.run(now, row.key);
      return result;
    });
  }

  #storeEntries(feedId: number | null, articles: readonly Article[]): StoreResult {
    return this.#storeRows(feedId, articles.map(toColumns));
  }

  #storeRows(feedId: number | null, rows: readonly EntryColumns[]): StoreResult {
    const upsert = this.#prepare(`
      INSERT INTO entries (feed_id, key, article_id, title, url, published, first_seen, text, article, summary)
      VALUES (@feed_id, @key, @article_id, @title, @url, @published, @first_seen, @text, @article, @summary)
      ON CONFLICT (ifnull(feed_id, 0), key) DO UPDATE SET
        article_id = excluded.article_id, title = excluded.title, url = excluded.url,
        published = excluded.published, text = excluded.text, article = excluded.article, summary = excluded.summary
      WHERE article_id IS NOT excluded.article_id`);
    const exists = this.#prepare('SELECT 1 FROM entries WHERE ifnull(feed_id, 0) = ? AND key = ?').pluck();
    const now = this.#now();
    let added = 0;
    let updated = 0;
    for (const columns of rows) {
      const known = exists.get(feedId ?? 0, columns.key) !== undefined;
      const changes = upsert.run({ ...columns, feed_id: feedId, first_seen: now }).changes;
      if (!known) added++;
      else if (changes > 0) updated++;
    }
    return { added, updated };
  }

  /** A feed's entries, or every feed entry with no feed given; newest first. */
  /**
   * `lazy`: each article's body (blocks, text, links…) is read from the library when first
   * used, so the library must still be open then (the interface keeps it open).
   */
  entries(options: { feedId?: number; unreadOnly?: boolean; limit?: number; lazy?: boolean } = {}): LibraryEntry[] {
    const where = [options.feedId === undefined ? 'feed_id IS NOT NULL' : 'feed_id = @feedId'];
    if (options.unreadOnly) where.push('read_at IS NULL');
    const order = 'ORDER BY coalesce(published, first_seen) DESC, id DESC LIMIT @limit';
    const params = { feedId: options.feedId ?? null, limit: options.limit ?? -1 };
    if (!options.lazy) {
      const rows = this.#run(() => this.#prepare(`SELECT feed_id, read_at, text, article FROM entries WHERE ${where.join(' AND ')} ${order}`).all(params)) as EntryRow[];
      return rowsToEntries(rows);
    }
    // The list's fields now, each body when it is read: a feed of 10,000 entries opens without
    // reading 10,000 bodies out of the file.
    const rows = this.#run(() =>
      this.#prepare(`SELECT id, feed_id, read_at, article_id, title, url, summary FROM entries WHERE ${where.join(' AND ')} ${order}`).all(params),
    ) as SummaryRow[];
    const body = this.#prepare('SELECT text, article FROM entries WHERE id = ?');
    const load = (row: number) => this.#run(() => body.get(row) as { text: string; article: string } | undefined);
    const out: LibraryEntry[] = [];
    for (const row of rows) {
      const article = lazyArticle(row, load);
      if (article) out.push({ article, read: row.read_at !== null, feedId: row.feed_id });
    }
    return out;
  }

  /** The entry stored for an article id (the newest, when several hold it). */
  entryByArticleId(id: string): LibraryEntry | undefined {
    const rows = this.#run(() => this.#prepare('SELECT feed_id, read_at, text, article FROM entries WHERE article_id = ? ORDER BY id DESC LIMIT 1').all(id)) as EntryRow[];
    return rowsToEntries(rows)[0];
  }

  /** The article ids among `ids` that are read. */
  readAmong(ids: readonly string[]): Set<string> {
    const read = new Set<string>();
    const statement = this.#prepare('SELECT 1 FROM entries WHERE article_id = ? AND read_at IS NOT NULL LIMIT 1').pluck();
    this.#run(() => {
      for (const id of ids) if (statement.get(id) !== undefined) read.add(id);
    });
    return read;
  }

  /**
   * Marks entries read (or unread). Returns how many changed, and the ids or addresses given
   * that matched no entry.
   */
  mark(selector: MarkSelector, read: boolean): { changed: number; unknown: string[] } {
    return this.#write(() => {
      const at = read ? this.#now() : null;
      const wanted = read ? 'read_at IS NULL' : 'read_at IS NOT NULL';
      let changed = 0;
      const unknown: string[] = [];
      if (selector.all) changed += this.#prepare(`UPDATE entries SET read_at = ? WHERE ${wanted}`).run(at).changes;
      for (const feedId of selector.feedIds ?? []) {
        changed += this.#prepare(`UPDATE entries SET read_at = ? WHERE feed_id = ? AND ${wanted}`).run(at, feedId).changes;
      }
      const byId = this.#prepare(`UPDATE entries SET read_at = ? WHERE (article_id = @id OR url = @id) AND ${wanted}`);
      const known = this.#prepare('SELECT 1 FROM entries WHERE article_id = ? OR url = ? LIMIT 1').pluck();
      for (const id of selector.ids ?? []) {
        const n = byId.run(at, { id }).changes;
        changed += n;
        if (n === 0 && known.get(id, id) === undefined) unknown.push(id);
      }
      return { changed, unknown };
    });
  }

  /**
   * Ranked matches over every title and text in the library. In three steps: the best rows by
   * rank alone, then snippets and details for those rows only. One query computing snippets
   * would make them for every matching row before the sort (a common word matches most of a
   * 100,000-entry library), which is most of its time.
   */
  search(query: string, limit = 20): SearchHit[] {
    const match = ftsQuery(query);
    if (!match) return [];
    return this.#run(() => {
      const top = this.#prepare('SELECT rowid AS id, bm25(entries_fts, 8.0, 1.0) AS score FROM entries_fts WHERE entries_fts MATCH ? ORDER BY score LIMIT ?').all(match, limit) as Array<{
        id: number;
        score: number;
      }>;
      if (top.length === 0) return [];
      const ids = JSON.stringify(top.map((r) => r.id));
      const snippets = new Map(
        (
          this.#prepare(`
            SELECT rowid AS id, snippet(entries_fts, 1, char(1), char(2), '…', 24) AS snippet, snippet(entries_fts, 0, char(1), char(2), '…', 24) AS title_snippet
            FROM entries_fts WHERE entries_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`).all(match, ids) as Array<{ id: number; snippet: string; title_snippet: string }>
        ).map((r) => [r.id, r]),
      );
      const details = new Map(
        (
          this.#prepare(`
            SELECT e.id AS row, e.article_id AS id, e.title, e.url, e.published, e.read_at,
              json_extract(e.article, '$.source') AS source, f.title AS feed_title, f.url AS feed_url
            FROM entries e LEFT JOIN feeds f ON f.id = e.feed_id WHERE e.id IN (SELECT value FROM json_each(?))`).all(ids) as Array<{
            row: number;
            id: string;
            title: string;
            url: string | null;
            published: number | null;
            read_at: number | null;
            source: string | null;
            feed_title: string | null;
            feed_url: string | null;
          }>
        ).map((r) => [r.row, r]),
      );
      const hits: SearchHit[] = [];
      for (const { id: row, score } of top) {
        const detail = details.get(row);
        const snip = snippets.get(row);
        if (!detail || !snip) continue;
        const hit: SearchHit = {
          id: detail.id,
          title: detail.title,
          source: detail.source ?? detail.feed_url ?? '',
          read: detail.read_at !== null,
          score,
          // A match in the title only: the text's snippet then has no mark, the title's has.
          snippet: snip.snippet.includes(MARK_START) || !snip.title_snippet.includes(MARK_START) ? snip.snippet : snip.title_snippet,
        };
        if (detail.url) hit.url = detail.url;
        if (detail.feed_title ?? detail.feed_url) hit.feed = (detail.feed_title ?? detail.feed_url)!;
        if (detail.published !== null) hit.published = new Date(detail.published).toISOString();
        hits.push(hit);
      }
      return hits;
    });
  }

  /** Entry and feed counts, and the file's size in bytes (with its write-ahead log). */
  stats(): { feeds: number; entries: number } {
    return this.#run(() => ({
      feeds: Number(this.#prepare('SELECT count(*) FROM feeds').pluck().get()),
      entries: Number(this.#prepare('SELECT count(*) FROM entries').pluck().get()),
    }));
  }

  // ---- the people index's quotes (src/people reads them; src/people/indexer.ts fills them)

  /** How many entries the people index has not read yet (new, or changed since). */
  quotesToIndex(): number {
    return this.#run(() => Number(this.#prepare(`SELECT count(*) FROM entries e LEFT JOIN quotes_indexed q ON q.entry_id = e.id WHERE q.article_id IS NOT e.article_id`).pluck().get()));
  }

  /** Up to `limit` entries the people index has not read, oldest first, with their text. */
  entriesToIndex(limit: number): IndexableEntry[] {
    return this.#run(
      () =>
        this.#prepare(`SELECT e.id AS entryId, e.article_id AS articleId, e.text, e.title FROM entries e LEFT JOIN quotes_indexed q ON q.entry_id = e.id
          WHERE q.article_id IS NOT e.article_id ORDER BY e.id LIMIT ?`).all(limit) as IndexableEntry[],
    );
  }

  /**
   * Stores the attributed quotes found in entries, replacing what was stored for them, in one
   * transaction. An entry changed or removed since it was read is skipped: it is read again.
   */
  storeQuotes(found: readonly { entryId: number; articleId: string; quotes: readonly StoredQuote[] }[]): void {
    if (found.length === 0) return;
    this.#write(() => {
      const current = this.#prepare('SELECT article_id FROM entries WHERE id = ?').pluck();
      const clear = this.#prepare('DELETE FROM entry_quotes WHERE entry_id = ?');
      const mark = this.#prepare('INSERT INTO quotes_indexed (entry_id, article_id) VALUES (?, ?) ON CONFLICT (entry_id) DO UPDATE SET article_id = excluded.article_id');
      const insert = this.#prepare('INSERT INTO entry_quotes (entry_id, seq, speaker, role, kind, text, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const entry of found) {
        if (current.get(entry.entryId) !== entry.articleId) continue;
        clear.run(entry.entryId);
        entry.quotes.forEach((q, seq) => insert.run(entry.entryId, seq, q.speaker, q.role, q.kind, q.text, q.start, q.end));
        mark.run(entry.entryId, entry.articleId);
      }
    });
  }

  /** Changes whenever the index's quotes (or their articles' titles and dates) may have. */
  quoteIndexSignature(): string {
    return this.#run(() => {
      const row = this.#prepare(`SELECT count(*) AS n, coalesce(sum(entry_id), 0) AS ids, coalesce(sum(length(article_id)), 0) AS versions FROM quotes_indexed`).get() as {
        n: number;
        ids: number;
        versions: number;
      };
      const total = Number(this.#prepare('SELECT count(*) FROM entry_quotes').pluck().get());
      const dates = Number(this.#prepare('SELECT coalesce(sum(coalesce(published, first_seen) % 1000003), 0) FROM entries').pluck().get());
      return `${row.n}:${row.ids}:${row.versions}:${total}:${dates}`;
    });
  }

  /** Every stored quote with its article's id, title and date, for the people index. */
  quoteRecords(): QuoteRecord[] {
    const rows = this.#run(() =>
      this.#prepare(`SELECT q.entry_id AS entry, e.article_id AS articleId, e.title, coalesce(e.published, e.first_seen) AS at,
          q.speaker, q.role, q.kind, q.text, q.start, q."end" AS "end"
        FROM entry_quotes q JOIN entries e ON e.id = q.entry_id JOIN quotes_indexed i ON i.entry_id = q.entry_id AND i.article_id = e.article_id
        ORDER BY q.entry_id, q.seq`).all(),
    ) as Array<Omit<QuoteRecord, 'date'> & { at: number | null }>;
    return rows.map(({ at, ...row }) => ({ ...row, date: at === null ? null : new Date(at).toISOString() }));
  }

  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** A change, whole or not at all; immediate, so two writers queue instead of deadlocking. */
  #write<T>(body: () => T): T {
    return this.#run(() => this.#db.transaction(body).immediate());
  }

  #run<T>(body: () => T): T {
    try {
      return body();
    } catch (error) {
      // Damage found in use (opening reads only the first pages): the file is kept aside at
      // once, so the next command starts a new library instead of failing the same way.
      if (isDamage(error)) {
        this.close();
        const aside = setAside(this.path, new Date(this.#now()));
        throw new InkwireError('library', `${basename(this.path)} was damaged (its pages are corrupt); kept it as ${aside}; a new library starts with the next command`, ExitCode.ioErr);
      }
      throw libraryError(this.path, error);
    }
  }
}

export function openLibrary(path: string, options: { now?: () => number } = {}): Library {
  const now = options.now ?? Date.now;
  const { db, warnings } = openDatabase(path, () => new Date(now()));
  return new Library(db, path, warnings, now);
}

function feedFromRow(row: FeedRow): Feed {
  const feed: Feed = {
    id: row.id,
    url: row.url,
    tags: row.tags ? row.tags.split(TAG_SEPARATOR) : [],
    unread: row.unread,
    total: row.total,
    addedAt: new Date(row.added_at).toISOString(),
  };
  if (row.title) feed.title = row.title;
  if (row.site_url) feed.siteUrl = row.site_url;
  if (row.refreshed_at !== null) feed.refreshedAt = new Date(row.refreshed_at).toISOString();
  if (row.last_error) feed.lastError = row.last_error;
  return feed;
}

function rowsToEntries(rows: readonly EntryRow[]): LibraryEntry[] {
  const out: LibraryEntry[] = [];
  for (const row of rows) {
    const article = fromColumns(row.article, row.text);
    if (article) out.push({ article, read: row.read_at !== null, feedId: row.feed_id });
  }
  return out;
}
