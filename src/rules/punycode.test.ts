import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainToASCII, domainToUnicode, punycodeDecode, toASCII, toUnicode } from './punycode.js';

// RFC 3492 section 7.1 sample strings
const RFC_SAMPLES: [string, string, string][] = [
  ['(A) Arabic', '\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F', 'egbpdaj6bu4bxfgehfvwxn'],
  ['(B) Chinese simplified', '\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587', 'ihqwcrb4cv8a8dqg056pqjye'],
  ['(C) Chinese traditional', '\u4ED6\u5011\u7232\u4EC0\u9EBD\u4E0D\u8AAA\u4E2D\u6587', 'ihqwctvzc91f659drss3x8bo0yb'],
  ['(D) Czech', 'Pro\u010Dprost\u011Bnemluv\u00ED\u010Desky', 'Proprostnemluvesky-uyb24dma41a'],
  ['(L) 3年B組金八先生', '3\u5E74B\u7D44\u91D1\u516B\u5148\u751F', '3B-ww4c5e180e575a65lsy2b'],
  ['(S) ASCII only', '-> $1.00 <-', '-> $1.00 <--'],
];

describe('punycodeDecode (RFC 3492)', () => {
  it.each(RFC_SAMPLES)('%s decodes', (_n, uni, puny) => {
    expect(punycodeDecode(puny)).toBe(uni);
  });

  it.each([
    ['société', 'socit-esab'],
    ['münchen', 'mnchen-3ya'],
    ['bücher', 'bcher-kva'],
    ['💩', 'ls8h'],
  ])('%s ← %s', (u, p) => {
    expect(punycodeDecode(p)).toBe(u);
  });

  it('rejects malformed input without throwing', () => {
    expect(punycodeDecode('99999999999')).toBeNull();
    expect(punycodeDecode('zzzzzzzzzzzzzzzzzzzz')).toBeNull();
    expect(punycodeDecode('é-abc')).toBeNull();
    expect(punycodeDecode('a!')).toBeNull();
  });

  it('decodes what the URL parser encodes, back to the mapped label', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aé日ßüрф0-'.split('')), minLength: 1, maxLength: 12 }), (s) => {
        let host: string;
        try {
          host = new URL(`http://${s}.fr/`).hostname;
        } catch {
          return;
        }
        expect(domainToUnicode(host)).toBe(s.normalize('NFC').toLowerCase() + '.fr');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        punycodeDecode(s);
        domainToASCII(s);
        toASCII(s);
        toUnicode(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('toASCII / toUnicode', () => {
  it.each([
    ['société.fr', 'xn--socit-esab.fr'],
    ['SOCIÉTÉ.FR', 'xn--socit-esab.fr'],
    ['mail.münchen.de', 'mail.xn--mnchen-3ya.de'],
    ['acme.fr', 'acme.fr'],
    ['пример.рф', 'xn--e1afmkfd.xn--p1ai'],
  ])('%s → %s', (u, a) => {
    expect(toASCII(u)).toBe(a);
    expect(toUnicode(a)).toBe(u.toLowerCase());
  });

  it('maps fullwidth letters, ideographic full stops and NFD input as the URL parser does', () => {
    expect(toASCII('ｇｍａｉｌ.com')).toBe('gmail.com');
    expect(toUnicode('exemple\u3002fr')).toBe('exemple.fr');
    expect(toASCII('socie\u0301te\u0301.fr')).toBe('xn--socit-esab.fr');
  });

  it('rejects invalid A-labels and what would change the URL', () => {
    expect(toUnicode('xn--zz.fr')).toBeNull();
    expect(toASCII('xn--zz.fr')).toBeNull();
    expect(toUnicode('xn--abc-.fr')).toBeNull(); // decodes to pure ASCII
    for (const s of ['a/b.fr', 'a?b.fr', 'a#b.fr', 'u@a.fr', 'a.fr:80', '[::1]', 'a%41.fr', 'a b.fr']) expect(domainToASCII(s)).toBeNull();
  });
});
