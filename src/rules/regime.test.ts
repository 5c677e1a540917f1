import { describe, expect, it } from 'vitest';
import { sourceRef, sourceText } from './citation.js';
import {
  ALL_CHANNELS,
  FALLBACK_RULE,
  INTERNAL_RULE,
  JURISDICTIONS,
  LAW_STATE_DATE,
  PHONE_CANVASSING_LIMITS,
  RULES,
  normalizeJurisdiction,
  regimeFor,
  ruleReason,
  type RegimeRule,
} from './regime.js';
import type { Audience, Channel, Jurisdiction, Regime, Topic } from './types.js';

const D = LAW_STATE_DATE;

function dateIn(r: RegimeRule): string {
  return r.from ?? r.until ?? D;
}

describe('RULES data', () => {
  it('ids are unique', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s names its source, dates, conditions', (_id, r) => {
    for (const lang of ['fr', 'en'] as const) expect(sourceRef(r.source, lang).length).toBeGreaterThan(3);
    expect(['P', 'S', 'NC']).toContain(r.source.confidence);
    expect(r.conditions.fr.length).toBeGreaterThan(10);
    expect(r.conditions.en.length).toBeGreaterThan(10);
    expect(r.channels.length).toBeGreaterThan(0);
    expect(r.audiences.length).toBeGreaterThan(0);
    if (r.from !== undefined) expect(r.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (r.until !== undefined) expect(r.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const reason = ruleReason(r);
    expect(reason.id).toBe(`regime:${r.id}`);
    expect(reason.fr).toContain(sourceText(r.source, 'fr'));
    expect(reason.en).toContain(sourceText(r.source, 'en'));
    if (r.source.confidence === 'NC') {
      expect(reason.fr).toContain('non confirmé');
      expect(reason.en).toContain('not confirmed');
    } else {
      expect(reason.en).not.toContain('— not confirmed)');
    }
  });

  it.each(RULES.filter((r) => r.jurisdiction !== '*').map((r) => [r.id, r] as const))(
    '%s is what regimeFor answers for each of its channels and audiences',
    (_id, r) => {
      for (const c of r.channels) {
        for (const a of r.audiences) {
          const got = regimeFor(r.jurisdiction as Jurisdiction, c, a, dateIn(r), r.topic);
          expect(got.rule?.id, `${c}/${a}`).toBe(r.id);
          expect(got.regime).toBe(r.regime);
        }
      }
    },
  );

  it('covers every row of the reference', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const id of [
      'FR-electronic-private',
      'FR-email-professional',
      'FR-email-organization',
      'FR-sms-automated-call-professional',
      'FR-postal',
      'FR-phone-consumer-bloctel',
      'FR-phone-consumer-consent',
      'FR-phone-professional',
      'FR-banned-energy-renovation',
      'FR-banned-home-adaptation',
      'FR-electronic-private-linkedin',
      'FR-email-professional-linkedin',
      'FR-email-organization-linkedin',
      'DE-email',
      'BE-email-private',
      'BE-email-professional',
      'BE-email-organization',
      'ES-email',
      'GB-email-individual',
      'GB-email-corporate',
      'US-email',
      'internal',
      'fallback-strict',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });
});

type Row = [Jurisdiction, Channel, Audience, string, Topic | undefined, Regime | null, string | null];

const TABLE: Row[] = [
  // France, email
  ['FR', 'email', 'private', D, undefined, 'opt-in', 'FR-electronic-private'],
  ['FR', 'email', 'professional', D, undefined, 'opt-out', 'FR-email-professional'],
  ['FR', 'email', 'organization', D, undefined, 'opt-out', 'FR-email-organization'],
  ['FR', 'email', 'internal', D, undefined, 'internal', 'internal'],
  ['FR', 'email', 'invalid', D, undefined, null, null],
  ['FR', 'email', 'unknown', D, undefined, 'opt-in', 'FR-electronic-private'],
  // France, SMS / MMS / automated calls / fax
  ['FR', 'sms', 'private', D, undefined, 'opt-in', 'FR-electronic-private'],
  ['FR', 'mms', 'private', D, undefined, 'opt-in', 'FR-electronic-private'],
  ['FR', 'automated-call', 'private', D, undefined, 'opt-in', 'FR-electronic-private'],
  ['FR', 'fax', 'private', D, undefined, 'opt-in', 'FR-electronic-private'],
  ['FR', 'sms', 'professional', D, undefined, 'opt-out', 'FR-sms-automated-call-professional'],
  ['FR', 'automated-call', 'professional', D, undefined, 'opt-out', 'FR-sms-automated-call-professional'],
  ['FR', 'sms', 'organization', D, undefined, 'opt-out', 'FR-sms-automated-call-professional'],
  ['FR', 'mms', 'professional', D, undefined, 'opt-out', 'FR-mms-professional'],
  ['FR', 'fax', 'professional', D, undefined, 'opt-in', 'fallback-strict'],
  ['FR', 'sms', 'unknown', D, undefined, 'opt-in', 'FR-electronic-private'],
  // France, postal
  ['FR', 'postal', 'private', D, undefined, 'opt-out', 'FR-postal'],
  ['FR', 'postal', 'professional', D, undefined, 'opt-out', 'FR-postal'],
  ['FR', 'postal', 'organization', D, undefined, 'opt-out', 'FR-postal'],
  ['FR', 'postal', 'unknown', D, undefined, 'opt-out', 'FR-postal'],
  // France, human phone calls, both sides of 2026-08-11
  ['FR', 'phone', 'private', '2025-01-01', undefined, 'opt-out', 'FR-phone-consumer-bloctel'],
  ['FR', 'phone', 'private', '2026-08-10', undefined, 'opt-out', 'FR-phone-consumer-bloctel'],
  ['FR', 'phone', 'private', '2026-08-11', undefined, 'opt-in', 'FR-phone-consumer-consent'],
  ['FR', 'phone', 'private', '2027-01-01', undefined, 'opt-in', 'FR-phone-consumer-consent'],
  ['FR', 'phone', 'unknown', '2026-08-10', undefined, 'opt-out', 'FR-phone-consumer-bloctel'],
  ['FR', 'phone', 'unknown', '2026-08-11', undefined, 'opt-in', 'FR-phone-consumer-consent'],
  ['FR', 'phone', 'professional', '2026-08-10', undefined, 'opt-out', 'FR-phone-professional'],
  ['FR', 'phone', 'professional', '2026-08-11', undefined, 'opt-out', 'FR-phone-professional'],
  ['FR', 'phone', 'organization', '2026-08-11', undefined, 'opt-out', 'FR-phone-professional'],
  // France, banned topics
  ['FR', 'phone', 'private', D, 'energy-renovation', 'banned', 'FR-banned-energy-renovation'],
  ['FR', 'sms', 'private', D, 'energy-renovation', 'banned', 'FR-banned-energy-renovation'],
  ['FR', 'email', 'private', D, 'energy-renovation', 'banned', 'FR-banned-energy-renovation'],
  ['FR', 'linkedin', 'private', D, 'energy-renovation', 'banned', 'FR-banned-energy-renovation'],
  ['FR', 'phone', 'private', D, 'home-adaptation', 'banned', 'FR-banned-home-adaptation'],
  ['FR', 'email', 'private', D, 'home-adaptation', 'banned', 'FR-banned-home-adaptation'],
  ['FR', 'mms', 'private', D, 'home-adaptation', 'banned', 'FR-banned-home-adaptation-mms-automated'],
  ['FR', 'automated-call', 'private', D, 'energy-renovation', 'banned', 'FR-banned-energy-renovation-mms-automated'],
  ['FR', 'phone', 'private', '2026-08-10', 'energy-renovation', 'banned', 'FR-banned-energy-renovation'],
  ['FR', 'email', 'unknown', D, 'energy-renovation', 'banned', 'FR-banned-energy-renovation'],
  ['FR', 'email', 'professional', D, 'energy-renovation', 'opt-out', 'FR-email-professional'],
  ['FR', 'postal', 'private', D, 'energy-renovation', 'opt-out', 'FR-postal'],
  ['FR', 'fax', 'private', D, 'energy-renovation', 'opt-in', 'FR-electronic-private'],
  ['FR', 'email', 'internal', D, 'energy-renovation', 'internal', 'internal'],
  // France, LinkedIn treated as email
  ['FR', 'linkedin', 'private', D, undefined, 'opt-in', 'FR-electronic-private-linkedin'],
  ['FR', 'linkedin', 'professional', D, undefined, 'opt-out', 'FR-email-professional-linkedin'],
  ['FR', 'linkedin', 'organization', D, undefined, 'opt-out', 'FR-email-organization-linkedin'],
  // Germany
  ['DE', 'email', 'private', D, undefined, 'opt-in', 'DE-email'],
  ['DE', 'email', 'professional', D, undefined, 'opt-in', 'DE-email'],
  ['DE', 'email', 'organization', D, undefined, 'opt-in', 'DE-email'],
  ['DE', 'linkedin', 'professional', D, undefined, 'opt-in', 'DE-email-linkedin'],
  ['DE', 'sms', 'professional', D, undefined, 'opt-in', 'fallback-strict'],
  ['DE', 'email', 'internal', D, undefined, 'internal', 'internal'],
  // Belgium
  ['BE', 'email', 'private', D, undefined, 'opt-in', 'BE-email-private'],
  ['BE', 'email', 'professional', D, undefined, 'opt-in', 'BE-email-professional'],
  ['BE', 'email', 'organization', D, undefined, 'opt-out', 'BE-email-organization'],
  ['BE', 'email', 'unknown', D, undefined, 'opt-in', 'BE-email-private'],
  ['BE', 'linkedin', 'organization', D, undefined, 'opt-out', 'BE-email-organization-linkedin'],
  // Spain
  ['ES', 'email', 'private', D, undefined, 'opt-in', 'ES-email'],
  ['ES', 'email', 'professional', D, undefined, 'opt-in', 'ES-email'],
  ['ES', 'email', 'organization', D, undefined, 'opt-in', 'ES-email'],
  // United Kingdom
  ['GB', 'email', 'private', D, undefined, 'opt-in', 'GB-email-individual'],
  ['GB', 'email', 'professional', D, undefined, 'opt-out', 'GB-email-corporate'],
  ['GB', 'email', 'organization', D, undefined, 'opt-out', 'GB-email-corporate'],
  ['GB', 'email', 'unknown', D, undefined, 'opt-in', 'GB-email-individual'],
  ['UK' as Jurisdiction, 'email', 'professional', D, undefined, 'opt-out', 'GB-email-corporate'],
  // United States
  ['US', 'email', 'private', D, undefined, 'opt-out', 'US-email'],
  ['US', 'email', 'professional', D, undefined, 'opt-out', 'US-email'],
  ['US', 'email', 'organization', D, undefined, 'opt-out', 'US-email'],
  ['US', 'email', 'unknown', D, undefined, 'opt-out', 'US-email'],
  ['US', 'postal', 'private', D, undefined, 'opt-in', 'fallback-strict'],
  // unknown jurisdiction / channel fall back to FR / email
  ['XX' as Jurisdiction, 'email', 'professional', D, undefined, 'opt-out', 'FR-email-professional'],
  ['FR', 'pigeon' as Channel, 'private', D, undefined, 'opt-in', 'FR-electronic-private'],
];

describe('regimeFor — table', () => {
  it.each(TABLE)('%s %s %s %s topic=%s → %s (%s)', (j, c, a, date, topic, regime, ruleId) => {
    const got = regimeFor(j, c, a, date, topic);
    expect(got.regime).toBe(regime);
    expect(got.rule?.id ?? null).toBe(ruleId);
  });

  it('internal wins everywhere', () => {
    for (const j of JURISDICTIONS) for (const c of ALL_CHANNELS) expect(regimeFor(j, c, 'internal', D).rule).toBe(INTERNAL_RULE);
  });

  it('every jurisdiction answers every channel and audience with some rule', () => {
    for (const j of JURISDICTIONS)
      for (const c of ALL_CHANNELS)
        for (const a of ['private', 'professional', 'organization', 'unknown'] as Audience[]) {
          const got = regimeFor(j, c, a, D);
          expect(got.rule).not.toBeNull();
          expect(got.regime).toBe(got.rule!.regime);
        }
  });

  it('the fallback is the strict side and says it is not confirmed', () => {
    expect(FALLBACK_RULE.regime).toBe('opt-in');
    expect(ruleReason(FALLBACK_RULE).en).toContain('not confirmed');
  });
});

describe('phone canvassing data', () => {
  it('holds the D223-9 hours, days and cap', () => {
    expect(PHONE_CANVASSING_LIMITS.weekdays).toEqual([1, 2, 3, 4, 5]);
    expect(PHONE_CANVASSING_LIMITS.windows).toEqual([
      { from: '10:00', to: '13:00' },
      { from: '14:00', to: '20:00' },
    ]);
    expect(PHONE_CANVASSING_LIMITS.publicHolidays).toBe(false);
    expect(PHONE_CANVASSING_LIMITS.maxCalls).toBe(4);
    expect(PHONE_CANVASSING_LIMITS.periodDays).toBe(30);
    expect(sourceRef(PHONE_CANVASSING_LIMITS.source, 'fr')).toContain('D223-9');
  });

  it('the consumer phone rows mention the hours and the Bloctel repeal as not confirmed', () => {
    const after = RULES.find((r) => r.id === 'FR-phone-consumer-consent')!;
    expect(after.from).toBe('2026-08-11');
    expect(sourceRef(after.source, 'fr')).toContain('loi n° 2025-594 du 30 juin 2025');
    expect(sourceRef(after.source, 'en')).toContain('Law 2025-594 of 30 June 2025');
    for (const lang of ['fr', 'en'] as const) expect(sourceRef(after.source, lang)).toContain('L223-1');
    expect(after.conditions.fr).toContain('10 h à 13 h');
    expect(after.conditions.en).toContain("Bloctel's repeal: not confirmed");
    const before = RULES.find((r) => r.id === 'FR-phone-consumer-bloctel')!;
    expect(before.until).toBe('2026-08-10');
    expect(before.conditions.fr).toContain('Bloctel');
  });
});

describe('normalizeJurisdiction', () => {
  it.each([
    ['fr', 'FR'],
    ['UK', 'GB'],
    ['uk', 'GB'],
    ['GB', 'GB'],
    ['us', 'US'],
    ['XX', null],
    ['', null],
    [null, null],
    ['FRA', null],
  ])('%s → %s', (i, o) => {
    expect(normalizeJurisdiction(i)).toBe(o);
  });
});
