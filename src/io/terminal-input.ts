/** What the terminal reports besides keys: mouse events, F1 (Ink 6 drops it), its background colour. */
export type TerminalEvent =
  | { type: 'wheel'; delta: 1 | -1; column: number; row: number }
  | { type: 'click'; column: number; row: number }
  | { type: 'key'; name: 'f1' }
  | { type: 'background'; red: number; green: number; blue: number };

export interface SplitInput {
  /** Everything else, for Ink's key parser, in order. */
  text: string;
  events: TerminalEvent[];
}

// SGR mouse reports (ESC [ < button ; column ; row M|m), F1 (ESC O P, ESC [ 1 1 ~) and the
// answer to the OSC 11 background query (ESC ] 11 ; rgb:RRRR/GGGG/BBBB, ended by BEL or ST).
const SEQUENCE = /\x1b\[<(\d+);(\d+);(\d+)([Mm])|\x1bOP|\x1b\[11~|\x1b\]11;rgb:([0-9a-f]+)\/([0-9a-f]+)\/([0-9a-f]+)(?:\x07|\x1b\\)/gi;
/** A chunk that ends inside one of those sequences keeps the start for the next chunk. */
const PARTIAL = /\x1b(?:\[(?:<[\d;]*)?|\](?:1(?:1(?:;[^\x07\x1b]*)?)?)?|O)?$/;

/** One hex channel of any length (rgb:ffff, rgb:ff) as 0–255. */
function channel(hex: string): number {
  const max = 16 ** hex.length - 1;
  return Math.round((parseInt(hex, 16) / max) * 255);
}

function eventOf(match: RegExpExecArray): TerminalEvent | null {
  if (match[0] === '\x1bOP' || match[0] === '\x1b[11~') return { type: 'key', name: 'f1' };
  if (match[5] !== undefined) return { type: 'background', red: channel(match[5]), green: channel(match[6]!), blue: channel(match[7]!) };
  const button = Number(match[1]);
  const column = Number(match[2]);
  const row = Number(match[3]);
  const pressed = match[4] === 'M';
  // 64 and 65 are the wheel; modifiers add 4, 8 and 16, motion adds 32.
  if ((button & ~(4 | 8 | 16)) === 64) return { type: 'wheel', delta: -1, column, row };
  if ((button & ~(4 | 8 | 16)) === 65) return { type: 'wheel', delta: 1, column, row };
  if (pressed && (button & ~(4 | 8 | 16)) === 0) return { type: 'click', column, row };
  return null;
}

/**
 * Takes the terminal's own reports out of the keyboard's bytes, so Ink sees keys only (it
 * would read a wheel turn as a run of typed characters). Keeps what an unfinished sequence
 * at the end of a chunk started for the next one.
 */
export class TerminalInput {
  private pending = '';

  feed(chunk: string): SplitInput {
    const data = this.pending + chunk;
    this.pending = '';
    const events: TerminalEvent[] = [];
    let text = '';
    let last = 0;
    SEQUENCE.lastIndex = 0;
    for (let match = SEQUENCE.exec(data); match; match = SEQUENCE.exec(data)) {
      text += data.slice(last, match.index);
      const event = eventOf(match);
      if (event) events.push(event);
      last = match.index + match[0].length;
    }
    let rest = data.slice(last);
    const partial = PARTIAL.exec(rest);
    // A lone Esc is a key (Ink waits a moment for what follows); a longer start waits here.
    if (partial && partial[0].length > 1) {
      this.pending = partial[0];
      rest = rest.slice(0, partial.index);
    }
    return { text: text + rest, events };
  }
}

/** Relative luminance of a background colour, 0 (black) to 1 (white). */
export function luminance(color: { red: number; green: number; blue: number }): number {
  const linear = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue);
}
