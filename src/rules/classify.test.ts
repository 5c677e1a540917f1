import { describe, expect, it } from 'vitest';
import { sourceText } from './citation.js';
import { classify, classifyMany, normalizeDate } from './classify.js';
import type { Audience, ClassifyOptions, Flag, Jurisdiction, Regime } from './types.js';

const DATE = '2026-11-28';

interface Case {
  input: string;
  audience: Audience;
  regime: Regime | null;
  jurisdiction?: Jurisdiction; // default FR
  flags?: Flag[]; // exact, when given
  email?: string | null;
  domain?: string | null;
  name?: string;
  ruleId?: string;
  detail?: string; // invalid detail
  options?: ClassifyOptions;
  note?: string;
}

const P = (input: string, flag: Flag, extra: Partial<Case> = {}): Case => ({
  input,
  audience: 'private',
  regime: 'opt-in',
  flags: [flag],
  ruleId: 'FR-electronic-private',
  ...extra,
});
const PRO = (input: string, extra: Partial<Case> = {}): Case => ({
  input,
  audience: 'professional',
  regime: 'opt-out',
  flags: [],
  ruleId: 'FR-email-professional',
  ...extra,
});
const ORG = (input: string, extra: Partial<Case> = {}): Case => ({
  input,
  audience: 'organization',
  regime: 'opt-out',
  flags: ['role'],
  ruleId: 'FR-email-organization',
  ...extra,
});
const BAD = (input: string, detail: string): Case => ({ input, audience: 'invalid', regime: null, flags: [], email: null, domain: null, detail });

