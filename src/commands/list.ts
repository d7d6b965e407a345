import type { Command } from 'commander';
import { writeOut } from './output.js';
import { SOURCES_HELP, guarded, loadForCommand, type CommandDeps, type SourceOptions } from './shared.js';
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
      const { articles } = options.unread ? await unreadArticles(sources, deps) : await loadForCommand(sources, options, deps);
      if (articles.length === 0) return;
      const [{ formatListTable, listRow }, { sanitizeText }] = await Promise.all([import('../export/list-rows.js'), import('../text/sanitize.js')]);
      const rows = articles.map(listRow);
      if (options.json) {
        await writeOut(deps, `${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const width = deps.stdout.isTTY && deps.stdout.columns ? deps.stdout.columns : 100;
      await writeOut(deps, sanitizeText(formatListTable(rows, width)));
    }),
  );
}
