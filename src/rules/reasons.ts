/**
 * Catalogue of the reasons the engine gives: stable ids, French and English text, and the legal
 * source each one rests on. Texts citing a source marked NC (not confirmed) say so.
 */
import type { Reason, Source } from './types.js';
import { INVALID_REASONS, RFC5322, makeReason, type Lang } from './reasons-invalid.js';

// The invalid-address reasons and the reason builder live in a small module of their own: the content script parses
// addresses (and so may build those reasons) without carrying this catalogue.
export { citation, makeReason, invalidReason, type InvalidDetail, type Lang } from './reasons-invalid.js';

/**
 * The legal sources cited by the engine, with law.md's confidence marks. `ref` is the citation alone (names of laws,
 * texts and authorities, with their articles); a name French and English write differently is given in each
 * language; what the source says or how we read it is the `note`, in each language (types.ts Source).
 */
export const SOURCES = {
  cpceL34_5: { ref: 'CPCE art. L34-5', confidence: 'P' },
  cnilB2B: { ref: { fr: 'doctrine B2B de la CNIL', en: 'CNIL B2B doctrine' }, confidence: 'S' },
  cnilLegalPerson: {
    ref: { fr: 'doctrine de la CNIL', en: 'CNIL doctrine' },
    note: { fr: 'coordonnées d\u2019une personne morale', en: 'a legal person\u2019s contact details' },
    confidence: 'S',
  },
  cnilAutomatedCalls: { ref: { fr: 'CNIL, fiche sur les automates d\u2019appel', en: 'CNIL, page on automated calls' }, short: 'CNIL', confidence: 'P' },
  // law.md: "seed text; CNIL" (the seed text is the project's founding document, not a source to show people)
  postal: { ref: 'CNIL', note: { fr: 'courrier postal', en: 'postal mail' }, confidence: 'S' },
  soleTraderWebmail: {
    ref: 'CPCE art. L34-5',
    // the reason itself says that L34-5 protects every natural person
    note: {
      fr: 'la CNIL ne s\u2019est pas prononcée sur les entrepreneurs individuels à une adresse de messagerie grand public',
      en: 'no CNIL position on sole traders at a consumer webmail address',
    },
    confidence: 'NC',
  },
  rfc5322: RFC5322,
  consoPhoneBefore: { ref: 'C. conso L223-1, D223-9', note: { fr: 'liste d\u2019opposition Bloctel', en: 'the Bloctel opposition list' }, confidence: 'P' },
  consoPhoneAfter: {
    ref: { fr: 'loi n° 2025-594 du 30 juin 2025, art. 13 III ; C. conso L223-1, D223-9', en: 'Law 2025-594 of 30 June 2025, art. 13 III; C. conso L223-1, D223-9' },
    confidence: 'P',
  },
  consoLiminaire: { ref: { fr: 'C. conso, article liminaire', en: 'C. conso, preliminary article' }, confidence: 'P' },
  consoBan: { ref: 'C. conso L223-1 al. 5; L223-8', confidence: 'P' },
  consoBanExtended: {
    ref: 'C. conso L223-1 al. 5',
    note: { fr: 'notre lecture : l\u2019interdiction vaut aussi pour les MMS et les appels automatisés', en: 'our reading: the ban covers MMS and automated calls too' },
    confidence: 'NC',
  },
  consoD223_9: { ref: { fr: 'C. conso D223-9 (décret n° 2022-1313)', en: 'C. conso D223-9 (Decree 2022-1313)' }, confidence: 'P' },
  publicHolidays: { ref: 'C. trav. L3133-1', note: { fr: 'jours fériés', en: 'public holidays' }, confidence: 'S' },
  linkedin: {
    ref: { fr: 'LCEN art. 1 ; CJUE C-102/20', en: 'LCEN art. 1; CJEU C-102/20' },
    note: { fr: 'la CNIL ne s\u2019est pas prononcée sur les messages LinkedIn', en: 'no CNIL position on LinkedIn messages' },
    confidence: 'NC',
  },
  linkedinEu: {
    ref: { fr: 'CJUE C-102/20 ; directive 2002/58/CE', en: 'CJEU C-102/20; Directive 2002/58/EC' },
    note: {
      fr: 'lecture large du courrier électronique ; aucune autorité ne s\u2019est prononcée sur les messages LinkedIn',
      en: 'broad reading of electronic mail; no authority position on LinkedIn messages',
    },
    confidence: 'NC',
  },
  linkedinOther: {
    ref: 'Prospect Guard',
    note: { fr: 'notre lecture : un message privé est traité comme un e-mail', en: 'our reading: a direct message treated as email' },
    confidence: 'NC',
  },
  uwg7: { ref: 'UWG §7', confidence: 'P' },
  beXII13: { ref: 'Code de droit économique XII.13', short: 'CDE XII.13', confidence: 'P' },
  beAR2003: { ref: 'Code de droit économique XII.13; AR 4/4/2003', short: 'CDE XII.13; AR 4/4/2003', confidence: 'S' },
  lssi21: { ref: 'LSSI art. 21', confidence: 'S' },
  pecr22: { ref: { fr: 'PECR reg. 22 ; lignes directrices de l\u2019ICO', en: 'PECR reg. 22; ICO guidance' }, confidence: 'P' },
  canSpam: { ref: { fr: 'CAN-SPAM ; guide de conformité de la FTC', en: 'CAN-SPAM; FTC compliance guide' }, confidence: 'P' },
  chLcd: {
    ref: 'LCD (RS 241) art. 3 al. 1 let. o; OFCOM', short: 'LCD art. 3 al. 1 let. o',
    confidence: 'P',
    url: 'https://www.bakom.admin.ch/bakom/fr/home/telekommunikation/nuetzliche-infos/spam-spamming-spammer/wann-ist-der-massenversand-erlaubt.html',
  },
  luArt11: {
    ref: { fr: 'Loi du 30 mai 2005 (communications électroniques) art. 11 ; CNPD', en: 'Loi du 30 mai 2005 (electronic communications) art. 11; CNPD' },
    short: 'Loi du 30 mai 2005, art. 11',
    confidence: 'P',
    url: 'https://cnpd.public.lu/fr/actualites/national/2018/05/info-consentement.html',
  },
  luArt11Business: {
    ref: 'Loi du 30 mai 2005 art. 2 (a), art. 11', short: 'Loi du 30 mai 2005, art. 11',
    note: { fr: 'abonné : personne physique ou morale', en: 'subscriber: a natural or legal person' },
    confidence: 'NC',
    url: 'http://data.legilux.public.lu/file/eli-etat-leg-tc-2011-08-10-n1-jo-fr-html.html',
  },
  it130: {
    ref: {
      fr: 'Codice privacy (d.lgs. 196/2003) art. 130 c. 1, 2, 4 ; Garante, lignes directrices sur le spam du 4/7/2013',
      en: 'Codice privacy (d.lgs. 196/2003) art. 130 c. 1, 2, 4; Garante, spam guidelines of 4/7/2013',
    },
    short: 'Codice privacy art. 130',
    confidence: 'P',
    url: 'https://www8.brocardi.it/codice-della-privacy/parte-ii/titolo-x/capo-i/art130.html',
  },
  it130Business: {
    ref: 'Codice privacy art. 130 c. 1-2', short: 'Codice privacy art. 130',
    note: { fr: 'consentement du « contraente o utente », personnes morales comprises', en: 'consent of the \u201ccontraente o utente\u201d, legal persons included' },
    confidence: 'S',
  },
  nl117: {
    ref: 'Telecommunicatiewet art. 11.7 lid 1 (Stb. 2021, 103)', short: 'Telecommunicatiewet art. 11.7',
    confidence: 'P',
    url: 'https://zoek.officielebekendmakingen.nl/dossier/stb-2021-103.html',
  },
  nl117Business: {
    ref: 'Telecommunicatiewet art. 11.7 lid 1 (Stb. 2008, 525)', short: 'Telecommunicatiewet art. 11.7',
    note: { fr: 'personnes morales comprises depuis le 1er octobre 2009', en: 'legal persons included since 1 October 2009' },
    confidence: 'S',
  },
  nl117Before2009: {
    ref: 'Telecommunicatiewet art. 11.7', short: 'Telecommunicatiewet art. 11.7',
    note: { fr: 'jusqu\u2019au 30 septembre 2009 : personnes physiques seulement', en: 'until 30 September 2009: natural persons only' },
    confidence: 'S',
  },
  at174: {
    ref: { fr: 'TKG 2021 §174 (ancien TKG 2003 §107) ; WKO', en: 'TKG 2021 §174 (formerly TKG 2003 §107); WKO' },
    short: 'TKG 2021 §174',
    confidence: 'S',
    url: 'https://recht.werbungwien.at/wir-wollen-eine-kampagne-mit-direkter-kundenansprache-durchfuhren-worauf-mussen-wir-im-zusammenhang-mit-dem-telekommunikationsgesetz-dabei-achten/',
  },
  at107Before2006: {
    ref: 'TKG 2003 §107; ECG §7', short: 'TKG 2003 §107',
    note: {
      fr: 'jusqu\u2019au 28 février 2006 : une entreprise pouvait s\u2019opposer aux envois ou s\u2019inscrire sur la liste ECG',
      en: 'until 28 February 2006: a business could object to the messages or register on the ECG list',
    },
    confidence: 'S',
  },
  pt13A: {
    ref: 'Lei 41/2004 art. 13.º-A n.º 1 e 3 (Lei 46/2012)', short: 'Lei 41/2004 art. 13.º-A',
    confidence: 'P',
    url: 'https://debates.parlamento.pt/catalogo/r3/dar/s2a/12/01/217/2012-07-31/13',
  },
  pt13ALegalPerson: {
    ref: 'Lei 41/2004 art. 13.º-A n.º 2, art. 13.º-B', short: 'Lei 41/2004 art. 13.º-A',
    note: { fr: 'liste d\u2019opposition tenue par la DGC', en: 'the opposition list kept by the DGC' },
    confidence: 'P',
  },
  pt13AUser: {
    ref: 'Lei 41/2004 art. 13.º-A n.º 1 e 2', short: 'Lei 41/2004 art. 13.º-A',
    note: { fr: 'le consentement de l\u2019« utilizador », l\u2019utilisateur de l\u2019adresse', en: 'the consent of the \u201cutilizador\u201d, the address\u2019s user' },
    confidence: 'NC',
  },
  ieReg13: {
    ref: 'S.I. 336/2011 reg. 13; Data Protection Commission',
    confidence: 'P',
    url: 'https://www.dataprotection.ie/en/organisations/rules-electronic-and-direct-marketing',
  },
  ieReg13Business: {
    ref: 'S.I. 336/2011 reg. 13', short: 'S.I. 336/2011 reg. 13',
    note: {
      fr: 'adresse professionnelle servant surtout à une activité commerciale ou officielle ; abonnés autres que des personnes physiques',
      en: 'a business address used mainly for commercial or official activity; subscribers other than natural persons',
    },
    confidence: 'S',
  },
  // Canada's laws are official in French and English: each language cites its own version.
  casl: {
    ref: {
      fr: 'LCAP (L.C. 2010, ch. 23) art. 6, 10(9), 10(10) ; Règlement sur la protection du commerce électronique (DORS/2013-221) art. 3',
      en: 'CASL (S.C. 2010, c. 23) s. 6, 10(9), 10(10); Electronic Commerce Protection Regulations (SOR/2013-221) s. 3',
    },
    short: { fr: 'LCAP art. 6', en: 'CASL s. 6' },
    confidence: 'P',
    url: 'https://laws-lois.justice.gc.ca/eng/acts/E-1.6/',
  },
  ePrivacy13: {
    ref: { fr: 'directive 2002/58/CE art. 13(1)-(2)', en: 'Directive 2002/58/EC art. 13(1)-(2)' },
    short: { fr: 'directive 2002/58/CE art. 13', en: 'Directive 2002/58/EC art. 13' },
    confidence: 'P',
    url: 'https://eur-lex.europa.eu/eli/dir/2002/58/oj',
  },
  ePrivacy13LegalPersons: {
    ref: { fr: 'directive 2002/58/CE art. 13(5)', en: 'Directive 2002/58/EC art. 13(5)' },
    note: { fr: 'les personnes morales sont laissées à chaque État membre', en: 'legal persons left to each member state' },
    confidence: 'NC',
  },
  internal: {
    ref: { fr: 'CPCE art. L34-5, directive 2002/58/CE art. 13, UWG §7 \u2026', en: 'CPCE art. L34-5, Directive 2002/58/EC art. 13, UWG §7 \u2026' },
    note: {
      fr: 'les règles de prospection visent les messages adressés à d\u2019autres, pas la correspondance interne',
      en: 'direct-marketing rules cover messages to others, not internal correspondence',
    },
    short: { fr: 'hors prospection', en: 'not direct marketing' },
    confidence: 'S',
  },
  noRule: {
    ref: 'Prospect Guard',
    note: { fr: 'aucune règle de notre référence pour ce canal et ce pays', en: 'no rule in our reference for this channel and country' },
    confidence: 'NC',
  },
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
