// A top-level JSON array parsed one element at a time, from one string or from successive
// pieces of a file. JSON.parse of a whole 23 MB array keeps every record alive until the last
// is read, so all of them outlive the young generation and are copied into the old one, where
// they stay as garbage once converted; parsed one by one, each record dies young right after
// its article is made.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Thrown when the text is not an array the splitter can take apart; JSON.parse must judge it whole. */
export class NotSplittable extends Error {}

/** True when the text, after JSON white space, starts an array. */
export function startsJsonArray(text: string): boolean {
  return text.charCodeAt(skipSpace(text, 0)) === OPEN_BRACKET;
}

/**
 * Splits `[ a , b , … ]` into its elements, each parsed by JSON.parse. Text arrives by `push`,
 * in as many pieces as the caller likes; `end` says there is no more. Either throws
 * NotSplittable as soon as a piece does not parse or the text around the pieces is not exactly
 * an array. When `end` returns, the text was a valid JSON array whose elements are the values
 * yielded: each piece parsed as JSON on its own and the separators were checked, so nothing
 * depends on the scanner finding the right boundaries.
 */
export class JsonArraySplitter {
  /** Text of an element not yet complete (or white space before the array). */
  #pending = '';
  #state: 'before' | 'first' | 'next' | 'after' = 'before';

  /** Characters held back for want of the rest of their element. */
  get pendingLength(): number {
    return this.#pending.length;
  }

  /** The elements that `text`, appended to what came before, completes. */
  *push(text: string): Generator<unknown, void, undefined> {
    const all = this.#pending + text;
    this.#pending = '';
    let at = skipSpace(all, 0);
    if (this.#state === 'after') {
      if (at !== all.length) throw new NotSplittable();
      return;
    }
    if (this.#state === 'before') {
      if (at === all.length) return;
      if (all.charCodeAt(at) !== OPEN_BRACKET) throw new NotSplittable();
      this.#state = 'first';
      at = skipSpace(all, at + 1);
    }
    if (this.#state === 'first') {
      if (at === all.length) return;
      if (all.charCodeAt(at) === CLOSE_BRACKET) {
        this.#state = 'after';
        if (skipSpace(all, at + 1) !== all.length) throw new NotSplittable();
        return;
      }
      this.#state = 'next';
    }
    for (;;) {
      const end = elementEnd(all, at);
      if (end === MALFORMED) throw new NotSplittable();
      if (end < 0) {
        this.#pending = all.slice(at);
        return;
      }
      yield parsePiece(all.slice(at, end));
      if (all.charCodeAt(end) === CLOSE_BRACKET) {
        this.#state = 'after';
        if (skipSpace(all, end + 1) !== all.length) throw new NotSplittable();
        return;
      }
      at = end + 1;
    }
  }

  /** Throws NotSplittable unless the array was closed. */
  end(): void {
    if (this.#state !== 'after') throw new NotSplittable();
  }
}

function parsePiece(piece: string): unknown {
  try {
    return JSON.parse(piece);
  } catch {
    throw new NotSplittable();
  }
}

const MALFORMED = -2;

/** The index of the `,` or `]` that ends the element starting at `at`; -1 if not (yet) found. */
function elementEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = stringEnd(text, i);
      if (i < 0) return -1;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (depth === 0) return code === CLOSE_BRACKET ? i : MALFORMED;
      depth--;
    } else if (code === COMMA && depth === 0) {
      return i;
    }
  }
  return -1;
}

/** The index of the quote that closes the string opening at `open`, or -1. */
function stringEnd(text: string, open: number): number {
  for (let at = open + 1; ; at++) {
    at = text.indexOf('"', at);
    if (at < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

/** The index after JSON white space (space, tab, line feed, carriage return) from `at`. */
function skipSpace(text: string, at: number): number {
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) break;
    at++;
  }
  return at;
}
