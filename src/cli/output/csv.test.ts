import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { suppress } from '../audit';
import { fakeClassify } from '../test-support';
import { csvShape, csvWriter, safeCell } from './csv';
import { context, itemsOf, written } from './test-helpers';

const rows = ['j.dupont@acme.fr', 'jean@gmail.com', 'not an address'].map((a) => fakeClassify(a));

describe('csvShape: the delimiter and encoding family of the input', () => {
  it('French Excel (; or Windows-1252 or a BOM) gets ; and UTF-8 with a BOM; UTF-16 stays UTF-16; plain UTF-8 stays plain', () => {
    expect(csvShape(context({ delimiter: ';', encoding: 'windows-1252' }))).toEqual({ delimiter: ';', encoding: 'utf-8', bom: true, newline: '\n' });
    expect(csvShape(context({ delimiter: ',', encoding: 'utf-8', bom: true }))).toMatchObject({ delimiter: ',', bom: true });
    expect(csvShape(context({ delimiter: ',', encoding: 'utf-8', bom: false }))).toMatchObject({ delimiter: ',', bom: false });
    expect(csvShape(context({ delimiter: '\t', encoding: 'utf-16le', bom: true }))).toMatchObject({ delimiter: '\t', encoding: 'utf-16le', bom: true });
  });

  it('spreadsheets, vCards and plain lists get what Excel expects in the chosen language', () => {
    expect(csvShape(context({ kind: 'sheet', lang: 'fr' }))).toEqual({ delimiter: ';', encoding: 'utf-8', bom: true, newline: '\r\n' });
    expect(csvShape(context({ kind: 'vcard', lang: 'en' }))).toMatchObject({ delimiter: ',', bom: true });
    expect(csvShape(context({ kind: 'lines', delimiter: null, lang: 'fr' }))).toMatchObject({ delimiter: ';', bom: true });
  });
});

describe('csvWriter', () => {
  it('the input\'s own columns as they were, then the verdict in the chosen language', () => {
    const ctx = context({ lang: 'fr', encoding: 'windows-1252' });
    const { bytes, text } = written((w) => csvWriter(ctx, w), itemsOf(rows));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).trimEnd().split('\n');
    expect(lines[0]).toBe('name;email;destinataire;régime;juridiction;indices;motif');
    expect(lines[1]).toBe('x;j.dupont@acme.fr;professionnel;opt-out;FR;;Adresse professionnelle nominative : opt-out.');
    expect(lines[2]).toBe('x;jean@gmail.com;particulier;opt-in;FR;messagerie grand public;Messagerie de particulier : opt-in.');
    expect(lines[3]).toBe('x;not an address;invalide;;FR;;Adresse invalide.');
  });

  it('several addresses per row: one line each, with row, column and address', () => {
    const { text } = written((w) => csvWriter(context({ multi: true }), w), itemsOf(rows, 2));
    const parsed = Papa.parse<string[]>(text.trimEnd(), { delimiter: ';' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(['name', 'email', 'row', 'column', 'address', 'audience', 'regime', 'jurisdiction', 'flags', 'reason']);
    expect(parsed.data.slice(1).map((r) => [r[2], r[4], r[5]])).toEqual([
      ['2', 'j.dupont@acme.fr', 'professional'],
      ['2', 'jean@gmail.com', 'private'],
      ['3', 'not an address', 'invalid'],
    ]);
  });

  it('a row with several addresses in a file read as one address per row: one line, the strictest verdict named', () => {
    const { text } = written((w) => csvWriter(context(), w), itemsOf(rows.slice(0, 2), 2));
    expect(text.trimEnd().split('\n')[1]).toBe('x;j.dupont@acme.fr;private;opt-in;FR;free webmail;jean@gmail.com (+1): A private person\'s mailbox: opt-in.');
  });

  it('suppressed addresses say so first; UTF-16 output; formula-looking cells defused', () => {
    const { text } = written((w) => csvWriter(context(), w), itemsOf([suppress(rows[1]!)]));
    expect(text).toContain(';private;opt-in;FR;free webmail, suppressed;"Address on your suppression list');
    const u16 = written((w) => csvWriter(context({ delimiter: '\t', encoding: 'utf-16le', bom: true }), w, csvShape(context({ delimiter: '\t', encoding: 'utf-16le', bom: true }))), itemsOf(rows), 'utf-16le');
    expect([...u16.bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(u16.bytes.subarray(2).toString('utf16le').split('\n')[0]).toBe('name\temail\taudience\tregime\tjurisdiction\tflags\treason');
    expect(safeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeCell('@x.fr')).toBe("'@x.fr");
    expect(safeCell('a@x.fr')).toBe('a@x.fr');
  });
});
