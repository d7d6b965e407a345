import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { ExitCode, InkwireError } from '../errors.js';
import { DEFAULT_TEXT_WIDTH, EXPORT_FORMATS, isExportFormat } from '../export/format-names.js';
import { writeOut } from './output.js';
import { SOURCES_HELP, guarded, loadForCommand, positiveInt, type CommandDeps, type SourceOptions } from './shared.js';
import { addSourceOptions } from './source-options.js';

interface ExportOptions extends SourceOptions {
  format: string;
  output?: string;
  width?: string;
}

export function registerExportCommand(program: Command, deps: CommandDeps): void {
  const command = program
    .command('export')
    .description('print or save articles as JSON, JSON Lines, Markdown or text')
    .argument('[sources...]', SOURCES_HELP)
    .addOption(new Option('-f, --format <format>', 'output format').choices([...EXPORT_FORMATS]).default('json'))
    .option('-o, --output <path>', 'write to FILE, or one file per article into DIR (an existing folder or a path ending in /)')
    .option('-w, --width <columns>', 'wrap width for txt', String(DEFAULT_TEXT_WIDTH));
  addSourceOptions(command).action((sources: string[], options: ExportOptions) =>
    guarded(deps, async () => {
      if (!isExportFormat(options.format)) throw new InkwireError('--format', `unknown format ${options.format}`, ExitCode.usage);
      const format = options.format;
      const width = positiveInt('--width', options.width, DEFAULT_TEXT_WIDTH);
      const { articles } = await loadForCommand(sources, options, deps);
      if (articles.length === 0) return;
      const [{ formatArticles, formatOneArticle }, { ensureFolder, fileNameFor, isFolderTarget, writeFileAtomic }] = await Promise.all([
        import('../export/formats.js'),
        import('../export/write.js'),
      ]);
      if (!options.output) {
        await writeOut(deps, formatArticles(articles, format, width));
        return;
      }
      if (await isFolderTarget(options.output)) {
        await ensureFolder(options.output);
        for (const article of articles) {
          await writeFileAtomic(join(options.output, fileNameFor(article.title, article.id, format)), formatOneArticle(article, format, width));
        }
        return;
      }
      await writeFileAtomic(options.output, formatArticles(articles, format, width));
    }),
  );
}
