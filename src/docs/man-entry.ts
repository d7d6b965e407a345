import { buildProgram } from '../program.js';
import { VERSION } from '../version.js';
import { manPage } from './man.js';
import { describeCommand } from './spec.js';

/** inkwire(1) for this build; run by scripts/build.mjs, which writes it to dist/inkwire.1. */
export function builtManPage(date: Date = new Date()): string {
  const quiet = { write: () => true } as unknown as NodeJS.WritableStream;
  const program = buildProgram({ stdin: process.stdin, stdout: quiet, stderr: quiet, env: {}, setExitCode: () => undefined });
  const month = date.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return manPage({ program: describeCommand(program), version: VERSION, date: month });
}
