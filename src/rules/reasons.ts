/**
 * Catalogue of the reasons the engine gives: stable ids, French and English text, and the legal
 * source each one rests on. Texts citing a source marked NC (not confirmed) say so.
 */
import type { Reason, Source } from './types.js';
import { INVALID_REASONS, RFC5322, makeReason, type Lang } from './reasons-invalid.js';

// The invalid-address reasons and the reason builder live in a small module of their own: the content script parses
// addresses (and so may build those reasons) without carrying this catalogue.
export { citation, makeReason, invalidReason, type InvalidDetail, type Lang } from './reasons-invalid.js';

/** The legal sources cited by the engine, with law.md's confidence marks. */
export const SOURCES = {
  cpceL34_5: { ref: 'CPCE art. L34-5', confidence: 'P' },
  cnilB2B: { ref: 'CNIL doctrine B2B', confidence: 'S' },
  cnilLegalPerson: { ref: 'CNIL doctrine (coordonnées de personne morale / legal-person addresses)', short: 'CNIL doctrine', confidence: 'S' },
  cnilAutomatedCalls: { ref: 'CNIL, page sur les automates d\u2019appel / automated-calls page', short: 'CNIL', confidence: 'P' },
  postal: { ref: 'CNIL; seed text (postal mail)', confidence: 'S' },
  soleTraderWebmail: { ref: 'CPCE art. L34-5 (any natural person); no CNIL position on sole traders on webmail', short: 'CPCE art. L34-5', confidence: 'NC' },
  rfc5322: RFC5322,
  consoPhoneBefore: { ref: 'C. conso L223-1 (Bloctel opposition list), D223-9', confidence: 'P' },
  consoPhoneAfter: { ref: 'Law 2025-594 of 2025-06-30 art. 13 III; C. conso L223-1, D223-9', confidence: 'P' },
  consoLiminaire: { ref: 'C. conso article liminaire', confidence: 'P' },
  consoBan: { ref: 'C. conso L223-1 al. 5; L223-8', confidence: 'P' },
  consoBanExtended: { ref: 'C. conso L223-1 al. 5 (read as covering MMS and automated calls)', confidence: 'NC' },
  consoD223_9: { ref: 'C. conso D223-9 (décret 2022-1313)', confidence: 'P' },
  publicHolidays: { ref: 'C. trav. L3133-1 (jours fériés)', confidence: 'S' },
  linkedin: { ref: 'LCEN art. 1; CJEU C-102/20; no CNIL position on LinkedIn messages', confidence: 'NC' },
  linkedinEu: { ref: 'CJEU C-102/20 (broad reading of electronic mail, Directive 2002/58/EC); no authority position on LinkedIn messages', confidence: 'NC' },
  linkedinOther: { ref: 'Prospect Guard reading: a direct message treated as email', confidence: 'NC' },
  uwg7: { ref: 'UWG §7', confidence: 'P' },
  beXII13: { ref: 'Code de droit économique XII.13', short: 'CDE XII.13', confidence: 'P' },
  beAR2003: { ref: 'Code de droit économique XII.13; AR 4/4/2003', short: 'CDE XII.13; AR 4/4/2003', confidence: 'S' },
  lssi21: { ref: 'LSSI art. 21', confidence: 'S' },
  pecr22: { ref: 'PECR reg. 22; ICO guidance', confidence: 'P' },
  canSpam: { ref: 'CAN-SPAM; FTC compliance guide', confidence: 'P' },
  chLcd: {
    ref: 'LCD (RS 241) art. 3 al. 1 let. o; OFCOM', short: 'LCD art. 3 al. 1 let. o',
    confidence: 'P',
    url: 'https://www.bakom.admin.ch/bakom/fr/home/telekommunikation/nuetzliche-infos/spam-spamming-spammer/wann-ist-der-massenversand-erlaubt.html',
  },
  luArt11: {
    ref: 'Loi du 30 mai 2005 (communications électroniques) art. 11; CNPD', short: 'Loi du 30 mai 2005, art. 11',
    confidence: 'P',
    url: 'https://cnpd.public.lu/fr/actualites/national/2018/05/info-consentement.html',
  },
  luArt11Business: {
    ref: 'Loi du 30 mai 2005 art. 2 (a) (abonné : personne physique ou morale) et art. 11', short: 'Loi du 30 mai 2005, art. 11',
    confidence: 'NC',
    url: 'http://data.legilux.public.lu/file/eli-etat-leg-tc-2011-08-10-n1-jo-fr-html.html',
  },
  it130: {
    ref: 'Codice privacy (d.lgs. 196/2003) art. 130 c. 1, 2, 4; Garante, linee guida spam 4/7/2013', short: 'Codice privacy art. 130',
    confidence: 'P',
    url: 'https://www8.brocardi.it/codice-della-privacy/parte-ii/titolo-x/capo-i/art130.html',
  },
  it130Business: { ref: 'Codice privacy art. 130 c. 1-2 (consenso del « contraente o utente », persone giuridiche comprese)', short: 'Codice privacy art. 130', confidence: 'S' },
  nl117: {
    ref: 'Telecommunicatiewet art. 11.7 lid 1 (Stb. 2021, 103)', short: 'Telecommunicatiewet art. 11.7',
    confidence: 'P',
    url: 'https://zoek.officielebekendmakingen.nl/dossier/stb-2021-103.html',
  },
  nl117Business: { ref: 'Telecommunicatiewet art. 11.7 lid 1, rechtspersonen since 2009-10-01 (Stb. 2008, 525)', short: 'Telecommunicatiewet art. 11.7', confidence: 'S' },
  nl117Before2009: { ref: 'Telecommunicatiewet art. 11.7 (until 2009-09-30: natural persons only)', short: 'Telecommunicatiewet art. 11.7', confidence: 'S' },
  at174: { ref: 'TKG 2021 §174 (formerly TKG 2003 §107); WKO', short: 'TKG 2021 §174', confidence: 'S', url: 'https://recht.werbungwien.at/wir-wollen-eine-kampagne-mit-direkter-kundenansprache-durchfuhren-worauf-mussen-wir-im-zusammenhang-mit-dem-telekommunikationsgesetz-dabei-achten/' },
  at107Before2006: { ref: 'TKG 2003 §107 (until 2006-02-28: businesses could object; ECG §7 list)', short: 'TKG 2003 §107', confidence: 'S' },
  pt13A: {
    ref: 'Lei 41/2004 art. 13.º-A n.º 1 e 3 (Lei 46/2012)', short: 'Lei 41/2004 art. 13.º-A',
    confidence: 'P',
    url: 'https://debates.parlamento.pt/catalogo/r3/dar/s2a/12/01/217/2012-07-31/13',
  },
  pt13ALegalPerson: { ref: 'Lei 41/2004 art. 13.º-A n.º 2, art. 13.º-B (lista da DGC)', short: 'Lei 41/2004 art. 13.º-A', confidence: 'P' },
  pt13AUser: { ref: 'Lei 41/2004 art. 13.º-A n.º 1 (« utilizador ») and n.º 2', short: 'Lei 41/2004 art. 13.º-A', confidence: 'NC' },
  ieReg13: {
    ref: 'S.I. 336/2011 reg. 13; Data Protection Commission',
    confidence: 'P',
    url: 'https://www.dataprotection.ie/en/organisations/rules-electronic-and-direct-marketing',
  },
  ieReg13Business: { ref: 'S.I. 336/2011 reg. 13 (business address used mainly for commercial or official activity; subscribers other than natural persons)', short: 'S.I. 336/2011 reg. 13', confidence: 'S' },
  casl: {
    ref: 'CASL (S.C. 2010, c. 23) s. 6, 10(9), 10(10); Electronic Commerce Protection Regulations (SOR/2013-221) s. 3', short: 'CASL s. 6',
    confidence: 'P',
    url: 'https://laws-lois.justice.gc.ca/eng/acts/E-1.6/',
  },
  ePrivacy13: { ref: 'Directive 2002/58/EC art. 13(1)-(2)', short: 'Directive 2002/58/EC art. 13', confidence: 'P', url: 'https://eur-lex.europa.eu/eli/dir/2002/58/oj' },
  ePrivacy13LegalPersons: { ref: 'Directive 2002/58/EC art. 13(5): legal persons left to each member state', short: 'Directive 2002/58/EC art. 13(5)', confidence: 'NC' },
  internal: { ref: 'Direct-marketing rules (CPCE art. L34-5, Directive 2002/58/EC art. 13, UWG §7 …) cover messages to others, not internal correspondence', short: 'not direct marketing', confidence: 'S' },
  noRule: { ref: 'Prospect Guard: no rule in its reference for this channel and country', confidence: 'NC' },
} as const satisfies Record<string, Source>;

