/**
 * The building blocks of classify()'s fast path: the role gate, the provider filter, the
 * plain-address scans and the caches. Each must only ever skip work whose answer is known.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainParsed, parseAddress, plainAddressScan, plainDomainScan, plainLocalScan, plainLower, plainPlus, trimAll } from './address.js';
import { hashRange, hashString, RangeCache, sampleHash, StringCache } from './hash.js';

// The role gate and the provider bit filter of lists.ts are gone (the lists are sorted strings now;
// see lists.test.ts): nothing of theirs to check here.

describe('plain-address scans (address.ts)', () => {
  const piece = fc.constantFrom(...'aZé0.@-_+"\\<> ,:()[]Éµİﬁ'.split(''), 'xn--', 'jean', 'acme', '.fr', '.com', '1', 'É');

  it('plainAddressScan accepts only what parseAddress takes in one pass, and says where the parts are', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const s = trimAll(parts.join(''));
        const at = plainAddressScan(s);
        if (at < 0) return;
        const lower = plainLower();
        const p = parseAddress(s);
        expect(p.ok).toBe(true);
        if (!p.ok) return;
        expect(isPlainParsed(p)).toBe(true);
        expect(p.email).toBe(lower ? s.toLowerCase() : s);
        expect(p.local).toBe(p.email.slice(0, at));
        expect(p.domain).toBe(p.email.slice(at + 1));
        expect(p.asciiDomain).toBe(p.domain);
        expect(p.name).toBeUndefined();
        expect(p.ipLiteral).toBe(false);
      }),
      { numRuns: 20000 },
    );
  });

  it('plainLocalScan then plainDomainScan decide as plainAddressScan', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const s = parts.join('');
        if (s.length < 5 || s.length > 254) return;
        const at = plainLocalScan(s);
        if (at < 0) return;
        expect(s.indexOf('@')).toBe(at);
        expect(plainPlus()).toBe(s.slice(0, at).indexOf('+'));
        const d = plainDomainScan(s, at);
        const full = plainAddressScan(s);
        expect(d >= 0).toBe(full >= 0);
        if (full >= 0) {
          expect(full).toBe(at);
          expect(plainLower()).toBe(d === 1);
        }
      }),
      { numRuns: 20000 },
    );
  });
});

describe('caches (hash.ts)', () => {
  it('sampleHash and hashRange depend only on the characters of the range', () => {
    expect(sampleHash('xx@acme.fr', 3, 10)).toBe(sampleHash('acme.fr', 0, 7));
    expect(hashRange('jean@acme.fr', 0, 4)).toBe(hashString('jean'));
    for (const s of ['a', 'ab', 'abc', 'abcd', 'gmail.com']) expect(sampleHash('>' + s + '<', 1, s.length + 1)).toBe(sampleHash(s, 0, s.length));
  });

  it('RangeCache finds what was added, by content, keeps frequent keys and forgets one-offs first', () => {
    const c = new RangeCache<string>(1, ''); // 2 sets of 2
    const key = (s: string) => [s, 0, s.length, sampleHash(s, 0, s.length)] as const;
    const add = (s: string, v: string): number => {
      const [k, a, b, h] = key(s);
      return c.add(k, a, b, h, s.length, -1, v);
    };
    const find = (s: string): number => {
      const [k, a, b, h] = key(s);
      return c.find(k, a, b, h);
    };
    expect(find('gmail.com')).toBe(-1);
    add('gmail.com', 'G');
    const e = find('gmail.com'); // second hit: promoted
    expect(c.value(e)).toBe('G');
    expect(c.a(e)).toBe(9);
    c.setB(e, 42);
    expect(c.b(find('gmail.com'))).toBe(42);
    // a stream of other keys never evicts it
    for (let i = 0; i < 200; i++) {
      const k = `one-off-${i}.fr`;
      if (find(k) < 0) add(k, k);
    }
    expect(c.value(find('gmail.com'))).toBe('G');
    expect(find('gmail.co')).toBe(-1);
    expect(find('gmail.comm')).toBe(-1);
    c.resetB(-1);
    expect(c.b(find('gmail.com'))).toBe(-1);
    expect(RangeCache.fits(0, 32)).toBe(true);
    expect(RangeCache.fits(0, 33)).toBe(false);
    expect(RangeCache.fits(3, 3)).toBe(false);
  });

  it('StringCache finds what was added and keeps frequent keys', () => {
    const c = new StringCache<number>(1, 0);
    const h = hashString('contact');
    c.add('contact', h, 1);
    expect(c.value(c.find('contact', h))).toBe(1);
    for (let i = 0; i < 100; i++) {
      const k = 'name' + i;
      if (c.find(k, hashString(k)) < 0) c.add(k, hashString(k), 2);
    }
    expect(c.value(c.find('contact', h))).toBe(1);
    expect(c.find('contacts', hashString('contacts'))).toBe(-1);
  });
});
