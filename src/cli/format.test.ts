import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { RecipientResult } from '../rules/types';
import { countResults, CSV_FIELDS, formatCsv, formatJson, formatTable, writeJson } from './format';
import { fakeClassify } from './test-support';

const INPUTS = ['j.dupont@acme.fr', '"Dupont, Jean" <jean@gmail.com>', 'contact@acme.fr', '', 'not an address', '=HYPERLINK("x")@evil.fr'];
const results: RecipientResult[] = INPUTS.map((i) => fakeClassify(i));

describe('formatJson', () => {
  it('is exactly the array of results', () => {
    const text = formatJson(results);
    expect(JSON.parse(text)).toEqual(results);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('equals JSON.stringify object by object (shared reasons cached, key order kept, undefined skipped)', () => {
    const withUndef = { ...results[0]!, name: undefined } as unknown as RecipientResult;
    const lines = formatJson([...results, withUndef]).split('\n').slice(1, -2);
    expect(lines.map((l) => l.replace(/,$/, ''))).toEqual([...results, withUndef].map((r) => JSON.stringify(r)));
  });

  it('empty list → []', () => {
    expect(JSON.parse(formatJson([]))).toEqual([]);
  });

  it('writes huge outputs in ~1 MiB chunks without losing or splitting anything', () => {
    const many = Array.from({ length: 20000 }, (_, i) => fakeClassify(`zoé${i}@exâmple${i % 10}.fr`));
    const chunks: Uint8Array[] = [];
    writeJson(many, (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeLessThanOrEqual(1 << 20);
    // every chunk is valid UTF-8 on its own: no character cut in two
    for (const c of chunks) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(c)).not.toThrow();
    expect(JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')))).toBe(JSON.stringify(many));
  });

  it('equals JSON.stringify for arbitrary strings, flags and extra fields (property)', () => {
    // any code points, plus quotes, backslashes, controls, U+2028 and lone surrogates
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('\ud800', 'a\udc00b', '"', '\\', '\n\t\u0000\u001f\u007f', '\u2028\u2029', '’ — é 😀'),
    );
    const reason = fc.record({ id: fc.string(), fr: text, en: text });
    const result = fc.record(
      {
        input: text,
        email: fc.option(text, { nil: null }),
        name: fc.option(text, { nil: undefined }),
        domain: fc.option(fc.string(), { nil: null }),
        audience: fc.constantFrom('private', 'professional', 'invalid'),
        regime: fc.option(fc.constantFrom('opt-in', 'opt-out'), { nil: null }),
        jurisdiction: fc.constantFrom('FR', 'DE'),
        flags: fc.array(text),
        reasons: fc.array(reason),
        ruleId: fc.option(fc.string(), { nil: undefined }),
        extra: fc.option(fc.anything(), { nil: undefined }),
      },
      { requiredKeys: ['input', 'email', 'domain', 'audience', 'regime', 'jurisdiction', 'flags', 'reasons'] },
    );
    fc.assert(
      fc.property(fc.array(result, { maxLength: 5 }), (rs) => {
        const text = formatJson(rs as unknown as RecipientResult[]);
        const expected = rs.length === 0 ? '[]\n' : '[\n' + rs.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n';
        expect(text).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatCsv', () => {
  it('has the documented columns and quotes properly', () => {
    const text = formatCsv(results);
    const parsed = Papa.parse<string[]>(text.trimEnd(), { delimiter: ',' });
    expect(parsed.errors).toEqual([]);
    const [head, ...rows] = parsed.data;
    expect(head).toEqual([...CSV_FIELDS]);
    expect(rows.length).toBe(results.length);
    expect(rows[0]).toEqual(['j.dupont@acme.fr', 'j.dupont@acme.fr', 'acme.fr', 'professional', 'opt-out', 'FR', '', 'professional']);
    expect(rows[1]![0]).toBe('"Dupont, Jean" <jean@gmail.com>');
    expect(rows[1]!.slice(3)).toEqual(['private', 'opt-in', 'FR', 'free-mail', 'private']);
    expect(rows[3]).toEqual(['', '', '', 'invalid', '', 'FR', '', 'invalid']);
  });

  it('joins several flags and reason ids with |', () => {
    const r = { ...results[0]!, flags: ['role', 'isp'], reasons: [...results[0]!.reasons, { id: 'second', fr: 'b', en: 'b' }] } as RecipientResult;
    const [, row] = Papa.parse<string[]>(formatCsv([r]).trimEnd()).data;
    expect(row![6]).toBe('role|isp');
    expect(row![7]).toBe('professional|second');
  });

  it('defuses spreadsheet formulas', () => {
    const text = formatCsv([results[5]!]);
    expect(text).toContain(`"'=HYPERLINK(""x"")@evil.fr"`);
  });

  it('empty list → header only', () => {
    expect(formatCsv([])).toBe(CSV_FIELDS.join(',') + '\n');
  });
});

describe('formatTable', () => {
  it('aligned rows, reason in the chosen language, counts at the end', () => {
    const en = formatTable(results, 'en');
    const lines = en.split('\n');
    expect(lines[0]).toMatch(/^#\s+address\s+audience\s+regime\s+law\s+flags\s+main reason$/);
    const col = lines[0]!.indexOf('audience');
    for (const l of lines.slice(2, 2 + results.length)) expect(l.slice(col - 2, col)).toBe('  ');
    expect(en).toContain('Nominative work address: opt-out.');
    expect(en).toMatch(/Total: 6/);
    expect(en).toMatch(/By audience\n {2}private\s+1\n {2}professional\s+2\n {2}organization\s+1\n {2}internal\s+0\n {2}unknown\s+0\n {2}invalid\s+2\n/);
    expect(en).toMatch(/By regime\n {2}opt-in\s+1\n {2}opt-out\s+3\n {2}internal\s+0\n {2}banned\s+0\n {2}none \(invalid\)\s+2\n/);

    const fr = formatTable(results, 'fr');
    expect(fr).toContain('Adresse professionnelle nominative : opt-out.');
    expect(fr).toContain('particulier');
    expect(fr).toMatch(/Par régime\n/);
  });

  it("shows the country's rule as the main reason when the domain names the country", async () => {
    const { classify } = await import('../rules/index');
    const text = formatTable([classify('hans.muller@siemens.de'), classify('jean.dupont@acme.fr')], 'en');
    const [de, fr] = text.split('\n').slice(2, 4);
    expect(de).toMatch(/opt-in\s+DE .*UWG §7/);
    expect(fr).toMatch(/opt-out\s+FR .*CNIL doctrine B2B/);
  });

  it('neutralises control characters and truncates very long inputs', () => {
    const r = fakeClassify('evil\u001b[31m@x.fr' + 'a'.repeat(100));
    const text = formatTable([r], 'en');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('…');
  });

  it('empty list → a note', () => {
    expect(formatTable([], 'en')).toBe('No address found in the input.\nTotal: 0\n');
    expect(formatTable([], 'fr')).toContain('Aucune adresse');
  });
});

describe('countResults', () => {
  it('counts per audience and per regime', () => {
    const c = countResults(results);
    expect(c.total).toBe(6);
    expect(c.audience).toEqual({ private: 1, professional: 2, organization: 1, internal: 0, unknown: 0, invalid: 2 });
    expect(c.regime).toEqual({ 'opt-in': 1, 'opt-out': 3, internal: 0, banned: 0, none: 2 });
  });
});
