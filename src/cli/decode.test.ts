import { describe, expect, it } from 'vitest';
import { decodeWindows1252, encodeWindows1252 } from './decode';

describe('Windows-1252', () => {
  it('decodeWindows1252 maps all of 0x80–0x9F as WHATWG does', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const text = decodeWindows1252(all);
    expect(text.length).toBe(256);
    expect(text.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(text.slice(0xa0)).toBe(Buffer.from(all.subarray(0xa0)).toString('latin1'));
    expect(text.slice(0, 0x80)).toBe(Buffer.from(all.subarray(0, 0x80)).toString('latin1'));
  });

  it('encodeWindows1252 is its inverse on every byte; other characters become "?"', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    expect([...encodeWindows1252(decodeWindows1252(all))]).toEqual([...all]);
    expect(encodeWindows1252('Œuvre – 12 € ≤ 😀').toString('latin1')).toBe('\u008cuvre \u0096 12 \u0080 ? ??');
  });
});
