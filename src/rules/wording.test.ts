import { describe, expect, it } from 'vitest';
import { sourceText } from './citation.js';
import { classify } from './classify.js';
import { buildIntroduction } from './intro.js';
import { JURISDICTION_INFO, JURISDICTIONS, jurisdictionInfo } from './jurisdictions.js';
import { RULES } from './regime.js';
import type { Channel, ClassifyOptions, Jurisdiction, RecipientResult, Topic } from './types.js';
import { recipientVerdict } from './verdict.js';
import { audienceLabel, messageWording, recipientWording, shortCitation } from './wording.js';

const DATE = '2026-11-28';
const CONSENT = { date: '2026-03-12' };

/** A domain under each jurisdiction's first ccTLD (Sweden for the EU baseline, co.uk for the UK). */
function domainOf(j: Jurisdiction): string {
  const info = jurisdictionInfo(j);
  const tld = j === 'EU' ? 'se' : j === 'GB' ? 'co.uk' : info.ccTLDs[0]!;
  return `exemple-firma.${tld}`;
}

interface Sample {
  label: string;
  result: RecipientResult;
  consent: typeof CONSENT | null;
}

/** Every audience × jurisdiction × regime the rules produce: channels, topics, both sides of dates, consents, unknown and uncovered countries. */
function samples(): Sample[] {
  const out: Sample[] = [];
  const add = (label: string, input: string, options: ClassifyOptions, consent: typeof CONSENT | null = null) =>
    out.push({ label, result: classify(input, { date: DATE, ...options }), consent });
  const channels: Channel[] = ['email', 'linkedin', 'sms', 'phone', 'postal'];
  const topics: (Topic | undefined)[] = [undefined, 'energy-renovation', 'home-adaptation'];
  const dates = [DATE, '2026-08-10', '2009-09-30', '2006-02-28', '2014-06-30', '2007-03-31'];
  for (const j of JURISDICTIONS) {
    const d = domainOf(j);
    for (const channel of channels) {
      for (const topic of topics) {
        for (const date of dates) {
          const o: ClassifyOptions = { channel, topic, date };
          add(`${j} private ${channel} ${topic ?? ''} ${date}`, `jean.dupont@${d}`, { ...o, overrides: { [d]: 'private' } });
          add(`${j} private+consent ${channel} ${date}`, `jean.dupont@${d}`, { ...o, overrides: { [d]: 'private' } }, CONSENT);
          add(`${j} professional ${channel} ${topic ?? ''} ${date}`, `jean.dupont@${d}`, o);
          add(`${j} organization ${channel} ${date}`, `contact@${d}`, o);
        }
      }
    }
    add(`${j} internal`, `collegue@${d}`, { ownDomains: [d] });
    add(`${j} default: unknown IP`, 'x@[192.0.2.1]', { jurisdiction: j });
    add(`${j} default: unknown IP + consent`, 'x@[192.0.2.1]', { jurisdiction: j }, CONSENT);
    add(`${j} default: gTLD professional`, 'jean.dupont@exemple-firma.com', { jurisdiction: j });
    add(`${j} default: gTLD webmail`, 'jean.dupont@gmail.com', { jurisdiction: j });
    add(`${j} default: not covered`, 'jean.dupont@exemple-firma.jp', { jurisdiction: j });
    add(`${j} default: not covered, generic`, 'contact@exemple-firma.com.br', { jurisdiction: j });
  }
  add('invalid', 'pas une adresse', {});
  return out;
}

const FRENCH_LAW = /CPCE|CNIL|L34-5|C\. conso|LCEN/;