/** Text of a reason in the given language (falls back to English, then the id). */
export function reasonText(reason: Reason, lang: Lang): string {
  if (!reason || typeof reason !== 'object') return '';
  const t = lang === 'fr' ? reason.fr : reason.en;
  if (typeof t === 'string' && t.length > 0) return t;
  if (typeof reason.en === 'string' && reason.en.length > 0) return reason.en;
  return String(reason.id ?? '');
}

// ---------------------------------------------------------------------------------------------
// Audience reasons

export const REASONS = Object.freeze({
  overrideBusinessAddress: makeReason(
    'override-business',
    'Adresse classée professionnelle par votre réglage (exception définie par l\u2019utilisateur pour cette adresse).',
    'Address marked as business by your setting (user override for this address).',
    undefined,
    'address',
  ),
  overrideBusinessDomain: makeReason(
    'override-business',
    'Domaine classé professionnel par votre réglage (exception définie par l\u2019utilisateur pour ce domaine).',
    'Domain marked as business by your setting (user override for this domain).',
    undefined,
    'domain',
  ),
  overridePrivateAddress: makeReason(
    'override-private',
    'Adresse classée personnelle (particulier) par votre réglage (exception définie par l\u2019utilisateur pour cette adresse).',
    'Address marked as private by your setting (user override for this address).',
    undefined,
    'address',
  ),
  overridePrivateDomain: makeReason(
    'override-private',
    'Domaine classé personnel (particulier) par votre réglage (exception définie par l\u2019utilisateur pour ce domaine).',
    'Domain marked as private by your setting (user override for this domain).',
    undefined,
    'domain',
  ),
  internal: makeReason(
    'internal-domain',
    'Destinataire sur un de vos propres domaines : correspondance interne, pas de la prospection.',
    'Recipient on one of your own domains: internal correspondence, not prospecting.',
    SOURCES.internal,
  ),
  disposable: makeReason(
    'private-disposable',
    'Adresse jetable (domaine de messagerie temporaire) : traitée comme celle d\u2019un particulier.',
    'Disposable address (temporary mailbox domain): treated as a private individual\u2019s.',
  ),
  isp: makeReason(
    'private-isp',
    'Boîte d\u2019un fournisseur d\u2019accès à internet grand public : adresse d\u2019un particulier.',
    'Consumer internet-provider mailbox: a private individual\u2019s address.',
  ),
  freeMail: makeReason(
    'private-free-mail',
    'Messagerie grand public (webmail ouvert à tous) : adresse d\u2019un particulier.',
    'Consumer webmail open to anyone: a private individual\u2019s address.',
  ),
  soleTrader: makeReason(
    'sole-trader-webmail',
    'Même s\u2019il s\u2019agit d\u2019un entrepreneur individuel ou d\u2019un indépendant, il est traité comme un particulier (opt-in) : en France, L34-5 protège toute personne physique.',
    'Even a sole trader or self-employed person on a consumer mailbox is treated as a private individual (opt-in): in France, L34-5 protects every natural person.',
    SOURCES.soleTraderWebmail,
  ),
  student: makeReason(
    'private-student',
    'Sous-domaine étudiant d\u2019un établissement d\u2019enseignement : adresse personnelle d\u2019un étudiant, pas celle de l\u2019établissement.',
    'Student subdomain of a school or university: a student\u2019s personal address, not the institution\u2019s.',
  ),
  roleAtConsumer: makeReason(
    'role-at-consumer-provider',
    'Partie locale générique (contact@, info@…) mais sur une messagerie grand public : reste l\u2019adresse d\u2019un particulier.',
    'Generic local part (contact@, info@…) but on a consumer mailbox provider: still a private individual\u2019s address.',
  ),
  organization: makeReason(
    'organization-role',
    'Adresse générique d\u2019une organisation (contact@, info@, accueil@…) : les coordonnées d\u2019une personne morale, pas celles d\u2019une personne.',
    'Generic address of an organisation (contact@, info@, accueil@…): a legal person\u2019s coordinates, not a person\u2019s.',
  ),
  professional: makeReason(
    'professional-nominative',
    'Adresse nominative sur le domaine propre d\u2019une organisation (entreprise, administration) : destinataire professionnel.',
    'Nominative address at an organisation\u2019s own domain (company, public body): a professional recipient.',
  ),
  unknownIp: makeReason(
    'unknown-ip-literal',
    'Le domaine est une adresse IP : impossible de savoir qui est le destinataire ; le régime le plus strict est appliqué.',
    'The domain is an IP address: we cannot tell who the recipient is; the strictest regime applies.',
  ),
  unknownSuffix: makeReason(
    'unknown-suffix',
    'Extension de domaine inconnue (ex. .local, .corp) : impossible de savoir qui est le destinataire ; le régime le plus strict est appliqué.',
    'Unknown domain extension (e.g. .local, .corp): we cannot tell who the recipient is; the strictest regime applies.',
  ),
  unknownPublicSuffix: makeReason(
    'unknown-public-suffix',
    'Le domaine est une extension publique (ex. co.uk, gouv.fr) et non le domaine d\u2019une organisation : impossible de savoir qui est le destinataire ; le régime le plus strict est appliqué.',
    'The domain is a public suffix (e.g. co.uk, gouv.fr), not an organisation\u2019s domain: we cannot tell who the recipient is; the strictest regime applies.',
  ),
  dateInvalid: makeReason(
    'date-invalid',
    'Date d\u2019envoi illisible (format attendu AAAA-MM-JJ) : la date du jour est utilisée.',
    'Unreadable sending date (expected YYYY-MM-DD): today\u2019s date is used.',
  ),
});