const CASES: Case[] = [
  // --- free webmail → private
  P('jean.dupont@gmail.com', 'free-mail', { email: 'jean.dupont@gmail.com', domain: 'gmail.com' }),
  P('JEAN.DUPONT@GMAIL.COM', 'free-mail', { email: 'jean.dupont@gmail.com' }),
  P('jean@googlemail.com', 'free-mail'),
  P('jean@yahoo.fr', 'free-mail'),
  P('jean@yahoo.com', 'free-mail'),
  P('jean@hotmail.fr', 'free-mail'),
  P('jean@hotmail.com', 'free-mail'),
  P('jean@outlook.com', 'free-mail'),
  P('jean@outlook.fr', 'free-mail'),
  P('jean@live.fr', 'free-mail'),
  P('jean@msn.com', 'free-mail'),
  P('jean@icloud.com', 'free-mail'),
  P('jean@me.com', 'free-mail'),
  P('jean@mac.com', 'free-mail'),
  P('jean@aol.fr', 'free-mail'),
  P('jean@gmx.fr', 'free-mail'),
  P('jean@proton.me', 'free-mail'),
  P('jean@protonmail.com', 'free-mail'),
  P('jean@tutanota.com', 'free-mail', { note: 'French supplement' }),
  P('jean@tuta.io', 'free-mail'),
  P('jean@mailo.com', 'free-mail', { note: 'French supplement' }),
  P('jean@yandex.ru', 'free-mail', { flags: ['free-mail', 'jurisdiction-not-covered'], note: 'Russia: not covered, default rules, flagged' }),
  P('jean.dupont+promo@gmail.com', 'free-mail', { email: 'jean.dupont+promo@gmail.com' }),
  // --- ISP consumer mailboxes → private, isp
  P('jean@orange.fr', 'isp', { domain: 'orange.fr' }),
  P('jean@wanadoo.fr', 'isp'),
  P('jean@free.fr', 'isp'),
  P('jean@sfr.fr', 'isp'),
  P('jean@neuf.fr', 'isp'),
  P('jean@laposte.net', 'isp'),
  P('jean@bbox.fr', 'isp'),
  P('jean@numericable.fr', 'isp'),
  P('jean@cegetel.net', 'isp'),
  P('jean@aliceadsl.fr', 'isp'),
  P('jean@club-internet.fr', 'isp'),
  P('jean@voila.fr', 'isp'),
  P('jean@libertysurf.fr', 'isp'),
  P('jean@9online.fr', 'isp'),
  P('jean@noos.fr', 'isp'),
  P('jean@btinternet.com', 'isp', { jurisdiction: 'GB', ruleId: 'GB-email-individual', note: 'a British ISP on .com is British' }),
  P('jean@comcast.net', 'isp', { jurisdiction: 'US', regime: 'opt-out', ruleId: 'US-email', note: 'an American ISP on .net is American' }),
  P('hans@t-online.de', 'isp', { jurisdiction: 'DE', ruleId: 'DE-email' }),
  P('jan@skynet.be', 'isp', { jurisdiction: 'BE', ruleId: 'BE-email-private' }),
  P('jan@telenet.be', 'isp', { jurisdiction: 'BE', ruleId: 'BE-email-private' }),
  // --- traps: corporate domain of a mailbox provider → professional
  PRO('jean@orange.com', { domain: 'orange.com' }),
  PRO('jean@orange-business.com'),
  PRO('jean@laposte.fr'),
  PRO('jean@google.com'),
  PRO('jean@microsoft.com'),
  PRO('jean@apple.com'),
  PRO('jean@sfr.com'),
  PRO('jean@bouyguestelecom.fr'),
  ORG('contact@orange.com'),
  ORG('contact@laposte.fr'),
  // --- disposable → private
  P('x@yopmail.com', 'disposable'),
  P('x@mailinator.com', 'disposable'),
  P('x@guerrillamail.com', 'disposable'),
  P('x@10minutemail.com', 'disposable'),
  // --- students → private; the university's own domain → professional
  P('jean@etu.univ-lyon1.fr', 'student', { domain: 'univ-lyon1.fr', email: 'jean@etu.univ-lyon1.fr' }),
  P('jean@etud.univ-pau.fr', 'student', { domain: 'univ-pau.fr' }),
  P('jean@etudiant.univ-rennes1.fr', 'student'),
  P('jean@eleve.ecole.fr', 'student'),
  P('jean@alumni.polytechnique.org', 'student', { flags: ['student', 'alumni'] }),
  P('hans@student.uni-heidelberg.de', 'student', { jurisdiction: 'DE', ruleId: 'DE-email' }),
  P('hans@stud.uni-hannover.de', 'student', { jurisdiction: 'DE', ruleId: 'DE-email' }),
  P('tom@student.manchester.ac.uk', 'student', { jurisdiction: 'GB', ruleId: 'GB-email-individual' }),
  PRO('jean.dupont@univ-lyon1.fr'),
  ORG('scolarite@univ-lyon1.fr'),
  // --- role at a consumer provider stays private, role flag set
  P('contact@gmail.com', 'free-mail', { flags: ['free-mail', 'role'] }),
  P('info@orange.fr', 'isp', { flags: ['isp', 'role'] }),
  P('accueil@wanadoo.fr', 'isp', { flags: ['isp', 'role'] }),
  P('contact@yopmail.com', 'disposable', { flags: ['disposable', 'role'] }),
  // --- organisation (role) addresses
  ORG('contact@acme.fr', { email: 'contact@acme.fr', domain: 'acme.fr' }),
  ORG('info@acme.fr'),
  ORG('infos@acme.fr'),
  ORG('accueil@mairie-lyon.fr'),
  ORG('compta@acme.fr'),
  ORG('comptabilite@acme.fr'),
  ORG('rh@acme.fr'),
  ORG('devis@acme.fr'),
  ORG('recrutement@acme.fr'),
  ORG('secretariat@acme.fr'),
  ORG('direction@acme.fr'),
  ORG('facturation@acme.fr'),
  ORG('commercial@acme.fr'),
  ORG('ventes@acme.fr'),
  ORG('administration@acme.fr'),
  ORG('service-client@acme.fr'),
  ORG('serviceclient@acme.fr'),
  ORG('service.client@acme.fr'),
  ORG('service_client@acme.fr'),
  ORG('service-client.lyon@acme.fr'),
  ORG('bonjour@acme.fr'),
  ORG('hello@acme.fr'),
  ORG('reservation@hotel-du-port.fr'),
  ORG('juridique@acme.fr'),
  ORG('achats@acme.fr'),
  ORG('mairie@ville-exemple.fr'),
  ORG('standard@acme.fr'),
  ORG('sav@acme.fr'),
  ORG('support@acme.fr'),
  ORG('communication@acme.fr'),
  ORG('presse@acme.fr'),
  ORG('sales@acme.com'),
  ORG('noreply@acme.fr'),
  ORG('no-reply@acme.fr'),
  ORG('webmaster@acme.fr'),
  ORG('dpo@acme.fr'),
  ORG('contact+newsletter@acme.fr', { email: 'contact+newsletter@acme.fr' }),
  ORG('contact.lyon@acme.fr'),
  ORG('contact2@acme.fr'),
  ORG('info-paris@acme.fr'),
  ORG('accueil_nantes@acme.fr'),
  ORG('Contact@ACME.FR', { email: 'contact@acme.fr' }),
  ORG('contact@interieur.gouv.fr'),
  // --- nominative addresses at an organisation's domain → professional
  PRO('jean.dupont@acme.fr', { email: 'jean.dupont@acme.fr', domain: 'acme.fr' }),
  PRO('jdupont@acme.fr'),
  PRO('j.dupont@acme.fr'),
  PRO('marie-claire.martin@acme.fr'),
  PRO('jean.dupont+crm@acme.fr', { email: 'jean.dupont+crm@acme.fr' }),
  PRO('jean.dupont@paris.acme.fr', { domain: 'acme.fr', email: 'jean.dupont@paris.acme.fr' }),
  PRO('alexa@acme.fr', { note: 'upstream role word excluded: a first name' }),
  PRO('la@acme.fr', { note: 'two letters: initials' }),
  PRO('rh.marie@acme.fr', { note: 'rh is not a prefix word' }),
  PRO('jean.dupont@interieur.gouv.fr', { domain: 'interieur.gouv.fr' }),
  PRO('prenom.nom@education.gouv.fr'),
  PRO('agent@ville-paris.fr'),
  PRO('jean@acme.com'),
  PRO("o'brien@acme.ie", { jurisdiction: 'IE', ruleId: 'IE-email-business' }),
  PRO('jean@acme.fr.', { email: 'jean@acme.fr', note: 'trailing dot on the domain' }),
  // --- other jurisdictions, from the ccTLD
  { input: 'john@bbc.co.uk', audience: 'professional', regime: 'opt-out', jurisdiction: 'GB', domain: 'bbc.co.uk', ruleId: 'GB-email-corporate' },
  { input: 'info@bbc.co.uk', audience: 'organization', regime: 'opt-out', jurisdiction: 'GB', ruleId: 'GB-email-corporate' },
  { input: 'john@yahoo.co.uk', audience: 'private', regime: 'opt-in', jurisdiction: 'GB', ruleId: 'GB-email-individual' },
  { input: 'hans@firma.de', audience: 'professional', regime: 'opt-in', jurisdiction: 'DE', ruleId: 'DE-email' },
  { input: 'info@firma.de', audience: 'organization', regime: 'opt-in', jurisdiction: 'DE', ruleId: 'DE-email' },
  { input: 'jan@firma.be', audience: 'professional', regime: 'opt-in', jurisdiction: 'BE', ruleId: 'BE-email-professional' },
  { input: 'info@firma.be', audience: 'organization', regime: 'opt-out', jurisdiction: 'BE', ruleId: 'BE-email-organization' },
  { input: 'juan@empresa.es', audience: 'professional', regime: 'opt-in', jurisdiction: 'ES', ruleId: 'ES-email' },
  { input: 'info@empresa.es', audience: 'organization', regime: 'opt-in', jurisdiction: 'ES', ruleId: 'ES-email' },
  { input: 'juan@hotmail.es', audience: 'private', regime: 'opt-in', jurisdiction: 'ES', ruleId: 'ES-email' },
  { input: 'joe@company.us', audience: 'professional', regime: 'opt-out', jurisdiction: 'US', ruleId: 'US-email' },
  { input: 'info@company.us', audience: 'organization', regime: 'opt-out', jurisdiction: 'US', ruleId: 'US-email' },
  // --- default jurisdiction from the options when the TLD is not one we know
  { input: 'jean@acme.com', audience: 'professional', regime: 'opt-in', jurisdiction: 'DE', options: { jurisdiction: 'DE' } },
  { input: 'jean@acme.fr', audience: 'professional', regime: 'opt-out', jurisdiction: 'FR', ruleId: 'FR-email-professional', options: { jurisdiction: 'US' }, note: '.fr is French whatever the default' },
  { input: 'jean@orange.fr', audience: 'private', regime: 'opt-in', jurisdiction: 'FR', ruleId: 'FR-electronic-private', options: { jurisdiction: 'US' }, note: 'an orange.fr consumer never gets US opt-out' },
  { input: 'jean@gmail.com', audience: 'private', regime: 'opt-in', jurisdiction: 'GB', options: { jurisdiction: 'GB' } },
  { input: 'jean@gmail.com', audience: 'private', regime: 'opt-out', jurisdiction: 'US', options: { jurisdiction: 'US' } },
  { input: 'jean@acme.com', audience: 'professional', regime: 'opt-out', jurisdiction: 'GB', options: { jurisdiction: 'UK' as Jurisdiction } },
  { input: 'hans@firma.de', audience: 'professional', regime: 'opt-in', jurisdiction: 'DE', options: { jurisdiction: 'US' }, note: 'ccTLD wins' },
  // --- unknown → strict side
  { input: 'x@[192.168.1.1]', audience: 'unknown', regime: 'opt-in', domain: null, flags: [], ruleId: 'FR-electronic-private' },
  { input: 'x@[IPv6:2001:db8::1]', audience: 'unknown', regime: 'opt-in', domain: null },
  { input: 'x@192.168.1.1', audience: 'unknown', regime: 'opt-in', domain: null },
  { input: 'x@acme.local', audience: 'unknown', regime: 'opt-in', domain: 'acme.local' },
  { input: 'x@server.corp', audience: 'unknown', regime: 'opt-in' },
  { input: 'x@acme.invalidtld', audience: 'unknown', regime: 'opt-in' },
  { input: 'x@gouv.fr', audience: 'unknown', regime: 'opt-in', domain: null },
  { input: 'x@co.uk', audience: 'unknown', regime: 'opt-in', jurisdiction: 'GB', domain: null },
  { input: 'x@acme.local', audience: 'unknown', regime: 'opt-out', jurisdiction: 'US', options: { jurisdiction: 'US' }, note: 'US: strict side is still opt-out' },
  // --- invalid
  BAD('', 'empty'),
  BAD('   ', 'empty'),
  BAD('\u200b', 'empty'),
  BAD('@', 'empty-local'),
  BAD('a@', 'empty-domain'),
  BAD('@acme.fr', 'empty-local'),
  BAD('a@b', 'single-label-domain'),
  BAD('a b@c.fr', 'bad-local'),
  BAD('<>', 'empty'),
  BAD('Jean <>', 'empty'),
  BAD('x'.repeat(400), 'too-long'),
  BAD('x'.repeat(2000) + '@acme.fr', 'too-long'),
  BAD('jean', 'no-at'),
  BAD('jean.dupont', 'no-at'),
  BAD('jean@@acme.fr', 'bad-local'),
  BAD('jean@acme..fr', 'bad-domain'),
  BAD('.jean@acme.fr', 'bad-local'),
  BAD('jean.@acme.fr', 'bad-local'),
  BAD('jean..dupont@acme.fr', 'bad-local'),
  BAD('jean@-acme.fr', 'bad-domain'),
  BAD('jean@acme-.fr', 'bad-domain'),
  BAD('jean@acme_x.fr', 'bad-domain'),
  BAD('jean@acme.fr>', 'bad-brackets'),
  BAD('<jean@acme.fr', 'bad-brackets'),
  BAD('jean@xn--zz.fr', 'bad-punycode'),
  BAD('jean@acme.123', 'bad-domain'),
  BAD('x@[300.1.1.1]', 'bad-domain'),
  BAD('a@b.c d', 'bad-domain'),
  BAD('a'.repeat(65) + '@acme.fr', 'too-long'),
  BAD('jean@' + 'a'.repeat(64) + '.fr', 'bad-domain'),
  BAD('jean@acme.fr, marie@acme.fr', 'bad-local'),
  BAD('jean@acme.fr\nmarie@acme.fr', 'bad-local'),
  BAD('mailto:', 'no-at'),
  // --- formats
  PRO('Jean Dupont <jean.dupont@acme.fr>', { name: 'Jean Dupont', email: 'jean.dupont@acme.fr' }),
  PRO('"Dupont, Jean" <jean.dupont@acme.fr>', { name: 'Dupont, Jean', email: 'jean.dupont@acme.fr' }),
  PRO('  jean.dupont@acme.fr  ', { email: 'jean.dupont@acme.fr' }),
  PRO('\tJean.Dupont@Acme.FR\n', { email: 'jean.dupont@acme.fr' }),
  PRO('<jean.dupont@acme.fr>', { email: 'jean.dupont@acme.fr' }),
  PRO('mailto:jean.dupont@acme.fr', { email: 'jean.dupont@acme.fr' }),
  PRO('MAILTO:Jean.Dupont@Acme.FR?subject=Bonjour', { email: 'jean.dupont@acme.fr' }),
  PRO('mailto:jean%2Bx@acme.fr', { email: 'jean+x@acme.fr' }),
  PRO('Jean Dupont <mailto:jean@acme.fr>', { name: 'Jean Dupont', email: 'jean@acme.fr' }),
  PRO('jean@société.fr', { email: 'jean@société.fr', domain: 'société.fr' }),
  PRO('jean@xn--socit-esab.fr', { email: 'jean@société.fr', domain: 'société.fr' }),
  PRO('jean@XN--SOCIT-ESAB.FR', { email: 'jean@société.fr' }),
  PRO('jean@SOCIÉTÉ.FR', { email: 'jean@société.fr' }),
  PRO('jean@socie\u0301te\u0301.fr', { email: 'jean@société.fr', note: 'NFD input' }),
  PRO('Jean <jean@xn--socit-esab.fr>', { name: 'Jean', email: 'jean@société.fr' }),
  { input: 'hans@münchen.de', audience: 'professional', regime: 'opt-in', jurisdiction: 'DE', domain: 'münchen.de' },
  { input: 'hans@xn--mnchen-3ya.de', audience: 'professional', regime: 'opt-in', jurisdiction: 'DE', email: 'hans@münchen.de' },
  PRO('"Jean \\"JD\\" Dupont" <jd@acme.fr>', { name: 'Jean "JD" Dupont' }),
  PRO('jean.dupont@acme.fr (Jean Dupont)', { name: 'Jean Dupont', email: 'jean.dupont@acme.fr' }),
  PRO('\u200bjean@acme.fr\u00a0', { email: 'jean@acme.fr' }),
  PRO('"jean dupont"@acme.fr', { email: '"jean dupont"@acme.fr' }),
  PRO("'Jean Dupont' <jean@acme.fr>", { name: 'Jean Dupont' }),
  PRO('Jean   Dupont   <jean@acme.fr>', { name: 'Jean Dupont' }),
  P('Marie <marie@GMAIL.com>', 'free-mail', { name: 'Marie', email: 'marie@gmail.com' }),
  ORG('Service client <service-client@acme.fr>', { name: 'Service client' }),
  // --- overrides
  { input: 'jean@gmail.com', audience: 'professional', regime: 'opt-out', flags: ['free-mail', 'override'], options: { overrides: { 'jean@gmail.com': 'business' } } },
  { input: 'contact@gmail.com', audience: 'organization', regime: 'opt-out', flags: ['free-mail', 'role', 'override'], options: { overrides: { 'gmail.com': 'business' } } },
  { input: 'jean@acme.fr', audience: 'private', regime: 'opt-in', flags: ['override'], options: { overrides: { 'acme.fr': 'private' } } },
  { input: 'jean@sub.acme.fr', audience: 'private', regime: 'opt-in', flags: ['override'], options: { overrides: { 'acme.fr': 'private' } } },
  { input: 'jean@acme.fr', audience: 'professional', regime: 'opt-out', flags: ['override'], options: { overrides: { 'acme.fr': 'private', 'jean@acme.fr': 'business' } }, note: 'address key wins' },
  { input: 'marie@acme.fr', audience: 'private', regime: 'opt-in', flags: ['override'], options: { overrides: { 'acme.fr': 'private', 'jean@acme.fr': 'business' } } },
  { input: 'jean@acme.local', audience: 'professional', regime: 'opt-out', flags: ['override'], options: { overrides: { 'acme.local': 'business' } } },
  { input: 'jean@société.fr', audience: 'private', regime: 'opt-in', flags: ['override'], options: { overrides: { 'xn--socit-esab.fr': 'private' } } },
  { input: 'jean@acme.fr', audience: 'professional', regime: 'opt-out', flags: [], options: { overrides: { 'acme.fr': 'nonsense' as never } } },
  { input: 'jean@acme.fr', audience: 'professional', regime: 'opt-out', flags: [], options: { overrides: { 'other.fr': 'private' } } },
  // --- internal
  { input: 'collegue@mycorp.fr', audience: 'internal', regime: 'internal', ruleId: 'internal', options: { ownDomains: ['mycorp.fr'] } },
  { input: 'x@paris.mycorp.fr', audience: 'internal', regime: 'internal', options: { ownDomains: ['mycorp.fr'] } },
  { input: 'X@MYCORP.FR', audience: 'internal', regime: 'internal', options: { ownDomains: ['MyCorp.FR'] } },
  { input: 'x@mycorp.fr', audience: 'internal', regime: 'internal', options: { ownDomains: ['mail.mycorp.fr'] } },
  { input: 'x@mycorp.fr', audience: 'internal', regime: 'internal', options: { ownDomains: ['@mycorp.fr'] } },
  { input: 'contact@mycorp.fr', audience: 'internal', regime: 'internal', flags: ['role'], options: { ownDomains: ['mycorp.fr'] } },
  { input: 'x@mycorp.com', audience: 'professional', regime: 'opt-out', options: { ownDomains: ['mycorp.fr'] } },
  { input: 'x@notmycorp.fr', audience: 'professional', regime: 'opt-out', options: { ownDomains: ['mycorp.fr'] } },
  { input: 'x@gmail.com', audience: 'private', regime: 'opt-in', options: { ownDomains: ['gmail.com'] }, note: 'provider domains are never own domains' },
  { input: 'x@mycorp.de', audience: 'internal', regime: 'internal', jurisdiction: 'DE', options: { ownDomains: ['mycorp.de'] } },
  { input: 'x@mycorp.fr', audience: 'professional', regime: 'opt-out', flags: ['override'], options: { ownDomains: ['mycorp.fr'], overrides: { 'x@mycorp.fr': 'business' } }, note: 'override before internal' },
  // --- topics (banned for consumers)
  { input: 'jean@gmail.com', audience: 'private', regime: 'banned', ruleId: 'FR-banned-energy-renovation', options: { topic: 'energy-renovation' } },
  { input: 'jean@orange.fr', audience: 'private', regime: 'banned', ruleId: 'FR-banned-home-adaptation', options: { topic: 'home-adaptation' } },
  { input: 'jean@acme.fr', audience: 'professional', regime: 'opt-out', options: { topic: 'energy-renovation' } },
  { input: 'x@[1.2.3.4]', audience: 'unknown', regime: 'banned', options: { topic: 'home-adaptation' } },
  { input: 'jean@gmail.com', audience: 'private', regime: 'opt-out', ruleId: 'FR-postal', options: { topic: 'energy-renovation', channel: 'postal' } },
  { input: 'jean@gmail.com', audience: 'private', regime: 'banned', options: { topic: 'energy-renovation', channel: 'linkedin' } },
  // --- channels and dates
  { input: 'jean@gmail.com', audience: 'private', regime: 'opt-out', ruleId: 'FR-phone-consumer-bloctel', options: { channel: 'phone', date: '2026-08-10' } },
  { input: 'jean@gmail.com', audience: 'private', regime: 'opt-in', ruleId: 'FR-phone-consumer-consent', options: { channel: 'phone', date: '2026-08-11' } },
  { input: 'jean@acme.fr', audience: 'professional', regime: 'opt-out', ruleId: 'FR-phone-professional', options: { channel: 'phone', date: '2026-08-11' } },
  { input: 'jean@gmail.com', audience: 'private', regime: 'opt-in', ruleId: 'FR-electronic-private-linkedin', options: { channel: 'linkedin' } },
  { input: 'jean@acme.fr', audience: 'professional', regime: 'opt-out', ruleId: 'FR-email-professional-linkedin', options: { channel: 'linkedin' } },
  { input: 'jean@acme.fr', audience: 'professional', regime: 'opt-out', ruleId: 'FR-sms-automated-call-professional', options: { channel: 'sms' } },
  { input: 'jean@gmail.com', audience: 'private', regime: 'opt-in', ruleId: 'FR-electronic-private', options: { channel: 'sms' } },
  { input: 'jean@acme.fr', audience: 'professional', regime: 'opt-in', ruleId: 'fallback-strict', options: { channel: 'fax' } },
  { input: 'hans@firma.de', audience: 'professional', regime: 'opt-in', jurisdiction: 'DE', ruleId: 'fallback-strict', options: { channel: 'sms' } },
  { input: 'jean@acme.fr', audience: 'professional', regime: 'opt-out', options: { channel: 'carrier-pigeon' as never } , note: 'unknown channel → email' },
];

