import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, plainSources, plainStart } from '../../src/commands/plain-sources.js';
import { DEFAULT_READ_OPTIONS } from '../../src/commands/read-run.js';
import type { CommandDeps } from '../../src/commands/shared.js';
import { buildProgram } from '../../src/program.js';

// `inkwire FILE…` skips commander for a faster first frame; these check that commander would
// have read those arguments exactly so, and that nothing else takes the short way.

const deps: CommandDeps = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: {},
  setExitCode: () => undefined,
};

async function throughCommander(args: string[]): Promise<{ sources: string[]; options: object }> {
  const program = buildProgram(deps);
  let seen: { sources: string[]; options: object } | undefined;
  program.action((sources: string[], options: object) => {
    seen = { sources, options };
  });
  await program.parseAsync(['node', 'inkwire', ...args]);
  if (!seen) throw new Error(`commander did not run the read command for ${args.join(' ')}`);
  return seen;
}

describe('plainSources', () => {
  const plain = [['a.txt'], ['a.txt', 'notes.md', 'folder/'], ['examples'], ['https://example.org/news'], ['file with spaces.txt'], ['exports.json', 'list.json'], ['./export']];

  it.each(plain)('reads %j as commander does', async (...args) => {
    expect(plainSources(args)).toEqual(args);
    const commander = await throughCommander(args);
    expect(commander.sources).toEqual(args);
    expect(commander.options).toEqual(DEFAULT_READ_OPTIONS);
  });

  it('leaves options, stdin, subcommands and no arguments to commander', () => {
    for (const args of [[], ['-'], ['-p', 'a.txt'], ['a.txt', '--width', '60'], ['a.txt', '--no-color'], ['--', 'a.txt'], ['--version'], ['export', 'a.txt'], ['list'], ['quotes', 'a'], ['bookmarks'], ['config', 'path'], ['help']]) {
      expect(plainSources(args), JSON.stringify(args)).toBeNull();
    }
  });

  it.each([
    [['--max-bytes', '200MiB', 'big.txt'], ['big.txt'], '200MiB'],
    [['big.txt', '--max-bytes', '1G'], ['big.txt'], '1G'],
    [['a.txt', '--max-bytes=500k', 'b.txt'], ['a.txt', 'b.txt'], '500k'],
  ])('reads %j with its --max-bytes as commander does', async (args, sources, maxBytes) => {
    const start = plainStart(args, () => true);
    expect(start).toEqual({ sources, options: { ...DEFAULT_READ_OPTIONS, maxBytes } });
    const commander = await throughCommander(args);
    expect(commander.sources).toEqual(start!.sources);
    expect(commander.options).toEqual(start!.options);
  });

  it('leaves --max-bytes without a value, or with other options, to commander', () => {
    for (const args of [['a.txt', '--max-bytes'], ['--max-bytes', '--width', 'a.txt'], ['--max-bytes=', 'a.txt'], ['--max-bytes', '1M', '-p', 'a.txt'], ['--max-bytes', '1M', '--max-bytes', '2M', 'a.txt'], ['--max-bytes', '1M'], ['--max-bytes', '1M', 'export', 'a.txt']]) {
      expect(plainStart(args, () => true), JSON.stringify(args)).toBeNull();
    }
  });

  it('knows every subcommand', () => {
    const names = buildProgram(deps).commands.flatMap((c) => [c.name(), ...c.aliases()]);
    expect([...COMMAND_NAMES].sort()).toEqual([...names, 'help'].sort());
  });
});
