import { keymapMarkdown } from '../input/keymap.js';
import { flatten, type CommandSpec, type OptionSpec } from './spec.js';

// inkwire(1), in man(7) roff, written from the commander program (the same text --help
// shows) and from keymapMarkdown() (the same tables README.md shows), so it cannot say
// anything they do not. scripts/build.mjs writes it to dist/inkwire.1 at every build.

/** Text made safe for roff: backslashes and leading dots or quotes can't act as requests. */
export function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/^([.'])/gm, '\\&$1')
    // Not every roff reads UTF-8: other characters by their code point (groff's \[u2193]).
    .replace(/[^\x00-\x7f]/gu, (char) => `\\[u${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
}

const bold = (text: string) => `\\fB${roff(text)}\\fR`;

function optionLines(option: OptionSpec): string[] {
  return ['.TP', bold(option.flags), roff(option.help)];
}

function commandSection(spec: CommandSpec): string[] {
  const name = ['inkwire', ...spec.path].join(' ');
  const lines = [`.SS ${roff(name)}`];
  lines.push(`${bold(name)} ${roff(spec.usage)}`, '.br', roff(spec.description), '.RS');
  for (const argument of spec.arguments) lines.push('.TP', bold(argument.name), roff(argument.description));
  for (const option of spec.options) lines.push(...optionLines(option));
  lines.push('.RE');
  return lines;
}

function examplesSection(program: CommandSpec): string[] {
  return flatten(program).flatMap((spec) =>
    spec.examples.flatMap((example) => ['.TP', bold(example.line), roff(example.does)]),
  );
}

/** The README's key tables (keymapMarkdown) as roff: a subsection per view, a tagged paragraph per row. */
export function keysSection(markdown: string = keymapMarkdown()): string[] {
  const lines: string[] = [];
  for (const line of markdown.split('\n')) {
    const title = /^###\s+(.*)$/.exec(line);
    if (title) {
      lines.push(`.SS ${roff(title[1]!)}`);
      continue;
    }
    const row = /^\|(.*)\|(.*)\|$/.exec(line);
    if (!row || /^\s*-+\s*$/.test(row[2]!) || row[1]!.trim() === 'Keys') continue;
    const keys = [...row[1]!.matchAll(/`([^`]*)`/g)].map((match) => match[1]!.replace(/\\\|/g, '|'));
    lines.push('.TP', keys.map(bold).join(', '), roff(row[2]!.trim().replace(/\\\|/g, '|')));
  }
  return lines;
}

export interface ManPageInput {
  program: CommandSpec;
  version: string;
  /** The month the page is dated, e.g. "December 2026". */
  date: string;
}

export function manPage({ program, version, date }: ManPageInput): string {
  const commands = flatten(program);
  return [
    `.TH INKWIRE 1 "${date}" "inkwire ${version}" "User Commands"`,
    '.SH NAME',
    `inkwire \\- ${roff(program.description.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()))}`,
    '.SH SYNOPSIS',
    ...commands.filter((spec) => spec.commands.length === 0 || spec.path.length === 0).flatMap((spec) => [`${bold(['inkwire', ...spec.path].join(' '))} ${roff(spec.usage)}`, '.br']),
    '.SH DESCRIPTION',
    roff(program.description),
    'With no command, inkwire opens the reader on the sources given; when standard output is not a terminal, or with',
    `${bold('\u002d\u002dprint')}, it prints them as text.`,
    'Every command is listed below with its options, as its',
    `${bold('\u002d\u002dhelp')} shows them.`,
    '.SH COMMANDS',
    ...commands.flatMap(commandSection),
    '.SH KEYS',
    'In the reader (inkwire with no command, on a terminal):',
    ...keysSection(),
    '.SH EXAMPLES',
    ...examplesSection(program),
    '.SH ENVIRONMENT',
    '.TP',
    bold('INKWIRE_HOME'),
    'Keep every file (settings, bookmarks, web cache) in this one folder;',
    `${bold('inkwire config path')} shows where each is.`,
    '.TP',
    bold('INKWIRE_THREADS'),
    `1: ${bold('quotes')} and ${bold('people')} run the quote engine on one thread, and ${bold('list')} reads a big folder on one; 2: on two, even on a busy machine. Unset: two for a big batch or folder when a core is spare.`,
    '.TP',
    bold('NO_COLOR'),
    'Set to anything: no colours.',
    '.TP',
    `${bold('HTTPS_PROXY')}, ${bold('HTTP_PROXY')}, ${bold('NO_PROXY')}`,
    'The proxy for https and http addresses, and the hosts to reach without it (lowercase forms too).',
    '.SH EXIT STATUS',
    '0 success; 1 some sources could not be read; 64 a usage error; 65 bad data; 66 no such input; 74 an input or output error.',
    '.SH FILES',
    `${bold('schema/')} in the package: the JSON Schemas of what the \\-\\-json and export outputs print.`,
    '.SH SEE ALSO',
    'The README in the package, and',
    `${bold('inkwire help')} ${roff('<command>')}.`,
    '',
  ].join('\n');
}
