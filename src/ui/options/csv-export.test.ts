import { describe, expect, it } from 'vitest';
import { addressCells } from '../../storage/suppression-import';
import { csvCell, exportFileName, toExcelCsv } from './csv-export';

describe('Excel-friendly CSV', () => {
  it('uses ; and CRLF, starts with a UTF-8 BOM, and quotes what needs it', () => {
    const csv = toExcelCsv(['Adresse', 'Date', 'Note'], [
      ['hélène@café.fr', '2026-11-01', 'formulaire ; salon'],
      ['jean@x.fr', '2026-11-02', 'dit "oui"\npar écrit'],
    ]);
    expect(csv.startsWith('\uFEFFAdresse;Date;Note\r\n')).toBe(true);
    expect(csv).toContain('hélène@café.fr;2026-11-01;"formulaire ; salon"\r\n');
    expect(csv).toContain('jean@x.fr;2026-11-02;"dit ""oui""\npar écrit"\r\n');
    // Read back by the project's own CSV reader: one row per record, the address column found.
    expect(addressCells(csv.slice(1)).cells).toEqual(['hélène@café.fr', 'jean@x.fr']);
  });

  it('keeps formulas from running', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-')).toBe("'-");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('names files with the date', () => {
    expect(exportFileName('consentements', '2026-11-28')).toBe('prospect-guard-consentements-2026-11-28.csv');
  });
});
