import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Browsers that run in the terminal: they get the terminal until they quit, as in newsboat. */
const TERMINAL_BROWSERS = new Set(['w3m', 'lynx', 'links', 'links2', 'elinks', 'browsh', 'carbonyl', 'www-browser', 'chawan', 'cha']);

export interface BrowserPlan {
  command: string;
  args: string[];
  /** A terminal browser: inkwire hands the terminal over and waits for it. */
  inTerminal: boolean;
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  if (command.includes('/')) return isExecutable(command);
  return (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, command)));
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function planOf(words: string[], url: string): BrowserPlan {
  const args = words.some((w) => w.includes('%s')) ? words.slice(1).map((w) => w.replaceAll('%s', url)) : [...words.slice(1), url];
  const name = words[0]!.split('/').pop()!;
  return { command: words[0]!, args, inTerminal: TERMINAL_BROWSERS.has(name) };
}

/**
 * How to open `url`: the first command of $BROWSER (a ':'-separated list, "%s" marking where
 * the URL goes, as xdg-utils and Python's webbrowser read it) found on the PATH, else the
 * platform's opener (xdg-open, open, explorer), else null: there is no browser.
 */
export function browserPlan(url: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform, exists = (c: string) => onPath(c, env)): BrowserPlan | null {
  for (const entry of (env.BROWSER ?? '').split(':')) {
    const words = entry.trim().split(/\s+/).filter(Boolean);
    if (words.length > 0 && exists(words[0]!)) return planOf(words, url);
  }
  const opener = platform === 'darwin' ? 'open' : platform === 'win32' ? 'explorer.exe' : 'xdg-open';
  if (platform === 'win32' || exists(opener)) return { command: opener, args: [url], inTerminal: false };
  return null;
}

/** The command and arguments that open `url` (kept for callers that only need the words). */
export function browserCommand(url: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] {
  const plan = browserPlan(url, env, platform, () => true);
  return plan ? [plan.command, ...plan.args] : [];
}

export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

export const NO_BROWSER = 'No browser found: set BROWSER (for example BROWSER=w3m, or BROWSER=firefox)';

export interface OpenOptions {
  env?: NodeJS.ProcessEnv;
  /** Gives the terminal to a terminal browser and takes it back after; the app pauses meanwhile. */
  handOver?: (run: () => void) => void;
}

/**
 * Opens a web address in the browser, without a shell (the URL comes from the article and
 * must not be able to run anything). A graphical browser runs detached; a terminal browser
 * (w3m, lynx) gets the terminal until it quits. Resolves with an error message, or null.
 */
export function openInBrowser(url: string, options: OpenOptions = {}): Promise<string | null> {
  if (!isWebUrl(url)) return Promise.resolve('Only http and https links can be opened');
  const plan = browserPlan(url, options.env ?? process.env);
  if (!plan) return Promise.resolve(NO_BROWSER);
  if (plan.inTerminal && options.handOver) {
    let problem: string | null = null;
    options.handOver(() => {
      const result = spawnSync(plan.command, plan.args, { stdio: 'inherit', shell: false });
      if (result.error) problem = `Could not start ${plan.command}: ${result.error.message}`;
    });
    return Promise.resolve(problem);
  }
  return new Promise((resolve) => {
    try {
      const child = spawn(plan.command, plan.args, { stdio: 'ignore', detached: true, shell: false });
      child.once('error', (error) => resolve(`Could not start ${plan.command}: ${error.message}`));
      child.once('spawn', () => {
        child.unref();
        resolve(null);
      });
    } catch (error) {
      resolve(`Could not start ${plan.command}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
