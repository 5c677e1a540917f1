import { describe, expect, it } from 'vitest';
import { parseAddress, parseAddressGeneral, splitAddressList, trimAll } from './address.js';

describe('parseAddress — valid', () => {
  it.each([
    ['jean@acme.fr', { email: 'jean@acme.fr', local: 'jean', domain: 'acme.fr', asciiDomain: 'acme.fr' }],
    ['Jean.Dupont@ACME.FR', { email: 'jean.dupont@acme.fr', local: 'jean.dupont' }],
    ['  jean@acme.fr\t', { email: 'jean@acme.fr' }],
    ['Jean Dupont <jean@acme.fr>', { email: 'jean@acme.fr', name: 'Jean Dupont' }],
    ['"Dupont, Jean" <jean@acme.fr>', { email: 'jean@acme.fr', name: 'Dupont, Jean' }],
    ['"A <b>" <c@d.fr>', { email: 'c@d.fr', name: 'A <b>' }],
    ['<jean@acme.fr>', { email: 'jean@acme.fr' }],
    ['< jean@acme.fr >', { email: 'jean@acme.fr' }],
    ['jean+promo@acme.fr', { email: 'jean+promo@acme.fr', local: 'jean+promo' }],
    ['jean@acme.fr.', { email: 'jean@acme.fr', domain: 'acme.fr' }],
    ['mailto:jean@acme.fr', { email: 'jean@acme.fr' }],
    ['MailTo:Jean@Acme.fr?subject=Hi&body=x', { email: 'jean@acme.fr' }],
    ['mailto:jean%40acme.fr', { email: 'jean@acme.fr' }],
    ['<mailto:jean@acme.fr>', { email: 'jean@acme.fr' }],
    ['jean@société.fr', { email: 'jean@société.fr', domain: 'société.fr', asciiDomain: 'xn--socit-esab.fr' }],
    ['jean@xn--socit-esab.fr', { email: 'jean@société.fr', domain: 'société.fr', asciiDomain: 'xn--socit-esab.fr' }],
    ['jean@Société.FR', { domain: 'société.fr' }],
    ['jean@bücher.de', { domain: 'bücher.de', asciiDomain: 'xn--bcher-kva.de' }],
    ['jean@exemple\u3002fr', { domain: 'exemple.fr' }],
    ['jean@acme.fr (Jean)', { email: 'jean@acme.fr', name: 'Jean' }],
    ['"jean dupont"@acme.fr', { email: '"jean dupont"@acme.fr', local: '"jean dupont"' }],
    ['"a@b"@acme.fr', { local: '"a@b"', domain: 'acme.fr' }],
    ["o'brien@acme.ie", { local: "o'brien" }],
    ['jéan@acme.fr', { local: 'jéan' }],
    ['x@[192.0.2.1]', { domain: '[192.0.2.1]', ipLiteral: true }],
    ['x@[IPv6:2001:db8::1]', { domain: '[ipv6:2001:db8::1]', ipLiteral: true }],
    ['x@192.0.2.1', { domain: '192.0.2.1', ipLiteral: true }],
    ['a@b.co', { email: 'a@b.co' }],
    ['\u200bjean@acme.fr\ufeff', { email: 'jean@acme.fr' }],
  ])('%s', (input, expected) => {
    const r = parseAddress(input);
    expect(r.ok).toBe(true);
    expect(r).toMatchObject(expected);
    if (r.ok && !('name' in expected)) expect(r.name).toBeUndefined();
  });

  it('keeps the @ where it was when lower-casing lengthens the local part (İ → i̇)', () => {
    for (const input of ['İx@ACME.fr', 'Name <İx@acme.fr>', 'xİ@acme.fr']) {
      const p = parseAddress(input);
      expect(p.ok, input).toBe(true);
      if (!p.ok) continue;
      expect(p.domain).toBe('acme.fr');
      expect(p.local).toBe(input.replace(/^Name </, '').replace(/>$/, '').split('@')[0]!.toLowerCase());
      expect(p.email).toBe(`${p.local}@acme.fr`);
      expect(parseAddressGeneral(input)).toEqual(p);
    }
  });

  it('accepts an address of exactly 254 characters and rejects 255', () => {
    const dom = (n: number) => {
      const labels: string[] = [];
      let left = n;
      while (left > 0) {
        const l = Math.min(63, left - (labels.length ? 1 : 0) - 3);
        labels.push('a'.repeat(Math.max(1, l)));
        left -= Math.max(1, l) + 1;
        if (left <= 4) break;
      }
      return labels.join('.') + '.fr';
    };
    const d = dom(200);
    const ok = 'x'.repeat(254 - 1 - d.length) + '@' + d;
    expect(ok.length).toBe(254);
    expect(parseAddress(ok).ok).toBe(true);
    const ko = 'x' + ok;
    const r = parseAddress(ko);
    expect(r.ok).toBe(false);
  });
});

