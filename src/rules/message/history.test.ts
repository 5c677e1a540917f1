import { describe, expect, it } from 'vitest';
import { firstContactDecision, hashHistoryKey, historyHashInput, historyKey, historyKeysToRecord, toHex } from './history';

const sha256 = async (s: string) => toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));

describe('historyKey (normalisation before hashing)', () => {
  it.each([
    ['Jean.Dupont@ACME.fr', 'jean.dupont@acme.fr'],
    ['"Dupont, Jean" <jean.dupont@acme.fr>', 'jean.dupont@acme.fr'],
    ['mailto:jean.dupont@acme.fr', 'jean.dupont@acme.fr'],
    ['  jean.dupont@acme.fr.  ', 'jean.dupont@acme.fr'],
    ['jean@société.fr', 'jean@xn--socit-esab.fr'],
    ['jean@xn--socit-esab.fr', 'jean@xn--socit-esab.fr'],
    ['Jean.Dupont+promo@gmail.com', 'jeandupont@gmail.com'],
    ['jean.dupont@googlemail.com', 'jeandupont@gmail.com'],
    ['jean+devis@acme.fr', 'jean+devis@acme.fr'],
  ])('%s → %s', (input, key) => {
    expect(historyKey(input)).toBe(key);
  });

  it.each(['', 'jean', 'jean@localhost', 'x@[192.0.2.1]', '+tag@gmail.com', '...@gmail.com'])('%j is not recorded', (input) => {
    expect(historyKey(input)).toBeNull();
  });

  it('a LinkedIn member is known by their person key (a follow-up on LinkedIn is found in the history too)', () => {
    expect(historyKey('linkedin:in/lea-martin-8b2c1')).toBe('linkedin:in/lea-martin-8b2c1');
    expect(historyKey('linkedin:IN/Lea-Martin-8b2c1')).toBe('linkedin:in/lea-martin-8b2c1');
    expect(historyKey('linkedin:name/léa martin|essec')).toBe('linkedin:name/léa martin|essec');
    expect(historyKey('linkedin:nope')).toBeNull();
    expect(historyKeysToRecord(true, ['linkedin:in/marc-leroy', 'linkedin:in/marc-leroy', 'a@acme.fr'])).toEqual(['linkedin:in/marc-leroy', 'a@acme.fr']);
  });

  it('is idempotent: a stored key reads back as itself', () => {
    for (const a of ['Jean.Dupont+x@gmail.com', 'jean@société.fr', 'A.B@Acme.FR']) {
      const k = historyKey(a)!;
      expect(historyKey(k)).toBe(k);
    }
  });
});

describe('hashHistoryKey', () => {
  it('hashes the versioned, salted, normalised address with the injected SHA-256', async () => {
    const salt = 'c2FsdA';
    const h = await hashHistoryKey('Jean.Dupont@gmail.com', salt, sha256);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).toBe(await sha256(historyHashInput('jeandupont@gmail.com', salt)!));
    // the same mailbox written differently: the same hash
    expect(await hashHistoryKey('"J. Dupont" <jean.dupont+x@googlemail.com>', salt, sha256)).toBe(h);
    // another salt (another install): another hash; the address itself is never stored
    expect(await hashHistoryKey('jean.dupont@gmail.com', 'autre', sha256)).not.toBe(h);
    expect(h).not.toContain('jean');
  });

  it('accepts a synchronous hash function and gives null for a non-address or an empty hash', async () => {
    expect(await hashHistoryKey('a@b.fr', 's', (x) => `H${x.length}`)).toBe(`h${historyHashInput('a@b.fr', 's')!.length}`);
    expect(await hashHistoryKey('not an address', 's', sha256)).toBeNull();
    expect(await hashHistoryKey('a@b.fr', 's', () => '')).toBeNull();
  });
});

describe('firstContactDecision', () => {
  it.each([
    [true, false, true, 'first-contact'],
    [true, true, false, 'already-contacted'],
    [true, null, true, 'history-unknown'],
    [true, undefined, true, 'history-unknown'],
    [false, false, false, 'not-prospecting'],
    [false, true, false, 'not-prospecting'],
  ] as const)('prospecting %s, already contacted %s → first contact %s (%s)', (p, a, fc, status) => {
    expect(firstContactDecision(p, a)).toEqual({ firstContact: fc, status });
  });
});

describe('historyKeysToRecord', () => {
  it('records every valid recipient of a prospecting send, once; nothing for other mail', () => {
    expect(historyKeysToRecord(true, ['Jean.Dupont@gmail.com', 'jeandupont@gmail.com', 'bad', 'p.martin@acme.fr'])).toEqual([
      'jeandupont@gmail.com',
      'p.martin@acme.fr',
    ]);
    expect(historyKeysToRecord(false, ['p.martin@acme.fr'])).toEqual([]);
    expect(historyKeysToRecord(true, null as never)).toEqual([]);
  });
});
