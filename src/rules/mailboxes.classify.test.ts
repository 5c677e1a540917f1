/**
 * The mailbox classes end to end, through classify():
 * every supplement class, every trap pair, corporate exceptions, students and alumni, and the role
 * classes curated for the law.
 */
import { describe, expect, it } from 'vitest';
import { classify } from './classify.js';
import { CONSUMER_SUPPLEMENT, CORPORATE_EXCEPTIONS, TRAP_PAIRS } from './lists.js';
import { FR_ROLE_WORDS, PERSON_TITLES } from './data/roles.js';
import { STUDENT_DOMAINS } from './data/students.js';
import type { Audience, Flag } from './types.js';

const OPTIONS = { date: '2026-11-28' } as const;

function both(address: string): { audience: Audience; flags: Flag[]; ids: string[] } {
  const r = classify(address, OPTIONS);
  return { audience: r.audience, flags: r.flags, ids: r.reasons.map((x) => x.id) };
}

describe('consumer supplement: every entry is a private mailbox', () => {
  it.each(CONSUMER_SUPPLEMENT.map((e) => [e.domain, e.kind] as const))('jean.dupont@%s → private (%s)', (d, kind) => {
    const r = both(`jean.dupont@${d}`);
    expect(r.audience).toBe('private');
    expect(r.flags[0]).toBe(kind);
  });
});

describe('trap pairs: customers private, the operator\u2019s employees professional', () => {
  it.each(TRAP_PAIRS.map((p) => [p.consumer, p.corporate] as const))('%s private, %s professional', (consumer, corporate) => {
    expect(both(`marie.martin@${consumer}`).audience).toBe('private');
    const pro = both(`marie.martin@${corporate}`);
    expect(pro.audience).toBe('professional');
    expect(both(`contact@${corporate}`).audience).toBe('organization');
  });
});

describe('corporate exceptions: a list entry does not make employees private', () => {
  it.each(CORPORATE_EXCEPTIONS.map((e) => [e.domain] as const))('jean.dupont@%s → professional, with the exception\u2019s reason', (d) => {
    const r = both(`jean.dupont@${d}`);
    expect(r.audience).toBe('professional');
    expect(r.ids).toContain('corporate-domain-exception');
  });
  it('a staff subdomain of berlin.de is a public body, not a consumer', () => {
    expect(both('info@senstadt.berlin.de').audience).toBe('organization');
    expect(both('max.mustermann@ba-pankow.berlin.de').audience).toBe('professional');
  });
});

describe('students and alumni', () => {
  it.each(STUDENT_DOMAINS.map((e) => [e.domain, e.kind] as const))('jean.dupont@%s (%s)', (d, kind) => {
    const r = both(`jean.dupont@${d}`);
    if (kind === 'mixed') {
      expect(r.audience).toBe('unknown');
      expect(r.ids[0]).toBe('unknown-student-or-staff');
    } else {
      expect(r.audience).toBe('private');
      expect(r.flags).toContain('student');
      expect(r.ids[0]).toBe(kind === 'alumni' ? 'private-alumni' : 'private-student');
      if (kind === 'alumni') expect(r.flags).toContain('alumni');
    }
  });
  it.each([
    ['paul.durand.etu@univ-lille.fr', 'private', 'private-student-mark'],
    ['paul.durand@univ-lille.fr', 'professional', 'professional-nominative'],
    ['lea.petit.etu@u-bordeaux.fr', 'private', 'private-student-mark'],
    ['jean.etu@acme.fr', 'professional', 'professional-nominative'], // a mark only means something at a university
    ['jean@alumni.hec.edu', 'private', 'private-alumni'],
    ['jean@anciens.ecole.fr', 'private', 'private-alumni'],
    ['jean@etu.sciencespo.fr', 'private', 'private-student'], // a label wins over a mixed domain
    ['contact@sciencespo.fr', 'organization', 'organization-role'], // a role at a mixed domain is the school's
    ['directeur@sciencespo.fr', 'professional', 'function-title-person'],
    ['jean.dupont@centralesupelec.fr', 'professional', 'professional-nominative'], // staff of the school with a student domain
    ['jean.dupont@escp.eu', 'professional', 'professional-nominative'],
  ])('%s → %s (%s)', (address, audience, id) => {
    const r = both(address);
    expect(r.audience).toBe(audience);
    expect(r.ids[0]).toBe(id);
  });
});

