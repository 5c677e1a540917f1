import { describe, expect, it } from 'vitest';
import { looksBinary, sniff, sniffZip } from './sniff';

const b = (...x: number[]) => Uint8Array.from(x);
const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

describe('sniff', () => {
  it('refuses what is not a list, by its magic number', () => {
    expect(sniff(ascii('%PDF-1.7\n%\u00e2\u00e3'))).toEqual({ kind: 'refused', what: 'pdf' });
    expect(sniff(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toEqual({ kind: 'refused', what: 'image' });
    expect(sniff(b(0xff, 0xd8, 0xff, 0xe0))).toEqual({ kind: 'refused', what: 'image' });
    expect(sniff(ascii('GIF89a\u0001\u0000'))).toEqual({ kind: 'refused', what: 'image' });
    expect(sniff(b(0x1f, 0x8b, 8, 0))).toEqual({ kind: 'refused', what: 'archive' });
    expect(sniff(b(0x7f, 0x45, 0x4c, 0x46, 2, 1))).toEqual({ kind: 'refused', what: 'executable' });
    expect(sniff(ascii('MZ\u0090\u0000'))).toEqual({ kind: 'refused', what: 'executable' });
    expect(sniff(ascii('SQLite format 3\u0000'))).toEqual({ kind: 'refused', what: 'database' });
    expect(sniff(ascii('{\\rtf1\\ansi'))).toEqual({ kind: 'refused', what: 'rtf' });
    expect(sniff(ascii('<!DOCTYPE html><html>'))).toEqual({ kind: 'refused', what: 'html' });
    expect(sniff(b(0, 1, 2, 3, 0, 0, 7, 8, 9, 0, 0, 0, 1, 2, 3, 4))).toEqual({ kind: 'refused', what: 'binary' });
  });

  it('spreadsheets go to the spreadsheet reader; a zip is looked into', () => {
    expect(sniff(ascii('PK\u0003\u0004rest'))).toEqual({ kind: 'spreadsheet', container: 'zip' });
    expect(sniff(b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toEqual({ kind: 'spreadsheet', container: 'ole' });
    expect(sniff(ascii('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'))).toEqual({ kind: 'spreadsheet', container: 'xml' });
    expect(sniffZip(ascii('PK\u0003\u0004...xl/workbook.xml...'))).toEqual({ kind: 'spreadsheet', container: 'zip' });
    expect(sniffZip(ascii('PK\u0003\u0004mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))).toEqual({ kind: 'spreadsheet', container: 'zip' });
    expect(sniffZip(ascii('PK\u0003\u0004...word/document.xml'))).toEqual({ kind: 'refused', what: 'word' });
    expect(sniffZip(ascii('PK\u0003\u0004...ppt/presentation.xml'))).toEqual({ kind: 'refused', what: 'presentation' });
    expect(sniffZip(ascii('PK\u0003\u0004contacts.csv'))).toEqual({ kind: 'refused', what: 'zip' });
  });

  it('text is text: UTF-8, Windows-1252, UTF-16 with or without BOM, Cyrillic in UTF-16', () => {
    expect(sniff(ascii('email;nom\nh\u00e9l\u00e8ne@x.fr;H\n'))).toEqual({ kind: 'text' });
    expect(sniff(Buffer.from('email;nom\nzoé@x.fr;Zoé\n', 'utf8'))).toEqual({ kind: 'text' });
    expect(sniff(Buffer.concat([b(0xff, 0xfe), Buffer.from('Nom\tCourriel\r\nÉlise\telise@x.fr\r\n', 'utf16le')]))).toEqual({ kind: 'text' });
    expect(sniff(Buffer.from('email\r\nivan@x.ru\r\n', 'utf16le'))).toEqual({ kind: 'text' });
    expect(looksBinary(Buffer.concat([b(0xff, 0xfe), Buffer.from('Имя;Почта\r\nИван;ivan@пример.рф\r\n'.repeat(20), 'utf16le')]))).toBe(false);
    expect(sniff(ascii('BEGIN:VCARD\r\nVERSION:3.0\r\n'))).toEqual({ kind: 'text' });
  });
});
