import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { rejectMistypedCommand } from './mistyped.js';
import { DEFAULT_READ_OPTIONS, readSources, type ReadOptions } from './read-run.js';
import { SOURCES_HELP, guarded, type CommandDeps } from './shared.js';
import { addSourceOptions } from './source-options.js';

/**
 * The root command: `inkwire [sources…]` opens the reader on a terminal; prints the articles
 * as text when stdout is not a terminal, with --print, or when no keyboard can be opened.
 */
export function configureReadCommand(program: Command, deps: CommandDeps): void {
  program
    .argument('[sources...]', SOURCES_HELP)
    .option('-w, --width <columns>', 'wrap width when printing', DEFAULT_READ_OPTIONS.width)
    .option('--no-color', 'no colours (also when NO_COLOR is set)')
    .option('-p, --print', 'print the articles as text instead of opening the reader')
    .option('--no-pager', 'print without a pager, however long the text ($PAGER, else less)')
    .option('--theme <name>', 'colours: auto (follow the terminal background), dark, light or mono')
    .option('--no-mouse', 'no mouse wheel or clicks (the terminal keeps its own selection)');
  addSourceOptions(program).action((sources: string[], options: ReadOptions) =>
    guarded(deps, async () => {
      rejectMistypedCommand(
        sources,
        program.commands.map((command) => command.name()),
        existsSync,
      );
      await readSources(sources, options, deps);
    }),
  );
}
