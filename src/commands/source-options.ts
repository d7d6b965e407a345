import { Option, type Command } from 'commander';

/** `--max-bytes` and the web options, shared by every command that reads sources. */
export function addSourceOptions(command: Command): Command {
  return command
    .addOption(new Option('--max-bytes <size>', 'largest source to read, e.g. 32MiB, 500k').default(undefined, '32MiB for files, 10MiB for web addresses'))
    .addOption(new Option('--timeout <seconds>', 'give up on a source after this long, parsing included').default(undefined, '15 for web addresses; none for files and stdin'))
    .addOption(new Option('--no-cache', 'neither read nor write the web cache'))
    .addOption(
      new Option('--feed <url>', "load a feed, or the feed a page advertises (repeatable)").argParser((value: string, previous: string[] | undefined) => [
        ...(previous ?? []),
        value,
      ]),
    )
    .addOption(new Option('--full', "fetch each feed entry's page for its full text"));
}