describe('parseAddress — invalid', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['@', 'empty-local'],
    ['a@', 'empty-domain'],
    ['a@.', 'empty-domain'],
    ['@b.fr', 'empty-local'],
    ['a@b', 'single-label-domain'],
    ['a@localhost', 'single-label-domain'],
    ['a b@c.fr', 'bad-local'],
    ['a@b c.fr', 'bad-domain'],
    ['<>', 'empty'],
    ['x'.repeat(400), 'too-long'],
    ['x'.repeat(1001), 'too-long'],
    ['jean', 'no-at'],
    ['jean@acme..fr', 'bad-domain'],
    ['jean@.acme.fr', 'bad-domain'],
    ['jean@acme.fr..', 'bad-domain'],
    ['.jean@acme.fr', 'bad-local'],
    ['jean.@acme.fr', 'bad-local'],
    ['je..an@acme.fr', 'bad-local'],
    ['je(an@acme.fr', 'bad-local'],
    ['jean@-acme.fr', 'bad-domain'],
    ['jean@acme-.fr', 'bad-domain'],
    ['jean@ac_me.fr', 'bad-domain'],
    ['jean@acme.fr>', 'bad-brackets'],
    ['<jean@acme.fr', 'bad-brackets'],
    ['Jean <jean@acme.fr', 'bad-brackets'],
    ['jean@xn--zz.fr', 'bad-punycode'],
    ['jean@xn--abc.fr', 'bad-punycode'],
    ['jean@acme.123', 'bad-domain'],
    ['x@[300.1.1.1]', 'bad-domain'],
    ['x@[foo]', 'bad-domain'],
    ['a'.repeat(65) + '@acme.fr', 'too-long'],
    ['jean@' + 'a'.repeat(64) + '.fr', 'bad-domain'],
    ['"unterminated@acme.fr', 'bad-local'],
    ['jean@acme.fr\u0000', 'bad-domain'],
    ['\ud800@acme.fr', 'bad-local'],
    ['jean@ac\ud800me.fr', 'bad-domain'],
  ])('%j → %s', (input, detail) => {
    const r = parseAddress(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.id).toBe('address-invalid');
      expect(r.reason.detail).toBe(detail);
      expect(r.reason.fr).toContain('invalide');
      expect(r.reason.en).toContain('Invalid');
    }
  });

  it('does not throw on non-strings', () => {
    for (const v of [null, undefined, 1, {}, []]) expect(parseAddress(v as never).ok).toBe(false);
  });
});

describe('splitAddressList', () => {
  it.each([
    ['a@x.fr, "B, C" <b@y.fr>; c@z', ['a@x.fr', '"B, C" <b@y.fr>', 'c@z']],
    ['a@x.fr\nb@y.fr\r\nc@z.fr', ['a@x.fr', 'b@y.fr', 'c@z.fr']],
    ['a@x.fr,,;  ;\n\n', ['a@x.fr']],
    ['', []],
    ['   ', []],
    ['Dupont, Jean <jean@x.fr>, marie@y.fr', ['Dupont, Jean <jean@x.fr>', 'marie@y.fr']],
    ['"Dupont; Jean" <jean@x.fr>;marie@y.fr', ['"Dupont; Jean" <jean@x.fr>', 'marie@y.fr']],
    ['<a,b@x.fr>, c@y.fr', ['<a,b@x.fr>', 'c@y.fr']],
    ['jean@x.fr (Dupont, Jean), marie@y.fr', ['jean@x.fr (Dupont, Jean)', 'marie@y.fr']],
    ['"escaped \\" quote, still" <a@x.fr>, b@y.fr', ['"escaped \\" quote, still" <a@x.fr>', 'b@y.fr']],
    ['"runaway, quote\nb@y.fr', ['"runaway, quote', 'b@y.fr']],
    ['<runaway, x\nb@y.fr', ['<runaway, x', 'b@y.fr']],
    ['Jean <j@x.fr>; Marie <m@y.fr>', ['Jean <j@x.fr>', 'Marie <m@y.fr>']],
    ['foo; Jean <j@x.fr>', ['foo', 'Jean <j@x.fr>']],
  ])('%j', (input, out) => {
    expect(splitAddressList(input)).toEqual(out);
  });

  it('every piece of a pasted Outlook line parses', () => {
    const line = '"Dupont, Jean" <jean.dupont@acme.fr>; Martin, Marie <marie@gmail.com>; contact@acme.fr';
    const parts = splitAddressList(line);
    expect(parts).toHaveLength(3);
    expect(parts.map((p) => parseAddress(p)).every((r) => r.ok)).toBe(true);
    const second = parseAddress(parts[1]!);
    expect(second.ok && second.name).toBe('Martin, Marie');
  });
});

describe('trimAll', () => {
  it('trims unicode spaces and zero-width characters', () => {
    expect(trimAll('\u00a0\u200b a \u3000\ufeff')).toBe('a');
    expect(trimAll('abc')).toBe('abc');
  });
});

describe('parseAddress — single-pass shortcut agrees with the general path', () => {
  it('on arbitrary strings and generated addresses', async () => {
    const fc = (await import('fast-check')).default;
    const { parseAddressGeneral } = await import('./address.js');
    const ch = fc.constantFrom(...'aZé0.-_@+"<> xn--ÉÀ\u00df\u00ff\u0130'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string({ unit: ch, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 })), (s) => {
        expect(parseAddress(s)).toEqual(parseAddressGeneral(s));
        const up = s.toUpperCase();
        expect(parseAddress(up)).toEqual(parseAddressGeneral(up));
      }),
      { numRuns: 5000 },
    );
  });
});
