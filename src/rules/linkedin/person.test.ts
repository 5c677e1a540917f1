import { describe, expect, it } from 'vitest';
import { judgePerson, judgePersons } from './person';
import { normalizePersonKey, personKey, profileId } from './key';
import { fitNote, NOTE_LIMIT_FREE, NOTE_LIMIT_PREMIUM, NOTE_SEPARATOR } from './note';
import { linkedinIntroSettings } from './intro';
import { buildIntroduction, buildNoteIntroduction } from '../intro';
import { recipientVerdict } from '../verdict';
import { messageWording, recipientWording } from '../wording';
import { RULES } from '../regime';

const DATE = '2026-12-01';
const p = (headline: string, extra: Partial<Parameters<typeof judgePerson>[0]> = {}) => ({
  key: 'linkedin:in/jean-dupont',
  name: 'Jean Dupont',
  headline,
  ...extra,
});

describe('a LinkedIn member as a recipient', () => {
  it('a student is opt-in under the LinkedIn channel row, with the headline in the reason', () => {
    const r = judgePerson(p('Étudiante en Master 2 Marketing à l’ESSEC'), { date: DATE });
    expect(r).toMatchObject({ audience: 'private', regime: 'opt-in', email: null, domain: null, jurisdiction: 'FR', ruleId: 'FR-electronic-private-linkedin' });
    expect(recipientVerdict(r)).toBe('opt-in');
    expect(r.person).toMatchObject({ name: 'Jean Dupont', cue: 'student' });
    expect(r.reasons[0]!.fr).toContain('« Étudiante en Master 2 Marketing à l’ESSEC »');
    expect(r.reasons.map((x) => x.id)).toEqual(['person-private', 'person-country', 'regime:FR-electronic-private-linkedin']);
  });

  it('"Head of Procurement chez …" is opt-out: the CNIL B2B row read for LinkedIn (not confirmed), the role reminded', () => {
    const r = judgePerson(p('Head of Procurement chez Schneider Electric'), { date: DATE });
    expect(r).toMatchObject({ audience: 'professional', regime: 'opt-out', ruleId: 'FR-email-professional-linkedin' });
    expect(r.person!.company).toBe('Schneider Electric');
    expect(recipientVerdict(r)).toBe('opt-out');
    const w = recipientWording(r, 'fr');
    expect(w.audienceLabel).toBe('professionnel');
    expect(w.title).toBe('professionnel — prospection permise — droit d’opposition (doctrine B2B de la CNIL)');
    expect(w.reason).toContain('message LinkedIn / réseau social traité comme un e-mail');
    expect(w.reason).toContain('en rapport avec la profession');
    expect(w.citation).toContain('non confirmé');
    expect(w.notes.join(' ')).toContain('Le message doit porter sur ce rôle.');
    expect(w.notes.join(' ')).toContain('règles françaises appliquées');
    const en = recipientWording(r, 'en');
    expect(en.notes.join(' ')).toContain('The message must relate to that role.');
  });

  it('a sole trader is treated as a private individual (law.md: L34-5 protects every natural person), not confirmed', () => {
    const r = judgePerson(p('Consultante indépendante en stratégie digitale'), { date: DATE });
    expect(r).toMatchObject({ audience: 'private', regime: 'opt-in' });
    const reason = r.reasons.find((x) => x.id === 'person-sole-trader')!;
    expect(reason.fr).toContain('personne physique');
    expect(reason.source?.confidence).toBe('NC');
    expect(recipientWording(r, 'fr').notes.join(' ')).toContain('L34-5');
    // With a recorded consent the reading is moot.
    expect(recipientWording(r, 'fr', { date: DATE }).notes.join(' ')).not.toContain('L34-5');
  });

  it('unknown when nothing places the person: consent required to be safe, with the reason first', () => {
    const r = judgePerson(p('Directeur commercial'), { date: DATE });
    expect(r.audience).toBe('unknown');
    expect(r.regime).toBe('opt-in');
    expect(recipientVerdict(r)).toBe('unknown');
    const w = recipientWording(r, 'fr');
    expect(w.audienceLabel).toBe('profil à vérifier');
    expect(w.reason.startsWith('Titre LinkedIn « Directeur commercial » : un rôle, mais aucune organisation nommée')).toBe(true);
  });

  it('the open-to-work frame alone, and the frame beside a current role', () => {
    expect(judgePerson(p('Comptable', { openToWork: true }), { date: DATE }).reasons[0]!.fr).toContain('#OPEN_TO_WORK');
    const r = judgePerson(p('Comptable chez Fiducial', { openToWork: true }), { date: DATE });
    expect(r.audience).toBe('unknown');
    expect(r.reasons[0]!.fr).toContain('cadre #OPEN_TO_WORK');
  });

  it('the user’s choice for this person wins, keyed by the person', () => {
    const overrides = { 'linkedin:in/jean-dupont': 'business' as const };
    const r = judgePerson(p('Directeur commercial'), { date: DATE, overrides });
    expect(r).toMatchObject({ audience: 'professional', regime: 'opt-out', flags: ['override'] });
    expect(r.reasons[0]!.id).toBe('override-business');
    expect(judgePerson(p('Head of Sales chez Acme'), { date: DATE, overrides: { 'linkedin:in/jean-dupont': 'private' } }).regime).toBe('opt-in');
    // Another person's choice does nothing here.
    expect(judgePerson(p('Directeur commercial', { key: 'linkedin:in/paul' }), { date: DATE, overrides }).audience).toBe('unknown');
  });

  it('another default jurisdiction gives its LinkedIn row, and a banned topic bans private persons', () => {
    const de = judgePerson(p('Head of Procurement chez Siemens'), { date: DATE, jurisdiction: 'DE' });
    expect(de).toMatchObject({ regime: 'opt-in', ruleId: 'DE-email-linkedin', jurisdiction: 'DE' });
    expect(de.reasons.find((x) => x.id === 'person-country')!.fr).toContain('règles allemandes');
    const banned = judgePerson(p('Retraité'), { date: DATE, topic: 'energy-renovation' });
    expect(banned).toMatchObject({ regime: 'banned', ruleId: 'FR-banned-energy-renovation' });
    expect(RULES.find((r) => r.id === 'FR-banned-energy-renovation')!.channels).toContain('linkedin');
  });

  it('never throws on bad input', () => {
    for (const bad of [null, undefined, {}, { key: 5, name: 7, headline: {} }]) expect(() => judgePerson(bad as never)).not.toThrow();
    expect(judgePersons(null as never)).toEqual([]);
  });

  it('the message wording for one LinkedIn recipient offers the business introduction for a professional only', () => {
    const pro = judgePerson(p('Head of Procurement chez Schneider Electric'), { date: DATE });
    const student = judgePerson(p('Student Ambassador at Microsoft'), { date: DATE });
    expect(messageWording([{ result: pro }], 'fr')).toMatchObject({ verdict: 'opt-out', introduction: 'business' });
    expect(messageWording([{ result: student }], 'fr')).toMatchObject({ verdict: 'opt-in', introduction: null });
    expect(messageWording([{ result: student }], 'fr').headline).toBe('Particulier — consentement requis (CPCE art. L34-5)');
  });
});