describe('classify — table', () => {
  it('has at least 150 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
  });

  it.each(CASES.map((c) => [c.note ? `${c.input} (${c.note})` : c.input, c] as const))('%s', (_label, c) => {
    const r = classify(c.input, { date: DATE, ...c.options });
    expect(r.input).toBe(c.input);
    expect(r.audience).toBe(c.audience);
    expect(r.regime).toBe(c.regime);
    expect(r.jurisdiction).toBe(c.jurisdiction ?? (c.options?.jurisdiction === ('UK' as Jurisdiction) ? 'GB' : (c.options?.jurisdiction ?? 'FR')));
    if (c.flags !== undefined) expect(r.flags).toEqual(c.flags);
    if (c.email !== undefined) expect(r.email).toBe(c.email);
    if (c.domain !== undefined) expect(r.domain).toBe(c.domain);
    if (c.name !== undefined) expect(r.name).toBe(c.name);
    else if (!/[<(]/.test(c.input)) expect(r.name).toBeUndefined();
    if (c.ruleId !== undefined) expect(r.ruleId).toBe(c.ruleId);
    expect(r.reasons.length).toBeGreaterThan(0);
    if (c.audience === 'invalid') {
      expect(r.email).toBeNull();
      expect(r.reasons[0]!.id).toBe('address-invalid');
      if (c.detail) expect(r.reasons[0]!.detail).toBe(c.detail);
      expect(r.ruleId).toBeUndefined();
    } else {
      // last reason is the regime's, first is the audience's
      expect(r.reasons[r.reasons.length - 1]!.id).toBe(`regime:${r.ruleId}`);
      expect(r.reasons[0]!.id).not.toMatch(/^regime:/);
    }
    for (const reason of r.reasons) {
      expect(reason.fr.length).toBeGreaterThan(10);
      expect(reason.en.length).toBeGreaterThan(10);
      if (reason.source) {
        expect(reason.fr).toContain(sourceText(reason.source, 'fr'));
        expect(reason.en).toContain(sourceText(reason.source, 'en'));
      }
    }
  });
});

