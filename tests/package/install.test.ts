import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// The package as a user gets it: `npm pack`, then `npm i -g` of the tarball with dev
// dependencies left out, into a scratch prefix. The installed inkwire must run from what the
// tarball holds, with nothing from this checkout's node_modules.

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let prefix = '';
let bin = '';
let files: string[] = [];
let installedPackages: string[] = [];

function inkwire(args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const home = mkdtempSync(join(tmpdir(), 'inkwire-home-'));
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: tmpdir(), input, encoding: 'utf8', env: { ...process.env, INKWIRE_HOME: home, NO_COLOR: '1', NODE_PATH: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  const scratch = mkdtempSync(join(tmpdir(), 'inkwire-pack-'));
  // npm pack of the built tree (npm test builds first); --ignore-scripts: no prepare step to run.
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8' })) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  files = packed[0]!.files.map((file) => file.path).sort();
  prefix = join(scratch, 'prefix');
  execFileSync(npm, ['install', '--global', '--prefix', prefix, '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', join(scratch, packed[0]!.filename)], {
    cwd: scratch,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lib = join(prefix, 'lib', 'node_modules');
  bin = join(lib, 'inkwire', 'dist', 'cli.js');
  installedPackages = readdirSync(lib).concat(existsSync(join(lib, 'inkwire', 'node_modules')) ? readdirSync(join(lib, 'inkwire', 'node_modules')) : []);
}, 240_000);

describe('the packed package, installed with --omit=dev', () => {
  it('ships the bundle, its notices, the man page, the schemas and the licence, and nothing else', () => {
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/cli.js', 'dist/inkwire.1', 'dist/THIRD-PARTY-NOTICES', 'schema/list.schema.json']));
    expect(files.filter((path) => !/^(?:dist|schema)\//.test(path) && !['LICENSE', 'README.md', 'package.json'].includes(path))).toEqual([]);
  });

  it('installs no library beside inkwire but the external ones and what they need (the rest is bundled)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    // The external packages (better-sqlite3, a native module) and their own dependency trees.
    const allowed = new Set<string>();
    const queue = Object.keys(pkg.dependencies ?? {});
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (allowed.has(name)) continue;
      allowed.add(name);
      for (const base of [join(prefix, 'lib', 'node_modules'), join(prefix, 'lib', 'node_modules', 'inkwire', 'node_modules')]) {
        const manifest = join(base, name, 'package.json');
        if (!existsSync(manifest)) continue;
        const own = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> };
        queue.push(...Object.keys(own.dependencies ?? {}));
      }
    }
    const scopes = new Set([...allowed].filter((name) => name.startsWith('@')).map((name) => name.split('/')[0]!));
    expect(installedPackages.filter((name) => name !== 'inkwire' && !name.startsWith('.') && !allowed.has(name) && !scopes.has(name))).toEqual([]);
  });

  it('runs inkwire --version', () => {
    const run = inkwire(['--version']);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('opens an article in print mode', () => {
    const run = inkwire(['--print', join(ROOT, 'examples', 'solar-ferry.html')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(200);
  });

  it('exports, with the quote engine, Markdown and HTML parsers from the bundle', () => {
    const run = inkwire(['export', '--format', 'json', join(ROOT, 'examples')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as unknown[]).length).toBe(readdirSync(join(ROOT, 'examples')).length);
    const quotes = inkwire(['quotes', '--json', join(ROOT, 'examples', 'harbour-bridge-vote.txt')]);
    expect(quotes.code).toBe(0);
  });

  it('installs the man page where man finds it', () => {
    expect(existsSync(join(prefix, 'share', 'man', 'man1', 'inkwire.1'))).toBe(true);
  });
});
