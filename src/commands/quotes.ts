import type { Command } from 'commander';
import { ExitCode, InkwireError } from '../errors.js';
import { tierUpLater } from './batch-tiering.js';
import { writeOut } from './output.js';
import { quoteBatch } from './quote-batch.js';
import { SOURCES_HELP, guarded, loadForCommand, positiveInt, type CommandDeps, type SourceOptions } from './shared.js';
import { addSourceOptions } from './source-options.js';

interface QuotesOptions extends SourceOptions {
  json?: boolean;
  csv?: boolean;
  indirect?: boolean;
  width?: string;
  speaker?: string;
}

/** Table width when stdout is not a terminal (pipes get a stable layout). */
const PIPE_WIDTH = 100;

export function registerQuotesCommand(program: Command, deps: CommandDeps): void {
  const command = program
    .command('quotes')
    .description('every quotation in the articles, with who said it')
    .argument('[sources...]', SOURCES_HELP)
    .option('--json', 'print a JSON array, one element per article (schema/quotes.schema.json)')
    .option('--csv', 'print CSV, one row per quote, with a header row')
    .option('--indirect', 'also list indirect quotes ("X said that …"), kind indirect')
    .option('-w, --width <columns>', 'table width (default: the terminal width)')
    .option('--speaker <name>', "one person's quotes across the library (or the sources given), newest first; --json: schema/speaker-quotes.schema.json");
  addSourceOptions(command).action((sources: string[], options: QuotesOptions) =>
    guarded(deps, async () => {
      if (options.json && options.csv) throw new InkwireError('--json, --csv', 'choose one output format', ExitCode.usage);
      if (options.speaker !== undefined) {
        if (options.csv) throw new InkwireError('--speaker, --csv', "one person's quotes print as a list or --json", ExitCode.usage);
        if (options.speaker.trim() === '') throw new InkwireError('--speaker', 'give a name (inkwire people lists everyone)', ExitCode.usage);
        const { speakerQuotes } = await import('./people.js');
        await speakerQuotes(options.speaker, sources, options, deps);
        return;
      }
      const terminal = deps.stdout.isTTY && deps.stdout.columns ? deps.stdout.columns : PIPE_WIDTH;
      const width = positiveInt('--width', options.width, terminal);
      // The engine loads while the sources are read.
      const indirect = options.indirect === true;
      tierUpLater();
      const engine = Promise.all([import('../quotes/format.js'), import('../quotes/index.js')]);
      // The table measures text in columns; JSON and CSV need none of that code.
      const table = options.json || options.csv ? null : import('../quotes/format-table.js');
      table?.catch(() => undefined);
      engine.catch(() => undefined);
      const { articles } = await loadForCommand(sources, options, deps);
      if (articles.length === 0) return;
      const [{ quotesCsv, quotesJson }, { extractQuotes }] = await engine;
      const texts = articles.map((a) => ({ text: a.text, title: a.title }));
      const quotes = await quoteBatch(texts, { indirect, extract: (text, title) => extractQuotes(text, { indirect, title }) });
      const found = articles.map((a, i) => ({ source: a.source, title: a.title, quotes: quotes[i]! }));
      const text = options.json ? quotesJson(found) : options.csv ? quotesCsv(found) : (await table!).quotesTable(found, width);
      await writeOut(deps, text);
    }),
  );
}
