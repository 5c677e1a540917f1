/**
 * `prospect-guard check-message`: in process (memory streams) for the options and the output, and
 * through the real bin in a child process for files, standard input and bad input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMessage, looksBinary, parseCheckMessageArgs } from './check-message';
import { memoryIo } from './test-support';

const BIN = fileURLToPath(new URL('../../bin/prospect-guard.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pg-check-message-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const PITCH =
  'Bonjour Madame Lefèvre,\n\nJe me permets de vous contacter : nous sommes une agence web spécialisée dans les sites pour artisans. ' +
  'J’ai trouvé vos coordonnées dans l’annuaire de la Chambre de métiers. Notre offre de lancement est à 900 € HT. ' +
  'Seriez-vous disponible pour un appel de 15 minutes ?\n\nCordialement,\nThomas\n';
const ENERGY = 'Bonjour, profitez de MaPrimeRénov’ pour isoler vos combles : devis gratuit. Seriez-vous disponible pour une visite ?\nRépondez STOP pour ne plus recevoir nos offres.\n';

function cli(args: string[], input?: string | Uint8Array) {
  const r = spawnSync(process.execPath, [BIN, 'check-message', ...args], {
    input: input ?? '',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    timeout: 20000,
  });
  return { status: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

describe('check-message arguments', () => {
  it('parses the options; --audience is required and checked', () => {
    expect(parseCheckMessageArgs(['m.txt', '--audience', 'Professional', '--subject', '-20 % sur tout', '--format=json', '--topic', 'energy-renovation'], {})).toEqual({
      command: 'check',
      file: 'm.txt',
      audience: 'professional',
      subject: '-20 % sur tout',
      format: 'json',
      topic: 'energy-renovation',
      lang: 'fr',
      alreadyContacted: false,
    });
    expect(parseCheckMessageArgs(['-', '--audience', 'private', '--already-contacted', '--lang', 'en'], {})).toMatchObject({ file: '-', alreadyContacted: true, lang: 'en' });
    expect(parseCheckMessageArgs(['m.txt'], { LANG: 'en_GB.UTF-8' })).toMatchObject({ command: 'error', message: expect.stringMatching(/missing --audience/) });
    expect(parseCheckMessageArgs(['--audience', 'consumer'], {})).toMatchObject({ command: 'error', message: expect.stringMatching(/audience inconnue « consumer »/) });
    expect(parseCheckMessageArgs(['--audience', 'private', '--format', 'csv'], {})).toMatchObject({ command: 'error' });
    expect(parseCheckMessageArgs(['--audience', 'private', '--topic', 'solar'], {})).toMatchObject({ command: 'error' });
    expect(parseCheckMessageArgs(['a.txt', 'b.txt', '--audience', 'private'], {})).toMatchObject({ command: 'error' });
    expect(parseCheckMessageArgs(['--audience', 'private', '--verbose'], {})).toMatchObject({ command: 'error' });
    expect(parseCheckMessageArgs(['--subject'], {})).toMatchObject({ command: 'error' });
    expect(parseCheckMessageArgs(['--help'], { LANG: 'en' })).toEqual({ command: 'help', lang: 'en' });
  });

  it('looksBinary: text in any language passes, binary data does not', () => {
    expect(looksBinary(PITCH)).toBe(false);
    expect(looksBinary('Привет, 你好, مرحبا\tok\r\n')).toBe(false);
    expect(looksBinary('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')).toBe(true);
    expect(looksBinary('a\u0000b\u0000c\u0000d\u0000')).toBe(true);
  });
});

describe('check-message (in process)', () => {
  it('json: the five keys, where each element is, reasons in both languages with sources', async () => {
    const io = memoryIo({ stdin: PITCH });
    expect(await checkMessage(['-', '--audience', 'professional', '--format', 'json'], io)).toBe(0);
    expect(io.err()).toBe('');
    const out = JSON.parse(io.out());
    expect(Object.keys(out).slice(0, 5)).toEqual(['prospecting', 'present', 'missing', 'banned', 'reasons']);
    expect(out).toMatchObject({ prospecting: true, firstContact: true, present: ['activity', 'contact-source'], missing: ['future-offers', 'unsubscribe'], banned: [] });
    for (const h of out.where['contact-source']) expect(PITCH.slice(h.start, h.end)).toBe(h.text);
    expect(out.reasons[0]).toMatchObject({ id: 'message-prospecting', text: expect.stringMatching(/^Commercial prospecting message/) });
    const missing = out.reasons.filter((r: { id: string }) => r.id === 'message-element-missing');
    expect(missing.map((r: { detail: string }) => r.detail)).toEqual(['future-offers', 'unsubscribe']);
    expect(missing[1].source).toEqual({ ref: 'CPCE art. L34-5', confidence: 'P' });
    expect(out.cues.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['reach-out', 'offer', 'meeting-request']));
  });

  it('text, French: prospecting, present with where, missing, bans, reasons', async () => {
    const io = memoryIo({ stdin: ENERGY, env: { LANG: 'fr_FR.UTF-8' } });
    expect(await checkMessage(['--audience', 'private'], io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/^Prospection : oui — premier contact\n/);
    expect(out).toMatch(/Éléments présents : désinscription\n  désinscription : « Répondez STOP » \(caractères \d+–\d+\)/);
    expect(out).toMatch(/Éléments manquants : aucun\n/);
    expect(out).toMatch(/Démarchage interdit : rénovation énergétique\n/);
    expect(out).toMatch(/C\. conso L223-1 al\. 5/);
  });

  it('--subject: a reply subject and a quoted thread make it not prospecting; --topic and --already-contacted are passed on', async () => {
    const reply = `${PITCH}\nLe lun. 9 nov. 2026 à 18:47, Jean <jean@client.fr> a écrit :\n> Vos tarifs ?\n`;
    let io = memoryIo({ stdin: reply });
    await checkMessage(['--audience', 'private', '--subject', 'RE: Tarifs', '--format', 'json'], io);
    expect(JSON.parse(io.out())).toMatchObject({ prospecting: false, thread: 'reply', missing: [] });
    io = memoryIo({ stdin: 'Bonjour, nous proposons un audit gratuit de votre maison. Seriez-vous disponible la semaine prochaine ?' });
    await checkMessage(['--audience', 'private', '--topic', 'energy-renovation', '--format', 'json'], io);
    expect(JSON.parse(io.out()).banned).toEqual(['energy-renovation']);
    io = memoryIo({ stdin: PITCH });
    await checkMessage(['--audience', 'professional', '--already-contacted', '--format', 'json'], io);
    expect(JSON.parse(io.out())).toMatchObject({ firstContact: false, missing: ['unsubscribe'] });
  });

  it('no input on a terminal, --help, usage errors: exit 2 (0 for help), one line', async () => {
    let io = memoryIo({ stdinTTY: true });
    expect(await checkMessage(['--audience', 'private'], io)).toBe(2);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    io = memoryIo();
    expect(await checkMessage(['--help'], io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: prospect-guard check-message/);
    io = memoryIo();
    expect(await checkMessage(['--audience'], io)).toBe(2);
    expect(io.err()).toMatch(/^prospect-guard check-message: option --audience needs a value\n$/);
  });
});

describe('check-message (child process, real bin)', () => {
  it('reads a file (Windows-1252 too) and standard input', () => {
    const r = cli([file('pitch.txt', PITCH), '--audience', 'professional', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ prospecting: true, present: ['activity', 'contact-source'] });
    const latin1 = Buffer.from(PITCH.replace(/’/g, "'"), 'latin1');
    expect(JSON.parse(cli([file('pitch-1252.txt', latin1), '--audience', 'professional', '--format', 'json']).stdout).present).toEqual(['activity', 'contact-source']);
    const s = cli(['-', '--audience', 'private', '--lang', 'en'], ENERGY);
    expect(s.status).toBe(0);
    expect(s.stdout).toMatch(/^Prospecting: yes — first contact\n/);
    expect(s.stdout).toMatch(/Canvassing banned: energy renovation/);
  });

  it.each([
    ['an empty file', () => file('empty.txt', ''), /empty\.txt is empty: no message to check$/],
    ['a blank file', () => file('blank.txt', ' \n\n\t\n'), /blank\.txt is empty/],
    ['a binary file', () => file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0])), /image\.png is not a text file \(binary data\)/],
    ['a missing file', () => join(dir, 'nope.txt'), /cannot read .*nope\.txt: no such file or directory$/],
    ['a directory', () => dir, /cannot read .*: is a directory$/],
  ])('%s: exit 2 with one clear line, nothing on stdout', (_what, path, message) => {
    const r = cli([path(), '--audience', 'private']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^prospect-guard check-message: /);
    expect(lines[0]).toMatch(message);
  });

  it('empty standard input: exit 2', () => {
    const r = cli(['-', '--audience', 'private'], '');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/standard input is empty/);
  });

  it('the audit command is still the dispatcher\u2019s', () => {
    const r = spawnSync(process.execPath, [BIN, 'audit', '-', '--format', 'json'], { input: 'jean@gmail.com\n', encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ audience: 'private' });
  });
});