describe('classify — reasons', () => {
  const ids = (input: string, o: ClassifyOptions = {}) => classify(input, { date: DATE, ...o }).reasons.map((r) => r.id);

  it('free-mail gives the sole-trader note, marked not confirmed', () => {
    const r = classify('jean@gmail.com', { date: DATE });
    expect(r.reasons.map((x) => x.id)).toEqual(['private-free-mail', 'sole-trader-webmail', 'jurisdiction-default', 'regime:FR-electronic-private']);
    const st = r.reasons[1]!;
    expect(st.source?.confidence).toBe('NC');
    expect(st.fr).toContain('non confirmé');
    expect(st.en).toContain('not confirmed');
  });

  it('the private regime reason cites CPCE art. L34-5', () => {
    const r = classify('jean@gmail.com', { date: DATE });
    const reg = r.reasons[r.reasons.length - 1]!;
    expect(reg.fr).toContain('CPCE art. L34-5');
    expect(reg.en).toContain('CPCE art. L34-5');
    expect(reg.fr).toContain('opt-in');
  });

  it('the B2B reasons cite the CNIL doctrine', () => {
    const r = classify('jean@acme.fr', { date: DATE });
    expect(r.reasons.map((x) => x.id)).toEqual(['professional-nominative', 'jurisdiction-tld', 'regime:FR-email-professional']);
    expect(r.reasons[2]!.en).toContain('CNIL B2B doctrine');
  });

  it('cites UWG §7, PECR reg. 22, CAN-SPAM abroad', () => {
    expect(classify('hans@firma.de', { date: DATE }).reasons.at(-1)!.en).toContain('UWG §7');
    expect(classify('john@bbc.co.uk', { date: DATE }).reasons.at(-1)!.en).toContain('PECR reg. 22');
    expect(classify('joe@company.us', { date: DATE }).reasons.at(-1)!.en).toContain('CAN-SPAM');
  });

  it('names the ccTLD jurisdiction', () => {
    expect(ids('hans@firma.de')).toEqual(['professional-nominative', 'jurisdiction-tld', 'regime:DE-email']);
    expect(classify('hans@firma.de', { date: DATE }).reasons[1]!.detail).toBe('DE');
  });

  it('role at a consumer provider explains why it stays private', () => {
    expect(ids('contact@gmail.com')).toContain('role-at-consumer-provider');
  });

  it('override reasons say the user decided, by address or domain', () => {
    const a = classify('jean@gmail.com', { date: DATE, overrides: { 'jean@gmail.com': 'business' } });
    expect(a.reasons[0]).toMatchObject({ id: 'override-business', detail: 'address' });
    expect(a.reasons[0]!.fr).toContain('votre réglage');
    const d = classify('jean@acme.fr', { date: DATE, overrides: { 'acme.fr': 'private' } });
    expect(d.reasons[0]).toMatchObject({ id: 'override-private', detail: 'domain' });
    expect(d.reasons[0]!.en).toContain('your setting');
  });

  it('unknown audiences say the strictest regime applies', () => {
    const r = classify('x@acme.local', { date: DATE });
    expect(r.reasons[0]!.id).toBe('unknown-suffix');
    expect(r.reasons[0]!.en).toContain('strictest');
    expect(ids('x@[10.0.0.1]')[0]).toBe('unknown-ip-literal');
    expect(ids('x@gouv.fr')[0]).toBe('unknown-public-suffix');
  });

  it('LinkedIn reasons say not confirmed', () => {
    const r = classify('jean@acme.fr', { date: DATE, channel: 'linkedin' });
    const reg = r.reasons.at(-1)!;
    expect(reg.source?.confidence).toBe('NC');
    expect(reg.fr).toContain('non confirmé');
    expect(reg.en).toContain('not confirmed');
  });

  it('an unreadable date falls back to today and says so', () => {
    const r = classify('jean@acme.fr', { date: 'tomorrow' });
    expect(r.reasons.map((x) => x.id)).toContain('date-invalid');
    expect(r.regime).toBe('opt-out');
  });

  it('internal has one audience reason and the internal rule', () => {
    expect(ids('x@mycorp.fr', { ownDomains: ['mycorp.fr'] })).toEqual(['internal-domain', 'regime:internal']);
  });
});

