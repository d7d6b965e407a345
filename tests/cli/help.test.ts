import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCommands, commandPath } from '../../src/commands/examples.js';
import type { CommandDeps } from '../../src/commands/shared.js';
import { buildProgram } from '../../src/program.js';
import { runCli } from '../helpers/cli.js';

const deps: CommandDeps = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: {}, setExitCode: () => undefined };
const paths = allCommands(buildProgram(deps)).map(commandPath);

describe('help', () => {
  it('inkwire help export prints what inkwire export --help does', () => {
    const help = runCli(['help', 'export']);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toBe(runCli(['export', '--help']).stdout);
    expect(help.stdout).toMatch(/^Usage: inkwire export/);
  });

  it('inkwire bookmarks help list reaches a subcommand', () => {
    const help = runCli(['bookmarks', 'help', 'list']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: inkwire bookmarks list/);
  });

  it.each(paths.map((path) => [path || '(inkwire)', path]))('--help of %s ends with two or three examples', (_label, path) => {
    const run = runCli([...(path ? path.split(' ') : []), '--help']);
    expect(run.code).toBe(0);
    const tail = run.stdout.split('\nExamples:\n')[1];
    expect(tail, 'no Examples section at the end').toBeDefined();
    const lines = tail!.trimEnd().split('\n');
    const commands = lines.filter((line) => line.startsWith('  $ inkwire') || /^ {2}\$ \S+ .*\binkwire\b/.test(line));
    expect(commands.length).toBeGreaterThanOrEqual(2);
    expect(commands.length).toBeLessThanOrEqual(3);
    // Each example runs the command it documents (or one of its subcommands).
    for (const line of commands) expect(line).toContain(`inkwire ${path}`.trim());
  });
});

describe('a mistyped command', () => {
  it('inkwire expor suggests export, as a usage error', () => {
    const run = runCli(['expor', 'examples']);
    expect(run.code).toBe(64);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('inkwire: expor: no such command or file (did you mean inkwire export?)\n');
  });

  it.each([
    ['quote', 'quotes'],
    ['bookmark', 'bookmarks'],
    ['lsit', 'list'],
    ['complet', 'completion'],
  ])('%s suggests %s', (typed, meant) => {
    const run = runCli([typed]);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain(`did you mean inkwire ${meant}?`);
  });

  it('a file of that name is read, not questioned', () => {
    const folder = mkdtempSync(join(tmpdir(), 'inkwire-expor-'));
    writeFileSync(join(folder, 'expor'), 'A Title Of Its Own\n\nThe body of a file that happens to be called expor.\n');
    const run = runCli(['expor'], { cwd: folder });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('happens to be called expor');
  });

  it('a word far from every command is still a missing file', () => {
    const run = runCli(['zebra']);
    expect(run.code).toBe(66);
    expect(run.stderr).toBe('inkwire: zebra: no such file or folder\n');
  });
});
