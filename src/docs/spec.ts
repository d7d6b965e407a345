import type { Command, Help, Option } from 'commander';
import { EXAMPLES, commandPath, type Example } from '../commands/examples.js';

// The command line as data, read from the commander program itself: the man page and the
// shell completions are written from it, so a command or option added to the program
// appears in both with nothing else to update.

export interface OptionSpec {
  /** As written in help: `-f, --format <format>`. */
  flags: string;
  short?: string;
  long?: string;
  description: string;
  /** The description as --help prints it, with its choices and default. */
  help: string;
  /** The option is followed by a value. */
  takesValue: boolean;
  /** The values it accepts, when it names them. */
  choices?: readonly string[];
  /** The value is a file or folder (`-o, --output <path>`). */
  path: boolean;
}

export interface ArgumentSpec {
  name: string;
  description: string;
  required: boolean;
  variadic: boolean;
  /** Files and folders are what it takes (sources, a file to import). */
  files: boolean;
  /** The values it accepts, when it names them (`completion <shell>`). */
  choices?: readonly string[];
}

export interface CommandSpec {
  name: string;
  /** Below the program: [] for inkwire itself, ['bookmarks', 'list'] for a subcommand. */
  path: readonly string[];
  description: string;
  /** commander's usage line without the command name: `[options] [sources...]`. */
  usage: string;
  options: readonly OptionSpec[];
  arguments: readonly ArgumentSpec[];
  commands: readonly CommandSpec[];
  examples: readonly Example[];
}

const PATH_VALUE = /<(?:path|file|dir|folder)>/;
const FILE_ARGUMENT = /^(?:sources?|files?|paths?)$/;

function optionSpec(option: Option, help: Help): OptionSpec {
  return {
    flags: option.flags,
    short: option.short,
    long: option.long,
    description: option.description,
    help: help.optionDescription(option),
    takesValue: option.required || option.optional,
    choices: option.argChoices,
    path: PATH_VALUE.test(option.flags),
  };
}

const HELP_OPTION: OptionSpec = { flags: '-h, --help', short: '-h', long: '--help', description: 'display help for command', help: 'display help for command', takesValue: false, path: false };

export function describeCommand(command: Command): CommandSpec {
  const path = commandPath(command);
  const help = command.createHelp();
  return {
    name: command.name(),
    path: path === '' ? [] : path.split(' '),
    description: command.description(),
    usage: command.usage(),
    options: [...command.options.filter((option) => !option.hidden).map((option) => optionSpec(option, help)), HELP_OPTION],
    arguments: command.registeredArguments.map((argument) => ({
      name: argument.name(),
      description: help.argumentDescription(argument),
      required: argument.required,
      variadic: argument.variadic,
      files: FILE_ARGUMENT.test(argument.name()),
      choices: argument.argChoices,
    })),
    commands: command.commands.filter((sub) => sub.name() !== 'help').map(describeCommand),
    examples: EXAMPLES[path] ?? [],
  };
}

/** The program and every command in it, depth first. */
export function flatten(spec: CommandSpec): CommandSpec[] {
  return [spec, ...spec.commands.flatMap(flatten)];
}
