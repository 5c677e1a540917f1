import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAll, detectEncoding, latin1Text, StreamDecoder } from './text';

const decodeIn = (bytes: Uint8Array, size: number) => {
  const d = new StreamDecoder(detectEncoding(bytes.subarray(0, 4096)));
  let s = '';
  for (let i = 0; i < bytes.length; i += size) s += d.decode(bytes.subarray(i, i + size));
  return { text: s + d.end(), d };
};

describe('StreamDecoder', () => {
  it('decides on the first bytes: BOM, UTF-16 pattern, valid UTF-8, else Windows-1252', () => {
    expect(detectEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(Uint8Array.of(0xff, 0xfe, 0x61, 0))).toEqual({ encoding: 'utf-16le', bom: true });
    expect(detectEncoding(Uint8Array.of(0xfe, 0xff, 0, 0x61))).toEqual({ encoding: 'utf-16be', bom: true });
    expect(detectEncoding(Buffer.from('email\r\na@b.fr\r\n', 'utf16le'))).toEqual({ encoding: 'utf-16le', bom: false });
    expect(detectEncoding(Buffer.from('zoé', 'utf8'))).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(Buffer.from('zo\u00e9', 'latin1'), true)).toEqual({ encoding: 'windows-1252', bom: false });
    expect(detectEncoding(Buffer.from('zo\u00e9 ok', 'latin1'))).toEqual({ encoding: 'windows-1252', bom: false });
    // a multi-byte character cut at the end of the first chunk is not a reason to leave UTF-8
    expect(detectEncoding(Buffer.from('zoé', 'utf8').subarray(0, 3))).toEqual({ encoding: 'utf-8', bom: false });
  });

  it('characters cut across chunks come out whole (UTF-8 and UTF-16), the BOM is dropped', () => {
    const text = 'Nom;Courriel\r\nZoé;zoé@exâmple.fr\r\n€ 😀 ŁÓDŹ\r\n'.repeat(50);
    for (const size of [1, 2, 3, 7, 64]) {
      expect(decodeIn(Buffer.concat([Uint8Array.of(0xef, 0xbb, 0xbf), Buffer.from(text, 'utf8')]), size).text).toBe(text);
      expect(decodeIn(Buffer.concat([Uint8Array.of(0xff, 0xfe), Buffer.from(text, 'utf16le')]), size).text).toBe(text);
    }
  });

  it('a non-UTF-8 byte further down switches to Windows-1252 from there on, nothing replaced by U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('email\r\n' + 'a@b.fr\r\n'.repeat(1000), 'latin1'), Buffer.from('Ren\u00e9e;r@x.fr \u0080\r\n', 'latin1')]);
    const { text, d } = decodeIn(bytes, 4096);
    expect(d.encoding).toBe('windows-1252');
    expect(d.switched).toBe(true);
    expect(text.endsWith('Renée;r@x.fr €\r\n')).toBe(true);
    expect(text).not.toContain('\ufffd');
  });

  it('Latin-1 text through the fast path, anything past U+00FF through TextDecoder, whatever the chunks (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('jean@acme.fr;', 'Hélène', 'ÿ', '\u0085', '\r\n', '€', '’', '\ufeff', 'Ā', '😀', '?', '\u0000'),
      fc.string({ maxLength: 4, unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (pieces, size) => {
        const text = pieces.join('');
        const bytes = Buffer.from(text, 'utf8');
        const { text: out, d } = decodeIn(Buffer.concat([Buffer.from('email\r\n'), bytes]), size);
        expect(out).toBe('email\r\n' + text);
        expect(d.encoding).toBe('utf-8');
      }),
      { numRuns: 300 },
    );
  });

  it('latin1Text: exact for Latin-1 characters, null for anything else', () => {
    expect(latin1Text(Buffer.from('Zoé;zoe@acme.fr;ÿ \u0085 \u00a0\r\n'))).toBe('Zoé;zoe@acme.fr;ÿ \u0085 \u00a0\r\n');
    expect(latin1Text(Buffer.from('ascii only'))).toBe('ascii only');
    expect(latin1Text(Buffer.from('a?b'))).toBe('a?b'); // a real "?" is not a replaced character
    for (const s of ['prix en €', 'l’adresse', 'a\ufeffb', '\ufeffa', 'Łódź', 'émoji 😀', 'Ā']) expect(latin1Text(Buffer.from(s))).toBeNull();
  });

  it('a chunk past Latin-1 amid Latin-1 ones (TextDecoder for the next chunks, then the fast path again): all exact', () => {
    // 64 chunks of 100 bytes, one with a euro sign: every chunk still comes out exact.
    const line = 'Hélène;helene@acme.fr;ACMÉ\r\n';
    const lines = Array.from({ length: 200 }, (_, i) => (i === 20 ? 'Prix;1 €;x\r\n' : line));
    const bytes = Buffer.from(lines.join(''), 'utf8');
    expect(decodeIn(bytes, 100).text).toBe(lines.join(''));
  });

  it('decodeAll', () => {
    expect(decodeAll(Buffer.from('H\u00e9l\u00e8ne', 'latin1'))).toEqual({ text: 'Hélène', encoding: 'windows-1252', bom: false });
  });
});
