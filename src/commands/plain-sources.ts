import { existsSync } from 'node:fs';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from './read-run.js';

/** The subcommands (and commander's help): a first argument naming one is not a source. */
export const COMMAND_NAMES: readonly string[] = ['export', 'list', 'quotes', 'bookmarks', 'config', 'feeds', 'refresh', 'search', 'mark-read', 'people', 'completion', 'help'];

/**
 * The sources of the commonest start, `inkwire FILE…` with no option, or null for anything
 * else. That start skips loading commander and registering every command (about a tenth of
 * the time to the first frame); tests check commander reads these arguments the same way.
 * A first word that names no file may be a mistyped command (`inkwire expor`): commander,
 * which knows every command, is left to say so.
 */
export function plainSources(args: readonly string[], exists: (path: string) => boolean = existsSync): string[] | null {
  if (args.length === 0 || COMMAND_NAMES.includes(args[0]!)) return null;
  if (args.some((arg) => arg.startsWith('-'))) return null;
  if (/^[a-z][a-z-]*$/i.test(args[0]!) && !exists(args[0]!)) return null;
  return [...args];
}

/**
 * plainSources, also for `--max-bytes SIZE` given once among the files (as a big article needs
 * it): the sources and the options commander would give, or null for anything else.
 */
export function plainStart(args: readonly string[], exists: (path: string) => boolean = existsSync): { sources: string[]; options: ReadOptions } | null {
  const at = args.findIndex((arg) => arg === '--max-bytes' || arg.startsWith('--max-bytes='));
  if (at < 0) {
    const sources = plainSources(args, exists);
    return sources && { sources, options: DEFAULT_READ_OPTIONS };
  }
  const joined = args[at]!.startsWith('--max-bytes=');
  const maxBytes = joined ? args[at]!.slice('--max-bytes='.length) : args[at + 1];
  // No value, or one commander would read otherwise: commander says what is wrong.
  if (maxBytes === undefined || maxBytes === '' || maxBytes.startsWith('-')) return null;
  const rest = [...args.slice(0, at), ...args.slice(at + (joined ? 1 : 2))];
  const sources = plainSources(rest, exists);
  return sources && { sources, options: { ...DEFAULT_READ_OPTIONS, maxBytes } };
}