describe('wording — every audience × jurisdiction × regime agrees with the rules and cites the rule\u2019s own source', () => {
  const all = samples();

  it('walks enough cases to cover every rule the email-like channels produce', () => {
    const seen = new Set(all.map((s) => s.result.ruleId).filter(Boolean));
    for (const r of RULES) {
      if (r.channels.some((c) => c === 'email' || c === 'linkedin')) expect(seen.has(r.id), r.id).toBe(true);
    }
    expect(all.length).toBeGreaterThan(2000);
  });

  it.each(['fr', 'en'] as const)('in %s', (lang) => {
    for (const { label, result: r, consent } of all) {
      const w = recipientWording(r, lang, consent);
      const ctx = `${label} (${lang})`;
      expect(w.verdict, ctx).toBe(recipientVerdict(r, consent));
      expect(w.audienceLabel, ctx).toBe(audienceLabel(r, lang));
      expect(w.title.startsWith(`${w.audienceLabel} \u2014 ${w.verdictLabel}`), ctx).toBe(true);

      // the audience label says who the rules think the recipient is
      const who: Record<string, RegExp> =
        lang === 'fr'
          ? { private: /^particulier/, professional: /^entreprise/, organization: /^adresse générique/, internal: /interne/, unknown: /indéterminé/, invalid: /invalide/ }
          : { private: /private individual/, professional: /business$|business \(/, organization: /generic/, internal: /internal/, unknown: /cannot place/, invalid: /invalid/ };
      expect(w.audienceLabel, ctx).toMatch(who[r.audience]!);

      // … with the country's adjective when the domain names a covered country
      if (r.country !== undefined && !r.flags.includes('jurisdiction-not-covered') && r.jurisdiction !== 'EU' && ['private', 'professional', 'organization'].includes(r.audience)) {
        const info = jurisdictionInfo(r.jurisdiction);
        const adj = lang === 'en' ? info.adjEn : r.audience === 'private' ? info.adjFr.m : info.adjFr.f;
        expect(w.audienceLabel, ctx).toContain(adj);
      }
      if (r.flags.includes('jurisdiction-not-covered')) {
        expect(w.notes.join(' '), ctx).toMatch(lang === 'fr' ? /Droit local non couvert/ : /Local law not covered/);
      }

      // the verdict label says what the rule's regime says
      const v = w.verdict;
      const says: Record<string, RegExp> =
        lang === 'fr'
          ? { banned: /interdite/, 'opt-in': /consentement requis/, unknown: /consentement requis par prudence|adresse à corriger/, 'opt-out': /prospection permise/, organization: /prospection permise/, consent: /consentement enregistré/, internal: /interne/ }
          : { banned: /banned/, 'opt-in': /consent required/, unknown: /consent required to be safe|address to correct/, 'opt-out': /prospecting allowed/, organization: /prospecting allowed/, consent: /consent recorded/, internal: /internal/ };
      expect(w.verdictLabel, ctx).toMatch(says[v]!);
      if (v === 'opt-out' || v === 'organization') expect(r.regime, ctx).toBe('opt-out');
      if (v === 'opt-in') expect(r.regime, ctx).toBe('opt-in');
      if (v === 'banned') expect(r.regime, ctx).toBe('banned');

      // the reason and its source are the rule's own
      if (r.audience !== 'invalid') {
        const rule = RULES.find((x) => x.id === r.ruleId)!;
        expect(w.source, ctx).toEqual(rule.source);
        expect(w.citation.startsWith(sourceText(rule.source, lang)), ctx).toBe(true);
        if (v !== 'internal') expect(w.title.endsWith(`(${shortCitation(rule.source, lang)})`), ctx).toBe(true);
        expect(w.reason.toLowerCase(), ctx).toContain((lang === 'fr' ? rule.conditions.fr : rule.conditions.en).toLowerCase());
        if (rule.source.confidence === 'NC') expect(w.citation, ctx).toContain(lang === 'fr' ? 'non confirmé' : 'not confirmed');
        // French law is cited only where French rules apply
        if (r.jurisdiction !== 'FR' && v !== 'internal') {
          expect(`${w.title} ${w.reason} ${w.citation}`, ctx).not.toMatch(FRENCH_LAW);
          expect(w.notes.join(' '), ctx).not.toMatch(/L34-5/);
        }
      }
    }
  });
});

describe('wording — the cases of the issue', () => {
  it('a German company: "entreprise allemande — consentement requis (UWG §7)", never the CNIL\u2019s B2B doctrine', () => {
    const r = classify('e.weber@weber-gmbh.de', { date: DATE });
    const fr = recipientWording(r, 'fr');
    expect(fr.title).toBe('entreprise allemande \u2014 consentement requis (UWG §7)');
    expect(fr.audienceLabel).toBe('entreprise allemande');
    expect(fr.reason).toMatch(/^Droit allemand : consentement exprès préalable, B2B compris/);
    expect(`${fr.title} ${fr.reason} ${fr.citation}`).not.toMatch(/particulier|CNIL/);
    expect(recipientWording(r, 'en').title).toBe('German business \u2014 consent required (UWG §7)');
  });

  it('a Belgian ISP mailbox cites Belgian law, not CPCE L34-5, and gives no French example', () => {
    const r = classify('jan.peeters@skynet.be', { date: DATE });
    const w = recipientWording(r, 'fr');
    expect(w.title).toBe('particulier belge \u2014 consentement requis (CDE XII.13)');
    expect(`${w.title} ${w.reason} ${w.citation} ${w.notes.join(' ')}`).not.toMatch(/CPCE|L34-5|orange\.fr|sfr\.fr|free\.fr/);
    expect(w.citation).toContain('Code de droit économique XII.13');
  });

  it('plain words: "prospection permise — droit d\u2019opposition"', () => {
    const w = recipientWording(classify('jean.dupont@acme.fr', { date: DATE }), 'fr');
    expect(w.title).toBe('entreprise française \u2014 prospection permise \u2014 droit d\u2019opposition (doctrine B2B de la CNIL)');
    expect(w.citation).toBe('doctrine B2B de la CNIL \u2014 sources secondaires');
    expect(JSON.stringify(w)).not.toContain('opposition possible');
  });

  it('a private recipient with a recorded consent gets consumer wording, never "vos coordonnées professionnelles"', () => {
    const r = classify('marie@orange.fr', { date: DATE });
    const w = recipientWording(r, 'fr', CONSENT);
    expect(w.verdict).toBe('consent');
    expect(w.title).toBe('particulier français \u2014 consentement enregistré (CPCE art. L34-5)');
    expect(w.reason).toContain('le 12/03/2026');
    const m = messageWording([{ result: r, consent: CONSENT }], 'fr');
    expect(m.introduction).toBe('consumer');
    const intro = buildIntroduction({ activity: 'nous vendons des vélos', contactSource: '' }, 'fr', m.introduction!);
    expect(intro.ready).toBe(true);
    expect(`${intro.intro} ${intro.unsubscribe}`).not.toMatch(/professionnel/);
  });

  it('a message mixing business recipients and a consenting private one gets no single introduction, and says why', () => {
    const m = messageWording(
      [{ result: classify('marie@orange.fr', { date: DATE }), consent: CONSENT }, { result: classify('jean.dupont@acme.fr', { date: DATE }) }],
      'fr',
    );
    expect(m.verdict).toBe('opt-out');
    expect(m.introduction).toBeNull();
    expect(m.notes.join(' ')).toContain('messages séparés');
  });

  it('an uncovered country says so, with the rules applied', () => {
    const r = classify('taro@firma.co.jp', { date: DATE });
    const w = recipientWording(r, 'fr');
    expect(w.audienceLabel).toBe('entreprise (Japon)');
    expect(w.reason).toMatch(/^Règles françaises appliquées : /);
    expect(w.notes[0]).toContain('Droit local non couvert (Japon');
    expect(messageWording([{ result: r }], 'fr').notes[0]).toBe('Droit local non couvert pour 1 destinataire : règles françaises appliquées, vérifiez.');
  });
});

describe('messageWording — the headline for the strictest verdict', () => {
  const c = (s: string, o: ClassifyOptions = {}) => ({ result: classify(s, { date: DATE, ownDomains: ['mycorp.fr'], ...o }) });

  it.each([
    [[], 'none', 'Aucun destinataire', null],
    [['paul@mycorp.fr'], 'internal', 'Destinataire interne \u2014 correspondance interne', null],
    [['e.weber@weber-gmbh.de', 'jean.dupont@acme.fr'], 'opt-in', 'Entreprise allemande \u2014 consentement requis (UWG §7)', null],
    [['e.weber@weber-gmbh.de', 'jean@gmail.com'], 'opt-in', 'Consentement requis pour 2 destinataires', null],
    [['jean.dupont@acme.fr', 'contact@acme.fr'], 'opt-out', 'Entreprise française \u2014 prospection permise \u2014 droit d\u2019opposition (doctrine B2B de la CNIL)', 'business'],
    [['contact@acme.fr', 'paul@mycorp.fr'], 'organization', 'Adresse générique d\u2019une entreprise française \u2014 prospection permise \u2014 mentions obligatoires (doctrine de la CNIL)', 'business'],
  ] as const)('%j → %s', (inputs, verdict, headline, introduction) => {
    const m = messageWording(inputs.map((s) => c(s)), 'fr');
    expect(m.verdict).toBe(verdict);
    expect(m.headline).toBe(headline);
    expect(m.introduction).toBe(introduction);
  });

  it('banned subjects', () => {
    const m = messageWording([c('jean@gmail.com', { topic: 'energy-renovation' })], 'en');
    expect(m.verdict).toBe('banned');
    expect(m.body).toContain('bans canvassing consumers');
  });

  it('bodies speak of the recipient\u2019s law', () => {
    expect(messageWording([c('e.weber@weber-gmbh.de')], 'fr').body).toMatch(/^Le droit allemand exige le consentement préalable, même pour une entreprise/);
    expect(messageWording([c('jean@gmail.com')], 'fr').body).toMatch(/^« Si je n’ai pas dit oui, c’est non »/);
    expect(messageWording([c('jan@skynet.be')], 'fr').body).toMatch(/^Le droit belge exige le consentement préalable d’un particulier/);
    expect(messageWording([c('john@bbc.co.uk')], 'en').body).toMatch(/^British law allows prospecting this recipient/);
    expect(messageWording([c('jean.dupont@acme.fr')], 'fr').body).toMatch(/^« Si je n’ai pas dit non, c’est oui »/);
  });

  it('every jurisdiction has words for its country', () => {
    for (const j of JURISDICTION_INFO) {
      const r = classify(`jean.dupont@${domainOf(j.code)}`, { date: DATE });
      for (const lang of ['fr', 'en'] as const) {
        const m = messageWording([{ result: r }], lang);
        expect(m.headline.length).toBeGreaterThan(10);
        expect(m.body, j.code).not.toBeNull();
      }
    }
  });
});
