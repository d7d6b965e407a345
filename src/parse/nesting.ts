// Readability's work grows faster than linearly with nesting depth (a page nested a thousand
// elements deep took 12 s; a hundred thousand, forever), and recursive DOM walks overflow the
// stack. Real pages stay far shallower than MAX_DEPTH, so only hostile or broken markup is
// touched: elements past the limit are unwrapped, their content kept in place.

export const MAX_DEPTH = 150;

const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
// Their content is text, not markup: a `<div>` inside a script must not count.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template', 'plaintext']);

export interface Tag {
  start: number;
  end: number;
  closing: boolean;
  name: string;
  /** An element that holds others: not void, not self-closed, not raw text. */
  container: boolean;
}

/** Every tag in order, stepping over the content of script, style and the like. */
export function* tags(html: string): Generator<Tag> {
  const pattern = new RegExp(TAG.source, 'g');
  let lower: string | undefined;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    const closing = match[1] === '/';
    const name = match[2]!.toLowerCase();
    const selfClosed = match[3]!.trimEnd().endsWith('/');
    const raw = !closing && RAW_TEXT.has(name);
    yield { start: match.index, end: pattern.lastIndex, closing, name, container: !VOID.has(name) && !selfClosed && !raw };
    if (raw) {
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, pattern.lastIndex);
      pattern.lastIndex = close === -1 ? html.length : close;
    }
  }
}

/** The markup with every element deeper than `maxDepth` unwrapped; unchanged when none is. */
export function limitNesting(html: string, maxDepth = MAX_DEPTH): string {
  if (!tooDeep(html, maxDepth)) return html;
  const parts: string[] = [];
  const stack: boolean[] = []; // per open element: was its tag kept?
  let kept = 0;
  let at = 0;
  for (const tag of tags(html)) {
    let keep = true;
    if (tag.container && !tag.closing) {
      keep = kept < maxDepth;
      stack.push(keep);
      if (keep) kept++;
    } else if (tag.closing && !RAW_TEXT.has(tag.name) && !VOID.has(tag.name)) {
      const opened = stack.pop();
      if (opened !== undefined) {
        keep = opened;
        if (opened) kept--;
      }
    }
    if (!keep) {
      parts.push(html.slice(at, tag.start));
      at = tag.end;
    }
  }
  parts.push(html.slice(at));
  return parts.join('');
}

function tooDeep(html: string, maxDepth: number): boolean {
  let depth = 0;
  for (const tag of tags(html)) {
    if (tag.container && !tag.closing && ++depth > maxDepth) return true;
    if (tag.closing && !RAW_TEXT.has(tag.name) && !VOID.has(tag.name)) depth = Math.max(0, depth - 1);
  }
  return false;
}
