import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditAddresses, failedResult } from './audit';
import { commandName, run } from './run';
import { fakeClassify, memoryIo } from './test-support';

const dir = mkdtempSync(join(tmpdir(), 'pg-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const classifier = () => fakeClassify;
const json = (io: { out(): string }) => JSON.parse(io.out()) as { row: number; column: string; input: string; audience: string; flags: string[] }[];

describe('run: audit', () => {
  it('audits a file to JSON: every row, in order, with its row number and column', async () => {
    const p = file('a.csv', 'nom;email;société\nDupont;j.dupont@acme.fr;ACME\nMartin;m@gmail.com;\n;;\nX;contact@acme.fr;Y\n');
    const io = memoryIo();
    expect(await run(['audit', p, '--format', 'json'], io, classifier)).toBe(0);
    const out = json(io);
    expect(out.map((r) => [r.row, r.column, r.input, r.audience])).toEqual([
      [2, 'email', 'j.dupont@acme.fr', 'professional'],
      [3, 'email', 'm@gmail.com', 'private'],
      [4, 'email', '', 'invalid'],
      [5, 'email', 'contact@acme.fr', 'organization'],
    ]);
    expect(io.err()).toBe('prospect-guard: addresses read from "email" (B)\n');
  });

  it('several addresses in a cell or a line: one result each', async () => {
    const io = memoryIo({ stdin: 'Jean <jean@acme.fr>, Claire <c@orange.fr>\nb@acme.fr; z@gmail.com\n' });
    await run(['audit', '-', '--format', 'json'], io, classifier);
    expect(json(io).map((r) => [r.row, r.input])).toEqual([
      [1, 'Jean <jean@acme.fr>'],
      [1, 'Claire <c@orange.fr>'],
      [2, 'b@acme.fr'],
      [2, 'z@gmail.com'],
    ]);
  });

  it('a long list: one address, several, none or a blank line per row, across chunks of rows; each result on its own row', async () => {
    const lines = ['nom;email;société'];
    const expected: [number, string][] = [];
    for (let i = 2; i <= 2600; i++) {
      if (i % 11 === 5) {
        lines.push(';;'); // blank: reported once a filled row follows
        expected.push([i, '']);
      } else if (i % 7 === 3) {
        lines.push(`N${i};;S`);
        expected.push([i, '']);
      } else if (i % 5 === 0) {
        lines.push(`N${i};"a${i}@acme.fr, b${i}@gmail.com";S`);
        expected.push([i, `a${i}@acme.fr`], [i, `b${i}@gmail.com`]);
      } else {
        lines.push(`N${i}; p${i}@acme.fr ;S`);
        expected.push([i, `p${i}@acme.fr`]);
      }
    }
    const io = memoryIo();
    expect(await run(['audit', file('long.csv', lines.join('\r\n') + '\r\n;;\r\n'), '--format', 'json'], io, classifier)).toBe(0);
    expect(json(io).map((r) => [r.row, r.input])).toEqual(expected);
  });

  it('passes the options to the classifier', async () => {
    const seen: unknown[] = [];
    const io = memoryIo({ stdin: 'a@acme.fr\n' });
    const spy = (i: string, o?: object) => (seen.push(o), fakeClassify(i, o));
    await run(['audit', '-', '--own-domain', 'acme.fr', '--jurisdiction', 'uk', '--channel', 'sms', '--date', '2026-08-11', '--format', 'json'], io, () => spy);
    expect(seen).toEqual([{ ownDomains: ['acme.fr'], jurisdiction: 'GB', channel: 'sms', date: '2026-08-11' }]);
    expect(json(io)[0]!.audience).toBe('internal');
  });

  it('reads standard input when FILE is - or absent', async () => {
    for (const argv of [['audit', '-'], ['audit']]) {
      const io = memoryIo({ stdin: 'a@gmail.com\nb@acme.fr\n' });
      expect(await run([...argv, '--format', 'csv'], io, classifier)).toBe(0);
      expect(io.out().trim().split('\n').length).toBe(3);
    }
  });

  it('refuses to wait on a terminal without FILE', async () => {
    const io = memoryIo({ stdinTTY: true });
    expect(await run(['audit'], io, classifier)).toBe(2);
    expect(io.err()).toBe('prospect-guard: no input: give a FILE, or pipe a list into standard input (see --help)\n');
  });

  it('unreadable file: exit 2, one line', async () => {
    for (const [p, why] of [
      [join(dir, 'missing.csv'), 'no such file or directory'],
      [dir, 'is a directory'],
    ] as const) {
      const io = memoryIo();
      expect(await run(['audit', p], io, classifier)).toBe(2);
      expect(io.err()).toBe(`prospect-guard: cannot read ${p}: ${why}\n`);
      expect(io.out()).toBe('');
    }
    const io = memoryIo({ env: { LANG: 'fr_FR.UTF-8' } });
    await run(['audit', join(dir, 'missing.csv')], io, classifier);
    expect(io.err()).toBe(`prospect-guard: impossible de lire ${join(dir, 'missing.csv')} : fichier ou dossier introuvable\n`);
  });

  it('empty input, a lone header, no address column: exit 2 "no address found"', async () => {
    for (const [content, message] of [
      ['', 'no address found: X is empty'],
      ['\ufeff\r\n  \r\n', 'no address found: X is empty'],
      ['Email;Nom\r\n', 'no address found: X holds only a header line (Email, Nom), no rows'],
      ['Nom;Prénom;Téléphone\nDupont;Jean;06\n', 'no address found: no column of X holds e-mail addresses (columns: "Nom", "Prénom", "Téléphone"); export the e-mail column too, or name it with --column'],
    ] as const) {
      const p = file('e.csv', content);
      for (const format of ['table', 'json', 'csv']) {
        const io = memoryIo();
        expect(await run(['audit', p, '--format', format], io, classifier), content).toBe(2);
        expect(io.err()).toBe(`prospect-guard: ${message.replace('X', p)}\n`);
        expect(io.out()).toBe('');
      }
    }
  });

  it('a lone line of data is data, not a header', async () => {
    for (const line of ['jean.dupont@acme.fr', 'Jean Dupont', 'jean@acme.fr;Jean;Dupont']) {
      const io = memoryIo({ stdin: line + '\n' });
      expect(await run(['audit', '-', '--format', 'json'], io, classifier)).toBe(0);
      expect(json(io).length, line).toBe(1);
    }
  });

  it('what is not a list exits 2, saying what it looks like and what to export instead', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['x.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n'), /looks like a PDF document, not a list: export the contacts from their source .* as CSV, vCard or \.xlsx/],
      ['x.zip', Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000contacts.csv', 'latin1'), /looks like a zip archive, not a list: unzip it/],
      ['x.png', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), /looks like an image, not a list/],
      ['x.bin', Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256), /looks like binary data, not text/],
    ];
    for (const [name, bytes, re] of cases) {
      const io = memoryIo();
      const p = file(name, bytes);
      expect(await run(['audit', p], io, classifier), name).toBe(2);
      expect(io.err().startsWith(`prospect-guard: ${p} `), io.err()).toBe(true);
      expect(io.err()).toMatch(re);
      expect(io.err().split('\n').length).toBe(2);
      expect(io.out()).toBe('');
    }
  });

  it('usage errors: exit 2, one line, engine not loaded', async () => {
    const io = memoryIo();
    expect(await run(['audit', '--format', 'xml'], io, () => { throw new Error('must not load'); })).toBe(2);
    expect(io.err()).toBe('prospect-guard: unknown format "xml" (expected table, csv or json)\n');
  });

  it('help and version', async () => {
    const io = memoryIo();
    expect(await run(['--help'], io, classifier)).toBe(0);
    expect(io.out()).toMatch(/^Usage: prospect-guard audit \[FILE\|-\]/);
    expect(io.out()).toMatch(/names none:\n +FR DE BE ES GB UK US/);
    expect(io.out()).toMatch(/Other commands:\n {2}prospect-guard check-message\n/);
    for (const line of io.out().split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    const fr = memoryIo();
    await run(['--help', '--lang', 'fr'], fr, classifier);
    expect(fr.out()).toMatch(/^Usage : prospect-guard audit \[FICHIER\|-\]/);
    for (const line of fr.out().split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    const v = memoryIo();
    expect(await run(['--version'], v, classifier)).toBe(0);
    expect(v.out()).toMatch(/^prospect-guard \d+\.\d+\.\d+/);
  });

  it('Windows-1252 and UTF-16 files', async () => {
    const cp = file('cp.csv', Buffer.concat([Buffer.from('nom;email\nH'), Buffer.from([0xe9]), Buffer.from('l;h@acme.fr\n')]));
    const io = memoryIo();
    await run(['audit', cp, '--format', 'json'], io, classifier);
    expect(json(io)[0]!.input).toBe('h@acme.fr');
    expect(io.err()).toContain('input decoded as Windows-1252');
    const u16 = file('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('E-mail\tNom\r\nzoé@acme.fr\tZoé\r\n', 'utf16le')]));
    const io2 = memoryIo();
    await run(['audit', u16, '--format', 'json'], io2, classifier);
    expect(json(io2).map((r) => r.input)).toEqual(['zoé@acme.fr']);
  });

  it('table in the chosen language', async () => {
    const io = memoryIo({ stdin: 'a@gmail.com\n', env: { LANG: 'en_US.UTF-8', COLUMNS: '120' } });
    await run(['audit', '--lang', 'fr', '-'], io, classifier);
    expect(io.out()).toContain('Messagerie de particulier\u00a0: opt-in.'); // French typography: no break before ":"
    expect(io.out()).toContain('Par type de destinataire');
    expect(io.out()).toContain('Total\u00a0: 1');
    expect(io.err()).toBe('prospect-guard: adresses lues dans « A » (A)\n');
  });

  it("the table's row column holds every row number of a long list, whole (file, stream, read whole)", async () => {
    // 15,000 rows: more than the first rows read before the table starts, row numbers of five digits
    const rows = Array.from({ length: 15_000 }, (_, i) => `Nom ${i};n${i}@acme.fr`).join('\n');
    const check = (text: string) => {
      const numbers = text.split('\n').flatMap((l) => /^ *(\d+) {2}\S/.exec(l)?.[1] ?? []);
      expect(numbers.length).toBe(15_000);
      expect(numbers.at(-1)).toBe('15001');
      // every line of the table the same width up to the address: no number pushed its line on
      for (const l of text.split('\n').slice(2, 15_002)) if (/^ *\d/.test(l)) expect(l.indexOf('  n')).toBe(5);
    };
    const fromFile = memoryIo({ env: { LANG: 'en_US.UTF-8' } });
    expect(await run(['audit', file('long.csv', 'name;email\n' + rows)], fromFile, classifier)).toBe(0);
    check(fromFile.out());
    const fromStream = memoryIo({ stdin: 'name;email\n' + rows, env: { LANG: 'en_US.UTF-8' } });
    expect(await run(['audit', '-'], fromStream, classifier)).toBe(0);
    const numbers = fromStream.out().split('\n').flatMap((l) => /^ *(\d+) {2}\S/.exec(l)?.[1] ?? []);
    expect(numbers.length).toBe(15_000);
    expect(fromStream.out()).toMatch(/^ {2}15001 {2}n14999@/m); // room for seven digits
  });

  it('progress only on a terminal, for long lists', async () => {
    const list = Array.from({ length: 6000 }, (_, i) => `u${i}@acme.fr`).join('\n');
    const tty = memoryIo({ stdin: list, stderrTTY: true });
    await run(['audit', '-', '--format', 'json'], tty, classifier);
    expect(tty.err()).toMatch(/\rauditing \d{4}/);
    const pipe = memoryIo({ stdin: list });
    await run(['audit', '-', '--format', 'json'], pipe, classifier);
    expect(pipe.err()).not.toMatch(/auditing/);
  });
});

describe('run: campaign-safe list and suppression', () => {
  const CSV = 'nom;email;email perso\r\nDupont;j.dupont@acme.fr;\r\nMartin;m.martin@acme.fr;m@gmail.com\r\nX;contact@acme.fr;\r\nY;THROW;\r\nZ;Zoe@Acme.fr;\r\n';

  it('--keep writes the rows whose every address passes, as they were; stderr counts the rest', async () => {
    const io = memoryIo();
    expect(await run(['audit', file('k.csv', CSV), '--keep', 'professional,organization'], io, classifier)).toBe(0);
    expect(io.out()).toBe('nom;email;email perso\r\nDupont;j.dupont@acme.fr;\r\nX;contact@acme.fr;\r\nZ;Zoe@Acme.fr;\r\n');
    expect(io.err()).toContain('prospect-guard: kept 3 of 5 rows; dropped 2: 1 private, 1 invalid (1 of them also had an address that passes)\n');
  });

  it('--drop, with a suppression list: suppressed rows always go, whatever the case or display name', async () => {
    const stop = file('stop.txt', '"Zoé" <ZOE@acme.FR>\njamais@x.fr\n');
    const io = memoryIo();
    expect(await run(['audit', file('d.csv', CSV), '--drop', 'private', '--suppression', stop], io, classifier)).toBe(0);
    expect(io.out()).toBe('nom;email;email perso\r\nDupont;j.dupont@acme.fr;\r\nX;contact@acme.fr;\r\nY;THROW;\r\n');
    expect(io.err()).toContain('kept 3 of 5 rows; dropped 2: 1 private, 1 suppressed');
    const j = memoryIo();
    await run(['audit', file('d.csv', CSV), '--suppression', stop, '--format', 'json'], j, classifier);
    const zoe = json(j).find((r) => r.input === 'Zoe@Acme.fr')!;
    expect(zoe.flags).toContain('suppressed');
  });

  it('--keep writes a "UTF-8" file whose Windows-1252 bytes come late back byte for byte', async () => {
    const head = 'email;nom\r\n' + Array.from({ length: 70000 }, (_, i) => `u${i}@acme.fr;U${i}\r\n`).join('');
    const bytes = Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from('h@acme.fr;H\u00e9l\u00e8ne \u0080\r\n', 'latin1')]);
    const io = memoryIo();
    expect(await run(['audit', file('late.csv', bytes), '--keep', 'professional'], io, classifier)).toBe(0);
    expect(io.outBytes().equals(bytes)).toBe(true);
    expect(io.err()).toContain('the rest was read as Windows-1252');
  });

  it('--output writes to a file, never over the input', async () => {
    const input = file('o.csv', CSV);
    const out = join(dir, 'out.csv');
    const io = memoryIo();
    expect(await run(['audit', input, '--format', 'csv', '-o', out], io, classifier)).toBe(0);
    expect(io.out()).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^\ufeffnom;email;email perso;row;column;address;audience/);
    const again = memoryIo();
    expect(await run(['audit', input, '--keep', 'professional', '-o', input], again, classifier)).toBe(2);
    expect(again.err()).toBe(`prospect-guard: --output ${input} is the input itself: choose another file\n`);
    expect(readFileSync(input, 'utf8')).toBe(CSV);
  });

  it('--column names the address column; an unknown one is an error', async () => {
    const p = file('c.csv', 'a;b\r\nx@acme.fr;y@gmail.com\r\n');
    const io = memoryIo();
    await run(['audit', p, '--column', 'b', '--format', 'json'], io, classifier);
    expect(json(io).map((r) => r.input)).toEqual(['y@gmail.com']);
    const bad = memoryIo();
    expect(await run(['audit', p, '--column', 'mail'], bad, classifier)).toBe(2);
    expect(bad.err()).toBe(`prospect-guard: no column "mail" in ${p} (columns: "a", "b")\n`);
  });
});

