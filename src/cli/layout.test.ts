import { describe, expect, it } from 'vitest';
import { columnLetter, contactOf, detectLayout, headerScore, type Layout } from './layout';
import { Row } from './row';

const layoutOf = (rows: string[][], forced: string[] = []): Layout => {
  const r = detectLayout(rows, forced);
  if (!r.ok) throw new Error(`no layout: ${JSON.stringify(r)}`);
  return r.layout;
};

describe('headerScore', () => {
  it('names of address columns in real exports', () => {
    for (const h of [
      'email', 'E-mail', 'EMAIL', 'Mail', 'Courriel', 'Mél', 'Adresse mail', 'Adresse e-mail', 'adresse électronique', 'Email Address',
      'E-mail 1 - Value', 'E-mail 2 - Value', // Google
      'E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address', // Outlook
      'Adresse de messagerie', 'Adresse de messagerie 2', // Outlook, French
      'Additional email addresses', // HubSpot
      'emailAddress', 'professionalEmail', 'personalEmail', 'workEmail', 'Personal Email', 'Email pro', 'Mail perso', 'Courriel professionnel',
    ]) {
      expect(headerScore(h), h).toBe(2);
    }
  });

  it('columns about an address that are not one', () => {
    for (const h of ['E-mail 1 - Label', 'E-mail 1 - Type', 'E-mail Type', 'E-mail Display Name', "Nom complet de l'adresse de messagerie", 'Type de messagerie', 'Email Status', 'Email opt out', 'Mailing City', 'Email Domain', 'nom', 'mail@x.fr', 'jean.mail.fr']) {
      expect(headerScore(h), h).toBe(0);
    }
    expect(headerScore('Adresse')).toBe(1);
    expect(headerScore('Mail du contact')).toBe(1);
  });
});

describe('detectLayout', () => {
  it('every address column of a Google or Outlook header', () => {
    const l = layoutOf([
      ['First Name', 'Last Name', 'E-mail 1 - Label', 'E-mail 1 - Value', 'E-mail 2 - Label', 'E-mail 2 - Value', 'Organization Name'],
      ['Jean', 'Dupont', '* Work', 'j@acme.fr', 'Home', 'j@gmail.com', 'ACME'],
    ]);
    expect(l).toMatchObject({ headerIndex: 0, addressColumns: [3, 5], multi: true, first: 0, last: 1, company: 6 });
    const o = layoutOf([
      ['First Name', 'E-mail Address', 'E-mail Type', 'E-mail Display Name', 'E-mail 2 Address'],
      ['Olivier', 'o@proximus.be', 'SMTP', 'Olivier (o@proximus.be)', ''],
    ]);
    expect(o.addressColumns).toEqual([1, 4]);
  });

  it('a preamble above the header (LinkedIn Connections.csv)', () => {
    const l = layoutOf([['Notes:'], ['When exporting your connection data, you may notice that some of the email addresses are missing.'], [''], ['First Name', 'Last Name', 'URL', 'Email Address'], ['Sophie', 'Girard', 'https://x', 's@capgemini.com']]);
    expect(l).toMatchObject({ headerIndex: 3, addressColumns: [3] });
  });

  it('no header: the columns holding addresses; a lone line is data', () => {
    expect(layoutOf([['a@x.fr', 'Jean'], ['b@y.fr', 'Paul']])).toMatchObject({ headerIndex: -1, addressColumns: [0] });
    expect(layoutOf([['a@x.fr', 'b@y.fr']])).toMatchObject({ headerIndex: -1, addressColumns: [0, 1], multi: true });
    expect(layoutOf([['jean.dupont']])).toMatchObject({ headerIndex: -1, addressColumns: [0] });
    expect(layoutOf([['Dupont Jean']])).toMatchObject({ headerIndex: -1 });
    expect(layoutOf([['not an address'], ['a@b.fr']])).toMatchObject({ headerIndex: -1 });
  });

  it('an unnamed header is taken only above a column of addresses, and only when it reads like labels', () => {
    expect(layoutOf([['Nom', 'Contact'], ['Jean', 'j@x.fr'], ['Paul', 'p@x.fr']])).toMatchObject({ headerIndex: 0, headerGuessed: true, addressColumns: [1] });
    // a first row holding a bad address is data
    expect(layoutOf([['Jean', 'jean.dupont'], ['Paul', 'p@x.fr'], ['Zoé', 'z@x.fr']])).toMatchObject({ headerIndex: -1 });
  });

  it('a header alone, no address column, a forced column', () => {
    expect(detectLayout([['Email', 'Nom']])).toEqual({ ok: false, reason: 'header-only', header: ['Email', 'Nom'] });
    expect(detectLayout([['Nom', 'Prénom', 'Téléphone'], ['Dupont', 'Jean', '06']])).toEqual({ ok: false, reason: 'no-address-column', header: ['Nom', 'Prénom', 'Téléphone'] });
    expect(layoutOf([['Nom', 'Courriel pro', 'Courriel perso'], ['D', 'a@x.fr', 'b@y.fr']], ['courriel perso'])).toMatchObject({ addressColumns: [2] });
    expect(layoutOf([['a', 'x@y.fr', 'z@y.fr']], ['C', '2'])).toMatchObject({ addressColumns: [2, 1] });
    expect(detectLayout([['Nom', 'Email'], ['D', 'a@x.fr']], ['Mail'])).toMatchObject({ ok: false, reason: 'unknown-column', column: 'Mail' });
  });

  it('contact columns', () => {
    const l = layoutOf([['Prénom', 'Nom', 'Société', 'E-mail'], ['Jean', 'Dupont', 'ACME', 'j@acme.fr']]);
    expect(contactOf(l, ['Jean', 'Dupont', 'ACME', 'j@acme.fr'])).toBe('Jean Dupont (ACME)');
    expect(contactOf(l, ['', '', 'ACME', 'j@acme.fr'])).toBe('ACME');
    // a row read in place (its line not split) gives the same
    expect(contactOf(l, new Row(2, null, ' Jean ;Dupont;ACME;j@acme.fr', ';'))).toBe('Jean Dupont (ACME)');
    expect(contactOf(l, new Row(3, null, ';;ACME', ';'))).toBe('ACME');
    expect(contactOf(l, new Row(4, null, 'Jean', ';'))).toBe('Jean');
  });

  it('columnLetter', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
