import { spawn } from 'node:child_process';

/** The command and arguments that open `url`: $BROWSER if set, else the platform opener. */
export function browserCommand(url: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] {
  // $BROWSER may list several commands separated by ':'; the first is tried, and "%s" marks
  // where the URL goes (the convention xdg-utils and Python's webbrowser follow).
  const configured = env.BROWSER?.split(':')[0]?.trim();
  if (configured) {
    const words = configured.split(/\s+/);
    return words.some((w) => w.includes('%s')) ? words.map((w) => w.replaceAll('%s', url)) : [...words, url];
  }
  if (platform === 'darwin') return ['open', url];
  if (platform === 'win32') return ['explorer.exe', url];
  return ['xdg-open', url];
}

export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Opens a web address in the browser, without a shell (the URL comes from the article and
 * must not be able to run anything). Resolves with an error message, or null on success.
 */
export function openInBrowser(url: string): Promise<string | null> {
  if (!isWebUrl(url)) return Promise.resolve('Only http and https links can be opened');
  const [command, ...args] = browserCommand(url);
  return new Promise((resolve) => {
    try {
      const child = spawn(command!, args, { stdio: 'ignore', detached: true, shell: false });
      child.once('error', (error) => resolve(`Could not start ${command}: ${error.message}`));
      child.once('spawn', () => {
        child.unref();
        resolve(null);
      });
    } catch (error) {
      resolve(`Could not start ${command}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
