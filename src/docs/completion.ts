import { flatten, type CommandSpec, type OptionSpec } from './spec.js';

// Shell completion scripts, written from the command line's spec: subcommands, options,
// the values an option names (formats), and files where a command or option takes them.

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export function isShell(name: string): name is Shell {
  return (SHELLS as readonly string[]).includes(name);
}

export function completionScript(shell: Shell, program: CommandSpec): string {
  if (shell === 'bash') return bashScript(program);
  if (shell === 'zsh') return zshScript(program);
  return fishScript(program);
}

const key = (spec: CommandSpec) => spec.path.join(' ');
const takesFiles = (spec: CommandSpec) => spec.arguments.some((argument) => argument.files);
/** Words a command's arguments may be: its subcommands, or the values its first argument names. */
const argumentWords = (spec: CommandSpec) => [...spec.commands.map((child) => child.name), ...(spec.arguments[0]?.choices ?? [])];
const names = (option: OptionSpec) => [option.short, option.long].filter((name): name is string => Boolean(name));
/** A word safe inside single quotes in any of the three shells. */
const quoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function bashScript(program: CommandSpec): string {
  const commands = flatten(program);
  const steps = commands.flatMap((parent) => parent.commands.map((child) => `    ${quoted(`${key(parent)}|${child.name}`)}) path=${quoted(key(child))} ;;`));
  const values = commands.flatMap((spec) =>
    spec.options
      .filter((option) => option.takesValue)
      .map((option) => {
        const patterns = names(option).map((name) => quoted(`${key(spec)}|${name}`)).join('|');
        const reply = option.choices
          ? `COMPREPLY=($(compgen -W ${quoted(option.choices.join(' '))} -- "$cur"))`
          : option.path
            ? 'COMPREPLY=($(compgen -f -- "$cur"))'
            : 'COMPREPLY=()';
        return `    ${patterns}) ${reply}; return ;;`;
      }),
  );
  const words = commands.map((spec) => {
    const options = spec.options.flatMap(names).join(' ');
    const subcommands = argumentWords(spec).join(' ');
    return `    ${quoted(key(spec))}) options=${quoted(options)}; subcommands=${quoted(subcommands)}; files=${takesFiles(spec) ? 1 : 0} ;;`;
  });
  return `# bash completion for inkwire (written by \`inkwire completion bash\`)
_inkwire() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" path="" i
  [ "$COMP_CWORD" -gt 0 ] && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "$path|\${COMP_WORDS[i]}" in
${steps.join('\n')}
    esac
  done
  case "$path|$prev" in
${values.join('\n')}
  esac
  local options="" subcommands="" files=0
  case "$path" in
${words.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -W "$subcommands" -- "$cur"))
  if [ "$files" = 1 ]; then
    COMPREPLY+=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -o bashdefault -F _inkwire inkwire
`;
}

/** `[text]` in a zsh spec: brackets, colons and backslashes escaped. */
const zshText = (text: string) => text.replace(/[\\[\]:]/g, (char) => `\\${char}`);
const zshFunction = (spec: CommandSpec) => ['_inkwire', ...spec.path].join('_').replace(/[^A-Za-z0-9_]/g, '_');

function zshOption(option: OptionSpec): string {
  const all = names(option);
  const exclusive = all.length > 1 ? `(${all.join(' ')})` : '';
  const flags = all.length > 1 ? `{${all.join(',')}}` : all[0]!;
  const value = option.choices ? `:value:(${option.choices.join(' ')})` : option.path ? ':path:_files' : option.takesValue ? ':value: ' : '';
  // The exclusion list and text are quoted; a brace list stays outside the quotes to expand.
  return all.length > 1 ? `${quoted(exclusive)}${flags}${quoted(`[${zshText(option.description)}]${value}`)}` : quoted(`${flags}[${zshText(option.description)}]${value}`);
}

function zshScript(program: CommandSpec): string {
  const functions = flatten(program).map((spec) => {
    const options = spec.options.map((option) => `    ${zshOption(option)}`);
    if (spec.commands.length === 0) {
      const choices = spec.arguments[0]?.choices;
      const rest = takesFiles(spec)
        ? `    '*:file:_files'`
        : choices
          ? `    ${quoted(`1:${spec.arguments[0]!.name}:(${choices.join(' ')})`)}`
          : spec.arguments.length > 0
            ? `    '*:argument: '`
            : '';
      return `${zshFunction(spec)}() {\n  _arguments -s -S \\\n${[...options, rest].filter(Boolean).join(' \\\n')}\n}`;
    }
    const described = spec.commands.map((child) => `    ${quoted(`${child.name}:${child.description.replace(/:/g, '\\:')}`)}`);
    const dispatch = spec.commands.map((child) => `      (${child.name}) ${zshFunction(child)} ;;`);
    const first = takesFiles(spec) ? '_describe command commands; _files' : '_describe command commands';
    return `${zshFunction(spec)}() {
  local -a commands
  commands=(
${described.join('\n')}
  )
  local curcontext="$curcontext" state line
  _arguments -s -S -C \\
${options.join(' \\\n')} \\
    '1: :->first' \\
    '*:: :->rest'
  case $state in
    (first) ${first} ;;
    (rest)
      case $words[1] in
${dispatch.join('\n')}
${takesFiles(spec) ? '      (*) _files ;;' : ''}
      esac ;;
  esac
}`;
  });
  return `#compdef inkwire
# zsh completion for inkwire (written by \`inkwire completion zsh\`): save it as _inkwire in a
# folder of $fpath.
${functions.join('\n\n')}

if [ "$funcstack[1]" = "_inkwire" ]; then
  _inkwire "$@"
else
  compdef _inkwire inkwire
fi
`;
}

function fishScript(program: CommandSpec): string {
  const commands = flatten(program);
  const steps = commands.flatMap((parent) => parent.commands.map((child) => `      case ${quoted(`${key(parent)}|${child.name}`)}\n        set path ${quoted(key(child))}`));
  const lines = commands.flatMap((spec) => {
    const when = `-n ${quoted(`__inkwire_path_is ${quoted(key(spec))}`)}`;
    const out = spec.commands.map((child) => `complete -c inkwire ${when} -f -a ${quoted(child.name)} -d ${quoted(child.description)}`);
    if (takesFiles(spec)) out.push(`complete -c inkwire ${when} -F`);
    const choices = spec.arguments[0]?.choices;
    if (choices) out.push(`complete -c inkwire ${when} -f -a ${quoted(choices.join(' '))}`);
    for (const option of spec.options) {
      const flags = [option.short ? `-s ${option.short.slice(1)}` : '', option.long ? `-l ${option.long.slice(2)}` : ''].filter(Boolean).join(' ');
      const value = option.choices ? ` -x -a ${quoted(option.choices.join(' '))}` : option.path ? ' -r -F' : option.takesValue ? ' -x' : '';
      out.push(`complete -c inkwire ${when} ${flags}${value} -d ${quoted(option.description)}`);
    }
    return out;
  });
  return `# fish completion for inkwire (written by \`inkwire completion fish\`)
function __inkwire_path_is
  set -l path ''
  set -l words (commandline -opc)
  set -e words[1]
  for word in $words
    switch "$path|$word"
${steps.join('\n')}
    end
  end
  test "$path" = "$argv[1]"
end

complete -c inkwire -f
${lines.join('\n')}
`;
}
