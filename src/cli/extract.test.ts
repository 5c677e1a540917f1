import { describe, expect, it } from 'vitest';
import { detectDelimiter, extractAddresses, headerScore, parseLenient } from './extract';

describe('detectDelimiter', () => {
  it('French Excel semicolons, commas, tabs', () => {
    expect(detectDelimiter('nom;email;société\nDupont;j@x.fr;ACME, SA\n')).toBe(';');
    expect(detectDelimiter('name,email\nJo,j@x.fr\n')).toBe(',');
    expect(detectDelimiter('name\temail\nJo\tj@x.fr\n')).toBe('\t');
  });

  it('none for a plain list, even with a quoted display name holding a comma', () => {
    expect(detectDelimiter('a@x.fr\nb@y.fr\n')).toBeNull();
    expect(detectDelimiter('"Dupont, Jean" <j@x.fr>\np@x.fr\nq@x.fr\n')).toBeNull();
  });

  it('ignores a delimiter seen on a minority of lines', () => {
    expect(detectDelimiter('a@x.fr\nDupont, Jean <j@x.fr>\nb@x.fr\nc@x.fr\n')).toBeNull();
  });
});

describe('headerScore', () => {
  it('recognises address headers, case and accent insensitive', () => {
    for (const h of ['email', 'E-mail', 'EMAIL', 'Mail', 'Courriel', 'Adresse mail', 'Adresse e-mail', 'adresse électronique', 'Email Address', 'E-mail 1 - Value']) {
      expect(headerScore(h), h).toBe(2);
    }
    expect(headerScore('Adresse')).toBe(1);
    expect(headerScore('Mail perso')).toBe(1);
    expect(headerScore('nom')).toBe(0);
    expect(headerScore('mail@x.fr')).toBe(0);
    expect(headerScore('jean.mail.fr')).toBe(0);
  });
});

