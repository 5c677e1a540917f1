/**
 * Catalogue of the reasons the engine gives: stable ids, French and English text, and the legal
 * source each one rests on. Texts citing a source marked NC (not confirmed) say so.
 */
import type { Jurisdiction, Reason, Source } from './types.js';

export type Lang = 'fr' | 'en';

/** The legal sources cited by the engine, with law.md's confidence marks. */
export const SOURCES = {
  cpceL34_5: { ref: 'CPCE art. L34-5', confidence: 'P' },
  cnilB2B: { ref: 'CNIL doctrine B2B', confidence: 'S' },
  cnilLegalPerson: { ref: 'CNIL doctrine (coordonnées de personne morale / legal-person addresses)', confidence: 'S' },
  cnilAutomatedCalls: { ref: 'CNIL, page sur les automates d\u2019appel / automated-calls page', confidence: 'P' },
  postal: { ref: 'CNIL; seed text (postal mail)', confidence: 'S' },
  soleTraderWebmail: { ref: 'CPCE art. L34-5 (any natural person); no CNIL position on sole traders on webmail', confidence: 'NC' },
  rfc5322: { ref: 'RFC 5321 / RFC 5322', confidence: 'P' },
  consoPhoneBefore: { ref: 'C. conso L223-1 (Bloctel opposition list), D223-9', confidence: 'P' },
  consoPhoneAfter: { ref: 'Law 2025-594 of 2025-06-30 art. 13 III; C. conso L223-1, D223-9', confidence: 'P' },
  consoLiminaire: { ref: 'C. conso article liminaire', confidence: 'P' },
  consoBan: { ref: 'C. conso L223-1 al. 5; L223-8', confidence: 'P' },
  consoBanExtended: { ref: 'C. conso L223-1 al. 5 (read as covering MMS and automated calls)', confidence: 'NC' },
  consoD223_9: { ref: 'C. conso D223-9 (décret 2022-1313)', confidence: 'P' },
  publicHolidays: { ref: 'C. trav. L3133-1 (jours fériés)', confidence: 'S' },
  linkedin: { ref: 'LCEN art. 1; CJEU C-102/20; no CNIL position on LinkedIn messages', confidence: 'NC' },
  uwg7: { ref: 'UWG §7', confidence: 'P' },
  beXII13: { ref: 'Code de droit économique XII.13', confidence: 'P' },
  beAR2003: { ref: 'Code de droit économique XII.13; AR 4/4/2003', confidence: 'S' },
  lssi21: { ref: 'LSSI art. 21', confidence: 'S' },
  pecr22: { ref: 'PECR reg. 22; ICO guidance', confidence: 'P' },
  canSpam: { ref: 'CAN-SPAM; FTC compliance guide', confidence: 'P' },
  internal: { ref: 'CPCE art. L34-5 (direct marketing only)', confidence: 'P' },
  noRule: { ref: 'Prospect Guard: no rule in its reference for this channel and country', confidence: 'NC' },
} as const satisfies Record<string, Source>;

/** " (source : X)" / " (source: X — not confirmed)". */
export function citation(source: Source | undefined, lang: Lang): string {
  if (!source) return '';
  if (lang === 'fr') return ` (source : ${source.ref}${source.confidence === 'NC' ? ' \u2014 non confirmé' : ''})`;
  return ` (source: ${source.ref}${source.confidence === 'NC' ? ' \u2014 not confirmed' : ''})`;
}

/** Builds a frozen reason whose texts end with the citation of its source. */
export function makeReason(id: string, fr: string, en: string, source?: Source, detail?: string): Reason {
  const r: Reason = { id, fr: fr + citation(source, 'fr'), en: en + citation(source, 'en') };
  if (source) r.source = Object.freeze({ ...source });
  if (detail !== undefined) r.detail = detail;
  return Object.freeze(r);
}

/** Text of a reason in the given language (falls back to English, then the id). */
export function reasonText(reason: Reason, lang: Lang): string {
  if (!reason || typeof reason !== 'object') return '';
  const t = lang === 'fr' ? reason.fr : reason.en;
  if (typeof t === 'string' && t.length > 0) return t;
  if (typeof reason.en === 'string' && reason.en.length > 0) return reason.en;
  return String(reason.id ?? '');
}

// ---------------------------------------------------------------------------------------------
// Invalid addresses

export type InvalidDetail =
  | 'empty'
  | 'too-long'
  | 'no-at'
  | 'empty-local'
  | 'empty-domain'
  | 'bad-local'
  | 'bad-domain'
  | 'single-label-domain'
  | 'bad-punycode'
  | 'bad-brackets';

const INVALID_TEXT: Record<InvalidDetail, [string, string]> = {
  empty: ['adresse vide', 'empty address'],
  'too-long': ['adresse trop longue', 'address too long'],
  'no-at': ['il manque le « @ »', 'the "@" is missing'],
  'empty-local': ['rien avant le « @ »', 'nothing before the "@"'],
  'empty-domain': ['rien après le « @ »', 'nothing after the "@"'],
  'bad-local': ['partie avant le « @ » invalide (espace ou caractère interdit)', 'invalid part before the "@" (space or forbidden character)'],
  'bad-domain': ['nom de domaine invalide', 'invalid domain name'],
  'single-label-domain': ['domaine sans extension (ex. « .fr »)', 'domain without an extension (e.g. ".fr")'],
  'bad-punycode': ['domaine internationalisé (xn--) mal formé', 'malformed internationalised (xn--) domain'],
  'bad-brackets': ['chevrons « < > » mal placés', 'misplaced "< >" brackets'],
};

