import type { Command } from 'commander';
import type { Article } from '../article.js';
import type { ArticleQuotes } from '../quotes/format.js';
import { ExitCode, InkwireError } from '../errors.js';
import { tierUpLater } from './batch-tiering.js';
import { writeOut } from './output.js';
import { QuoteBatch } from './quote-batch.js';
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
      const found = await quotesOf(sources, options, deps, indirect, engine);
      if (found.length === 0) return;
      const [{ quotesCsv, quotesJson }] = await engine;
      const text = options.json ? quotesJson(found) : options.csv ? quotesCsv(found) : (await table!).quotesTable(found, width);
      await writeOut(deps, text);
    }),
  );
}

type Engine = Promise<[unknown, typeof import('../quotes/index.js')]>;

/**
 * Every article's quotes, found while the sources are still being read, on a second thread
 * when the batch is big (quote-batch.ts); of each article only its source and title are kept.
 */
async function quotesOf(sources: string[], options: QuotesOptions, deps: CommandDeps, indirect: boolean, engine: Engine): Promise<ArticleQuotes[]> {
  const batch = new QuoteBatch({ indirect });
  const named: { source: string; title: string }[] = [];
  const take = (articles: readonly Article[]): void => {
    for (const a of articles) named.push({ source: a.source, title: a.title });
    batch.add(articles.map((a) => ({ text: a.text, title: a.title })));
  };
  try {
    await loadForCommand(sources, options, deps, { onArticles: take, inOrder: true, keep: false, onCount: (n) => batch.expect(n) });
    if (named.length === 0) return [];
    const [, { extractQuotes }] = await engine;
    const quotes = await batch.finish((text, title) => extractQuotes(text, { indirect, title }));
    return named.map((a, i) => ({ ...a, quotes: quotes[i]! }));
  } finally {
    // Also when reading failed: a second thread, once started, must not keep the process.
    batch.stop();
  }
}
