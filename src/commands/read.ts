import type { Command } from 'commander';
import { DEFAULT_TEXT_WIDTH } from '../export/text.js';
import { formatText } from '../export/text.js';
import { writeOut } from './output.js';
import { addSourceOptions, guarded, loadForCommand, positiveInt, type CommandDeps, type SourceOptions } from './shared.js';

export interface ReadOptions extends SourceOptions {
  width?: string;
  color: boolean;
  print?: boolean;
}

/** The root command: `inkwire [sources…]` reads articles; printed when stdout is not a terminal. */
export function configureReadCommand(program: Command, deps: CommandDeps): void {
  program
    .argument('[sources...]', 'files, folders, or - for stdin (default: piped stdin)')
    .option('-w, --width <columns>', 'wrap width when printing', String(DEFAULT_TEXT_WIDTH))
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .option('-p, --print', 'print the articles as text instead of opening the reader');
  addSourceOptions(program).action((sources: string[], options: ReadOptions) =>
    guarded(deps, async () => {
      const width = positiveInt('--width', options.width, DEFAULT_TEXT_WIDTH);
      const { articles } = await loadForCommand(sources, options, deps);
      if (articles.length > 0) await writeOut(deps, formatText(articles, width));
    }),
  );
}