/**
 * The audience reasons as French law reads them, with the French sources and examples: classify
 * uses them instead of the neutral ones when French rules apply (a Belgian ISP mailbox must not
 * cite CPCE L34-5 and French examples, a French one does). Same ids.
 */
export const FRENCH_AUDIENCE_REASONS: ReadonlyMap<Reason, Reason> = new Map<Reason, Reason>([
  [
    REASONS.disposable,
    makeReason(
      'private-disposable',
      'Adresse jetable (domaine de messagerie temporaire) : traitée comme celle d\u2019un particulier, que L34-5 protège.',
      'Disposable address (temporary mailbox domain): treated as a private individual\u2019s, whom L34-5 protects.',
      SOURCES.cpceL34_5,
    ),
  ],
  [
    REASONS.isp,
    makeReason(
      'private-isp',
      'Boîte d\u2019un fournisseur d\u2019accès grand public (ex. orange.fr, free.fr, sfr.fr) : adresse d\u2019un particulier.',
      'Consumer internet-provider mailbox (e.g. orange.fr, free.fr, sfr.fr): a private individual\u2019s address.',
      SOURCES.cpceL34_5,
    ),
  ],
  [
    REASONS.freeMail,
    makeReason(
      'private-free-mail',
      'Messagerie gratuite grand public (ex. gmail.com, outlook.com) : adresse d\u2019un particulier.',
      'Free consumer webmail (e.g. gmail.com, outlook.com): a private individual\u2019s address.',
      SOURCES.cpceL34_5,
    ),
  ],
  [
    REASONS.student,
    makeReason(
      'private-student',
      'Sous-domaine étudiant d\u2019un établissement (ex. etu.univ-….fr) : adresse personnelle d\u2019un étudiant, pas celle de l\u2019établissement.',
      'Student subdomain of an institution (e.g. etu.univ-….fr): a student\u2019s personal address, not the institution\u2019s.',
      SOURCES.cpceL34_5,
    ),
  ],
  [
    REASONS.roleAtConsumer,
    makeReason(
      'role-at-consumer-provider',
      'Partie locale générique (contact@, info@…) mais sur une messagerie grand public : reste l\u2019adresse d\u2019un particulier.',
      'Generic local part (contact@, info@…) but on a consumer mailbox provider: still a private individual\u2019s address.',
      SOURCES.cpceL34_5,
    ),
  ],
  [
    REASONS.organization,
    makeReason(
      'organization-role',
      'Adresse générique d\u2019une organisation (contact@, info@, accueil@…) : coordonnées d\u2019une personne morale, hors règles de consentement et d\u2019opposition ; les mentions « dans tous les cas » restent dues.',
      'Generic address of an organisation (contact@, info@, accueil@…): a legal person\u2019s coordinates, outside consent and objection rules; the "in all cases" elements still apply.',
      SOURCES.cnilLegalPerson,
    ),
  ],
  [
    REASONS.professional,
    makeReason(
      'professional-nominative',
      'Adresse nominative sur le domaine propre d\u2019une organisation (entreprise, administration) : destinataire professionnel.',
      'Nominative address at an organisation\u2019s own domain (company, public body): a professional recipient.',
      SOURCES.cnilB2B,
    ),
  ],
]);

/** Every static reason (audience, invalid); regime reasons come from regime.ts, jurisdiction reasons from jurisdictions.ts. */
export function staticReasons(): Reason[] {
  return [...Object.values(REASONS), ...FRENCH_AUDIENCE_REASONS.values(), ...Object.values(INVALID_REASONS)];
}