describe('classify — robustness', () => {
  it('does not throw on non-string input', () => {
    for (const v of [null, undefined, 42, {}, [], Symbol.iterator.toString()]) {
      const r = classify(v as unknown as string);
      expect(r.audience).toBe('invalid');
      expect(r.regime).toBeNull();
    }
  });

  it('ignores junk options', () => {
    const r = classify('jean@acme.fr', {
      ownDomains: 'mycorp.fr' as never,
      overrides: null as never,
      jurisdiction: 'XX' as never,
      date: 12 as never,
      topic: 'anything' as never,
    });
    expect(r.audience).toBe('professional');
    expect(r.jurisdiction).toBe('FR');
    expect(r.regime).toBe('opt-out');
  });

  it('re-reads options objects that are mutated between calls', () => {
    const o: ClassifyOptions = { date: DATE, ownDomains: ['mycorp.fr'] };
    expect(classify('x@mycorp.fr', o).audience).toBe('internal');
    (o.ownDomains as string[]).splice(0, 1, 'other.fr');
    expect(classify('x@mycorp.fr', o).audience).toBe('professional');
    o.channel = 'phone';
    o.date = '2026-08-10';
    expect(classify('x@gmail.com', o).regime).toBe('opt-out');
    o.date = '2026-08-11';
    expect(classify('x@gmail.com', o).regime).toBe('opt-in');
    o.overrides = { 'gmail.com': 'business' };
    expect(classify('x@gmail.com', o).audience).toBe('professional');
  });

  it('does not treat prototype keys as overrides', () => {
    const r = classify('constructor@acme.fr', { date: DATE, overrides: {} });
    expect(r.flags).not.toContain('override');
  });

  it('uses today when no date is given', () => {
    const r = classify('jean@acme.fr');
    expect(r.regime).toBe('opt-out');
  });
});

