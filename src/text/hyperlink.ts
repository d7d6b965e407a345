/**
 * A link's address made safe to put inside an OSC 8 sequence: http and https only, and every
 * byte outside printable ASCII (control characters, ESC, BEL, spaces, non-ASCII) percent-
 * encoded, so nothing in it can end the sequence or start another. null when not a web address.
 */
export function hyperlinkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const href = parsed.href;
  let out = '';
  for (const byte of Buffer.from(href, 'utf8')) {
    out += byte > 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out.length <= 2000 ? out : null;
}

/** `text` as a terminal hyperlink to `target` (from hyperlinkTarget). */
export function hyperlink(text: string, target: string): string {
  return `\x1b]8;;${target}\x1b\\${text}\x1b]8;;\x1b\\`;
}
