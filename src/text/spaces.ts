/** Unicode white space (what `\s` matches), tested by code unit without a regex. */
export function isSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 ||
    code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** True when the text has white space other than single plain spaces between words. */
function needsCollapse(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  if (isSpaceCode(text.charCodeAt(0)) || isSpaceCode(text.charCodeAt(n - 1))) return true;
  let previousSpace = false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (previousSpace) return true;
      previousSpace = true;
    } else {
      if (isSpaceCode(code)) return true;
      previousSpace = false;
    }
  }
  return false;
}

/** Runs of white space to one space, trimmed; a scan without allocation when there is nothing to do. */
export function collapseSpaces(text: string): string {
  // Only runs and odd spaces are replaced: replacing every single space of a huge line
  // allocates a match per word.
  return needsCollapse(text) ? text.replace(/\s{2,}|[^\S ]/g, ' ').trim() : text;
}

/** Runs of non-space characters; a loop, because a regex over megabytes allocates a match per word. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** True when the text has at most `max` words; stops scanning as soon as it knows. */
export function hasAtMostWords(text: string, max: number): boolean {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord && ++count > max) return false;
    inWord = !space;
  }
  return true;
}
