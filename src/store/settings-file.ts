import { readFileSync } from 'node:fs';
import { inkwirePaths, settingsPath } from './paths.js';
import { parseSettings, type ParsedSettings } from './settings.js';

/** The settings file from the config folder; none at all is no problem. */
export function loadSettings(env: NodeJS.ProcessEnv): ParsedSettings & { path: string } {
  const path = settingsPath(inkwirePaths(env).config);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ...parseSettings({}), path };
    return { ...parseSettings({}), problems: [`cannot be read (${code ?? 'error'}); the defaults stand`], path };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ...parseSettings({}), problems: [`not valid JSON (${error instanceof Error ? error.message : String(error)}); the defaults stand`], path };
  }
  return { ...parseSettings(raw), path };
}
