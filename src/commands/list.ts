import type { Command } from 'commander';
import type { ListedArticle } from '../export/list-rows.js';
import { FolderSharing } from '../sources/folder-share.js';
import { jsonArrayOut } from './json-stream.js';
import { writeOut } from './output.js';
import { SOURCES_HELP, guarded, loadSummariesForCommand, type CommandDeps, type SourceOptions } from './shared.js';
import { addSourceOptions } from './source-options.js';
import { unreadArticles } from './unread.js';

interface ListOptions extends SourceOptions {
  json?: boolean;
  unread?: boolean;
}

export function registerListCommand(program: Command, deps: CommandDeps): void {
  const command = program
    .command('list')
    .description('one line per article: title, site or file, date, words, reading time')
    .argument('[sources...]', SOURCES_HELP)
    .option('--json', 'print a JSON array of records (schema/list.schema.json)')
    .option('--unread', "the library's unread feed entries, newest first (of the feeds named, when given)");
  addSourceOptions(command).action((sources: string[], options: ListOptions) =>
    guarded(deps, async () => {
      const [{ formatListTable, listRow, listRowJson }, { sanitizeText }] = await Promise.all([import('../export/list-rows.js'), import('../text/sanitize.js')]);
      // Each article becomes its row as it is parsed and is let go: a folder of 100,000 files
      // is never held whole. With --json the rows are printed as they come, in the sources'
      // order; the table waits for all of them, since its columns fit the widest.
      const json = options.json ? jsonArrayOut(deps, listRowJson) : undefined;
      const rows: ReturnType<typeof listRow>[] = [];
      const take = (articles: readonly ListedArticle[]) => {
        for (const article of articles) {
          if (json) json.add(listRow(article));
          else rows.push(listRow(article));
        }
      };
      // Sources are read for what a row shows, not as whole articles (see loadSummaries), and a
      // big folder's files on two threads when a core is spare (see folder-share.ts).
      if (options.unread) take((await unreadArticles(sources, deps)).articles);
      else await loadSummariesForCommand(sources, options, deps, take, new FolderSharing());
      if (json) return json.end();
      if (rows.length === 0) return;
      const width = deps.stdout.isTTY && deps.stdout.columns ? deps.stdout.columns : 100;
      await writeOut(deps, sanitizeText(formatListTable(rows, width)));
    }),
  );
}
