import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddress, splitAddressList } from './address.js';
import { classify, classifyMany } from './classify.js';
import { JURISDICTIONS } from './jurisdictions.js';
import type { RecipientResult } from './types.js';

const AUDIENCES = ['private', 'professional', 'organization', 'internal', 'unknown', 'invalid'];
const REGIMES = ['opt-in', 'opt-out', 'internal', 'banned', null];
const FLAGS = ['free-mail', 'isp', 'disposable', 'role', 'student', 'override', 'alumni', 'public-service', 'function-title', 'jurisdiction-not-covered'];

function wellFormed(r: RecipientResult, input: unknown): void {
  expect(r.input).toBe(input);
  expect(AUDIENCES).toContain(r.audience);
  expect(REGIMES).toContain(r.regime);
  expect(JURISDICTIONS).toContain(r.jurisdiction);
  expect(Array.isArray(r.flags)).toBe(true);
  for (const f of r.flags) expect(FLAGS).toContain(f);
  expect(new Set(r.flags).size).toBe(r.flags.length);
  expect(r.reasons.length).toBeGreaterThan(0);
  for (const reason of r.reasons) {
    expect(typeof reason.id).toBe('string');
    expect(typeof reason.fr).toBe('string');
    expect(typeof reason.en).toBe('string');
  }
  if (r.audience === 'invalid') {
    expect(r.email).toBeNull();
    expect(r.domain).toBeNull();
    expect(r.regime).toBeNull();
  } else {
    expect(typeof r.email).toBe('string');
    expect(r.email!.length).toBeLessThanOrEqual(320);
    expect(r.email).toBe(r.email!.toLowerCase());
    expect(r.regime).not.toBeNull();
    expect(r.reasons.at(-1)!.id).toBe(`regime:${r.ruleId}`);
  }
  if (r.audience === 'internal') expect(r.regime).toBe('internal');
}

const OPTIONS = fc.record(
  {
    ownDomains: fc.array(fc.oneof(fc.domain(), fc.string()), { maxLength: 3 }),
    jurisdiction: fc.constantFrom('FR', 'DE', 'BE', 'ES', 'GB', 'US', 'UK', 'XX'),
    channel: fc.constantFrom('email', 'sms', 'mms', 'automated-call', 'fax', 'phone', 'postal', 'linkedin', 'nope'),
    date: fc.oneof(fc.constantFrom('2026-08-10', '2026-08-11', '2020-01-01', 'bad'), fc.string()),
    topic: fc.constantFrom('energy-renovation', 'home-adaptation', 'other'),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, unknown>>;

describe('classify — properties', () => {
  it('never throws and is well formed on arbitrary grapheme strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        wellFormed(classify(s), s);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws and is well formed on arbitrary binary strings (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        wellFormed(classify(s), s);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on strings built from email-ish characters', () => {
    const ch = fc.constantFrom(...'aZ0.@<>"\\, ;:+-_()[]xn--é\u00a0\u200b\n\tmailto:'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: ch, maxLength: 80 }), (s) => {
        wellFormed(classify(s), s);
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws with arbitrary options', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string()), OPTIONS, (s, o) => {
        wellFormed(classify(s, o as never), s);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts generated email addresses and normalises them', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (e) => {
        const r = classify(e);
        wellFormed(r, e);
        const p = parseAddress(e);
        if (p.ok) {
          expect(r.email).toBe(p.email);
          expect(r.audience).not.toBe('invalid');
          // idempotent: classifying the normalised address gives the same answer
          const again = classify(r.email!);
          expect(again.email).toBe(r.email);
          expect(again.audience).toBe(r.audience);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('display names and case do not change the classification', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.string({ maxLength: 30 }).filter((n) => !/["\\<>\r\n]/.test(n)), (e, name) => {
        const plain = classify(e);
        const named = classify(`"${name}" <${e.toUpperCase()}>`);
        expect(named.audience).toBe(plain.audience);
        expect(named.email).toBe(plain.email);
      }),
      { numRuns: 1000 },
    );
  });

  it('splitAddressList never throws and returns trimmed non-empty pieces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const parts = splitAddressList(s);
        for (const p of parts) {
          expect(p.length).toBeGreaterThan(0);
          expect(p).toBe(p.trim());
        }
        classifyMany(parts);
      }),
      { numRuns: 2000 },
    );
  });

  it('a joined list of generated addresses splits back into the same addresses', () => {
    fc.assert(
      fc.property(fc.array(fc.emailAddress(), { minLength: 1, maxLength: 8 }), fc.constantFrom(', ', ';', '\n', ' ; '), (list, sep) => {
        // addresses with separators in them are legal but would need quoting
        fc.pre(list.every((e) => !/[,;"()<>]/.test(e)));
        expect(splitAddressList(list.join(sep))).toEqual(list);
      }),
      { numRuns: 1000 },
    );
  });
});
