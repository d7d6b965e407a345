import type { Library } from '../library/library.js';
import { inkwirePaths } from '../store/paths.js';
import { reportError, type CommandDeps } from './shared.js';

/** The library for a command; a damaged one set aside is said on stderr, once. */
export async function openLibraryFor(deps: CommandDeps): Promise<Library> {
  const { openLibrary } = await import('../library/library.js');
  const library = openLibrary(inkwirePaths(deps.env).library);
  for (const warning of library.warnings) reportError(deps, warning);
  return library;
}

/** Runs `body` with the library open, and closes it after. */
export async function withLibrary<T>(deps: CommandDeps, body: (library: Library) => Promise<T> | T): Promise<T> {
  const library = await openLibraryFor(deps);
  try {
    return await body(library);
  } finally {
    library.close();
  }
}

/** A date as `2026-12-02 08:15` (UTC), for tables. */
export function shortTime(iso: string | undefined): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '';
}
