import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/sources/decode.js';

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeBytes(Buffer.from('\ufeffcafé', 'utf8')).text).toBe('café');
    expect(decodeBytes(Buffer.from('café', 'utf8'))).toEqual({ text: 'café', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM, both byte orders', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Grüße', 'utf16le')]);
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Grüße', 'utf16le').swap16()]));
    expect(decodeBytes(le).text).toBe('Grüße');
    expect(decodeBytes(be).text).toBe('Grüße');
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    const latin = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]);
    expect(decodeBytes(latin)).toEqual({ text: 'café “q”', encoding: 'windows-1252' });
  });

  it('honours an HTML meta charset', () => {
    const html = Buffer.concat([Buffer.from('<meta charset="windows-1251"><p>'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2])]);
    expect(decodeBytes(html).text).toContain('Привет');
  });
});

describe('UTF-16 and declarations that cannot be true', () => {
  const text = 'Grüße from the harbour, where the “new” bridge opens in May.\n';

  it('reads UTF-16 without a byte-order mark, both byte orders', () => {
    expect(decodeBytes(Buffer.from(text, 'utf16le'))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeBytes(Buffer.from(text, 'utf16le').swap16())).toEqual({ text, encoding: 'utf-16be' });
  });

  it('a declared UTF-16 is read even when little of the text is ASCII (CJK prose and its line breaks)', () => {
    const cjk = ['港口的新桥将于五月通车，市议会周一投票通过了这项计划。', '渡轮公司表示，冬季航班不会受到影响，乘客仍可按时出行。', '当地居民对此表示欢迎，认为新桥能缩短上班的路程。'].join('\n');
    expect(decodeBytes(Buffer.from(cjk, 'utf16le'), 'utf-16le').text).toBe(cjk);
  });

  it('a page whose meta tag says UTF-16 is not UTF-16: it reads as UTF-8 or Windows-1252', () => {
    const utf8 = Buffer.from('<meta charset="utf-16le"><p>Café</p>', 'utf8');
    expect(decodeBytes(utf8)).toEqual({ text: '<meta charset="utf-16le"><p>Café</p>', encoding: 'utf-8' });
    const latin = Buffer.from('<meta charset="utf-16le"><p>Caf\xe9</p>', 'latin1');
    expect(decodeBytes(latin)).toEqual({ text: '<meta charset="utf-16le"><p>Café</p>', encoding: 'windows-1252' });
  });

  it('a header that says UTF-16 over bytes without its zero bytes is passed over', () => {
    const latin = Buffer.from('<p>Caf\xe9 society</p>', 'latin1');
    expect(decodeBytes(latin, 'utf-16le')).toEqual({ text: '<p>Café society</p>', encoding: 'windows-1252' });
  });

  it('an encoding the standard maps to "replacement" does not swallow the page', () => {
    const latin = Buffer.from('<p>Caf\xe9</p>', 'latin1');
    expect(decodeBytes(latin, 'iso-2022-kr').text).toBe('<p>Café</p>');
  });

  it('binary data with zero bytes is not mistaken for UTF-16', () => {
    expect(decodeBytes(Buffer.from([1, 0, 2, 0, 3, 0, 4, 0])).encoding).not.toMatch(/utf-16/);
  });
});