describe('classifyMany', () => {
  it('classifies each input with the same options', () => {
    const rs = classifyMany(['jean@gmail.com', 'contact@acme.fr', 'x@mycorp.fr', 'nope'], { date: DATE, ownDomains: ['mycorp.fr'] });
    expect(rs.map((r) => r.audience)).toEqual(['private', 'organization', 'internal', 'invalid']);
  });

  it('accepts any iterable and empty input', () => {
    expect(classifyMany(new Set(['a@acme.fr'])).map((r) => r.audience)).toEqual(['professional']);
    expect(classifyMany([])).toEqual([]);
    expect(classifyMany(null as never)).toEqual([]);
  });
});

describe('classify — verdicts kept per kind of domain', () => {
  // classify.ts decides once per kind of domain, key (local-part codes, internal) and context, and
  // hands out copies: these cases cross that memo from every side.
  const text = (r: { reasons: { fr: string }[] }) => r.reasons.map((x) => x.fr);

  it('each result has arrays of its own', () => {
    const a = classify('jean@acme.fr', { date: DATE });
    const before = { flags: [...a.flags], reasons: [...a.reasons] };
    a.flags.push('role');
    a.reasons.length = 0;
    const b = classify('marie@acme.fr', { date: DATE });
    expect(b.flags).toEqual(before.flags);
    expect(b.reasons).toEqual(before.reasons);
    expect(b.flags).not.toBe(a.flags);
    expect(b.reasons).not.toBe(a.reasons);
  });

  it('the context decides again when it changes, and back', () => {
    const before = { channel: 'phone', date: '2026-08-10' } as const;
    const after = { channel: 'phone', date: '2026-08-11' } as const;
    for (let i = 0; i < 2; i++) {
      expect(classify('x@gmail.com', { ...before }).regime).toBe('opt-out');
      expect(classify('y@gmail.com', { ...after }).regime).toBe('opt-in');
      expect(classify('z@acme.com', { date: DATE, jurisdiction: 'DE' }).jurisdiction).toBe('DE');
      expect(classify('z@acme.com', { date: DATE }).jurisdiction).toBe('FR');
      expect(classify('z@acme.fr', { date: DATE, topic: 'energy-renovation', channel: 'linkedin' }).regime).toBe('opt-out');
      expect(classify('z@gmail.com', { date: DATE, topic: 'energy-renovation', channel: 'linkedin' }).regime).toBe('banned');
      expect(classify('z@gmail.com', { date: DATE, channel: 'linkedin' }).regime).toBe('opt-in');
      expect(text(classify('z@acme.fr', { date: 'not a date' }))).toEqual(text(classify('z@acme.fr', { date: 'not a date' })));
      expect(classify('z@acme.fr', { date: 'not a date' }).reasons.map((r) => r.id)).toContain(classify('', { date: 'not a date' }).reasons[1]!.id);
      expect(classify('z@acme.fr', { date: DATE }).reasons.map((r) => r.id)).not.toContain(classify('', { date: 'not a date' }).reasons[1]!.id);
    }
  });

  it('domains of one kind keep their own registrable domain, internal status and overrides', () => {
    const own = { date: DATE, ownDomains: ['mycorp.fr'], overrides: { 'other.fr': 'private' as const } };
    for (let i = 0; i < 2; i++) {
      expect(classify('jean@mail.acme.fr', own)).toMatchObject({ domain: 'acme.fr', audience: 'professional' });
      expect(classify('jean@mycorp.fr', own)).toMatchObject({ domain: 'mycorp.fr', audience: 'internal', regime: 'internal' });
      expect(classify('jean@other.fr', own)).toMatchObject({ domain: 'other.fr', audience: 'private' });
      expect(classify('contact@mycorp.fr', own).audience).toBe('internal');
      expect(classify('contact@acme.fr', own).audience).toBe('organization');
      expect(classify('ceo@acme.fr', own).flags).toEqual(['function-title']);
    }
  });

  it('a provider whose country is read from its entry names itself in the reason', () => {
    const bt = classify('jean@btinternet.com', { date: DATE });
    const virgin = classify('jean@virginmedia.com', { date: DATE });
    expect(bt.jurisdiction).toBe('GB');
    expect(virgin.jurisdiction).toBe('GB');
    expect(text(bt).join(' ')).toContain('btinternet.com');
    expect(text(virgin).join(' ')).toContain('virginmedia.com');
    expect(text(virgin).join(' ')).not.toContain('btinternet.com');
  });

  it('student marks and public-service addresses are read at the domains where they apply', () => {
    expect(classify('jean.dupont.etu@univ-lille.fr', { date: DATE }).flags).toContain('student');
    expect(classify('jean.dupont.etu@acme.fr', { date: DATE }).flags).not.toContain('student');
    expect(classify('ce.0751234a@ac-paris.fr', { date: DATE }).flags).toContain('public-service');
    expect(classify('ce.0751234a@acme.fr', { date: DATE }).flags).not.toContain('public-service');
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2026-08-11', '2026-08-11'],
    ['2026-08-11T09:00:00Z', '2026-08-11'],
    ['2026-13-01', null],
    ['2026-00-10', null],
    ['2026-1-1', null],
    ['', null],
    ['2026/08/11', null],
  ])('%s → %s', (input, out) => {
    expect(normalizeDate(input)).toBe(out);
  });
});
