import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditAddresses, failedResult } from './audit';
import { run } from './run';
import { fakeClassify, memoryIo } from './test-support';

const dir = mkdtempSync(join(tmpdir(), 'pg-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const classifier = () => fakeClassify;

describe('run', () => {
  it('audits a file to JSON, in input order, one result per row', async () => {
    const p = file('a.csv', 'nom;email;société\nDupont;j.dupont@acme.fr;ACME\nMartin;m@gmail.com;\n;;\nX;contact@acme.fr;Y\n');
    const io = memoryIo();
    expect(await run(['audit', p, '--format', 'json'], io, classifier)).toBe(0);
    const out = JSON.parse(io.out());
    expect(out.map((r: { input: string }) => r.input)).toEqual(['j.dupont@acme.fr', 'm@gmail.com', '', 'contact@acme.fr']);
    expect(out.map((r: { audience: string }) => r.audience)).toEqual(['professional', 'private', 'invalid', 'organization']);
    expect(io.err()).toBe('');
  });

  it('passes the options to the classifier', async () => {
    const seen: unknown[] = [];
    const io = memoryIo({ stdin: 'a@acme.fr\n' });
    const spy = (i: string, o?: object) => (seen.push(o), fakeClassify(i, o));
    await run(['audit', '-', '--own-domain', 'acme.fr', '--jurisdiction', 'uk', '--channel', 'sms', '--date', '2026-08-11', '--format', 'json'], io, () => spy);
    expect(seen).toEqual([{ ownDomains: ['acme.fr'], jurisdiction: 'GB', channel: 'sms', date: '2026-08-11' }]);
    expect(JSON.parse(io.out())[0].audience).toBe('internal');
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
      let loaded = false;
      expect(await run(['audit', p], io, () => ((loaded = true), fakeClassify))).toBe(2);
      expect(io.err()).toBe(`prospect-guard: cannot read ${p}: ${why}\n`);
      expect(io.out()).toBe('');
      expect(loaded).toBe(true);
    }
    const io = memoryIo({ env: { LANG: 'fr_FR.UTF-8' } });
    await run(['audit', join(dir, 'missing.csv')], io, classifier);
    expect(io.err()).toBe(`prospect-guard: impossible de lire ${join(dir, 'missing.csv')} : fichier ou dossier introuvable\n`);
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
    const fr = memoryIo();
    await run(['--help', '--lang', 'fr'], fr, classifier);
    expect(fr.out()).toMatch(/^Usage : prospect-guard audit \[FICHIER\|-\]/);
    const v = memoryIo();
    expect(await run(['--version'], v, classifier)).toBe(0);
    expect(v.out()).toMatch(/^prospect-guard \d+\.\d+\.\d+/);
  });

  it('empty input: a note in table, [] in json, exit 0', async () => {
    const p = file('empty.csv', '');
    const t = memoryIo();
    expect(await run(['audit', p], t, classifier)).toBe(0);
    expect(t.out()).toContain('No address found');
    const j = memoryIo();
    expect(await run(['audit', p, '--format', 'json'], j, classifier)).toBe(0);
    expect(JSON.parse(j.out())).toEqual([]);
  });

  it('Windows-1252 and UTF-16 files', async () => {
    const cp = file('cp.csv', Buffer.concat([Buffer.from('nom;email\nH'), Buffer.from([0xe9]), Buffer.from('l;h@acme.fr\n')]));
    const io = memoryIo();
    await run(['audit', cp, '--format', 'json'], io, classifier);
    expect(JSON.parse(io.out())[0].email).toBe('h@acme.fr');
    const u16 = file('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('E-mail\tNom\r\nzoé@acme.fr\tZoé\r\n', 'utf16le')]));
    const io2 = memoryIo();
    await run(['audit', u16, '--format', 'json'], io2, classifier);
    expect(JSON.parse(io2.out()).map((r: { input: string }) => r.input)).toEqual(['zoé@acme.fr']);
  });

  it('table in the chosen language', async () => {
    const io = memoryIo({ stdin: 'a@gmail.com\n' });
    await run(['audit', '--lang', 'fr', '-'], io, classifier);
    expect(io.out()).toContain('Messagerie de particulier : opt-in.');
    expect(io.out()).toContain('Par type de destinataire');
  });

  it('progress bar only on a terminal, for long lists', async () => {
    const list = Array.from({ length: 6000 }, (_, i) => `u${i}@acme.fr`).join('\n');
    const tty = memoryIo({ stdin: list, stderrTTY: true });
    await run(['audit', '-', '--format', 'json'], tty, classifier);
    expect(tty.err()).toMatch(/100% 6000\/6000/);
    const pipe = memoryIo({ stdin: list });
    await run(['audit', '-', '--format', 'json'], pipe, classifier);
    expect(pipe.err()).toBe('');
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
