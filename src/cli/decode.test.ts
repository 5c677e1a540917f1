import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeWindows1252 } from './decode';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('decodeBytes', () => {
  it('UTF-8 without BOM', () => {
    expect(decodeBytes(new TextEncoder().encode('hélène@x.fr\n'))).toEqual({ text: 'hélène@x.fr\n', encoding: 'utf-8', bom: false });
  });

  it('UTF-8 with BOM: the BOM is removed', () => {
    const d = decodeBytes(bytes(0xef, 0xbb, 0xbf, ...new TextEncoder().encode('email;nom\né@x.fr;Zoé\n')));
    expect(d).toEqual({ text: 'email;nom\né@x.fr;Zoé\n', encoding: 'utf-8', bom: true });
  });

  it('Windows-1252 when not valid UTF-8 (é = 0xE9, € = 0x80, œ = 0x9C)', () => {
    const d = decodeBytes(bytes(...ascii('nom;email\nH'), 0xe9, ...ascii('l'), 0xe8, ...ascii('ne;c'), 0x9c, ...ascii('ur@x.fr '), 0x80, 0x0a));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe('nom;email\nHélène;cœur@x.fr €\n');
  });

  it('decodeWindows1252 maps all of 0x80–0x9F as WHATWG does', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const text = decodeWindows1252(all);
    expect(text.length).toBe(256);
    expect(text.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(text.slice(0xa0)).toBe(Buffer.from(all.subarray(0xa0)).toString('latin1'));
    expect(text.slice(0, 0x80)).toBe(Buffer.from(all.subarray(0, 0x80)).toString('latin1'));
  });

  it('UTF-16LE with BOM', () => {
    const s = 'e-mail\tnom\r\nzoé@x.fr\tZoé\r\n';
    const d = decodeBytes(new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]));
    expect(d).toEqual({ text: s, encoding: 'utf-16le', bom: true });
  });

  it('UTF-16BE with BOM', () => {
    const s = 'courriel\nzoé@x.fr\n';
    const le = Buffer.from(s, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, ...be]))).toEqual({ text: s, encoding: 'utf-16be', bom: true });
  });

  it('UTF-16LE without BOM is recognised by its NUL bytes', () => {
    const s = 'email\nann@x.fr\n';
    expect(decodeBytes(new Uint8Array(Buffer.from(s, 'utf16le')))).toMatchObject({ text: s, encoding: 'utf-16le' });
  });

  it('empty input', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });
});
