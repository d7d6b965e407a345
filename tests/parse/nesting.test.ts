import { describe, expect, it } from 'vitest';
import { limitNesting } from '../../src/parse/nesting.js';

describe('limitNesting', () => {
  it('leaves ordinary pages untouched', () => {
    const page = '<html><body><div><p>a<br>b</p><img src="x.png"/><script>if (a<b) {"<div>"}</script></div></body></html>';
    expect(limitNesting(page)).toBe(page);
  });

  it('unwraps elements past the limit and keeps their text', () => {
    const page = `<body>${'<div>'.repeat(10)}<p>deep</p>${'</div>'.repeat(10)}<p>after</p></body>`;
    const out = limitNesting(page, 3);
    expect(out).toBe('<body><div><div>deep</div></div><p>after</p></body>');
  });

  it('does not count tags inside scripts', () => {
    const page = `<body><script>${'<div>'.repeat(50)}</script><p>x</p></body>`;
    expect(limitNesting(page, 3)).toBe(page);
  });
});