describe('person keys', () => {
  it('the profile id when the page links to the profile, else the name and company', () => {
    expect(profileId('https://www.linkedin.com/in/Jean-Dupont-4a5b/?miniProfileUrn=x')).toBe('in/jean-dupont-4a5b');
    expect(profileId('/in/%C3%A9lodie-martin/')).toBe('in/élodie-martin');
    expect(profileId('https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,ab1')).toBe('lead/acwaaa123');
    expect(profileId('https://www.linkedin.com/company/acme/')).toBeNull();
    expect(personKey({ profileUrl: '/in/jean-dupont/', name: 'Jean' })).toBe('linkedin:in/jean-dupont');
    expect(personKey({ name: '  Jean   Dupont ', company: 'ACME | Group' })).toBe('linkedin:name/jean dupont|acme group');
    expect(personKey({ name: '' })).toBeNull();
  });

  it('a stored key is checked again', () => {
    expect(normalizePersonKey('LinkedIn:in/Jean-Dupont')).toBe('linkedin:in/jean-dupont');
    expect(normalizePersonKey('linkedin:name/jean dupont|acme')).toBe('linkedin:name/jean dupont|acme');
    for (const bad of ['jean@acme.fr', 'acme.fr', 'linkedin:', 'linkedin:foo/bar', 'linkedin:in/', `linkedin:in/${'x'.repeat(400)}`, 'linkedin:in/a\u0000b', 42]) {
      expect(normalizePersonKey(bad), String(bad)).toBeNull();
    }
  });
});