describe('extractAddresses', () => {
  it('semicolon CSV with a French header, column found by name', () => {
    const r = extractAddresses('nom;Adresse e-mail;société\r\nDupont;j.dupont@acme.fr;ACME\r\nMartin;m@gmail.com;\r\n');
    expect(r).toEqual({ addresses: ['j.dupont@acme.fr', 'm@gmail.com'], delimiter: ';', header: ['nom', 'Adresse e-mail', 'société'], column: 1 });
  });

  it('prefers the named address column over a postal "adresse"', () => {
    const r = extractAddresses('adresse,ville,email\n"1, rue de la Paix",Paris,a@b.fr\n');
    expect(r.addresses).toEqual(['a@b.fr']);
    expect(r.column).toBe(2);
  });

  it('no header: the column holding addresses', () => {
    expect(extractAddresses('Dupont;j@acme.fr\nMartin;m@gmail.com\n').addresses).toEqual(['j@acme.fr', 'm@gmail.com']);
  });

  it('unnamed header above addresses is skipped', () => {
    const r = extractAddresses('Nom,Contact\nDupont,j@acme.fr\n');
    expect(r.header).toEqual(['Nom', 'Contact']);
    expect(r.addresses).toEqual(['j@acme.fr']);
  });

  it('no header, no "@": the first column', () => {
    expect(extractAddresses('foo;bar\nbaz;qux\n')).toMatchObject({ addresses: ['foo', 'baz'], column: 0, header: null });
  });

  it('plain lines, with a header name or without', () => {
    expect(extractAddresses('a@x.fr\nb@y.fr')).toMatchObject({ addresses: ['a@x.fr', 'b@y.fr'], delimiter: null, header: null });
    expect(extractAddresses('Email\na@x.fr\n').addresses).toEqual(['a@x.fr']);
    // a first line that is a bad address is a row, not a header
    expect(extractAddresses('jean.dupont\nb@y.fr\n').addresses).toEqual(['jean.dupont', 'b@y.fr']);
  });

  it('display names with commas: plain list, RFC-quoted CSV cell, hand-written ; CSV', () => {
    expect(extractAddresses('"Dupont, Jean" <j@x.fr>\np@x.fr\n').addresses).toEqual(['"Dupont, Jean" <j@x.fr>', 'p@x.fr']);
    expect(extractAddresses('nom,email\nJean,"""Dupont, Jean"" <j@x.fr>"\nPaul,p@x.fr\n').addresses).toEqual([
      '"Dupont, Jean" <j@x.fr>',
      'p@x.fr',
    ]);
    expect(extractAddresses('nom;email;société\nJean;"Dupont, Jean" <j@x.fr>;ACME\nPaul;p@x.fr;B\n').addresses).toEqual([
      '"Dupont, Jean" <j@x.fr>',
      'p@x.fr',
    ]);
    expect(extractAddresses('"""Dupont, Jean"" <j@x.fr>"\n"p@x.fr"\n').addresses).toEqual(['"Dupont, Jean" <j@x.fr>', 'p@x.fr']);
  });

  it('keeps empty and bad rows in order; drops only trailing blank lines', () => {
    expect(extractAddresses('email\na@x.fr\n\nnot an address\nb@y.fr\n\n\n').addresses).toEqual(['a@x.fr', '', 'not an address', 'b@y.fr']);
    expect(extractAddresses('nom;email\nA;a@x.fr\nB\n;\nC;c@x.fr\n;\n;\n').addresses).toEqual(['a@x.fr', '', '', 'c@x.fr']);
  });

  it('empty input, blank input, header only', () => {
    expect(extractAddresses('').addresses).toEqual([]);
    expect(extractAddresses('\n\n  \n').addresses).toEqual([]);
    expect(extractAddresses('nom;email;société\n').addresses).toEqual([]);
  });

  it('a pasted list of addresses on one line yields each address', () => {
    expect(extractAddresses('a@x.fr; b@y.fr; c@z.fr;\n')).toMatchObject({ addresses: ['a@x.fr', 'b@y.fr', 'c@z.fr'], column: -1 });
  });

  it('quoted fields with newlines and delimiters (papaparse path)', () => {
    const r = extractAddresses('email;note\n"a@x.fr";"line 1\nline 2; still"\nb@y.fr;ok\n');
    expect(r.addresses).toEqual(['a@x.fr', 'b@y.fr']);
  });

  it('honours an Excel "sep=" first line', () => {
    expect(extractAddresses('sep=,\r\nnom,email\r\nA;B,a@x.fr\r\n')).toMatchObject({ delimiter: ',', addresses: ['a@x.fr'] });
  });

  it('tab-delimited Excel "Unicode text"', () => {
    expect(extractAddresses('Nom\tE-mail\r\nZoé\tzoe@x.fr\r\n').addresses).toEqual(['zoe@x.fr']);
  });

  it('row order and count hold on a large input', () => {
    const lines = ['nom;email;société'];
    for (let i = 0; i < 20000; i++) lines.push(`N${i};user${i}@ex${i % 7}.fr;S${i}`);
    const r = extractAddresses(lines.join('\n') + '\n');
    expect(r.addresses.length).toBe(20000);
    expect(r.addresses[0]).toBe('user0@ex0.fr');
    expect(r.addresses[19999]).toBe('user19999@ex0.fr');
  });
});

describe('parseLenient', () => {
  it('keeps a malformed quoted prefix literally and never swallows the next lines', () => {
    expect(parseLenient('a;"Dupont, Jean" <j@x.fr>;c\nd;"unterminated\ne;f\n', ';')).toEqual([
      ['a', '"Dupont, Jean" <j@x.fr>', 'c'],
      ['d', '"unterminated'],
      ['e', 'f'],
      [''],
    ]);
  });

  it('handles well-formed quoting, doubled quotes and CRLF', () => {
    expect(parseLenient('"x;y";"say ""hi"""\r\n"multi\nline";z', ';')).toEqual([
      ['x;y', 'say "hi"'],
      ['multi\nline', 'z'],
    ]);
  });
});