const INVALID_REASONS = Object.fromEntries(
  (Object.keys(INVALID_TEXT) as InvalidDetail[]).map((d) => [
    d,
    makeReason(
      'address-invalid',
      `Adresse e-mail invalide : ${INVALID_TEXT[d][0]}.`,
      `Invalid email address: ${INVALID_TEXT[d][1]}.`,
      SOURCES.rfc5322,
      d,
    ),
  ]),
) as Record<InvalidDetail, Reason>;

export function invalidReason(detail: InvalidDetail): Reason {
  return INVALID_REASONS[detail] ?? INVALID_REASONS['bad-domain'];
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
    SOURCES.cpceL34_5,
  ),
  isp: makeReason(
    'private-isp',
    'Boîte d\u2019un fournisseur d\u2019accès grand public (ex. orange.fr, free.fr, sfr.fr) : adresse d\u2019un particulier.',
    'Consumer internet-provider mailbox (e.g. orange.fr, free.fr, sfr.fr): a private individual\u2019s address.',
    SOURCES.cpceL34_5,
  ),
  freeMail: makeReason(
    'private-free-mail',
    'Messagerie gratuite grand public (ex. gmail.com, outlook.com) : adresse d\u2019un particulier.',
    'Free consumer webmail (e.g. gmail.com, outlook.com): a private individual\u2019s address.',
    SOURCES.cpceL34_5,
  ),
  soleTrader: makeReason(
    'sole-trader-webmail',
    'Même s\u2019il s\u2019agit d\u2019un entrepreneur individuel ou d\u2019un indépendant, il est traité comme un particulier (opt-in) : L34-5 protège toute personne physique.',
    'Even a sole trader or self-employed person on a free webmail is treated as a private individual (opt-in): L34-5 protects every natural person.',
    SOURCES.soleTraderWebmail,
  ),
  student: makeReason(
    'private-student',
    'Sous-domaine étudiant d\u2019un établissement (ex. etu.univ-….fr) : adresse personnelle d\u2019un étudiant, pas celle de l\u2019établissement.',
    'Student subdomain of an institution (e.g. etu.univ-….fr): a student\u2019s personal address, not the institution\u2019s.',
    SOURCES.cpceL34_5,
  ),
  roleAtConsumer: makeReason(
    'role-at-consumer-provider',
    'Partie locale générique (contact@, info@…) mais sur une messagerie grand public : reste l\u2019adresse d\u2019un particulier.',
    'Generic local part (contact@, info@…) but on a consumer mailbox provider: still a private individual\u2019s address.',
    SOURCES.cpceL34_5,
  ),
  organization: makeReason(
    'organization-role',
    'Adresse générique d\u2019une organisation (contact@, info@, accueil@…) : coordonnées d\u2019une personne morale, hors règles de consentement et d\u2019opposition ; les mentions « dans tous les cas » restent dues.',
    'Generic address of an organisation (contact@, info@, accueil@…): a legal person\u2019s coordinates, outside consent and objection rules; the "in all cases" elements still apply.',
    SOURCES.cnilLegalPerson,
  ),
  professional: makeReason(
    'professional-nominative',
    'Adresse nominative sur le domaine propre d\u2019une organisation (entreprise, administration) : destinataire professionnel.',
    'Nominative address at an organisation\u2019s own domain (company, public body): a professional recipient.',
    SOURCES.cnilB2B,
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

const JURISDICTION_NAMES: Record<Jurisdiction, [string, string, string]> = {
  FR: ['.fr', 'France', 'France'],
  DE: ['.de', 'Allemagne', 'Germany'],
  BE: ['.be', 'Belgique', 'Belgium'],
  ES: ['.es', 'Espagne', 'Spain'],
  GB: ['.uk', 'Royaume-Uni', 'United Kingdom'],
  US: ['.us', 'États-Unis', 'United States'],
};

const JURISDICTION_REASONS = Object.fromEntries(
  (Object.keys(JURISDICTION_NAMES) as Jurisdiction[]).map((j) => {
    const [tld, fr, en] = JURISDICTION_NAMES[j];
    return [
      j,
      makeReason(
        'jurisdiction-tld',
        `Domaine en ${tld} : les règles du pays du destinataire s\u2019appliquent (${fr}).`,
        `${tld} domain: the rules of the recipient\u2019s country apply (${en}).`,
        undefined,
        j,
      ),
    ];
  }),
) as Record<Jurisdiction, Reason>;

/** Reason explaining that the jurisdiction was read from the recipient's country-code TLD. */
export function jurisdictionReason(j: Jurisdiction): Reason {
  return JURISDICTION_REASONS[j];
}

/** Every static reason (audience, invalid, jurisdiction); regime reasons come from regime.ts. */
export function staticReasons(): Reason[] {
  return [...Object.values(REASONS), ...Object.values(INVALID_REASONS), ...Object.values(JURISDICTION_REASONS)];
}
