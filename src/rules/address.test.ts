import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findAddresses, normalizeAddress, normalizeDomain, parseAddress, parseAddressList, splitAddressList, trimAll } from './address.js';

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

describe('parseAddress — internationalised domains, as the browser\'s URL parser maps them', () => {
  it.each([
    ['jean@ｇｍａｉｌ.com', 'gmail.com', 'gmail.com'],
    ['jean@ｇｍａｉｌ．ｃｏｍ', 'gmail.com', 'gmail.com'],
    ['JEAN@GMAIL\u3002COM', 'gmail.com', 'gmail.com'],
    ['ivan@b.xn--p1ai', 'b.рф', 'b.xn--p1ai'],
    ['ivan@пример.рф', 'пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    ['ivan@ПРИМЕР.РФ', 'пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    ['hans@faß.de', 'faß.de', 'xn--fa-hia.de'],
    ['jean@a\u00adb.fr', 'ab.fr', 'ab.fr'],
    ['x@日本.jp', '日本.jp', 'xn--wgv71a.jp'],
  ])('%s → %s', (input, domain, ascii) => {
    const p = parseAddress(input);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.domain).toBe(domain);
    expect(p.asciiDomain).toBe(ascii);
    expect(p.email).toBe(`${p.local}@${domain}`);
  });

  it.each([
    ['jean@\u0301a.fr', 'bad-domain'], // a combining mark cannot start a label
    ['jean@a\u200db.fr', 'bad-domain'], // a joiner outside its context
    ['jean@x\uff0fy.fr', 'bad-domain'], // a fullwidth solidus maps to '/'
    ['jean@\u00ad.fr', 'bad-domain'], // a soft hyphen alone maps to nothing: empty label
    ['jean@xn--a.fr', 'bad-punycode'],
    ['jean@xn--abc-.fr', 'bad-domain'],
    ['jean@１.２', 'bad-domain'], // the URL parser would read an IPv4 address
    ['jean@société.123', 'bad-domain'],
    ['jean@ac_me.société.fr', 'bad-domain'],
  ])('%j → %s', (input, detail) => {
    const r = parseAddress(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.detail).toBe(detail);
  });

  it('agrees with new URL() on the ASCII form of any domain it accepts', () => {
    const piece = fc.constantFrom(...'aZé0-.ßİ\u0301\u00adｇＡ。'.split(''), 'xn--', 'münchen', 'рф', 'xn--p1ai', 'fr', '日本');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (parts) => {
        const d = parts.join('');
        const p = parseAddress(`x@${d}`);
        if (!p.ok || p.ipLiteral) return;
        let host: string;
        try {
          host = new URL(`http://${d}/`).hostname;
        } catch {
          expect.fail(`accepted ${JSON.stringify(d)} that the URL parser refuses`);
        }
        expect(p.asciiDomain).toBe(host.replace(/\.$/, ''));
        // and the Unicode form maps back to the same host
        expect(new URL(`http://${p.domain}/`).hostname.replace(/\.$/, '')).toBe(p.asciiDomain);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('parseAddress — display names', () => {
  it.each([
    ['Иван <ivan@b.xn--p1ai>', 'Иван', 'ivan@b.рф'],
    ['"Weber, Eva" <E.Weber@Weber-GmbH.de>', 'Weber, Eva', 'e.weber@weber-gmbh.de'],
    ['jean@acme.fr <jean@acme.fr>', undefined, 'jean@acme.fr'],
    ['"JEAN@ACME.FR" <jean@acme.fr>', undefined, 'jean@acme.fr'],
    ['Jean\u200b  Dupont\t<jean@acme.fr>', 'Jean Dupont', 'jean@acme.fr'],
  ])('%j', (input, name, email) => {
    const p = parseAddress(input);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.name).toBe(name);
    expect(p.email).toBe(email);
  });
});

describe('findAddresses', () => {
  it.each([
    ['Jean Dupont <jean@acme.fr>, paul@x.fr; "Durand, M." <m@d.fr>', [['jean@acme.fr', 'Jean Dupont'], ['paul@x.fr'], ['m@d.fr', 'Durand, M.']]],
    ['Écrire à ivan@b.xn--p1ai.', [['ivan@b.рф']]],
    ['(jean@acme.fr)', [['jean@acme.fr']]],
    ['Contact: jean@acme.fr ou marie@gmail.com', [['jean@acme.fr'], ['marie@gmail.com']]],
    ['mailto:jean@acme.fr', [['jean@acme.fr']]],
    ['jean@ｇｍａｉｌ.com', [['jean@gmail.com']]],
    ['no address @ all', []],
    ['', []],
    ['a@b', []],
  ])('%j', (text, want) => {
    expect(findAddresses(text).map((p) => (p.name ? [p.email, p.name] : [p.email]))).toEqual(want);
  });

  it('never throws and only returns addresses parseAddress accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab.@-<>"(), ;é\n'.split(''), 'xn--p1ai'), maxLength: 60 }), (s) => {
        for (const p of findAddresses(s)) {
          const again = parseAddress(p.email);
          expect(again.ok && again.email).toBe(p.email);
          expect(s.toLowerCase()).toContain(p.local);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseAddressList, normalizeAddress, normalizeDomain', () => {
  it('parses every piece of a list and keeps the bad ones with their reason', () => {
    const r = parseAddressList('Jean <jean@acme.fr>; pas une adresse, b@y.fr');
    expect(r.map((x) => x.input)).toEqual(['Jean <jean@acme.fr>', 'pas une adresse', 'b@y.fr']);
    expect(r.map((x) => x.ok)).toEqual([true, false, true]);
    expect(r[1]!.ok === false && r[1]!.reason.detail).toBe('no-at');
  });

  it.each([
    ['  Jean.Dupont@ACME.fr ', 'jean.dupont@acme.fr'],
    ['Ivan <IVAN@B.XN--P1AI>', 'ivan@b.рф'],
    ['jean@ｇｍａｉｌ.com', 'jean@gmail.com'],
    ['jean@', null],
    ['jean', null],
  ])('normalizeAddress(%j) → %j', (input, out) => {
    expect(normalizeAddress(input)).toBe(out);
  });

  it.each([
    ['Example.COM ', 'example.com'],
    ['@example.com', 'example.com'],
    ['*.example.com', 'example.com'],
    ['mail.société.fr.', 'mail.société.fr'],
    ['XN--SOCIT-ESAB.FR', 'société.fr'],
    ['jean@acme.fr', 'acme.fr'],
    ['b.xn--p1ai', 'b.рф'],
    ['localhost', null],
    ['exa mple.com', null],
    ['', null],
  ])('normalizeDomain(%j) → %j', (input, out) => {
    expect(normalizeDomain(input)).toBe(out);
  });
});

describe('parseAddress — the one-pass path for bare addresses gives what the general path gives', () => {
  // "<x>" takes the general path for x (the brackets are cut off first), so for any x without
  // '<', '"' or a closing '>' / ')' both must agree, field by field.
  const general = (x: string) => parseAddress(`<${x}>`);

  it.each([
    ['jean.dupont@acme.fr', 'jean.dupont@acme.fr'],
    ['Jean.Dupont@ACME.Fr', 'jean.dupont@acme.fr'],
    ["o'brien+tag@sub.acme-group.co.uk", "o'brien+tag@sub.acme-group.co.uk"],
    [`${'a'.repeat(64)}@acme.fr`, `${'a'.repeat(64)}@acme.fr`],
    [`a@${'b'.repeat(63)}.fr`, `a@${'b'.repeat(63)}.fr`],
    ['a@b.123a', 'a@b.123a'],
  ])('%s', (x, email) => {
    expect(parseAddress(x)).toEqual(general(x));
    expect(parseAddress(x)).toMatchObject({ ok: true, email });
  });

  it.each([
    `${'a'.repeat(65)}@acme.fr`,
    `${'a'.repeat(60)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.fr`,
    `a@${'b'.repeat(64)}.fr`,
    'a@acme.fr.',
    'a@acme..fr',
    'a@.acme.fr',
    'a@-acme.fr',
    'a@acme-.fr',
    'a@acme',
    'a@acme.123',
    'a@192.168.0.1',
    'a@xn--socit-esab.fr',
    'a@XN--socit-esab.fr',
    'a@xn--.fr',
    'a@b@acme.fr',
    '.a@acme.fr',
    'a.@acme.fr',
    'a..b@acme.fr',
    'a@acme_x.fr',
    'jéan@acme.fr',
    'jean@société.fr',
    'mailto:a@acme.fr',
    'a b@acme.fr',
    '@acme.fr',
    'a@',
  ])('%s', (x) => {
    expect(parseAddress(x)).toEqual(general(x));
  });

  it('random addresses near the path\'s borders', () => {
    const unit = fc.constantFrom('a', 'B', 'z', '0', '9', '.', '-', '_', '+', '@', 'xn--', 'X', 'é', '.fr', '@a.fr', "'", '\u00a0', ' ');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (x) => {
        expect(parseAddress(x)).toEqual(general(x));
      }),
      { numRuns: 5000 },
    );
  });
});
