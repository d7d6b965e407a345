import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// `inkwire completion bash|zsh|fish`, as a user installs it. Bash runs the script for real:
// COMP_WORDS set as bash sets them, _inkwire called, COMPREPLY read back.

const bashScript = runCli(['completion', 'bash']).stdout;

function complete(line: string): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'inkwire-complete-'));
  writeFileSync(join(folder, 'story.txt'), 'x');
  mkdirSync(join(folder, 'news'));
  writeFileSync(join(folder, 'inkwire.bash'), bashScript);
  const words = line.split(' ');
  const script = `source ./inkwire.bash; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _inkwire; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = spawnSync('bash', ['-c', script], { cwd: folder, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.split('\n').filter(Boolean).sort();
}

const haveBash = spawnSync('bash', ['--version']).status === 0;

describe.skipIf(!haveBash)('bash completion', () => {
  it('completes commands and files at the start', () => {
    expect(complete('inkwire ex')).toEqual(['export']);
    expect(complete('inkwire ')).toEqual(expect.arrayContaining(['export', 'list', 'quotes', 'bookmarks', 'config', 'completion', 'story.txt', 'news']));
  });

  it('completes options, formats and file values', () => {
    expect(complete('inkwire export --fo')).toEqual(['--format']);
    expect(complete('inkwire export -f ')).toEqual(['json', 'jsonl', 'md', 'txt']);
    expect(complete('inkwire bookmarks export --format ')).toEqual(['html', 'json', 'md']);
    expect(complete('inkwire export -o st')).toEqual(['story.txt']);
    expect(complete('inkwire quotes --')).toEqual(expect.arrayContaining(['--json', '--csv', '--indirect', '--width', '--help']));
  });

  it('completes subcommands, shells, and no files where none are taken', () => {
    expect(complete('inkwire bookmarks ')).toEqual(['add', 'export', 'import', 'list', 'remove', 'restore']);
    expect(complete('inkwire completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('inkwire bookmarks list ')).toEqual([]);
  });
});

describe('zsh and fish completion', () => {
  for (const shell of ['zsh', 'fish'] as const) {
    it(`${shell}: names every command and the export formats, and parses`, (context) => {
      const run = runCli(['completion', shell]);
      expect(run.code).toBe(0);
      for (const word of ['export', 'quotes', 'bookmarks', 'restore', 'completion', 'format', 'json jsonl md txt']) expect(run.stdout).toContain(word);
      const check = spawnSync(shell, ['-n'], { input: run.stdout, encoding: 'utf8' });
      if (check.error) {
        console.log(`skipped the ${shell} syntax check: ${shell} is not installed`);
        context.skip();
        return;
      }
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    });
  }

  it('an unknown shell is a usage error', () => {
    const run = runCli(['completion', 'tcsh']);
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/^inkwire: .*tcsh.*\n$/);
  });
});
