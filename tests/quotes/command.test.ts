import { PassThrough } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerQuotesCommand } from '../../src/commands/quotes.js';
import type { CommandDeps } from '../../src/commands/shared.js';
import { ROOT } from '../helpers/cli.js';
import { schemaValidator } from '../helpers/schema.js';

const validate = schemaValidator('quotes.schema.json');

/** Runs `inkwire quotes …` in-process with captured streams. */
async function quotes(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  let code = 0;
  const stdin = new PassThrough() as unknown as CommandDeps['stdin'];
  const deps: CommandDeps = {
    stdin,
    stdout,
    stderr,
    env: { ...process.env, INKWIRE_HOME: mkdtempSync(join(tmpdir(), 'inkwire-quotes-')) },
    setExitCode: (c) => {
      code = c;
    },
  };
  const program = new Command('inkwire').exitOverride();
  registerQuotesCommand(program, deps);
  await program.parseAsync(['node', 'inkwire', 'quotes', ...args]);
  return { stdout: out, stderr: err, code };
}

describe('inkwire quotes', () => {
  const examples = join(ROOT, 'examples');

  it('prints JSON that follows schema/quotes.schema.json for every example', async () => {
    const { stdout, stderr, code } = await quotes([examples, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(validate(data)).toEqual([]);
    expect(data.length).toBeGreaterThanOrEqual(6);
    expect(data.flatMap((a: { quotes: unknown[] }) => a.quotes).length).toBeGreaterThan(10);
  });

  it('prints CSV with a header and a table by default', async () => {
    const csv = await quotes([join(examples, 'night-trains.txt'), '--csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('source,title,paragraph,start,end,kind,speaker,mention,role,cue,text');
    const table = await quotes([join(examples, 'night-trains.txt'), '--width', '72']);
    expect(table.stdout).toMatch(/Night Trains/);
    for (const line of table.stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(72);
  });

  it('refuses --json with --csv, and reports a missing file on stderr', async () => {
    expect((await quotes([examples, '--json', '--csv'])).code).toBe(64);
    const missing = await quotes([join(examples, 'no-such-file.txt')]);
    expect(missing.stderr).toMatch(/^inkwire: .*no-such-file/);
    expect(missing.code).not.toBe(0);
  });
});
