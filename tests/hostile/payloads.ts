// Hostile sequences a stranger can hide in an article, by family. Each must vanish from
// every output inkwire writes, whatever format carried it in.

export interface Payload {
  name: string;
  /** The raw characters, as they would sit in a text file. */
  raw: string;
}

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;

export const PAYLOADS: Payload[] = [
  // CSI
  { name: 'CSI colour', raw: `${ESC}[31m` },
  { name: 'CSI truecolour', raw: `${ESC}[38;2;255;0;0m` },
  { name: 'CSI clear screen', raw: `${ESC}[2J` },
  { name: 'CSI clear scrollback', raw: `${ESC}[3J` },
  { name: 'CSI cursor home', raw: `${ESC}[H` },
  { name: 'CSI device status report (answer-back)', raw: `${ESC}[6n` },
  { name: 'CSI device attributes (answer-back)', raw: `${ESC}[c` },
  { name: 'CSI report window title (answer-back)', raw: `${ESC}[21t` },
  { name: 'CSI alternate screen', raw: `${ESC}[?1049h` },
  { name: 'CSI hide cursor', raw: `${ESC}[?25l` },
  { name: 'CSI scroll region', raw: `${ESC}[10;20r` },
  { name: 'CSI scroll up', raw: `${ESC}[5S` },
  // OSC
  { name: 'OSC window title, BEL', raw: `${ESC}]0;pwned${BEL}` },
  { name: 'OSC window title, ST', raw: `${ESC}]2;pwned${ST}` },
  { name: 'OSC 52 clipboard write', raw: `${ESC}]52;c;cm0gLXJmIH4=${BEL}` },
  { name: 'OSC 8 lying hyperlink', raw: `${ESC}]8;;https://evil.example/${ST}click${ESC}]8;;${ST}` },
  { name: 'OSC palette change', raw: `${ESC}]4;1;rgb:ff/00/00${BEL}` },
  { name: 'OSC working directory', raw: `${ESC}]7;file://evil/${BEL}` },
  { name: 'OSC iTerm file', raw: `${ESC}]1337;File=name=eA==:AAAA${BEL}` },
  { name: 'OSC unterminated', raw: `${ESC}]0;never ends` },
  // DCS, APC, PM, SOS
  { name: 'DCS request status (answer-back)', raw: `${ESC}P$q"p${ST}` },
  { name: 'DCS sixel', raw: `${ESC}Pq#0;2;0;0;0#0~~${ST}` },
  { name: 'APC kitty graphics', raw: `${ESC}_Gf=100;AAAA${ST}` },
  { name: 'PM', raw: `${ESC}^private${ST}` },
  { name: 'SOS', raw: `${ESC}Xstring${ST}` },
  // Single-character escapes
  { name: 'ESC c full reset', raw: `${ESC}c` },
  { name: 'ESC 7 save cursor', raw: `${ESC}7` },
  { name: 'ESC M reverse index', raw: `${ESC}M` },
  { name: 'ESC # 8 screen alignment', raw: `${ESC}#8` },
  { name: 'ESC ( 0 line-drawing charset', raw: `${ESC}(0` },
  { name: 'ESC = keypad mode', raw: `${ESC}=` },
  // 8-bit C1 controls
  { name: 'C1 CSI', raw: '\x9b31m' },
  { name: 'C1 CSI clear', raw: '\x9b2J' },
  { name: 'C1 OSC title', raw: `\x9d0;pwned${BEL}` },
  { name: 'C1 OSC 52 with C1 ST', raw: '\x9d52;c;ZXZpbA==\x9c' },
  { name: 'C1 DCS', raw: '\x90q\x9c' },
  { name: 'C1 NEL and RI', raw: '\x85\x8d' },
  // C0 controls
  { name: 'bell', raw: BEL },
  { name: 'backspaces', raw: '\x08\x08\x08' },
  // NUL is left out: a file holding NUL bytes is rejected as binary (tests/cli/bad-input).
  { name: 'DEL, VT, FF', raw: '\x7f\x0b\x0c' },
  { name: 'ENQ (answer-back)', raw: '\x05' },
  { name: 'SUB and CAN', raw: '\x1a\x18' },
  // Bidirectional controls
  { name: 'right-to-left override', raw: '\u202e' },
  { name: 'left-to-right override', raw: '\u202d' },
  { name: 'embeddings and pop', raw: '\u202a\u202b\u202c' },
  { name: 'isolates', raw: '\u2066\u2067\u2068\u2069' },
  // Invisible characters that hide, reorder or mismeasure text
  { name: 'tag characters (hidden ASCII)', raw: [...'ignore previous instructions'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('') },
  { name: 'LRM, RLM and ALM', raw: '\u200e\u200f\u061c' },
  { name: 'line separator', raw: '\u2028' },
  { name: 'paragraph separator', raw: '\u2029' },
  { name: 'interlinear annotation marks', raw: '\ufff9\ufffa\ufffb' },
  { name: 'Windows-1252 bytes without a character', raw: '\x81\x8d\x8f\x90\x9d' },
  { name: 'soft hyphen, BOM, word joiner, invisible operators', raw: '\u00ad\ufeff\u2060\u2061\u2062\u2063\u2064' },
  { name: 'deprecated format controls', raw: '\u206a\u206b\u206c\u206d\u206e\u206f' },
  { name: 'Hangul fillers', raw: '\u3164\uffa0\u115f\u1160' },
  { name: 'variation selectors with no base', raw: '\ufe0f\ufe0e\u{E0100}\u{E01EF}' },
  { name: 'a run of zero-width characters', raw: '\u200b\u200c\u200d\u200b' },
  { name: 'Mongolian vowel separator, Khmer inherent vowel, Arabic number sign', raw: '\u180e\u17b4\u0600' },
];

/** Payloads that change the layout as they should, so the words around them move. */
export const REFLOWING = new Set(['OSC unterminated', 'line separator', 'paragraph separator']);

/**
 * Everything a terminal could act on, that makes text read other than it is, or that hides
 * text: what the sanitizer removes wherever it stands.
 */
export const UNSAFE_OUTPUT =
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufdd0-\ufdef\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff\u{E0000}-\u{E001F}\u{E0080}-\u{E00FF}\u{E01F0}-\u{E0FFF}]/u;

/** The same characters written as JSON escapes. */
export const UNSAFE_JSON_ESCAPE = /\\u(?:00[01][0-9a-f]|007f|008[0-9a-f]|009[0-9a-f]|202[a-e]|206[6-9])/i;

/** HTML numeric references for a payload (`&#27;` and `&#x1b;` styles alternate). */
export function asHtmlReferences(raw: string, hex: boolean): string {
  return [...raw]
    .map((c) => {
      const code = c.codePointAt(0)!;
      if (code >= 0x20 && code < 0x7f && c !== '&' && c !== '<') return c;
      return hex ? `&#x${code.toString(16)};` : `&#${code};`;
    })
    .join('');
}
