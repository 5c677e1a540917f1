import { describe, expect, it } from 'vitest';
import { sourceRef, sourceText } from './citation.js';
import { classify } from './classify.js';
import { domainCountry, JURISDICTION_INFO, JURISDICTION_INPUTS, JURISDICTIONS, jurisdictionOfCountry, normalizeJurisdiction } from './jurisdictions.js';
import { providerCountry } from './lists.js';
import { RULES } from './regime.js';
import type { Audience, ClassifyOptions, Jurisdiction, Regime } from './types.js';

const DATE = '2026-11-28';

/** An address of each audience at a domain under `tld`: professional, organisation, private (the user's own override). */
function sample(tld: string, audience: 'private' | 'professional' | 'organization'): { input: string; options: ClassifyOptions } {
  const domain = `exemple-firma.${tld}`;
  if (audience === 'private') return { input: `jean.dupont@${domain}`, options: { overrides: { [domain]: 'private' } } };
  return { input: audience === 'professional' ? `jean.dupont@${domain}` : `contact@${domain}`, options: {} };
}

type Row = [Jurisdiction, string /* tld */, 'private' | 'professional' | 'organization', string /* date */, Regime, string /* rule id */];

/** Every country, both audiences (and the generic organisation address), both sides of any date. */
const ROWS: Row[] = [
  ['FR', 'fr', 'private', DATE, 'opt-in', 'FR-electronic-private'],
  ['FR', 'fr', 'professional', DATE, 'opt-out', 'FR-email-professional'],
  ['FR', 'fr', 'organization', DATE, 'opt-out', 'FR-email-organization'],
  ['FR', 're', 'professional', DATE, 'opt-out', 'FR-email-professional'],
  ['DE', 'de', 'private', DATE, 'opt-in', 'DE-email'],
  ['DE', 'de', 'professional', DATE, 'opt-in', 'DE-email'],
  ['BE', 'be', 'private', DATE, 'opt-in', 'BE-email-private'],
  ['BE', 'be', 'professional', DATE, 'opt-in', 'BE-email-professional'],
  ['BE', 'be', 'organization', DATE, 'opt-out', 'BE-email-organization'],
  ['ES', 'es', 'private', DATE, 'opt-in', 'ES-email'],
  ['ES', 'es', 'professional', DATE, 'opt-in', 'ES-email'],
  ['GB', 'co.uk', 'private', DATE, 'opt-in', 'GB-email-individual'],
  ['GB', 'co.uk', 'professional', DATE, 'opt-out', 'GB-email-corporate'],
  ['US', 'us', 'private', DATE, 'opt-out', 'US-email'],
  ['US', 'us', 'professional', DATE, 'opt-out', 'US-email'],
  ['CH', 'ch', 'private', DATE, 'opt-in', 'CH-email'],
  ['CH', 'ch', 'professional', DATE, 'opt-in', 'CH-email'],
  ['CH', 'ch', 'professional', '2007-04-01', 'opt-in', 'CH-email'],
  ['CH', 'ch', 'professional', '2007-03-31', 'opt-in', 'fallback-strict'],
  ['LU', 'lu', 'private', DATE, 'opt-in', 'LU-email-private'],
  ['LU', 'lu', 'professional', DATE, 'opt-in', 'LU-email-business'],
  ['IT', 'it', 'private', DATE, 'opt-in', 'IT-email-private'],
  ['IT', 'it', 'professional', DATE, 'opt-in', 'IT-email-business'],
  ['NL', 'nl', 'private', DATE, 'opt-in', 'NL-email-private'],
  ['NL', 'nl', 'professional', '2009-10-01', 'opt-in', 'NL-email-business'],
  ['NL', 'nl', 'professional', '2009-09-30', 'opt-out', 'NL-email-business-before-2009'],
  ['NL', 'nl', 'organization', '2009-09-30', 'opt-out', 'NL-email-business-before-2009'],
  ['NL', 'nl', 'private', '2009-09-30', 'opt-in', 'NL-email-private'],
  ['AT', 'at', 'private', DATE, 'opt-in', 'AT-email-private'],
  ['AT', 'at', 'professional', '2006-03-01', 'opt-in', 'AT-email-business'],
  ['AT', 'at', 'professional', '2006-02-28', 'opt-out', 'AT-email-business-before-2006'],
  ['AT', 'at', 'private', '2006-02-28', 'opt-in', 'AT-email-private'],
  ['PT', 'pt', 'private', DATE, 'opt-in', 'PT-email-private'],
  ['PT', 'pt', 'professional', DATE, 'opt-in', 'PT-email-professional'],
  ['PT', 'pt', 'organization', DATE, 'opt-out', 'PT-email-organization'],
  ['IE', 'ie', 'private', DATE, 'opt-in', 'IE-email-private'],
  ['IE', 'ie', 'professional', DATE, 'opt-out', 'IE-email-business'],
  ['IE', 'ie', 'organization', DATE, 'opt-out', 'IE-email-business'],
  ['CA', 'ca', 'private', DATE, 'opt-in', 'CA-email'],
  ['CA', 'ca', 'professional', '2014-07-01', 'opt-in', 'CA-email'],
  ['CA', 'ca', 'professional', '2014-06-30', 'opt-in', 'fallback-strict'],
  ['EU', 'se', 'private', DATE, 'opt-in', 'EU-email-private'],
  ['EU', 'pl', 'professional', DATE, 'opt-in', 'EU-email-business'],
  ['EU', 'no', 'organization', DATE, 'opt-in', 'EU-email-business'],
  ['EU', 'eu', 'professional', DATE, 'opt-in', 'EU-email-business'],
];

