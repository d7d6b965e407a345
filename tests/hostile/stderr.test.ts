import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sanitizeStream } from '../../src/commands/output.js';
import type { CommandDeps } from '../../src/commands/shared.js';
import { runProgram } from '../../src/program.js';
import { needsSanitizing } from '../../src/text/sanitize.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { PAYLOADS, UNSAFE_OUTPUT } from './payloads.js';

// What inkwire writes besides article text (usage errors, messages naming a path, an
// address or an option value, library messages) is as hostile as the command line and the
// file names it quotes: none of it may carry a control character to the terminal.

const dir = mkdtempSync(join(tmpdir(), 'inkwire-stderr-'));
const home = mkdtempSync(join(tmpdir(), 'inkwire-stderr-home-'));
writeFileSync(join(dir, 'good.txt'), 'A Good Title\n\nA paragraph of plain words, “with a quote,” she said.');

function collector(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return { stream, text: () => text };
}

/** The whole program in this process, with its own streams, as the CLI runs it. */
async function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const stdout = collector();
  const stderr = collector();
  const deps: CommandDeps = {
    stdin: Readable.from([]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { INKWIRE_HOME: home, NO_COLOR: '1' },
    setExitCode: () => undefined,
  };
  await runProgram(deps, ['node', 'inkwire', ...args]);
  return { stdout: stdout.text(), stderr: stderr.text() };
}

function unsafeAt(text: string): string | null {
  const match = UNSAFE_OUTPUT.exec(text);
  if (match) return `U+${match[0].codePointAt(0)!.toString(16)} in ${JSON.stringify(text.slice(Math.max(0, match.index - 40), match.index + 20))}`;
  return needsSanitizing(text) ? `unsanitized: ${JSON.stringify(text.slice(0, 200))}` : null;
}

const hostile = fc.oneof(
  fc.constantFrom(...PAYLOADS.map((p) => p.raw), '\x1b]52;c;cm0gLXJmIH4=\x07', '\x9b2J', '\u202e', '\r\x1b[2K'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
/**
 * One argument: an option, an option value, a path or a bare word, with something hostile in
 * it. Never `-o`: files are written only where the command list says (in the test's folder).
 */
const argument = fc.oneof(
  hostile.map((h) => `--${h}`),
  hostile.map((h) => `-${h}`),
  hostile,
  hostile.map((h) => join(dir, `${h}.txt`)),
  hostile.map((h) => `${h}.json`),
  fc.constantFrom('--format', '-f', '--width', '-w', '--max-bytes', '--timeout', '--feed', '--note', '--tag', '--json', '--csv', '--', '-', join(dir, 'good.txt')),
).filter((arg) => !/^(?:-o|--output)/.test(arg));
const command = fc.constantFrom(
  [], ['export'], ['export', '--format'], ['export', '-o', `${join(dir, 'out')}/`], ['list'], ['quotes'], ['quotes', '--csv'], ['--print'], ['--width'],
  ['bookmarks'], ['bookmarks', 'add'], ['bookmarks', 'remove'], ['bookmarks', 'import'], ['bookmarks', 'export', '--format'],
  ['config'], ['config', 'path'], ['help'], ['export', '--max-bytes'], ['quotes', '--timeout'],
);

describe('what inkwire writes besides article text', () => {
  it('never carries a control character, whatever the command line holds', async () => {
    // Relative paths on the command line resolve in the test's folder, not the repository.
    const cwd = process.cwd();
    process.chdir(dir);
    onTestFinished(() => process.chdir(cwd));
    await fc.assert(
      fc.asyncProperty(command, fc.array(argument, { minLength: 1, maxLength: 4 }), async (head, rest) => {
        const { stdout, stderr } = await run([...head, ...rest]);
        expect(unsafeAt(stderr)).toBeNull();
        // CSV rows end in CRLF, as RFC 4180 asks; that CR is inkwire's own.
        expect(unsafeAt(stdout.replace(/\r\n/g, '\n'))).toBeNull();
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('shows the escapes of a file named like an option, instead of writing them to the terminal', () => {
    // The attack: `touch -- $'--\e]52;c;cm0gLXJmIH4=\a'; inkwire list *` wrote an OSC 52
    // clipboard sequence to the terminal through Commander's usage error.
    const { code, stderr } = runCli(['list', '--\x1b]52;c;cm0gLXJmIH4=\x07']);
    expect(code).toBe(64);
    expect(stderr).toBe("inkwire: unknown option '--\\e]52;c;cm0gLXJmIH4=\\a' (see inkwire --help)\n");
    const format = runCli(['export', '--format', '\x1b]0;x\x07']);
    expect(format.code).toBe(64);
    expect(format.stderr).toMatch(/^inkwire: option '-f, --format <format>' argument '\\e\]0;x\\a' is invalid\. .*\n$/);
  });

  it('sanitizes what a library writes to stderr itself, across chunk boundaries', () => {
    const out = collector();
    const stream = sanitizeStream(out.stream);
    expect(sanitizeStream(stream)).toBe(stream);
    stream.write('warning: \x1b]0;title\x07done\n');
    const e = Buffer.from('café \u202e\u009d', 'utf8');
    stream.write(e.subarray(0, 4));
    stream.write(e.subarray(4));
    stream.write('\x1b[31mred\x1b[0m\n');
    expect(out.text()).toBe('warning: done\ncafé red\n');
  });

  it('reports an error nothing caught as one clean line and exit code 74', () => {
    // As cli.tsx starts: processDeps() installs the stderr guard and the last-resort handler.
    const script = [
      `import { processDeps } from ${JSON.stringify(join(ROOT, 'src', 'commands', 'shared.ts'))};`,
      'processDeps();',
      "console.error('from a library: \\x1b]52;c;ZXZpbA==\\x07ok');",
      "setTimeout(() => { throw new Error('boom \\x1b]0;pwned\\x07 \\u202e at /tmp/x'); });",
    ].join('\n');
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('from a library: ok\ninkwire: internal error: boom \\e]0;pwned\\a \\u202e at /tmp/x\n');
    expect(result.status).toBe(74);
  });
});
