import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, CsvReader, detectDelimiter, MAX_QUOTED, readSepLine, recordCells, type CsvRecord, type Delimiter } from './csv';

function read(text: string, d: Delimiter | null, chunks: string[] = [text]): { records: CsvRecord[]; newline: string | null } {
  const records: CsvRecord[] = [];
  const r = new CsvReader(d, (x) => records.push({ cells: recordCells(x, d), raw: x.raw }));
  for (const c of chunks) r.push(c);
  r.end();
  return { records, newline: r.newline };
}
const cells = (text: string, d: Delimiter | null) => read(text, d).records.map((r) => r.cells);

describe('CsvReader', () => {
  it('RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', () => {
    expect(cells('a;b\r\n"x;y";"say ""hi"""\r\n"multi\nline";z\r\n', ';')).toEqual([
      ['a', 'b'],
      ['x;y', 'say "hi"'],
      ['multi\nline', 'z'],
    ]);
  });

  it('keeps each record\'s raw text and the first line end', () => {
    const { records, newline } = read('a;"b;c"\r\nd;e', ';');
    expect(records.map((r) => r.raw)).toEqual(['a;"b;c"', 'd;e']);
    expect(newline).toBe('\r\n');
    expect(read('a\nb\n', null).newline).toBe('\n');
    expect(read('a\rb\r', null).newline).toBe('\r');
    expect(cells('a\rb\rc', null)).toEqual([['a'], ['b'], ['c']]);
  });

  it('lenient: a quote closed before text is literal, a stray quote is a character', () => {
    expect(cells('"Dupont, Jean" <j@x.fr>,k\n', ',')).toEqual([['"Dupont, Jean" <j@x.fr>', 'k']]);
    expect(cells('ab"c;d\n', ';')).toEqual([['ab"c', 'd']]);
    expect(cells('"unclosed;x\nnext;y\n', ';')).toEqual([['"unclosed', 'x'], ['next', 'y']]);
  });

  it('a quote left open is taken as a character once MAX_QUOTED characters went by', () => {
    const long = '"' + 'x'.repeat(MAX_QUOTED + 10) + '\nb;c\n';
    const out: CsvRecord[] = [];
    const r = new CsvReader(';', (x) => out.push({ cells: recordCells(x, ';'), raw: x.raw }));
    for (let i = 0; i < long.length; i += 1 << 16) r.push(long.slice(i, i + (1 << 16)));
    expect(out.length).toBe(2); // decided before the end of the input
    r.end();
    expect(out.map((x) => x.cells!.length)).toEqual([1, 2]);
  });

  it('one cell per line without a delimiter; a whole-line quoted field is unquoted', () => {
    expect(cells('"a@b.fr"\n"Dupont, Jean" <j@x.fr>\nc@d.fr', null)).toEqual([['a@b.fr'], ['"Dupont, Jean" <j@x.fr>'], ['c@d.fr']]);
  });

  it('empty cells and a trailing delimiter', () => {
    expect(cells(';;\nx;\n', ';')).toEqual([['', '', ''], ['x', '']]);
  });

  it('once the line end is known: a quoted record\'s unquoted cells end at the delimiter, \n or \r\n; a lone \r is a character', () => {
    expect(read('a;b\n"x" y;z\r\nq;"r"s\r\n', ';').records).toEqual([
      { cells: ['a', 'b'], raw: 'a;b' },
      { cells: ['"x" y', 'z'], raw: '"x" y;z' },
      { cells: ['q', '"r"s'], raw: 'q;"r"s' },
    ]);
    expect(cells('a;b\nx;"q"y\rz;w\n', ';')).toEqual([['a', 'b'], ['x', '"q"y\rz', 'w']]);
    // the last line without its line end: a \r last is not part of the cell
    expect(read('a\n"q"x\r', ';').records).toEqual([{ cells: ['a'], raw: 'a' }, { cells: ['"q"x'], raw: '"q"x' }]);
    // a \r at the end of a chunk waits for the next one (\r\n or not)
    expect(read('', ';', ['a;b\r\n', 'c;"d"e\r', '\nf;g']).records).toEqual([
      { cells: ['a', 'b'], raw: 'a;b' },
      { cells: ['c', '"d"e'], raw: 'c;"d"e' },
      { cells: ['f', 'g'], raw: 'f;g' },
    ]);
    expect(read('', '\t', ['h\r\nx\t"y"z\r', '\n']).records).toEqual([{ cells: ['h'], raw: 'h' }, { cells: ['x', '"y"z'], raw: 'x\t"y"z' }]);
  });

  it('a quoted cell is unescaped only when it holds "", and may hold line breaks cut across chunks', () => {
    expect(cells('h\n"a ""b""";c\n', ';')).toEqual([['h'], ['a "b"', 'c']]);
    expect(cells('h\n"two\nlines";"x"\n', ';')).toEqual([['h'], ['two\nlines', 'x']]);
    expect(read('', ';', ['h\r\n"a";"b"c', ';"d\r', '\ne"\r\n']).records).toEqual([
      { cells: ['h'], raw: 'h' },
      { cells: ['a', '"b"c', 'd\r\ne'], raw: '"a";"b"c;"d\r\ne"' },
    ]);
    expect(read('', null, ['h\n"a"b\n', '"c""d"\n']).records).toEqual([
      { cells: ['h'], raw: 'h' },
      { cells: ['"a"b'], raw: '"a"b' },
      { cells: ['c"d'], raw: '"c""d"' },
    ]);
  });

  it('a reader may build its own object per record (record() overridden): same records, no CsvRecord', () => {
    class Lines extends CsvReader {
      got: [string, string[] | null][] = [];
      protected override record(raw: string, c: string[] | null): void {
        this.got.push([raw, c]);
      }
    }
    const r = new Lines(';');
    r.push('a;b\r\n"x;y";z\r\n');
    r.end();
    expect(r.got).toEqual([
      ['a;b', null],
      ['"x;y";z', ['x;y', 'z']],
    ]);
  });

  it('gives the same records however the text is cut into chunks (property)', () => {
    const cell = fc.oneof(fc.constantFrom('', 'a', 'jean@x.fr', '"q"', 'x;y', 'multi\nline', 'Dupont, Jean', ' ::: ', '€é'), fc.string({ maxLength: 6 }));
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.constantFrom<Delimiter>(';', ',', '\t'), fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(200), { maxLength: 6 }), (rows, d, nl, cuts) => {
        const text = rows.map((r) => r.map((c) => csvCell(c, d)).join(d)).join(nl) + nl;
        const whole = read(text, d).records;
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let last = 0;
        for (const p of points) {
          chunks.push(text.slice(last, p));
          last = p;
        }
        chunks.push(text.slice(last));
        expect(read(text, d, chunks).records).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back what csvCell writes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => r.map((c) => csvCell(c, ';')).join(';')).join('\r\n') + '\r\n';
        const back = cells(text, ';');
        // a row whose cells are all empty or a lone "\r" is read the same; compare cell for cell
        expect(back).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});

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

describe('readSepLine and csvCell', () => {
  it('Excel\'s sep= line', () => {
    expect(readSepLine('sep=;\r\nemail\r\n')).toEqual({ delimiter: ';', length: 7, line: 'sep=;' });
    expect(readSepLine('email\r\n')).toBeNull();
  });

  it('quotes only when needed', () => {
    expect(csvCell('a', ';')).toBe('a');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines', ',')).toBe('"two\nlines"');
  });
});
