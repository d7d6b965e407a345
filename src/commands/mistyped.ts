import { ExitCode, InkwireError } from '../errors.js';

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours) between two words. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The command a word was most likely meant to be: within a third of its length (at least one edit), or a prefix of one. */
export function guessCommand(word: string, commands: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 2) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const name of commands) {
    const distance = name.startsWith(lower) ? 0.5 : editDistance(lower, name);
    const allowed = Math.max(1, Math.floor(name.length / 3));
    if (distance <= allowed && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/**
 * A first source that names no file and looks like a mistyped command (`inkwire expor`) is
 * reported as such, rather than as a missing file. Words with a slash, a dot or a colon are
 * paths or addresses and are left to be read.
 */
export function rejectMistypedCommand(sources: readonly string[], commands: readonly string[], exists: (path: string) => boolean): void {
  const first = sources[0];
  if (first === undefined || !/^[a-z][a-z-]*$/i.test(first) || exists(first)) return;
  const guess = guessCommand(first, commands);
  if (guess) throw new InkwireError(first, `no such command or file (did you mean inkwire ${guess}?)`, ExitCode.usage);
}
