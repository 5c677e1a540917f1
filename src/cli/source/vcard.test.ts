import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailLabel, looksLikeVCard, parseProperty, VCardReader, type VCard } from './vcard';

function read(text: string, chunks: string[] = [text]): VCard[] {
  const out: VCard[] = [];
  const r = new VCardReader((c) => out.push(c));
  for (const c of chunks) r.push(c);
  r.end();
  return out;
}

const CARDS = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Jean Dupont',
  'ORG:ACME\\, SAS;Ventes',
  'EMAIL;TYPE=INTERNET,WORK:jean.dupont@acme',
  ' -industrie.fr',
  'item1.EMAIL;type=INTERNET:jean@gmail.com',
  'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ',
  ' EASABIAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4R',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:2.1',
  'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Lef=C3=A8vre;H=C3=A9l=',
  '=C3=A8ne;;;',
  'EMAIL;INTERNET;PREF:helene@orange.fr',
  'AGENT:',
  'BEGIN:VCARD',
  'EMAIL:assistant@acme.fr',
  'END:VCARD',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:Zoé',
  'END:VCARD',
  '',
].join('\r\n');

describe('VCardReader', () => {
  it('every EMAIL of every card, with the name, organisation and raw text', () => {
    const cards = read(CARDS);
    expect(cards.map((c) => [c.index, c.line, c.version, c.name, c.organization, c.emails.map((e) => e.value)])).toEqual([
      [1, 1, '3.0', 'Jean Dupont', 'ACME, SAS', ['jean.dupont@acme-industrie.fr', 'jean@gmail.com']],
      [2, 11, '2.1', 'Hélène Lefèvre', '', ['helene@orange.fr']],
      [3, 21, '4.0', 'Zoé', '', []],
    ]);
    expect(cards[0]!.emails[0]!.types).toEqual(['INTERNET', 'WORK']);
    expect(cards[1]!.emails[0]!.types).toEqual(['INTERNET', 'PREF']);
    expect(cards[0]!.raw).toBe(CARDS.split('\r\n').slice(0, 10).join('\r\n'));
    expect(cards[2]!.raw).toBe('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoé\r\nEND:VCARD');
  });

  it('the nested card of a 2.1 AGENT is not this contact\'s', () => {
    expect(read(CARDS)[1]!.emails.map((e) => e.value)).toEqual(['helene@orange.fr']);
  });

  it('LF line ends, a card without END, a quoted TYPE and PREF=1', () => {
    const cards = read('BEGIN:VCARD\nVERSION:4.0\nEMAIL;TYPE="work,voice";PREF=1:a@b.fr\nEMAIL:c@d.fr');
    expect(cards.length).toBe(1);
    expect(cards[0]!.emails).toEqual([
      { value: 'a@b.fr', types: ['WORK', 'VOICE', 'PREF'] },
      { value: 'c@d.fr', types: [] },
    ]);
  });

  it('quoted-printable in Windows-1252 with a soft line break', () => {
    const cards = read('BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=WINDOWS-1252;ENCODING=QUOTED-PRINTABLE:Fran=E7ois =\r\nLef=E8vre\r\nEND:VCARD\r\n');
    expect(cards[0]!.name).toBe('François Lefèvre');
  });

  it('gives the same cards however the text is cut into chunks (property)', () => {
    const whole = read(CARDS);
    fc.assert(
      fc.property(fc.array(fc.nat(CARDS.length), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: string[] = [];
        let last = 0;
        for (const p of points) {
          chunks.push(CARDS.slice(last, p));
          last = p;
        }
        chunks.push(CARDS.slice(last));
        expect(read(CARDS, chunks)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});

describe('helpers', () => {
  it('parseProperty: group, name, parameters, value with colons', () => {
    const p = parseProperty('item1.EMAIL;type=INTERNET;TYPE="a:b":x@y.fr')!;
    expect(p.group).toBe('item1');
    expect(p.name).toBe('EMAIL');
    expect(p.params.get('TYPE')).toEqual(['INTERNET', 'a:b']);
    expect(p.value).toBe('x@y.fr');
    expect(parseProperty('no colon here')).toBeNull();
  });

  it('looksLikeVCard and emailLabel', () => {
    expect(looksLikeVCard('\r\nbegin:vcard\r\n')).toBe(true);
    expect(looksLikeVCard('email\nBEGIN:VCARD')).toBe(false);
    expect(emailLabel({ value: '', types: ['INTERNET', 'WORK', 'PREF'] })).toBe('EMAIL (WORK)');
    expect(emailLabel({ value: '', types: ['INTERNET'] })).toBe('EMAIL');
  });
});
