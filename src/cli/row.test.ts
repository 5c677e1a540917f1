import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Row } from './row';

describe('Row', () => {
  it('reads a cell in place, then counts the cells from where that search stopped', () => {
    const row = new Row(2, null, 'DUPONT Jean;jean@acme.fr;ACME, SA;', ';');
    expect(row.cell(1)).toBe('jean@acme.fr');
    expect(row.count).toBe(4);
    expect(row.cell(0)).toBe('DUPONT Jean');
    expect(row.cell(2)).toBe('ACME, SA');
    expect(row.cell(3)).toBe('');
    expect(row.cell(4)).toBe('');
    expect(row.cells).toEqual(['DUPONT Jean', 'jean@acme.fr', 'ACME, SA', '']);
  });

  it('a cell past the end is empty and tells the count', () => {
    const row = new Row(1, null, 'a;b', ';');
    expect(row.cell(5)).toBe('');
    expect(row.count).toBe(2);
    expect(row.cell(1)).toBe('b');
  });

  it('cells already known (quoted CSV, spreadsheets), one cell per line without a delimiter', () => {
    const quoted = new Row(3, ['x;y', 'a@b.fr'], '"x;y";a@b.fr', ';');
    expect([quoted.cell(0), quoted.cell(1), quoted.cell(2), quoted.count]).toEqual(['x;y', 'a@b.fr', '', 2]);
    const line = new Row(4, null, 'a@b.fr; c@d.fr', null);
    expect([line.cell(0), line.cell(1), line.count]).toEqual(['a@b.fr; c@d.fr', '', 1]);
  });

  it('blank: only spaces, tabs, no-break spaces and delimiters', () => {
    expect(new Row(1, null, ' ;\t;\u00a0', ';').blank).toBe(true);
    expect(new Row(1, null, ' ; x', ';').blank).toBe(false);
    expect(new Row(1, ['', ' '], null).blank).toBe(true);
  });

  it('starts as an Item without entries or contact', () => {
    const row = new Row(7, null, 'a', ';');
    expect([row.row, row.raw, row.contact, row.entries]).toEqual([7, 'a', '', []]);
  });

  it('cells read in any order, and the count before or after, are those of split (property)', () => {
    const line = fc.array(fc.constantFrom('a', ';', ',', ' ', 'jean@acme.fr', ''), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(line, fc.constantFrom(';', ',' as const), fc.array(fc.nat(8), { maxLength: 6 }), fc.boolean(), (raw, d, order, countFirst) => {
        const expected = raw.split(d);
        const row = new Row(1, null, raw, d);
        if (countFirst) expect(row.count).toBe(expected.length);
        for (const i of order) expect(row.cell(i)).toBe(expected[i] ?? '');
        expect(row.count).toBe(expected.length);
        for (const i of order) expect(row.cell(i)).toBe(expected[i] ?? '');
        expect(row.cells).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
