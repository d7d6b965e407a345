import { describe, expect, it } from 'vitest';
import { withBrowserCdata } from '../../src/parse/cdata.js';
import { parseHtml } from '../../src/parse/html.js';

const posts = [
  'Has anyone tried the new trail shoes on wet rock? Mine slip on every granite slab near the lake, and the old pair never did.',
  'The rubber compound changed this year. I wrote to the maker and they said the softer one comes back in the spring model.',
  'I gave up and bought studs. They are noisy on the road sections, but on the rock they grip like nothing else I have owned.',
];

describe('CDATA openers in HTML markup', () => {
  it('reads a forum thread that follows an unclosed <![CDATA[, as a browser shows it', async () => {
    const thread = posts.map((p, i) => `<article class="message"><div class="user">runner${i}</div><div class="body"><p>${p}</p></div></article>`).join('');
    const html = `<html><head><title>Wet rock grip - Forum</title></head><body><![CDATA[<div id="top"></div><main><h1>Wet rock grip</h1>${thread}</main></body></html>`;
    const article = await parseHtml(html, 'thread.html', { url: 'https://forum.example.org/t/9' });
    for (const p of posts) expect(article.text).toContain(p);
  });

  it('ends the opener at the next >, as a bogus comment', () => {
    expect(withBrowserCdata('<p>a</p><![CDATA[ x ]]><p>b</p>')).toBe('<p>a</p><p>b</p>');
    // The first > may be a tag's own, which the comment then swallows, as in a browser.
    expect(withBrowserCdata('<p>a</p><![CDATA[<div>b</div>')).toBe('<p>a</p>b</div>');
  });

  it('leaves CDATA alone in scripts, styles, comments, SVG and MathML', () => {
    const kept = [
      '<script>//<![CDATA[\nvar a = 1 > 0;\n//]]></script><p>x</p>',
      '<style>/*<![CDATA[*/ p > a { color: red } /*]]>*/</style>',
      '<!-- <![CDATA[ not markup --><p>x</p>',
      '<svg><style><![CDATA[ .a > b {} ]]></style><text><![CDATA[1 < 2]]></text></svg>',
      '<math><mi><![CDATA[x]]></mi></math>',
      '<p>no opener at all</p>',
    ];
    for (const markup of kept) expect(withBrowserCdata(markup)).toBe(markup);
  });
});
