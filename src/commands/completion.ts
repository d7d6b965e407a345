import { Argument, type Command } from 'commander';
import { writeOut } from './output.js';
import { guarded, type CommandDeps } from './shared.js';

/** `inkwire completion bash|zsh|fish`: the shell's completion script, written from the program itself. */
export function registerCompletionCommand(program: Command, deps: CommandDeps): void {
  program
    .command('completion')
    .description('print a shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell to complete for').choices(['bash', 'zsh', 'fish']))
    .action((shell: string) =>
      guarded(deps, async () => {
        const [{ completionScript, isShell }, { describeCommand }] = await Promise.all([import('../docs/completion.js'), import('../docs/spec.js')]);
        if (!isShell(shell)) return;
        await writeOut(deps, completionScript(shell, describeCommand(program)));
      }),
    );
}