describe('role words curated for the law', () => {
  it.each(['contact', 'accueil', 'compta', 'devis', 'commandes', 'bénévoles', 'benevoles', 'adhésions', 'adhesions', 'dons', 'secretariat', 'service-client', 'info', 'mairie', 'etat-civil', 'urbanisme'])(
    '%s@acme.fr → organization (impersonal function)',
    (w) => {
      const r = both(`${w}@acme.fr`);
      expect(r.audience).toBe('organization');
      expect(r.flags).toEqual(['role']);
    },
  );

  it.each(['ceo', 'president', 'présidente', 'directeur', 'directrice', 'directeur.general', 'dg', 'pdg', 'gerant', 'geschäftsführer', 'founder', 'france', 'paris', 'europe', 'ceo2', 'manager'])(
    '%s@acme.fr → professional with the function-title flag (a person holds it)',
    (w) => {
      const r = both(`${w}@acme.fr`);
      expect(r.audience).toBe('professional');
      expect(r.flags).toEqual(['function-title']);
      expect(r.ids[0]).toBe('function-title-person');
    },
  );

  it('in Belgium and Germany a function title is a person\u2019s address: the nominative B2B rule, not the impersonal one', () => {
    const be = classify('directeur@acme.be', OPTIONS);
    const beImpersonal = classify('contact@acme.be', OPTIONS);
    expect(be.audience).toBe('professional');
    expect(beImpersonal.audience).toBe('organization');
    expect(be.regime).toBe('opt-in');
    const de = classify('geschaeftsfuehrer@acme.de', OPTIONS);
    expect(de.audience).toBe('professional');
    expect(de.regime).toBe('opt-in');
  });

  it('every person title is a function title, every French role word impersonal', () => {
    for (const e of PERSON_TITLES) expect(classify(`${e.word}@acme.fr`, OPTIONS).flags, e.word).toEqual(['function-title']);
    for (const e of FR_ROLE_WORDS) expect(classify(`${e.word}@acme.fr`, OPTIONS).flags, e.word).toEqual(['role']);
  });

  it.each([
    ['ce.0751234a@ac-paris.fr', 'public-service'],
    ['ce.0333333z@ac-bordeaux.fr', 'public-service'],
    ['ce.dec@ac-versailles.fr', 'public-service'],
    ['pref-etrangers@seine-saint-denis.gouv.fr', 'public-service'],
    ['pref-communication@rhone.gouv.fr', 'public-service'],
    ['sp-arles@bouches-du-rhone.gouv.fr', 'public-service'],
    ['mairie@saint-malo.fr', 'role'],
  ])('%s → organization (%s)', (address, flag) => {
    const r = both(address);
    expect(r.audience).toBe('organization');
    expect(r.flags).toContain(flag);
    if (flag === 'public-service') expect(r.ids[0]).toBe('organization-public-service');
  });

  it.each(['jean.dupont@ac-paris.fr', 'ce.0751234a@acme.fr', 'pref-x@acme.fr', 'marie.martin@rhone.gouv.fr'])('%s → professional (a person, or not a public body)', (address) => {
    expect(both(address).audience).toBe('professional');
  });

  it('a role or a title at a consumer provider stays private', () => {
    expect(both('contact@gmail.com').audience).toBe('private');
    expect(both('ceo@gmail.com').audience).toBe('private');
    expect(both('ceo@gmail.com').flags).toEqual(['free-mail', 'function-title']);
  });
});
