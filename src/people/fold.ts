// Folding a name for comparison, apart from the rest of names.ts: the reducer's People view
// filter needs only this, and names.ts brings the quote engine's word lists with it, which the
// start-up file (the first frame) has no use for.

/** Lower case, accents folded, punctuation as spaces: "Pérez-Ruiz" and "Perez Ruiz" agree. */
export function fold(text: string): string {
  // Most news text is ASCII: no accents to take off.
  const plain = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain
    .toLowerCase()
    .replace(/[\u2019']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
