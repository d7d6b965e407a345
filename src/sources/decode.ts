import { isUtf8 } from 'node:buffer';

// Bytes to text. Order of trust: a byte-order mark; then UTF-16 told by its zero bytes; then
// a charset the document declares (HTTP header, HTML meta, XML declaration) when the bytes are
// not valid UTF-8; then UTF-8; then Windows-1252, the superset of ISO-8859-1 that real
// "Latin-1" files turn out to be. A declaration that cannot be true is passed over: a
// document whose meta tag reads as ASCII is not UTF-16 (the HTML standard reads it as UTF-8),
// and a header saying UTF-16 over bytes without UTF-16's zero bytes is a server's mistake.

export interface Decoded {
  text: string;
  encoding: string;
}

export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) {
    return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding };
  }
  const utf16 = utf16Layout(bytes, declared !== undefined && isUtf16Label(declared));
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  // Legacy 8-bit text almost never forms valid UTF-8, so valid UTF-8 wins over a declaration
  // (which is often a stale template or a wrong server header).
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  for (const hinted of [declared, sniffDeclaredCharset(bytes)]) {
    if (!hinted || isUtf8Label(hinted) || isUtf16Label(hinted)) continue;
    const label = hinted.trim().toLowerCase();
    // Every Latin-1 label means Windows-1252 on the web.
    if (/^(?:windows-1252|iso-8859-1|latin-?1|us-ascii|ascii|cp1252|l1)$/.test(label)) {
      return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
    }
    const text = tryDecode(bytes, label);
    if (text !== null) return { text, encoding: label };
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/** True when the bytes are UTF-16 (by a byte-order mark or their zero bytes), whose zeros are text, not binary. */
export function isUtf16(bytes: Uint8Array, declared?: string): boolean {
  const bom = bomEncoding(bytes)?.encoding;
  if (bom) return bom !== 'utf-8';
  return utf16Layout(bytes, declared !== undefined && isUtf16Label(declared)) !== undefined;
}

/**
 * UTF-16 without a byte-order mark, told by where its zero bytes fall: text in any script
 * has spaces, newlines, digits or markup, each a code unit whose high byte is zero and whose
 * low byte is printable, while the low bytes are almost never zero. Undeclared, a fifth of
 * the code units must show it (Latin text and markup show half); declared, one in a hundred
 * will do (CJK prose with its line breaks). Binary data has zeros on both sides, or control
 * bytes beside its zeros, and is neither.
 */
export function utf16Layout(bytes: Uint8Array, declared = false): 'utf-16le' | 'utf-16be' | undefined {
  const units = Math.min(bytes.length, 8192) >> 1;
  if (units < 2) return undefined;
  // No zero byte, no unit with a zero high byte: not UTF-16 (one native scan, not two loops).
  if (!bytes.subarray(0, units * 2).includes(0)) return undefined;
  const needed = Math.max(1, Math.ceil(units * (declared ? 0.01 : 0.2)));
  const stray = Math.floor(units * (declared ? 0.02 : 0.005));
  for (const [high, low, layout] of [[1, 0, 'utf-16le'], [0, 1, 'utf-16be']] as const) {
    let ascii = 0;
    let printable = 0;
    let lowZeros = 0;
    for (let i = 0; i < units; i++) {
      if (bytes[2 * i + low] === 0) lowZeros++;
      if (bytes[2 * i + high] !== 0) continue;
      ascii++;
      const c = bytes[2 * i + low]!;
      if ((c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d) printable++;
    }
    if (ascii >= needed && lowZeros <= stray && printable >= ascii * 0.9) return layout;
  }
  return undefined;
}

// Node's TextDecoder treats windows-1252 as ISO-8859-1 and turns 0x80-0x9F into C1
// controls; Windows-1252 puts curly quotes, dashes and the euro sign there.
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The text when the bytes are valid UTF-8 (checked natively, several times faster than a fatal TextDecoder). */
function tryUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function tryDecode(bytes: Uint8Array, label: string): string | null {
  try {
    const decoder = new TextDecoder(label);
    // The standard maps a few dangerous encodings (ISO-2022-KR, HZ) to one that turns the
    // whole input into a single U+FFFD; falling back loses less.
    return decoder.encoding === 'replacement' ? null : decoder.decode(bytes);
  } catch {
    return null;
  }
}

function isUtf8Label(label: string): boolean {
  return /^(utf-?8|unicode-1-1-utf-8)$/i.test(label.trim());
}

function isUtf16Label(label: string): boolean {
  return /^(?:utf-?16(?:le|be)?|ucs-2|unicode(?:fffe|feff)?|csunicode|iso-10646-ucs-2)$/i.test(label.trim());
}

/** A charset declared in the first bytes: `<meta charset>`, http-equiv, or `<?xml encoding>`. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (!match?.[1]) return undefined;
  const label = match[1];
  return tryDecode(new Uint8Array(0), label) === null ? undefined : label;
}