describe('every country, both audiences, both sides of any date', () => {
  it.each(ROWS.map((r) => [`${r[0]} .${r[1]} ${r[2]} ${r[3]}`, ...r] as const))('%s', (_l, j, tld, audience, date, regime, ruleId) => {
    const { input, options } = sample(tld, audience);
    for (const fallback of ['FR', 'US', 'DE'] as const) {
      const r = classify(input, { date, jurisdiction: fallback, ...options });
      expect(r.audience).toBe(audience satisfies Audience);
      expect(r.jurisdiction, `default ${fallback}`).toBe(j);
      expect(r.regime).toBe(regime);
      expect(r.ruleId).toBe(ruleId);
      expect(r.flags).not.toContain('jurisdiction-not-covered');
      const rule = RULES.find((x) => x.id === ruleId)!;
      const last = r.reasons.at(-1)!;
      expect(last.id).toBe(`regime:${ruleId}`);
      expect(last.fr).toContain(sourceText(rule.source, 'fr'));
      expect(last.en).toContain(sourceText(rule.source, 'en'));
      if (rule.source.confidence === 'NC') expect(last.fr).toContain('non confirmé');
    }
  });

  it('covers every jurisdiction of the table', () => {
    expect(new Set(ROWS.map((r) => r[0]))).toEqual(new Set(JURISDICTIONS));
  });

  it('every jurisdiction has a rule of its own for email, for each audience, today', () => {
    for (const j of JURISDICTIONS) {
      for (const audience of ['private', 'professional', 'organization'] as const) {
        const rows = RULES.filter((r) => r.jurisdiction === j && r.channels.includes('email') && r.audiences.includes(audience) && !r.topic && !r.until);
        expect(rows.length, `${j} ${audience}`).toBeGreaterThan(0);
        for (const r of rows) for (const lang of ['fr', 'en'] as const) expect(sourceRef(r.source, lang).length).toBeGreaterThan(5);
      }
    }
  });
});

describe('the recipient\u2019s country decides', () => {
  it('a recognised ccTLD is never overridden by the default', () => {
    for (const info of JURISDICTION_INFO) {
      for (const tld of info.ccTLDs) {
        for (const fallback of JURISDICTIONS) {
          const r = classify(`jean@exemple-firma.${tld}`, { date: DATE, jurisdiction: fallback });
          expect(r.jurisdiction, `.${tld} with default ${fallback}`).toBe(info.code);
        }
      }
    }
  });

  it('an orange.fr consumer with --jurisdiction US gets French opt-in', () => {
    const r = classify('jean@orange.fr', { date: DATE, jurisdiction: 'US' });
    expect([r.jurisdiction, r.regime, r.ruleId]).toEqual(['FR', 'opt-in', 'FR-electronic-private']);
  });

  it('a consumer provider\u2019s country is data: a British ISP on .com is British', () => {
    expect(providerCountry('btinternet.com')).toBe('GB');
    expect(providerCountry('gmail.com')).toBeNull();
    const r = classify('jean@btinternet.com', { date: DATE, jurisdiction: 'FR' });
    expect(r.jurisdiction).toBe('GB');
    expect(r.country).toBe('GB');
    expect(r.reasons.map((x) => x.id)).toContain('jurisdiction-provider');
    expect(r.reasons.find((x) => x.id === 'jurisdiction-provider')!.fr).toContain('britannique');
  });

  it('a global webmail says nothing about the country: the default applies, and the reasons say so', () => {
    const r = classify('jean@gmail.com', { date: DATE, jurisdiction: 'DE' });
    expect(r.jurisdiction).toBe('DE');
    expect(r.country).toBeUndefined();
    expect(r.flags).not.toContain('jurisdiction-not-covered');
    const d = r.reasons.find((x) => x.id === 'jurisdiction-default')!;
    expect(d.fr).toContain('règles allemandes appliquées');
    expect(d.en).toContain('German rules applied');
  });

  it('generic-use ccTLDs name no country, unless under their country\u2019s second level', () => {
    expect(domainCountry('startup.io', 'startup.io', 'io').country).toBeNull();
    expect(domainCountry('empresa.com.co', 'empresa.com.co', 'com.co').country).toBe('CO');
    expect(domainCountry('a.b.xn--p1ai', 'b.xn--p1ai', 'xn--p1ai').country).toBe('RU');
    expect(classify('jean@startup.io', { date: DATE }).jurisdiction).toBe('FR');
  });
});

