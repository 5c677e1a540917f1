import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWriter } from './io';

function collect(): { w: ByteWriter; bytes(): Buffer; chunks: Uint8Array[] } {
  const chunks: Uint8Array[] = [];
  const w = new ByteWriter((c) => void chunks.push(Uint8Array.from(c)));
  return {
    w,
    chunks,
    bytes: () => {
      w.flush();
      return Buffer.concat(chunks);
    },
  };
}

describe('ByteWriter: direct writes', () => {
  it('utf8(s, start, end) writes what push(s.slice(start, end)) does, lone surrogates included (property)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('\ud800', 'a\udc00b', 'é’😀', 'x\ud83d'));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.string(), (s, a, b, before) => {
        const start = s.length ? a % (s.length + 1) : 0;
        const end = start + (s.length - start ? b % (s.length - start + 1) : 0);
        const direct = collect();
        direct.w.push(before);
        direct.w.utf8(s, start, end);
        direct.w.push('|');
        const pushed = collect();
        pushed.w.push(before);
        pushed.w.flush(); // encoded apart, as utf8() encodes what was queued before it
        pushed.w.push(s.slice(start, end));
        pushed.w.flush();
        pushed.w.push('|');
        expect(direct.bytes().equals(pushed.bytes())).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('spaces, bytes and text keep their order across 1 MiB chunks, none over 1 MiB', () => {
    const { w, bytes, chunks } = collect();
    let expected = '';
    for (let i = 0; i < 40_000; i++) {
      w.push('ligne ');
      w.spaces(i % 7);
      w.utf8('Hélène  O’Brien', 0, 15);
      w.byte(10);
      expected += 'ligne ' + ' '.repeat(i % 7) + 'Hélène  O’Brien\n';
    }
    expect(bytes().toString('utf8')).toBe(expected);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(1 << 20);
    // no spaces for a count of zero or less: what was written stays
    w.utf8('fin');
    w.spaces(0);
    w.spaces(-5);
    // more spaces than a chunk holds, at once: all of them, after what came before
    w.spaces(3 << 20);
    expect(bytes().toString('utf8')).toBe(expected + 'fin' + ' '.repeat(3 << 20));
  });
});
