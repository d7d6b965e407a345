import { isUtf8 } from 'node:buffer';

// Bytes to text. Order of trust: a byte-order mark, then a charset the document declares
// (HTML meta, XML declaration) when the bytes are not valid UTF-8, then UTF-8, then
// Windows-1252, the superset of ISO-8859-1 that real "Latin-1" files turn out to be.

export interface Decoded {
  text: string;
  encoding: string;
}

export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) {
    return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding };
  }
  // Legacy 8-bit text almost never forms valid UTF-8, so valid UTF-8 wins over a declaration
  // (which is often a stale template or a wrong server header).
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const hinted = declared ?? sniffDeclaredCharset(bytes);
  if (hinted && !isUtf8Label(hinted)) {
    const label = hinted.toLowerCase();
    // Every Latin-1 label means Windows-1252 on the web.
    if (/^(?:windows-1252|iso-8859-1|latin-?1|us-ascii|ascii|cp1252|l1)$/.test(label)) {
      return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
    }
    const text = tryDecode(bytes, hinted);
    if (text !== null) return { text, encoding: label };
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
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
    return new TextDecoder(label).decode(bytes);
  } catch {
    return null;
  }
}

function isUtf8Label(label: string): boolean {
  return /^(utf-?8|unicode-1-1-utf-8)$/i.test(label.trim());
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
