/**
 * The audit over contact exports in their real formats (see fixtures/README.md), with the real rules
 * engine: every address found, in order, with its row and column; what is not a list refused with exit 2;
 * the French Excel round trip; --keep writing exactly the rows that pass.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { classify, classifyMany } from '../rules/index';
import { decodeWindows1252 } from './decode';
import { spreadsheets, zip } from './fixtures/make-spreadsheets';
import { run } from './run';
import { memoryIo } from './test-support';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);
const engine = () => ({ classify, classifyMany });
const dir = mkdtempSync(join(tmpdir(), 'pg-fixtures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Out {
  row: number;
  column: string;
  input: string;
  audience: string;
  regime: string | null;
  flags: string[];
}

async function audit(args: string[], lang = 'en') {
  const io = memoryIo({ env: { LANG: lang === 'fr' ? 'fr_FR.UTF-8' : 'en_US.UTF-8' } });
  const code = await run(['audit', ...args, '--date', '2026-11-28'], io, engine);
  return { code, io };
}

async function found(name: string, extra: string[] = []): Promise<[number, string, string, string][]> {
  const { code, io } = await audit([fixture(name), '--format', 'json', ...extra]);
  expect(code, io.err()).toBe(0);
  return (JSON.parse(io.out()) as Out[]).map((r) => [r.row, r.column, r.input, r.audience]);
}

describe('every address of every export, in order, with its row', () => {
  it('Google Contacts: E-mail 1/2/3 - Value, " ::: " in one cell, an address only in E-mail 2, a multi-line note', async () => {
    expect(await found('google-contacts.csv')).toEqual([
      [2, 'E-mail 1 - Value', 'jean.dupont@acme-industrie.fr', 'professional'],
      [2, 'E-mail 2 - Value', 'jean.dupont@gmail.com', 'private'],
      [3, 'E-mail 2 - Value', 'claire.martin@orange.fr', 'private'],
      [4, 'E-mail 1 - Value', 'h.lefevre@michelin.com', 'professional'],
      [4, 'E-mail 1 - Value', 'helene.lefevre@wanadoo.fr', 'private'],
      [5, 'E-mail 1 - Value', 'contact@banque-exemple.fr', 'organization'],
      [6, 'E-mail 1 - Value', '', 'invalid'],
      [7, 'E-mail 1 - Value', 'marc.petit@@acme-industrie.fr', 'invalid'],
      [8, 'E-mail 1 - Value', 'sofia.schmidt@siemens.de', 'professional'],
      [8, 'E-mail 2 - Value', 'Sofia Schmidt <s.schmidt@web.de>', 'private'],
    ]);
  });

  it('Outlook, English (Windows-1252): E-mail Address, E-mail 2 Address, E-mail 3 Address — not the Display Name columns', async () => {
    expect(await found('outlook-en.csv')).toEqual([
      [2, 'E-mail Address', 'olivier.moreau@proximus.com', 'professional'],
      [2, 'E-mail 2 Address', 'olivier.moreau@skynet.be', 'private'],
      [3, 'E-mail 3 Address', 'zoe.leroy@telefonica.es', 'professional'],
      [4, 'E-mail Address', 'thomas.girard@bbc.co.uk', 'professional'],
      [5, 'E-mail Address', '', 'invalid'],
    ]);
  });

  it('Outlook, French (Windows-1252): Adresse de messagerie 1/2/3 — not "Nom complet de l\'adresse de messagerie"', async () => {
    expect(await found('outlook-fr.csv')).toEqual([
      [2, 'Adresse de messagerie', 'francois.lambert@mairie-lyon.fr', 'professional'],
      [2, 'Adresse de messagerie 2', 'f.lambert@free.fr', 'private'],
      [3, 'Adresse de messagerie 2', 'anne-laure.dubois@socgen.com', 'professional'],
      [4, 'Adresse de messagerie', 'accueil@cabinet-durand.fr', 'organization'],
      [5, 'Adresse de messagerie', '', 'invalid'],
    ]);
  });

  it('HubSpot: Email and the ";"-separated Additional email addresses', async () => {
    expect(await found('hubspot.csv')).toEqual([
      [2, 'Email', 'camille.bernard@airbus.com', 'professional'],
      [2, 'Additional email addresses', 'camille.bernard@gmail.com', 'private'],
      [2, 'Additional email addresses', 'c.bernard@airbus.com', 'professional'],
      [3, 'Additional email addresses', 'luc.petit@laposte.net', 'private'],
      [4, 'Email', 'ahmed.benali@orange.com', 'professional'],
    ]);
  });

  it('lemlist and Waalaxy-style exports: email, professionalEmail, personalEmail', async () => {
    expect(await found('lemlist.csv')).toEqual([
      [2, 'email', 'marie.durand@saneotek.fr', 'professional'],
      [3, 'email', 'pierre@vitektek.io', 'professional'],
      [4, 'email', 'info@galprobio.be', 'organization'],
    ]);
    expect(await found('waalaxy.csv')).toEqual([
      [2, 'professionalEmail', 'julie.fabre@lonsavi.fr', 'professional'],
      [2, 'personalEmail', 'julie.fabre@hotmail.fr', 'private'],
      [3, 'email', 'karim@trakori.com', 'professional'],
      [4, 'email', '', 'invalid'],
    ]);
  });

  it('LinkedIn Connections.csv (notes above the header) and a Sales Navigator extract (Email Status is not an address)', async () => {
    expect(await found('linkedin-connections.csv')).toEqual([
      [5, 'Email Address', 'sophie.girard@capgemini.com', 'professional'],
      [6, 'Email Address', '', 'invalid'],
      [7, 'Email Address', 'lea.martin@yahoo.fr', 'private'],
    ]);
    expect(await found('sales-navigator.csv')).toEqual([
      [2, 'Email', 'antoine.roussel@decathlon.com', 'professional'],
      [3, 'Personal Email', 'elise.chevalier@gmail.com', 'private'],
      [4, 'Email', 'h.marchand@criteo.com', 'professional'],
    ]);
  });

  it('French Excel ";" in Windows-1252 and Excel "Unicode Text" (UTF-16 LE)', async () => {
    expect(await found('excel-fr.csv')).toEqual([
      [2, 'E-mail', 'francois.lefevre@wanadoo.fr', 'private'],
      [3, 'E-mail', 'c.garcon@oenologie-co.fr', 'professional'],
      [4, 'E-mail', 'accueil@mairie-bordeaux.fr', 'organization'],
      [5, 'E-mail', 'minh.nguyen@orange.fr', 'private'],
      [6, 'E-mail', 'aurelie.roche@roche-conseil.fr', 'professional'],
    ]);
    expect(await found('excel-unicode.txt')).toEqual([
      [2, 'Courriel', 'lukasz.kowalski@allegro.pl', 'professional'],
      [3, 'Courriel', 'soren@oster-design.dk', 'professional'],
      [4, 'Courriel', 'zoe.dupre@laposte.net', 'private'],
    ]);
  });

  it('vCard 2.1, 3.0 and 4.0: every EMAIL of every card, a card without one reported', async () => {
    expect(await found('contacts-v3.vcf')).toEqual([
      [1, 'EMAIL (WORK)', 'jean.dupont@acme-industrie.fr', 'professional'],
      [1, 'EMAIL (HOME)', 'jean.dupont@gmail.com', 'private'],
      [2, 'EMAIL', 'claire.martin@orange.fr', 'private'],
      [3, 'EMAIL', '', 'invalid'],
      [4, 'EMAIL (WORK)', 'contact@banque-exemple.fr', 'organization'],
    ]);
    expect(await found('contacts-v4.vcf')).toEqual([
      [1, 'EMAIL (WORK)', 'h.lefevre@michelin.com', 'professional'],
      [1, 'EMAIL (HOME)', 'helene.lefevre@wanadoo.fr', 'private'],
      [2, 'EMAIL (WORK, VOICE)', 'sofia.schmidt@siemens.de', 'professional'],
    ]);
    expect(await found('contacts-v21.vcf')).toEqual([
      [1, 'EMAIL', 'francois.lefevre@wanadoo.fr', 'private'],
      [1, 'EMAIL (WORK)', 'contact@boulangerie-lefevre.fr', 'organization'],
      [2, 'EMAIL', 'minh.nguyen@orange.fr', 'private'],
    ]);
    const { io } = await audit([fixture('contacts-v21.vcf'), '--format', 'csv']);
    expect(io.out()).toContain('\nFrançois Lefèvre (Boulangerie),Boulangerie Lefèvre,1,EMAIL,francois.lefevre@wanadoo.fr,private,');
  });

  for (const book of ['prospects.xlsx', 'prospects.ods']) {
    it(`${book}: the first sheet by default (spreadsheet row numbers, a blank row kept), --sheet for another`, async () => {
      expect(await found(book)).toEqual([
        [2, 'E-mail', 'jean.dupont@acme-industrie.fr', 'professional'],
        [2, 'E-mail perso', 'jean.dupont@gmail.com', 'private'],
        [3, 'E-mail perso', 'claire.martin@orange.fr', 'private'],
        [4, 'E-mail', '', 'invalid'],
        [5, 'E-mail', 'h.lefevre@michelin.com', 'professional'],
        [5, 'E-mail', 'contact@michelin.com', 'organization'],
        [6, 'E-mail', '', 'invalid'],
      ]);
      expect(await found(book, ['--sheet', 'archive'])).toEqual([[2, 'Email', 'ancien.client@laposte.net', 'private']]);
      const { code, io } = await audit([fixture(book), '--sheet', 'Feuil3']);
      expect(code).toBe(2);
      expect(io.err()).toBe(`prospect-guard: no sheet "Feuil3" in ${fixture(book)} (sheets: "Prospects", "Archive")\n`);
    });
  }

  it('an old .xls workbook (BIFF8) too', async () => {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Nom', 'Courriel'], ['Dupont', 'j@acme-industrie.fr'], ['Martin', 'm@gmail.com']]), 'Feuil1');
    const p = join(dir, 'old.xls');
    writeFileSync(p, XLSX.write(wb, { type: 'buffer', bookType: 'xls' }) as Buffer);
    const { io } = await audit([p, '--format', 'json']);
    expect((JSON.parse(io.out()) as Out[]).map((r) => [r.row, r.column, r.input])).toEqual([
      [2, 'Courriel', 'j@acme-industrie.fr'],
      [3, 'Courriel', 'm@gmail.com'],
    ]);
  });

  it('the committed spreadsheets are what make-spreadsheets.ts writes', () => {
    const s = spreadsheets();
    expect(readFileSync(fixture('prospects.xlsx')).equals(s.xlsx)).toBe(true);
    expect(readFileSync(fixture('prospects.ods')).equals(s.ods)).toBe(true);
  });
});

describe('what is not a list: exit 2, one line saying what it looks like and what to export instead', () => {
  const files: [string, Uint8Array, RegExp][] = [
    ['contacts.zip', zip([{ name: 'contacts.csv', data: 'email\r\na@b.fr\r\n' }]), /looks like a zip archive, not a list: unzip it/],
    ['export.pdf', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), /looks like a PDF document, not a list: export the contacts from their source/],
    ['photo.png', Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'), /looks like an image, not a list/],
    ['data.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251), /looks like binary data, not text/],
    ['lettre.docx', zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]), /looks like a word-processing document/],
    ['empty.csv', new Uint8Array(0), /no address found: .* is empty/],
  ];
  for (const [name, bytes, re] of files) {
    it(name, async () => {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      for (const format of ['table', 'csv', 'json']) {
        const { code, io } = await audit([p, '--format', format]);
        expect(code).toBe(2);
        expect(io.err()).toMatch(re);
        expect(io.err().trimEnd().split('\n').length).toBe(1);
        expect(io.out()).toBe('');
      }
    });
  }
});

describe('round trip: a French Excel ";" file', () => {
  const input = fixture('excel-fr.csv');
  const original = readFileSync(input);

  it('CSV out: the original columns and cells, then the verdict columns, with ";" and a UTF-8 BOM', async () => {
    const { code, io } = await audit([input, '--format', 'csv'], 'fr');
    expect(code).toBe(0);
    const out = io.outBytes();
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = out.subarray(3).toString('utf8');
    const parsed = Papa.parse<string[]>(text.trimEnd(), { delimiter: ';' });
    expect(parsed.errors).toEqual([]);
    const source = Papa.parse<string[]>(decodeWindows1252(original).trimEnd(), { delimiter: ';' }).data;
    expect(parsed.data[0]).toEqual([...source[0]!, 'destinataire', 'régime', 'juridiction', 'indices', 'motif']);
    expect(parsed.data.length).toBe(source.length);
    for (let i = 1; i < source.length; i++) expect(parsed.data[i]!.slice(0, 7)).toEqual(source[i]);
    expect(parsed.data.slice(1).map((r) => r[7])).toEqual(['particulier', 'professionnel', 'organisation', 'particulier', 'professionnel']);
    expect(parsed.data[1]![11]).toMatch(/^Boîte d’un fournisseur d’accès/);
    expect(text).toContain('Société Œnologie & Co;c.garcon@oenologie-co.fr;05 56 00 00 02;Devis envoyé – 1 200 €');
  });

  it('--keep writes exactly the rows that pass, byte for byte, in Windows-1252 with its header', async () => {
    const { code, io } = await audit([input, '--keep', 'professional,organization'], 'fr');
    expect(code).toBe(0);
    const lines = original.toString('latin1').split('\r\n');
    expect(io.outBytes().toString('latin1')).toBe([lines[0], lines[2], lines[3], lines[5], ''].join('\r\n'));
    expect(io.err()).toContain('3 lignes conservées sur 5 ; 2 écartées : 2 particuliers');
    const drop = await audit([input, '--drop', 'private']);
    expect(drop.io.outBytes().equals(io.outBytes())).toBe(true);
  });

  it('--keep on a workbook writes a workbook of the same kind with the rows that pass', async () => {
    for (const [book, magic] of [['prospects.xlsx', 'PK'], ['prospects.ods', 'PK']] as const) {
      const out = join(dir, `kept-${book}`);
      const { code, io } = await audit([fixture(book), '--keep', 'professional,organization', '-o', out]);
      expect(code, io.err()).toBe(0);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe(magic);
      const back = await audit([out, '--format', 'json']);
      expect((JSON.parse(back.io.out()) as Out[]).map((r) => [r.row, r.input])).toEqual([
        [2, 'h.lefevre@michelin.com'],
        [2, 'contact@michelin.com'],
      ]);
      const terminal = memoryIo({ stdoutTTY: true });
      expect(await run(['audit', fixture(book), '--keep', 'professional'], terminal, engine)).toBe(2);
      expect(terminal.err()).toMatch(/write them with --output FILE/);
    }
  });

  it('--suppression in any format: a vCard suppressing rows of a CSV', async () => {
    const { io } = await audit([fixture('google-contacts.csv'), '--suppression', fixture('contacts-v3.vcf'), '--format', 'json']);
    const out = JSON.parse(io.out()) as Out[];
    expect(out.filter((r) => r.flags.includes('suppressed')).map((r) => r.input)).toEqual(['jean.dupont@acme-industrie.fr', 'jean.dupont@gmail.com', 'claire.martin@orange.fr', 'contact@banque-exemple.fr']);
    expect(io.err()).toContain('suppression list: 4 addresses');
  });
});
