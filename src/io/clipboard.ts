/** The terminal's clipboard escape; terminals cap its size, and so does tmux. */
const MAX_BYTES = 74_994;

/**
 * Copies through OSC 52, which works over ssh and inside tmux, with no clipboard tool
 * installed. Returns false when the text is too long to send.
 */
export function copyToClipboard(stdout: NodeJS.WriteStream, text: string): boolean {
  const payload = Buffer.from(text, 'utf8').toString('base64');
  if (payload.length > MAX_BYTES) return false;
  stdout.write(`\x1b]52;c;${payload}\x07`);
  return true;
}
