import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../src/commands/shared.js';
import { builtManPage } from '../../src/docs/man-entry.js';
import { roff } from '../../src/docs/man.js';
import { describeCommand, flatten } from '../../src/docs/spec.js';
import { helpRows, keyLabel } from '../../src/input/keymap.js';
import { buildProgram } from '../../src/program.js';
import { ROOT } from '../helpers/cli.js';

// inkwire(1) is written at build from the commander program and the keymap: the page in
// dist/ is what the sources make now, and it names every command, option and key.

const deps: CommandDeps = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: {}, setExitCode: () => undefined };
const page = readFileSync(join(ROOT, 'dist', 'inkwire.1'), 'utf8');
const withoutTitle = (text: string) => text.replace(/^\.TH .*\n/, '');

describe('man page inkwire(1)', () => {
  it('dist/inkwire.1 is what the sources make (only the date may differ)', () => {
    expect(withoutTitle(builtManPage()).replace(/"inkwire 0\.0\.0-dev"/, '')).toBe(withoutTitle(page));
    expect(page).toMatch(/^\.TH INKWIRE 1 "\w+ \d{4}" "inkwire \d+\.\d+\.\d+/);
  });

  it('names every command and every option as --help shows it', () => {
    for (const spec of flatten(describeCommand(buildProgram(deps)))) {
      expect(page).toContain(`.SS ${roff(['inkwire', ...spec.path].join(' '))}`);
      for (const option of spec.options) expect(page, option.flags).toContain(`\\fB${roff(option.flags)}\\fR\n${roff(option.help)}`);
      for (const example of spec.examples) expect(page).toContain(roff(example.line));
    }
  });

  it('lists every key of the reader, list and sidebar with its help', () => {
    for (const context of ['list', 'reader', 'quotes', 'bookmarks', 'links'] as const) {
      for (const row of helpRows(context)) {
        expect(page, row.help).toContain(`${row.keys.map((key) => `\\fB${roff(keyLabel(key))}\\fR`).join(', ')}\n${roff(row.help)}`);
      }
    }
  });

  it('renders without a warning from groff', (context) => {
    const check = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', join(ROOT, 'dist', 'inkwire.1')], { encoding: 'utf8' });
    if (check.error) {
      console.log(`skipped: groff is not installed (${check.error.message})`);
      context.skip();
      return;
    }
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('is what package.json installs as the manual', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { man: string[] };
    expect(pkg.man).toEqual(['./dist/inkwire.1']);
  });
});
