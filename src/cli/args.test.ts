import { describe, expect, it } from 'vitest';
import { isIsoDate, normalizeDomain, parseArgs } from './args';
import { langFromEnv } from './i18n';

const EN = { LANG: 'en_GB.UTF-8' };

function error(argv: string[], env: Record<string, string> = EN): string {
  const r = parseArgs(argv, env);
  if (r.command !== 'error') throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  expect(r.message).not.toContain('\n');
  return r.message;
}

describe('parseArgs', () => {
  it('parses a full audit command', () => {
    const r = parseArgs(
      ['audit', 'list.csv', '--format', 'csv', '--own-domain', 'acme.fr', '--own-domain=@Acme.COM,acme.de', '--jurisdiction', 'de', '--channel', 'SMS', '--date', '2026-08-11', '--lang', 'en'],
      {},
    );
    expect(r).toEqual({
      command: 'audit',
      file: 'list.csv',
      format: 'csv',
      formatGiven: true,
      ownDomains: ['acme.fr', 'acme.com', 'acme.de'],
      jurisdiction: 'DE',
      channel: 'sms',
      date: '2026-08-11',
      lang: 'en',
    });
  });

  it('defaults: table, stdin, language from LANG', () => {
    expect(parseArgs(['audit'], {})).toEqual({ command: 'audit', format: 'table', ownDomains: [], lang: 'fr' });
    expect(parseArgs(['audit', '-'], EN)).toMatchObject({ file: '-', lang: 'en' });
    expect(parseArgs(['audit'], { LANG: 'C.UTF-8' })).toMatchObject({ lang: 'fr' });
  });

  it('accepts options before the command and --name=value', () => {
    expect(parseArgs(['--format=json', 'audit', 'x.csv'], {})).toMatchObject({ command: 'audit', format: 'json', file: 'x.csv' });
  });

  it('maps UK to GB', () => {
    expect(parseArgs(['audit', '--jurisdiction', 'UK'], {})).toMatchObject({ jurisdiction: 'GB' });
    expect(parseArgs(['audit', '--jurisdiction', 'gb'], {})).toMatchObject({ jurisdiction: 'GB' });
  });

  it('accepts every listed channel and jurisdiction', () => {
    for (const c of ['email', 'sms', 'mms', 'automated-call', 'fax', 'phone', 'postal', 'linkedin']) {
      expect(parseArgs(['audit', '--channel', c], {})).toMatchObject({ channel: c });
    }
    for (const j of ['FR', 'DE', 'BE', 'ES', 'GB', 'US']) {
      expect(parseArgs(['audit', '--jurisdiction', j], {})).toMatchObject({ jurisdiction: j });
    }
  });

  it('--topic', () => {
    expect(parseArgs(['audit', '--topic', 'energy-renovation'], {})).toMatchObject({ topic: 'energy-renovation' });
    expect(error(['audit', '--topic', 'cars'])).toMatch(/unknown topic "cars"/);
  });

  it('--keep / --drop lists (French words too), --suppression, --sheet, --column, -o', () => {
    expect(parseArgs(['audit', 'x.csv', '--keep', 'professional,organisation', '--keep=internal'], {})).toMatchObject({ keep: ['professional', 'organization', 'internal'] });
    expect(parseArgs(['audit', '--drop', 'particulier;invalide,suppressed'], {})).toMatchObject({ drop: ['private', 'invalid', 'suppressed'] });
    expect(parseArgs(['audit', '--suppression', 'stop.csv', '--sheet', 'Feuil2', '--column', 'Courriel', '--column', 'C', '-o', 'out.csv'], {})).toMatchObject({
      suppression: 'stop.csv',
      sheet: 'Feuil2',
      columns: ['Courriel', 'C'],
      output: 'out.csv',
    });
    expect(parseArgs(['audit', '--output=out.csv'], {})).toMatchObject({ output: 'out.csv' });
  });

  it('-- ends the options (a file named like an option)', () => {
    expect(parseArgs(['audit', '--', '-weird.csv'], {})).toMatchObject({ file: '-weird.csv' });
  });

  it('help and version win over the rest', () => {
    expect(parseArgs(['--help'], EN)).toEqual({ command: 'help', lang: 'en' });
    expect(parseArgs(['audit', 'x', '-h'], {})).toEqual({ command: 'help', lang: 'fr' });
    expect(parseArgs(['help'], {})).toEqual({ command: 'help', lang: 'fr' });
    expect(parseArgs(['--version'], {})).toMatchObject({ command: 'version' });
    expect(parseArgs(['-V'], {})).toMatchObject({ command: 'version' });
  });

  it('--lang overrides LANG, for errors too', () => {
    expect(parseArgs(['audit', '--lang', 'fr'], EN)).toMatchObject({ lang: 'fr' });
    expect(error(['audit', '--format', 'xml', '--lang', 'fr'])).toBe('format inconnu « xml » (attendu : table, csv ou json)');
  });

  it('one-line errors in English', () => {
    expect(error(['audit', '--frobnicate'])).toBe('unknown option --frobnicate (see --help)');
    expect(error(['audit', '-x'])).toBe('unknown option -x (see --help)');
    expect(error(['audit', '--format', 'xml'])).toBe('unknown format "xml" (expected table, csv or json)');
    expect(error(['audit', '--format'])).toBe('option --format needs a value');
    expect(error(['audit', '--format', '--lang', 'en'])).toBe('option --format needs a value');
    expect(error(['audit', '--jurisdiction', 'JP'])).toBe('unknown jurisdiction "JP" (expected FR, DE, BE, ES, GB, UK, US, CH, LU, IT, NL, AT, PT, IE, CA or EU)');
    expect(error(['audit', '--channel', 'pigeon'])).toMatch(/^unknown channel "pigeon" \(expected email, sms/);
    expect(error(['audit', '--date', '28/11/2026'])).toBe('invalid date "28/11/2026" (expected YYYY-MM-DD)');
    expect(error(['audit', '--date', '2026-02-30'])).toBe('invalid date "2026-02-30" (expected YYYY-MM-DD)');
    expect(error(['audit', '--lang', 'de'])).toBe('unknown language "de" (expected fr or en)');
    expect(error(['audit', '--own-domain', 'not a domain'])).toBe('invalid domain "not a domain" for --own-domain');
    expect(error(['audit', '--own-domain', 'localhost'])).toMatch(/invalid domain/);
    expect(error(['audit', 'a.csv', 'b.csv'])).toBe('unexpected argument "b.csv" (only one FILE) (see --help)');
    expect(error(['frobnicate'])).toBe('unknown command "frobnicate" (expected audit) (see --help)');
    expect(error(['audit', '--keep', 'pros'])).toBe('unknown value "pros" for --keep (expected private, professional, organization, internal, unknown, invalid, opt-in, opt-out, banned)');
    expect(error(['audit', '--keep', 'professional', '--drop', 'private'])).toBe('--keep and --drop cannot be used together');
    expect(error(['audit', '--keep', 'professional', '--format', 'json'])).toMatch(/^--format does not apply with --keep/);
    expect(error(['audit', '--suppression'])).toBe('option --suppression needs a value');
    expect(error([])).toBe('missing command (expected audit) (see --help)');
    expect(error(['--help=yes'])).toBe('option --help takes no value (see --help)');
  });

  it('errors in French by default', () => {
    expect(error(['audit', '--nope'], {})).toBe('option inconnue --nope (voir --help)');
  });
});

describe('helpers', () => {
  it('isIsoDate', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2026-12-31')).toBe(true);
  });

  it('normalizeDomain', () => {
    expect(normalizeDomain('@Acme.FR.')).toBe('acme.fr');
    expect(normalizeDomain('société.fr')).toBe('société.fr');
    expect(normalizeDomain('a b.fr')).toBeNull();
    expect(normalizeDomain('x@y.fr')).toBeNull();
    expect(normalizeDomain('.fr')).toBeNull();
  });

  it('langFromEnv', () => {
    expect(langFromEnv({})).toBe('fr');
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(langFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('fr');
    expect(langFromEnv({ LANG: 'fr_FR.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: 'C.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: 'POSIX' })).toBe('en');
  });
});
