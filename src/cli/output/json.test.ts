import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecipientResult } from '../../rules/types';
import { fakeClassify } from '../test-support';
import { jsonWriter } from './json';
import { itemsOf, written } from './test-helpers';

const INPUTS = ['j.dupont@acme.fr', '"Dupont, Jean" <jean@gmail.com>', 'contact@acme.fr', '', 'not an address', '=HYPERLINK("x")@evil.fr'];
const results: RecipientResult[] = INPUTS.map((i) => fakeClassify(i));
const expected = (rs: readonly RecipientResult[], rowOf: (i: number) => number = (i) => i + 2) =>
  rs.length === 0 ? '[]\n' : '[\n' + rs.map((r, i) => JSON.stringify({ row: rowOf(i), column: 'email', ...r })).join(',\n') + '\n]\n';

describe('jsonWriter', () => {
  it('is JSON.stringify of each result with its row and column first, one per line', () => {
    const { text } = written(jsonWriter, itemsOf(results));
    expect(text).toBe(expected(results));
    expect(JSON.parse(text).map((r: { row: number }) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('several results of one row share its row number', () => {
    const { text } = written(jsonWriter, itemsOf(results, 3));
    expect(JSON.parse(text).map((r: { row: number }) => r.row)).toEqual([2, 2, 2, 3, 3, 3]);
  });

  it('writes row numbers of any size as JSON.stringify does', () => {
    const rows = [1, 9, 10, 99, 100, 65535, 999_999, 1_000_000, 12_345_678, 2 ** 31 + 7];
    const items = itemsOf(results.slice(0, 1).concat(...rows.slice(1).map(() => results.slice(0, 1)))).map((it, i) => ({ ...it, row: rows[i]! }));
    const { text } = written(jsonWriter, items);
    expect(text).toBe('[\n' + rows.map((row) => JSON.stringify({ row, column: 'email', ...results[0]! })).join(',\n') + '\n]\n');
  });

  it('no result → []', () => {
    expect(written(jsonWriter, []).text).toBe('[]\n');
  });

  it('writes a huge output in chunks of at most 1 MiB, none cutting a character, all the rest intact', () => {
    const many = Array.from({ length: 20000 }, (_, i) => fakeClassify(`zoé${i}@exâmple${i % 10}.fr`));
    const { chunks, text } = written(jsonWriter, itemsOf(many));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeLessThanOrEqual(1 << 20);
    for (const c of chunks) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(c)).not.toThrow();
    expect(text).toBe(expected(many));
  });

  it('equals JSON.stringify for arbitrary strings, flags, reasons and extra fields (property)', () => {
    const str = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('\ud800', 'a\udc00b', '"', '\\', '\n\t\u0000\u001f\u007f', '\u2028\u2029', '’ — é 😀'),
    );
    const reason = fc.record({ id: fc.string(), fr: str, en: str });
    const result = fc.record(
      {
        input: str,
        email: fc.option(str, { nil: null }),
        domain: fc.option(fc.string(), { nil: null }),
        audience: fc.constantFrom('private', 'professional', 'invalid'),
        regime: fc.option(fc.constantFrom('opt-in', 'opt-out'), { nil: null }),
        jurisdiction: fc.constantFrom('FR', 'DE'),
        flags: fc.array(str),
        reasons: fc.array(reason),
        ruleId: fc.option(fc.string(), { nil: undefined }),
        name: fc.option(str, { nil: undefined }),
        extra: fc.option(fc.anything(), { nil: undefined }),
      },
      { requiredKeys: ['input', 'email', 'domain', 'audience', 'regime', 'jurisdiction', 'flags', 'reasons'] },
    );
    // shared reason objects, as the engine returns them, exercise the cached runs
    const shared = fc.array(reason, { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(result, { maxLength: 6 }), shared, fc.boolean(), (rs, pool, share) => {
        const list = (share ? rs.map((r, i) => ({ ...r, reasons: [pool[i % pool.length]!, ...r.reasons] })) : rs) as unknown as RecipientResult[];
        expect(written(jsonWriter, itemsOf(list)).text).toBe(expected(list));
      }),
      { numRuns: 300 },
    );
  });
});
