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