describe('reasons speak the applicable law', () => {
  it('a Belgian ISP mailbox cites no French law and gives no French example; a French one does', () => {
    const be = classify('jan.peeters@skynet.be', { date: DATE });
    const text = be.reasons.map((r) => `${r.fr} ${r.en}`).join(' ');
    expect(text).not.toMatch(/CPCE|L34-5|CNIL|orange\.fr|sfr\.fr/);
    expect(be.reasons.at(-1)!.fr).toContain('Code de droit économique XII.13');
    const fr = classify('jean@orange.fr', { date: DATE });
    expect(fr.reasons[0]!.fr).toContain('CPCE art. L34-5');
    expect(fr.reasons.map((r) => r.id)).toContain('sole-trader-webmail');
    expect(be.reasons.map((r) => r.id)).not.toContain('sole-trader-webmail');
  });

  it('a German company\u2019s reasons do not cite the CNIL\u2019s B2B doctrine', () => {
    const de = classify('e.weber@weber-gmbh.de', { date: DATE });
    expect(de.reasons.map((r) => `${r.fr} ${r.en}`).join(' ')).not.toMatch(/CNIL/);
    expect(de.reasons.at(-1)!.en).toContain('UWG §7');
  });
});

describe('no silent fallback', () => {
  it.each([
    ['jean@firma.jp', 'JP', 'FR', 'Japon', 'règles françaises appliquées', 'French rules applied'],
    ['jean@firma.mc', 'MC', 'FR', 'Monaco', 'règles françaises appliquées', 'French rules applied'],
    ['jean@firma.com.br', 'BR', 'DE', 'Brésil', 'règles allemandes appliquées', 'German rules applied'],
    ['jean@yandex.ru', 'RU', 'US', 'Russie', 'règles américaines appliquées', 'American rules applied'],
  ])('%s → default rules, flagged', (input, country, fallback, name, fr, en) => {
    const r = classify(input, { date: DATE, jurisdiction: fallback as Jurisdiction });
    expect(r.jurisdiction).toBe(fallback);
    expect(r.country).toBe(country);
    expect(r.flags).toContain('jurisdiction-not-covered');
    const reason = r.reasons.find((x) => x.id === 'jurisdiction-not-covered')!;
    expect(reason.fr).toContain('Droit local non couvert');
    expect(reason.fr).toContain(name);
    expect(reason.fr).toContain(fr);
    expect(reason.fr).toContain('vérifiez');
    expect(reason.en).toContain(en);
    expect(reason.detail).toBe(country);
  });

  it('internal recipients on such a domain are not flagged (not prospecting)', () => {
    const r = classify('x@mycorp.jp', { date: DATE, ownDomains: ['mycorp.jp'] });
    expect(r.audience).toBe('internal');
    expect(r.flags).not.toContain('jurisdiction-not-covered');
  });

  it('other EU / EEA countries get the ePrivacy baseline, naming the country', () => {
    const r = classify('anna@foretag.se', { date: DATE });
    expect(r.jurisdiction).toBe('EU');
    expect(r.country).toBe('SE');
    expect(r.flags).not.toContain('jurisdiction-not-covered');
    const reason = r.reasons.find((x) => x.id === 'jurisdiction-eu-default')!;
    expect(reason.fr).toContain('Suède');
    expect(reason.fr).toContain('2002/58/CE art. 13');
    expect(r.reasons.at(-1)!.fr).toContain('non confirmé');
  });
});

describe('the metadata table', () => {
  it('has names, adjectives and unique ccTLDs for every jurisdiction', () => {
    const seen = new Set<string>();
    for (const j of JURISDICTION_INFO) {
      expect(j.name.fr.length * j.name.en.length * j.adjEn.length).toBeGreaterThan(0);
      expect(j.adjFr.fp.endsWith('s')).toBe(true);
      expect(j.inFr).toMatch(/^(en|au|aux|dans) /);
      for (const t of j.ccTLDs) {
        expect(seen.has(t), t).toBe(false);
        seen.add(t);
        expect(jurisdictionOfCountry(t === 'uk' ? 'GB' : t.toUpperCase())).toBe(j.code);
      }
    }
    for (const r of RULES) if (r.jurisdiction !== '*') expect(JURISDICTIONS).toContain(r.jurisdiction);
  });

  it('normalizes what users type', () => {
    expect(normalizeJurisdiction('uk')).toBe('GB');
    expect(normalizeJurisdiction('ch')).toBe('CH');
    expect(normalizeJurisdiction('JP')).toBeNull();
    expect(JURISDICTION_INPUTS).toContain('UK');
    for (const j of JURISDICTIONS) expect(JURISDICTION_INPUTS).toContain(j);
  });
});