describe('the invitation note', () => {
  const intro = { senderName: 'Marie Curie', company: 'Exemple PME', activity: 'nous éditons un logiciel de paie pour les PME', contactSource: '', unsubscribe: '' };

  it('on LinkedIn the contact source is LinkedIn unless the user already says LinkedIn', () => {
    expect(linkedinIntroSettings(intro, 'fr').contactSource).toBe('votre profil LinkedIn');
    expect(linkedinIntroSettings({ ...intro, contactSource: 'le salon Vivatech' }, 'en').contactSource).toBe('your LinkedIn profile');
    expect(linkedinIntroSettings({ ...intro, contactSource: 'sur LinkedIn' }, 'fr').contactSource).toBe('sur LinkedIn');
    const full = buildIntroduction(linkedinIntroSettings(intro, 'fr'), 'fr');
    expect(full.ready).toBe(true);
    expect(full.intro).toContain('Vos coordonnées professionnelles proviennent de votre profil LinkedIn.');
  });

  it('variants, longest first, each with the four elements; the shortest fits a free note with room to spare', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const unsubscribe of ['', 'https://exemple-pme.fr/stop']) {
        const n = buildNoteIntroduction(linkedinIntroSettings({ ...intro, unsubscribe }, lang), lang);
        expect(n.ready).toBe(true);
        expect(n.variants.length).toBeGreaterThanOrEqual(3);
        const lengths = n.variants.map((v) => v.length);
        expect([...lengths].sort((a, b) => b - a)).toEqual(lengths);
        for (const v of n.variants) {
          expect(v).toContain('nous éditons un logiciel de paie pour les PME');
          expect(v).toMatch(/LinkedIn/);
          expect(v).toMatch(/offre|offer/i);
          expect(v).toMatch(/STOP|stop/);
          expect(v).not.toContain('\n');
        }
        expect(lengths.at(-1)!).toBeLessThanOrEqual(150);
      }
    }
  });

  it('not ready until the activity is set; nothing is made up', () => {
    const n = buildNoteIntroduction(linkedinIntroSettings({ ...intro, activity: '' }, 'fr'), 'fr');
    expect(n).toMatchObject({ ready: false, variants: [], missing: ['activity'] });
  });

  it('fitNote keeps the longest variant that fits what is left, counting the line breaks around it', () => {
    const variants = ['x'.repeat(250), 'y'.repeat(180), 'z'.repeat(120)];
    expect(fitNote(variants, NOTE_LIMIT_PREMIUM, 0)).toEqual({ text: variants[0], left: 50, limit: 300 });
    expect(fitNote(variants, NOTE_LIMIT_FREE, 0)).toEqual({ text: variants[1], left: 20, limit: 200 });
    expect(fitNote(variants, NOTE_LIMIT_FREE, 40)).toEqual({ text: variants[2], left: 200 - 40 - NOTE_SEPARATOR - 120, limit: 200 });
    expect(fitNote(variants, NOTE_LIMIT_FREE, 100)).toEqual({ text: null, left: 100, limit: 200 });
  });
});
