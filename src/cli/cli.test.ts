/**
 * Integration: the real bin (tsx + the real rules engine) in a child process, on temp files.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RecipientResult } from '../rules/types';

const BIN = fileURLToPath(new URL('../../bin/prospect-guard.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pg-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], opts: { input?: string; lang?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, LANG: opts.lang ?? 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...opts.env },
    timeout: 30000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const CSV = 'nom;email;société\r\nDUPONT Jean;jean.dupont@gmail.com;ACME\r\nMARTIN Paul;p.martin@acme-industrie.fr;ACME\r\n;;\r\nX;not an address;Y\r\nZ;contact@acme-industrie.fr;Z\r\n';

describe('prospect-guard audit (child process)', () => {
  it('audits a ;-CSV to JSON: exit 0, one result per row, input order, the column used said on stderr', () => {
    const r = cli(['audit', file('list.csv', CSV), '--format', 'json', '--date', '2026-11-28']);
    expect(r.stderr).toBe('prospect-guard: addresses read from "email" (B)\n');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as (RecipientResult & { row: number })[];
    expect(out.map((x) => x.input)).toEqual(['jean.dupont@gmail.com', 'p.martin@acme-industrie.fr', '', 'not an address', 'contact@acme-industrie.fr']);
    expect(out.map((x) => x.row)).toEqual([2, 3, 4, 5, 6]);
    expect(out[0]).toMatchObject({ email: 'jean.dupont@gmail.com', audience: 'private', regime: 'opt-in', jurisdiction: 'FR' });
    expect(out[2]).toMatchObject({ audience: 'invalid', regime: null });
    expect(out[3]).toMatchObject({ audience: 'invalid', regime: null });
    for (const x of out) expect(x.reasons.length).toBeGreaterThan(0);
  });

  it('--own-domain makes a recipient internal', () => {
    const p = file('own.txt', 'p.martin@acme-industrie.fr\n');
    const before = JSON.parse(cli(['audit', p, '--format', 'json']).stdout) as RecipientResult[];
    expect(before[0]!.audience).not.toBe('internal');
    const r = cli(['audit', p, '--format', 'json', '--own-domain', 'acme-industrie.fr']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as RecipientResult[])[0]).toMatchObject({ audience: 'internal', regime: 'internal' });
  });

  it('reads standard input with -; CSV out keeps the line and adds the verdict', () => {
    const r = cli(['audit', '-', '--format', 'csv'], { input: '"Dupont, Jean" <jean.dupont@gmail.com>\nb@acme-industrie.fr\n' });
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('email,audience,regime,jurisdiction,flags,reason');
    expect(lines.length).toBe(3);
    expect(lines[1]).toMatch(/^"""Dupont, Jean"" <jean.dupont@gmail.com>",private,opt-in,FR,free webmail,/);
  });

  it('table output: reasons in the chosen language, counts at the end, 80 columns', () => {
    const p = file('t.csv', CSV);
    const en = cli(['audit', p, '--lang', 'en']);
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/By audience\n/);
    expect(en.stdout).toMatch(/Total: 5\n/);
    for (const line of en.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    const fr = cli(['audit', p], { lang: 'fr_FR.UTF-8' });
    expect(fr.stdout).toMatch(/Par régime\n/);
    expect(fr.stdout).toContain('Total\u00a0: 5');
  });

  it('the sources in the list’s language: French commentary in the French table and CSV, English in English; JSON has both', () => {
    const p = file('sole-trader.csv', 'email\njean.dupont@gmail.com\n');
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    const frTable = flat(cli(['audit', p], { lang: 'fr_FR.UTF-8' }).stdout);
    const frCsv = cli(['audit', p, '--format', 'csv'], { lang: 'fr_FR.UTF-8' }).stdout;
    for (const fr of [frTable, frCsv]) {
      expect(fr).toContain('(source : CPCE art. L34-5 (la CNIL ne s’est pas prononcée sur les entrepreneurs individuels à une adresse de messagerie grand public) — non confirmé)');
      expect(fr).not.toMatch(/any natural person|no CNIL position|sole traders/);
    }
    const enTable = flat(cli(['audit', p, '--lang', 'en']).stdout);
    const enCsv = cli(['audit', p, '--format', 'csv', '--lang', 'en']).stdout;
    for (const en of [enTable, enCsv]) {
      expect(en).toContain('(source: CPCE art. L34-5 (no CNIL position on sole traders at a consumer webmail address) — not confirmed)');
      expect(en).not.toMatch(/ne s’est pas prononcée|entrepreneurs individuels/);
    }
    const [json] = JSON.parse(cli(['audit', p, '--format', 'json']).stdout) as RecipientResult[];
    expect(json!.reasons.find((x) => x.id === 'sole-trader-webmail')!.source).toEqual({
      ref: 'CPCE art. L34-5',
      note: { fr: 'la CNIL ne s’est pas prononcée sur les entrepreneurs individuels à une adresse de messagerie grand public', en: 'no CNIL position on sole traders at a consumer webmail address' },
      confidence: 'NC',
    });
  });

  it('without the bundle (sources through tsx) it gives the same output', () => {
    const p = file('same.csv', CSV);
    const a = cli(['audit', p, '--format', 'json', '--date', '2026-11-28']);
    const b = cli(['audit', p, '--format', 'json', '--date', '2026-11-28'], { env: { PG_NO_BUNDLE: '1' } });
    expect(b.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('unreadable file: exit 2 and a one-line message', () => {
    const missing = join(dir, 'nope.csv');
    const r = cli(['audit', missing]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`prospect-guard: cannot read ${missing}: no such file or directory\n`);
    expect(r.stdout).toBe('');
    const d = join(dir, 'a-directory');
    mkdirSync(d);
    const rd = cli(['audit', d]);
    expect(rd.status).toBe(2);
    expect(rd.stderr).toBe(`prospect-guard: cannot read ${d}: is a directory\n`);
  });

  it.skipIf(process.getuid?.() === 0)('unreadable file: permission denied', () => {
    const p = file('locked.csv', 'a@b.fr\n');
    chmodSync(p, 0o000);
    const r = cli(['audit', p]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`prospect-guard: cannot read ${p}: permission denied\n`);
  });

  it('usage errors: exit 2, one line', () => {
    for (const args of [['audit', '--frobnicate'], ['audit', '--format', 'xml'], ['audit', '--jurisdiction', 'JP'], ['audit', '--channel', 'pigeon'], ['audit', '--date', '2026-13-01']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^prospect-guard: [^\n]+\n$/);
      expect(r.stdout).toBe('');
    }
  });

  it('--help and --version', () => {
    const h = cli(['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/^Usage: prospect-guard audit \[FILE\|-\] \[options\]/);
    const v = cli(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^prospect-guard \d+\.\d+\.\d+\n$/);
  });
});
