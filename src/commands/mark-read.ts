import type { Command } from 'commander';
import { ExitCode, InkwireError } from '../errors.js';
import { writeOut } from './output.js';
import { withLibrary } from './library-shared.js';
import { guarded, reportError, type CommandDeps } from './shared.js';

interface MarkOptions {
  feed?: string[];
  all?: boolean;
  unread?: boolean;
}

/** `inkwire mark-read ID…`: read state for scripts (ids from `list --unread --json`). */
export function registerMarkReadCommand(program: Command, deps: CommandDeps): void {
  program
    .command('mark-read')
    .description('mark library entries read (or unread): by article id or address, by feed, or all')
    .argument('[ids...]', 'article ids or entry addresses; - reads them from stdin, one a line')
    .option('--feed <url>', 'every entry of this subscription (repeat for more)', (v: string, p: string[]) => [...p, v], [])
    .option('--all', 'every entry in the library')
    .option('--unread', 'mark unread instead')
    .action((given: string[], options: MarkOptions) =>
      guarded(deps, async () => {
        const ids = given.includes('-') ? [...given.filter((id) => id !== '-'), ...(await readLines(deps.stdin))] : given;
        if (ids.length === 0 && (options.feed ?? []).length === 0 && !options.all) {
          throw new InkwireError('mark-read', 'say which entries: ids, --feed URL or --all (see inkwire mark-read --help)', ExitCode.usage);
        }
        await withLibrary(deps, async (library) => {
          const feeds = library.feeds();
          const feedIds: number[] = [];
          let missing = 0;
          for (const url of options.feed ?? []) {
            const feed = feeds.find((f) => f.url === url);
            if (feed) feedIds.push(feed.id);
            else {
              missing++;
              reportError(deps, url, 'not subscribed (see inkwire feeds list)');
            }
          }
          const read = !options.unread;
          const { changed, unknown } = library.mark({ ids, feedIds, all: options.all }, read);
          for (const id of unknown) reportError(deps, id, 'no such entry in the library');
          await writeOut(deps, `marked ${changed} ${changed === 1 ? 'entry' : 'entries'} ${read ? 'read' : 'unread'}\n`);
          if (missing + unknown.length > 0) deps.setExitCode(ExitCode.partial);
        });
      }),
    );
}

async function readLines(stdin: NodeJS.ReadableStream): Promise<string[]> {
  let text = '';
  for await (const chunk of stdin) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
