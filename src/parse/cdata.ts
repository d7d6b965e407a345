// `<![CDATA[` in an HTML page's own markup (outside SVG and MathML) is, to a browser, a bogus
// comment that ends at the next `>`. linkedom's parser reads it as a CDATA section running to
// `]]>`, so on a page that never closes it (forum software leaves one before its posts)
// everything after it, the whole thread, is one unseen node. Such openers are removed to the
// next `>`, as a browser reads them; inside scripts, styles, comments and SVG or MathML
// (where CDATA is real) the markup is left as it is.

const OPENER = '<![CDATA[';
// What changes how `<![CDATA[` is read: raw-text elements, comments, foreign content.
const TOKENS = /<!--|<!\[CDATA\[|<(\/?)(script|style|textarea|title|svg|math)\b[^>]*>/gi;

export function withBrowserCdata(markup: string): string {
  if (!markup.includes(OPENER)) return markup;
  let out = '';
  let last = 0;
  let rawText: string | undefined;
  let foreign = 0;
  TOKENS.lastIndex = 0;
  for (let m = TOKENS.exec(markup); m; m = TOKENS.exec(markup)) {
    const token = m[0];
    if (rawText) {
      if (m[1] && m[2]!.toLowerCase() === rawText) rawText = undefined;
      continue;
    }
    if (token === '<!--') {
      const end = markup.indexOf('-->', m.index + 4);
      if (end === -1) break;
      TOKENS.lastIndex = end + 3;
      continue;
    }
    if (token.startsWith('<![')) {
      if (foreign > 0) continue;
      const end = markup.indexOf('>', m.index + OPENER.length);
      out += markup.slice(last, m.index);
      last = end === -1 ? markup.length : end + 1;
      TOKENS.lastIndex = last;
      continue;
    }
    const name = m[2]!.toLowerCase();
    if (name === 'svg' || name === 'math') {
      if (m[1]) foreign = Math.max(0, foreign - 1);
      else if (!token.endsWith('/>')) foreign++;
    } else if (!m[1]) rawText = name;
  }
  return out + markup.slice(last);
}
