import { describe, expect, it } from 'vitest';
import { AUDIENCES, count, newSummary, REGIMES, type CliResult, type Item } from './audit';

const result = (audience: string, regime: string | null, flags: string[] = []): CliResult =>
  ({ input: 'x', email: null, domain: null, audience, regime, jurisdiction: 'FR', flags, reasons: [] }) as unknown as CliResult;
const item = (...results: CliResult[]): Item => ({ row: 1, cells: [], count: 0, raw: null, contact: '', entries: results.map((r) => ({ column: 'email', input: null, result: r })) });

describe('count', () => {
  it('tallies rows, addresses, audiences, regimes and suppressed addresses, chunk after chunk', () => {
    const s = newSummary(['email']);
    count(s, [item(result('private', 'opt-in', ['free-mail'])), item(result('professional', 'opt-out'), result('invalid', null)), item(result('organization', 'opt-out', ['role', 'suppressed']))]);
    count(s, [item(result('internal', 'internal')), item(result('unknown', 'banned')), item(result('something new', null, ['suppressed']))]);
    expect(s).toEqual({
      rows: 6,
      addresses: 7,
      audience: { private: 1, professional: 1, organization: 1, internal: 1, unknown: 2, invalid: 1 },
      regime: { 'opt-in': 1, 'opt-out': 2, internal: 1, banned: 1, none: 2 },
      suppressed: 2,
      columns: ['email'],
    });
  });

  it('every audience and regime has its counter', () => {
    const s = newSummary();
    for (const a of AUDIENCES) for (const g of [...REGIMES, null]) count(s, [item(result(a, g))]);
    for (const a of AUDIENCES) expect(s.audience[a]).toBe(REGIMES.length + 1);
    for (const g of REGIMES) expect(s.regime[g]).toBe(AUDIENCES.length);
    expect(s.regime.none).toBe(AUDIENCES.length);
    expect([s.rows, s.addresses]).toEqual([AUDIENCES.length * (REGIMES.length + 1), AUDIENCES.length * (REGIMES.length + 1)]);
  });
});
