import { describe, expect, it } from 'vitest';
import {
  CORPORATE_DOMAINS,
  DISPOSABLE_DOMAINS,
  FREE_MAIL_DOMAINS,
  FREE_MAIL_SUPPLEMENT,
  FR_ROLE_WORDS,
  ISP_CONSUMER_DOMAINS,
  ROLE_EXCLUSIONS,
  ROLE_LOCAL_PARTS,
  STUDENT_LABELS,
  hasStudentLabel,
  isRoleLocalPart,
  providerKind,
} from './lists.js';

describe('hand-kept data', () => {
  it('every entry has a note', () => {
    for (const e of [...FREE_MAIL_SUPPLEMENT, ...ISP_CONSUMER_DOMAINS, ...CORPORATE_DOMAINS]) {
      expect(e.domain).toBe(e.domain.toLowerCase().trim());
      expect(e.note.length).toBeGreaterThan(5);
    }
    for (const e of [...FR_ROLE_WORDS, ...ROLE_EXCLUSIONS]) expect(e.note.length).toBeGreaterThan(3);
    for (const e of STUDENT_LABELS) expect(e.note.length).toBeGreaterThan(5);
  });

  it('the French supplement covers what free-email-domains 1.12.6 lacks', () => {
    for (const d of ['bbox.fr', 'numericable.fr', 'cegetel.net', 'aliceadsl.fr', 'club-internet.fr', 'tutanota.com']) {
      expect(providerKind(d, d), d).not.toBeNull();
    }
  });

  it('no corporate domain is a provider', () => {
    for (const e of CORPORATE_DOMAINS) expect(providerKind(e.domain, e.domain), e.domain).toBeNull();
  });

  it('npm lists are loaded', () => {
    expect(FREE_MAIL_DOMAINS.size).toBeGreaterThan(10000);
    expect(DISPOSABLE_DOMAINS.size).toBeGreaterThan(1000);
    expect(ROLE_LOCAL_PARTS.size).toBeGreaterThan(900);
  });
});

describe('providerKind — traps', () => {
  it.each([
    ['orange.fr', 'isp'],
    ['wanadoo.fr', 'isp'],
    ['orange.com', null],
    ['laposte.net', 'isp'],
    ['laposte.fr', null],
    ['gmail.com', 'free-mail'],
    ['google.com', null],
    ['outlook.com', 'free-mail'],
    ['hotmail.fr', 'free-mail'],
    ['microsoft.com', null],
    ['icloud.com', 'free-mail'],
    ['apple.com', null],
    ['sfr.fr', 'isp'],
    ['sfr.com', null],
    ['yopmail.com', 'disposable'],
    ['mail.google.com', null],
    ['smtp.orange.fr', 'isp'],
  ])('%s → %s', (host, kind) => {
    const reg = host.split('.').slice(-2).join('.');
    expect(providerKind(host, reg)).toBe(kind);
  });
});

describe('isRoleLocalPart', () => {
  it.each([
    'contact',
    'info',
    'infos',
    'accueil',
    'compta',
    'comptabilite',
    'comptabilité',
    'secrétariat',
    'réservation',
    'accueil.orléans',
    'rh',
    'devis',
    'recrutement',
    'secretariat',
    'direction',
    'facturation',
    'commercial',
    'ventes',
    'administration',
    'service-client',
    'serviceclient',
    'service.client',
    'service_client',
    'bonjour',
    'hello',
    'reservation',
    'juridique',
    'achats',
    'mairie',
    'standard',
    'sav',
    'support',
    'communication',
    'presse',
    'sales',
    'no-reply',
    'noreply',
    'no_reply',
    'contact.lyon',
    'contact-paris',
    'contact2',
    'contact-2',
    'info01',
    'service-client.lyon',
    'service.client.lyon',
  ])('%s is a role', (w) => {
    expect(isRoleLocalPart(w)).toBe(true);
  });

  it.each(['jean', 'jean.dupont', 'j.dupont', 'marie-claire', 'alexa', 'per', 'la', 'pm', 'rh.marie', 'jean2', 'dupont.contact', 'hélène.dupont', 'françois', 'zoé', '', 'a'.repeat(70)])(
    '%s is not a role',
    (w) => {
      expect(isRoleLocalPart(w)).toBe(false);
    },
  );
});

describe('hasStudentLabel', () => {
  it.each([
    ['etu.univ-lyon1.fr', 'univ-lyon1.fr', true],
    ['etud.univ-pau.fr', 'univ-pau.fr', true],
    ['mail.etu.univ-x.fr', 'univ-x.fr', true],
    ['student.uni.de', 'uni.de', true],
    ['univ-lyon1.fr', 'univ-lyon1.fr', false],
    ['etu.fr', 'etu.fr', false],
    ['staff.univ-lyon1.fr', 'univ-lyon1.fr', false],
    ['etudes.acme.fr', 'acme.fr', false],
  ])('%s → %s', (host, reg, out) => {
    expect(hasStudentLabel(host, reg)).toBe(out);
  });
});
