import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { ExitCode, InkwireError } from '../errors.js';
import { DEFAULT_TEXT_WIDTH, EXPORT_FORMATS, isExportFormat } from '../export/format-names.js';
import { escapeLine, needsSanitizing } from '../text/sanitize.js';
import { writeOut } from './output.js';
import { SOURCES_HELP, guarded, loadForCommand, positiveInt, type CommandDeps, type SourceOptions } from './shared.js';
import { addSourceOptions } from './source-options.js';
import { unreadArticles } from './unread.js';

interface ExportOptions extends SourceOptions {
  unread?: boolean;
  format: string;
  output?: string;
  width?: string;
}

/** A path for the listing: as it is, or with its control characters shown as escapes. */
function shownPath(path: string): string {
  return needsSanitizing(path) ? escapeLine(path) : path;
}

export function registerExportCommand(program: Command, deps: CommandDeps): void {
  const command = program
    .command('export')
    .description('print or save articles as JSON, JSON Lines, Markdown or text')
    .argument('[sources...]', SOURCES_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices([...EXPORT_FORMATS]).default('json'))
    .option('-o, --output <path>', 'write to FILE, or one file per article into DIR (an existing folder or a path ending in /); prints each path written')
    .option('-w, --width <columns>', 'wrap width for txt', String(DEFAULT_TEXT_WIDTH))
    .option('--unread', "the library's unread feed entries, newest first (of the feeds named, when given)");
  addSourceOptions(command).action((sources: string[], options: ExportOptions) =>
    guarded(deps, async () => {
      if (!isExportFormat(options.format)) throw new InkwireError('--format', `unknown format ${options.format}`, ExitCode.usage);
      const format = options.format;
      const width = positiveInt('--width', options.width, DEFAULT_TEXT_WIDTH);
      const { articles } = options.unread ? await unreadArticles(sources, deps) : await loadForCommand(sources, options, deps);
      if (articles.length === 0) return;
      const [{ formatArticles, formatOneArticle }, { NameClaims, ensureFolder, fileNameFor, isFolderTarget, writeFileAtomic }] = await Promise.all([
        import('../export/formats.js'),
        import('../export/write.js'),
      ]);
      if (!options.output) {
        await writeOut(deps, formatArticles(articles, format, width));
        return;
      }
      // With -o, stdout lists each file as it is written, one path per line: what a script
      // needs to go on with them, and a record of what was done if a later one fails.
      if (await isFolderTarget(options.output)) {
        await ensureFolder(options.output);
        const names = new NameClaims();
        for (const article of articles) {
          const path = join(options.output, names.claim(fileNameFor(article.title, article.id, format)));
          await writeFileAtomic(path, formatOneArticle(article, format, width));
          await writeOut(deps, `${shownPath(path)}\n`);
        }
        return;
      }
      await writeFileAtomic(options.output, formatArticles(articles, format, width));
      await writeOut(deps, `${shownPath(options.output)}\n`);
    }),
  );
}
