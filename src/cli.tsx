import { DEFAULT_READ_OPTIONS, readSources } from './commands/read-run.js';
import { guarded, processDeps, reportError } from './commands/shared.js';
import { plainSources } from './commands/plain-sources.js';
import { ExitCode } from './errors.js';

async function main(): Promise<void> {
  const deps = processDeps();
  const sources = plainSources(process.argv.slice(2));
  if (sources) {
    await guarded(deps, () => readSources(sources, DEFAULT_READ_OPTIONS, deps));
    return;
  }
  const [{ buildProgram }, { CommanderError }] = await Promise.all([import('./program.js'), import('commander')]);
  try {
    await buildProgram(deps).parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
      process.exitCode = ok ? ExitCode.ok : ExitCode.usage;
      return;
    }
    reportError(deps, 'internal error', (error as Error)?.message ?? String(error));
    process.exitCode = ExitCode.ioErr;
  }
}

await main();