describe('dispatcher', () => {
  it('finds the command after global options and their values', () => {
    expect(commandName(['--lang', 'fr', 'audit', 'x.csv'])).toBe('audit');
    expect(commandName(['--format=json', 'audit'])).toBe('audit');
    expect(commandName(['--format', 'json', 'check-message', 'm.txt'])).toBe('check-message');
    expect(commandName(['--help'])).toBeUndefined();
  });
});

describe('auditAddresses', () => {
  it('uses classifyMany in batches when the engine has it, falling back per row when a batch throws', () => {
    const batches: number[] = [];
    const engine = {
      classify: fakeClassify,
      classifyMany: (inputs: readonly string[], o?: object) => {
        batches.push(inputs.length);
        return inputs.map((i) => fakeClassify(i, o));
      },
    };
    const list = Array.from({ length: 2500 }, (_, i) => (i === 1234 ? 'THROW' : `u${i}@acme.fr`));
    const r = auditAddresses(list, {}, engine);
    expect(batches).toEqual([1000, 1000, 500]); // the second one throws and is redone row by row
    expect(r.length).toBe(2500);
    expect(r[1234]!.audience).toBe('invalid');
    expect(r[1233]!.input).toBe('u1233@acme.fr');
    expect(r[2499]!.input).toBe('u2499@acme.fr');
  });

  it('a classifier that throws yields an invalid result, never a missing row', () => {
    const r = auditAddresses(['a@acme.fr', 'THROW', 'b@acme.fr'], { jurisdiction: 'DE' }, fakeClassify);
    expect(r.map((x) => x.audience)).toEqual(['professional', 'invalid', 'professional']);
    expect(r[1]).toEqual(failedResult('THROW', 'DE', new Error('boom')));
    expect(r[1]!.reasons[0]!.en).toContain('boom');
  });
});
