import { Option, type Command } from 'commander';
import { ExitCode, InkwireError } from '../errors.js';
import { decodeBytes } from '../sources/decode.js';
import { readFileLimited } from '../sources/files.js';
import type { BookmarkStore } from '../store/bookmarks/types.js';
import { sanitizeLine } from '../text/sanitize.js';
import { writeOut } from './output.js';
import { guarded, loadForCommand, maxBytesOption, reportError, type CommandDeps, type SourceOptions } from './shared.js';
import { addSourceOptions } from './source-options.js';

const EXPORT_FORMATS = ['json', 'md', 'html'] as const;

interface AddOptions extends SourceOptions {
  note?: string;
  tag: string[];
}

export function registerBookmarksCommand(program: Command, deps: CommandDeps): void {
  const bookmarks = program.command('bookmarks').description('list, add, remove, export and import saved bookmarks');

  bookmarks
    .command('list', { isDefault: true })
    .description('bookmarks, newest first: id, date saved, title, site, tags')
    .option('--json', 'print a JSON array (schema/bookmark.schema.json)')
    .action((options: { json?: boolean }) =>
      withStore(deps, async (store) => {
        const { bookmarkLine, bookmarksJson } = await import('../store/bookmarks/formats.js');
        const list = store.list();
        if (options.json) return writeOut(deps, bookmarksJson(list));
        if (list.length === 0 && deps.stdout.isTTY) return writeOut(deps, 'No bookmarks yet: inkwire bookmarks add <file|url>\n');
        // On a terminal each bookmark keeps to one screen line; scripts get whole lines.
        const { truncateToWidth } = await import('../text/wrap.js');
        const width = deps.stdout.isTTY && deps.stdout.columns ? deps.stdout.columns : Infinity;
        return writeOut(deps, list.map((b) => `${truncateToWidth(bookmarkLine(b), width)}\n`).join(''));
      }),
    );

  const add = bookmarks
    .command('add')
    .description('bookmark articles, keeping an offline copy; adding one again updates it')
    .argument('<sources...>', 'files, folders, web addresses or feeds, or - for stdin')
    .option('--note <text>', 'a note to keep with the bookmark')
    .option('--tag <tag>', 'a tag (repeat for more)', (tag: string, tags: string[]) => [...tags, tag], [] as string[]);
  addSourceOptions(add).action((sources: string[], options: AddOptions) =>
    withStore(deps, async (store) => {
      const { articles } = await loadForCommand(sources, options, deps);
      const lines = articles.map((article) => {
        const bookmark = store.add(article, { note: options.note, tags: options.tag });
        return `saved ${bookmark.id}  ${sanitizeLine(bookmark.title)}\n`;
      });
      await writeOut(deps, lines.join(''));
    }),
  );

  bookmarks
    .command('remove')
    .description('remove bookmarks by id or URL')
    .argument('<id-or-url...>', 'ids as `bookmarks list` shows them, or URLs')
    .action((keys: string[]) =>
      withStore(deps, async (store) => {
        const lines: string[] = [];
        let missing = 0;
        for (const key of keys) {
          const removed = store.remove(key);
          if (removed.length === 0) {
            missing++;
            reportError(deps, key, 'no such bookmark');
          }
          for (const b of removed) lines.push(`removed ${b.id}  ${sanitizeLine(b.title)}\n`);
        }
        store.prune();
        await writeOut(deps, lines.join(''));
        if (missing > 0) deps.setExitCode(missing === keys.length ? ExitCode.noInput : ExitCode.partial);
      }),
    );

  bookmarks
    .command('export')
    .description('print every bookmark as JSON, Markdown, or a bookmark file browsers import (html)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...EXPORT_FORMATS]).default('json'))
    .action((options: { format: (typeof EXPORT_FORMATS)[number] }) =>
      withStore(deps, async (store) => {
        const list = store.list();
        if (options.format === 'html') {
          const { toNetscapeHtml } = await import('../store/bookmarks/netscape.js');
          const { html, omitted } = toNetscapeHtml(list);
          if (omitted > 0) reportError(deps, 'bookmarks export', `${omitted} bookmark(s) without a web address or file left out of the HTML`);
          return writeOut(deps, html);
        }
        const { bookmarksJson, bookmarksMarkdown } = await import('../store/bookmarks/formats.js');
        return writeOut(deps, options.format === 'md' ? bookmarksMarkdown(list) : bookmarksJson(list));
      }),
    );

  const importer = bookmarks
    .command('import')
    .description("add bookmarks from inkwire's JSON or a browser's bookmark file (HTML); duplicates are merged")
    .argument('<file>', 'the file to read');
  addSourceOptions(importer).action((file: string, options: SourceOptions) =>
    withStore(deps, async (store) => {
      const { NotABookmarkFile, parseBookmarkFile } = await import('../store/bookmarks/import-file.js');
      const text = decodeBytes(await readFileLimited(file, maxBytesOption(options))).text;
      let parsed;
      try {
        parsed = await parseBookmarkFile(text, new Date());
      } catch (error) {
        if (error instanceof NotABookmarkFile) throw new InkwireError(file, error.message, ExitCode.dataErr);
        throw error;
      }
      const { bookmarks: found, skipped } = parsed;
      if (found.length === 0) throw new InkwireError(file, skipped > 0 ? `none of ${skipped} entries has a web address or a title` : 'no bookmarks in it', ExitCode.dataErr);
      const { added, updated } = store.merge(found);
      await writeOut(deps, `imported ${found.length} bookmark(s): ${added} new, ${updated} merged with ones already saved\n`);
      if (skipped > 0) {
        reportError(deps, file, `skipped ${skipped} entr${skipped === 1 ? 'y' : 'ies'} without a web address or title`);
        deps.setExitCode(ExitCode.partial);
      }
    }),
  );
}

/**
 * Opens the store for one command, prints its warnings (a damaged file set aside) and turns
 * the store's own failures into one-line errors. conf and ajv load only here, when needed.
 */
function withStore(deps: CommandDeps, body: (store: BookmarkStore) => Promise<void>): Promise<void> {
  return guarded(deps, async () => {
    const { openBookmarkStore } = await import('../store/bookmarks/conf-store.js');
    try {
      const store = openBookmarkStore({ env: deps.env });
      for (const warning of store.warnings) reportError(deps, 'bookmarks', warning);
      await body(store);
    } catch (error) {
      throw await asInkwireError(error);
    }
  });
}

async function asInkwireError(error: unknown): Promise<unknown> {
  if (error instanceof InkwireError) return error;
  const [{ LockTimeoutError }, { NewerLayoutError }] = await Promise.all([import('../store/bookmarks/lock.js'), import('../store/bookmarks/store-file.js')]);
  if (error instanceof LockTimeoutError) {
    return new InkwireError('bookmarks', `the store stayed locked by ${error.holder}; if no inkwire is running, delete ${error.lockPath}`, ExitCode.ioErr);
  }
  if (error instanceof NewerLayoutError) {
    return new InkwireError(error.path, `written by a newer inkwire (layout ${error.version}); upgrade inkwire to read it`, ExitCode.dataErr);
  }
  const errno = error as NodeJS.ErrnoException;
  if (typeof errno?.code === 'string' && errno.path) {
    return new InkwireError(errno.path, `cannot save bookmarks (${errno.code})`, ExitCode.ioErr);
  }
  return error;
}
