/**
 * The law as data: one row per rule of the reference (law.md), each with its channels,
 * audiences, regime, effective dates, conditions and source. `regimeFor` looks a row up.
 *
 * State of the law encoded: 2026-11-28. A row without `from` applies to any earlier date we may be
 * asked about (the reference gives no start date); a row without `until` is in force today.
 */
import { JURISDICTIONS, jurisdictionInfo, normalizeJurisdiction } from './jurisdictions.js';
import { makeReason, SOURCES, type Lang } from './reasons.js';
import { inLang, shortCitation } from './citation.js';
import type { Audience, Channel, Jurisdiction, Localizable, Localized, Reason, Regime, Source, Topic } from './types.js';

/** Date of the state of the law encoded here. */
export const LAW_STATE_DATE = '2026-11-28';

export type RuleAudience = 'private' | 'professional' | 'organization' | 'internal';

export interface RegimeRule {
  /** Stable id, e.g. "FR-email-private". */
  id: string;
  /** '*' for rows that hold in every jurisdiction (internal mail, fallback). */
  jurisdiction: Jurisdiction | '*';
  channels: readonly Channel[];
  audiences: readonly RuleAudience[];
  regime: Regime;
  /** First day in force (inclusive), YYYY-MM-DD. */
  from?: string;
  /** Last day in force (inclusive), YYYY-MM-DD. */
  until?: string;
  /** The row only applies to messages about this topic. */
  topic?: Topic;
  /** What the sender must do / what the message must contain. */
  conditions: { fr: string; en: string };
  source: Source;
}

export const ALL_CHANNELS: readonly Channel[] = ['email', 'sms', 'mms', 'automated-call', 'fax', 'phone', 'postal', 'linkedin'];
export { JURISDICTIONS, normalizeJurisdiction } from './jurisdictions.js';
const PERSON_AUDIENCES: readonly RuleAudience[] = ['private', 'professional', 'organization'];

/** Phone canvassing of consumers: when and how often (C. conso D223-9), as data. */
export const PHONE_CANVASSING_LIMITS = Object.freeze({
  /** ISO weekdays allowed: 1 = Monday … 5 = Friday. */
  weekdays: Object.freeze([1, 2, 3, 4, 5] as const),
  /** Allowed windows, consumer's local time, [from, to) in HH:MM. */
  windows: Object.freeze([
    Object.freeze({ from: '10:00', to: '13:00' }),
    Object.freeze({ from: '14:00', to: '20:00' }),
  ]),
  publicHolidays: false as const,
  /** At most this many calls or attempts … */
  maxCalls: 4,
  /** … per this many days. */
  periodDays: 30,
  /** Whose clock counts. */
  timeOf: 'consumer' as const,
  /** At the start of the call: who you are, for whom, and that the call is commercial. */
  mustAnnounce: Object.freeze(['caller-identity', 'on-behalf-of', 'commercial-purpose'] as const),
  source: SOURCES.consoD223_9 as Source,
});

const PHONE_LIMITS_FR =
  'appels uniquement du lundi au vendredi de 10 h à 13 h et de 14 h à 20 h (heure du consommateur), jamais un jour férié, au plus 4 appels ou tentatives par 30 jours ; annoncer dès le début qui appelle, pour qui et le caractère commercial de l\u2019appel ; un contrat obtenu par un appel illicite est nul';
const PHONE_LIMITS_EN =
  'calls only Monday to Friday 10:00–13:00 and 14:00–20:00 (consumer\u2019s time), never on public holidays, at most 4 calls or attempts per 30 days; say at the start who is calling, for whom, and that the call is commercial; a contract obtained through an unlawful call is void';

const IN_ALL_CASES_FR =
  'dans tous les cas : moyen simple et gratuit de s\u2019opposer (lien de désinscription), annonceur identifiable et message reconnaissable comme publicitaire, objet lié à l\u2019offre, et si les données n\u2019ont pas été collectées auprès de la personne, information RGPD art. 14 dès le premier message (dont la source des données et le droit d\u2019opposition)';
const IN_ALL_CASES_EN =
  'in all cases: a simple, free way to object (unsubscribe link), an identifiable advertiser and a message recognisable as advertising, a subject related to the offer, and where the data was not collected from the person, GDPR art. 14 information no later than the first message (including the source of the data and the right to object)';

const EMAIL_RULES: RegimeRule[] = [
  // ---------------------------------------------------------------- France
  {
    id: 'FR-electronic-private',
    jurisdiction: 'FR',
    channels: ['email', 'sms', 'mms', 'automated-call', 'fax'],
    audiences: ['private'],
    regime: 'opt-in',
    conditions: {
      fr: `consentement libre, spécifique et éclairé avant tout envoi (pas de case pré-cochée ; accepter des CGV n\u2019est pas consentir). Exceptions : client existant (vente réelle) sollicité pour des produits analogues de la même entreprise, informé à la collecte et pouvant s\u2019opposer gratuitement dans chaque message ; messages non commerciaux (caritatifs) ; ${IN_ALL_CASES_FR}`,
      en: `free, specific, informed consent before any message (no pre-ticked box; accepting T&Cs is not consent). Exceptions: an existing customer (an actual sale) offered analogous products of the same company, told at collection and able to object free of charge in every message; non-commercial (charity) messages; ${IN_ALL_CASES_EN}`,
    },
    source: {
      ref: { fr: 'CPCE art. L34-5 ; fiches de la CNIL sur l\u2019e-mail, les SMS et les automates d\u2019appel', en: 'CPCE art. L34-5; CNIL pages on email, SMS and automated calls' },
      confidence: 'P',
    },
  },
  {
    id: 'FR-email-professional',
    jurisdiction: 'FR',
    channels: ['email'],
    audiences: ['professional'],
    regime: 'opt-out',
    conditions: {
      fr: `l\u2019objet du message doit être en rapport avec la profession de la personne, qui est informée et peut s\u2019opposer gratuitement ; ${IN_ALL_CASES_FR}`,
      en: `the subject of the message must relate to the person\u2019s profession; the person is told and can object free of charge; ${IN_ALL_CASES_EN}`,
    },
    source: SOURCES.cnilB2B,
  },
  {
    id: 'FR-email-organization',
    jurisdiction: 'FR',
    channels: ['email'],
    audiences: ['organization'],
    regime: 'opt-out',
    conditions: {
      fr: `adresse générique d\u2019une personne morale : hors règles de consentement et d\u2019opposition (pas une donnée personnelle) ; ${IN_ALL_CASES_FR}`,
      en: `generic address of a legal person: outside consent and objection rules (not personal data); ${IN_ALL_CASES_EN}`,
    },
    source: SOURCES.cnilLegalPerson,
  },
  {
    id: 'FR-sms-automated-call-professional',
    jurisdiction: 'FR',
    channels: ['sms', 'automated-call'],
    audiences: ['professional', 'organization'],
    regime: 'opt-out',
    conditions: {
      fr: 'personne informée lors de la collecte, moyen simple et gratuit de s\u2019opposer',
      en: 'told at collection, with a simple free way to object',
    },
    source: SOURCES.cnilAutomatedCalls,
  },
  {
    id: 'FR-mms-professional',
    jurisdiction: 'FR',
    channels: ['mms'],
    audiences: ['professional', 'organization'],
    regime: 'opt-out',
    conditions: {
      fr: 'MMS traité comme un SMS (notre lecture) : personne informée lors de la collecte, moyen simple et gratuit de s\u2019opposer',
      en: 'MMS handled like SMS (our reading): told at collection, with a simple free way to object',
    },
    source: {
      ref: { fr: 'CNIL, fiches sur les SMS et les automates d\u2019appel', en: 'CNIL, pages on SMS and automated calls' },
      note: { fr: 'appliquées aux MMS', en: 'applied to MMS' },
      short: 'CNIL',
      confidence: 'NC',
    },
  },
  {
    id: 'FR-postal',
    jurisdiction: 'FR',
    channels: ['postal'],
    audiences: PERSON_AUDIENCES,
    regime: 'opt-out',
    conditions: {
      fr: 'courrier postal : envoi possible tant que la personne ne s\u2019y est pas opposée',
      en: 'postal mail: allowed as long as the person has not objected',
    },
    source: SOURCES.postal,
  },
  {
    id: 'FR-phone-consumer-bloctel',
    jurisdiction: 'FR',
    channels: ['phone'],
    audiences: ['private'],
    regime: 'opt-out',
    until: '2026-08-10',
    conditions: {
      fr: `jusqu\u2019au 10/08/2026 : appel possible sauf opposition, la liste d\u2019opposition Bloctel doit être consultée ; ${PHONE_LIMITS_FR}`,
      en: `until 2026-08-10: calls allowed unless the consumer objected; the Bloctel opposition list must be checked; ${PHONE_LIMITS_EN}`,
    },
    source: SOURCES.consoPhoneBefore,
  },
  {
    id: 'FR-phone-consumer-consent',
    jurisdiction: 'FR',
    channels: ['phone'],
    audiences: ['private'],
    regime: 'opt-in',
    from: '2026-08-11',
    conditions: {
      fr: `à partir du 11/08/2026 : consentement libre, spécifique, éclairé, univoque, révocable, donné par un acte positif et prouvé par l\u2019appelant ; exception : contrat en cours quand l\u2019appel porte sur son objet ; ${PHONE_LIMITS_FR} ; fin de Bloctel : non confirmé`,
      en: `from 2026-08-11: consent that is free, specific, informed, unambiguous, revocable, given by a positive act and proven by the caller; exception: a contract in progress when the call relates to its object; ${PHONE_LIMITS_EN}; Bloctel's repeal: not confirmed`,
    },
    source: SOURCES.consoPhoneAfter,
  },
  {
    id: 'FR-phone-professional',
    jurisdiction: 'FR',
    channels: ['phone'],
    audiences: ['professional', 'organization'],
    regime: 'opt-out',
    conditions: {
      fr: 'appel à un professionnel : hors L223-1 (réservé aux consommateurs) ; le droit d\u2019opposition du RGPD s\u2019applique',
      en: 'call to a professional: outside L223-1 (consumers only); the GDPR right to object applies',
    },
    source: SOURCES.consoLiminaire,
  },
  {
    id: 'FR-banned-energy-renovation',
    jurisdiction: 'FR',
    channels: ['phone', 'sms', 'email', 'linkedin'],
    audiences: ['private'],
    regime: 'banned',
    topic: 'energy-renovation',
    conditions: {
      fr: 'prospection des consommateurs interdite pour la rénovation énergétique (téléphone, SMS, e-mail, réseaux sociaux), sauf contrat en cours',
      en: 'canvassing consumers about energy renovation is banned (phone, SMS, email, social networks), except under a contract in progress',
    },
    source: SOURCES.consoBan,
  },
  {
    id: 'FR-banned-home-adaptation',
    jurisdiction: 'FR',
    channels: ['phone', 'sms', 'email', 'linkedin'],
    audiences: ['private'],
    regime: 'banned',
    topic: 'home-adaptation',
    conditions: {
      fr: 'prospection des consommateurs interdite pour l\u2019adaptation du logement à la perte d\u2019autonomie ou au handicap (téléphone, SMS, e-mail, réseaux sociaux), sauf contrat en cours',
      en: 'canvassing consumers about adapting a home to old age or disability is banned (phone, SMS, email, social networks), except under a contract in progress',
    },
    source: SOURCES.consoBan,
  },
  {
    id: 'FR-banned-energy-renovation-mms-automated',
    jurisdiction: 'FR',
    channels: ['mms', 'automated-call'],
    audiences: ['private'],
    regime: 'banned',
    topic: 'energy-renovation',
    conditions: {
      fr: 'MMS et appels automatisés lus comme du SMS et du téléphone pour l\u2019interdiction (rénovation énergétique), sauf contrat en cours',
      en: 'MMS and automated calls read as SMS and phone for the ban (energy renovation), except under a contract in progress',
    },
    source: SOURCES.consoBanExtended,
  },
  {
    id: 'FR-banned-home-adaptation-mms-automated',
    jurisdiction: 'FR',
    channels: ['mms', 'automated-call'],
    audiences: ['private'],
    regime: 'banned',
    topic: 'home-adaptation',
    conditions: {
      fr: 'MMS et appels automatisés lus comme du SMS et du téléphone pour l\u2019interdiction (adaptation du logement), sauf contrat en cours',
      en: 'MMS and automated calls read as SMS and phone for the ban (home adaptation), except under a contract in progress',
    },
    source: SOURCES.consoBanExtended,
  },
  // ---------------------------------------------------------------- Germany
  {
    id: 'DE-email',
    jurisdiction: 'DE',
    channels: ['email'],
    audiences: PERSON_AUDIENCES,
    regime: 'opt-in',
    conditions: {
      fr: 'consentement exprès préalable, B2B compris ; exception : produits similaires de l\u2019entreprise proposés à un client existant, avec possibilité d\u2019opposition annoncée à la collecte et dans chaque message',
      en: 'prior express consent, B2B included; exception: own similar goods offered to existing customers, with an objection notice at collection and in every message',
    },
    source: SOURCES.uwg7,
  },
  // ---------------------------------------------------------------- Belgium
  {
    id: 'BE-email-private',
    jurisdiction: 'BE',
    channels: ['email'],
    audiences: ['private'],
    regime: 'opt-in',
    conditions: {
      fr: 'consentement préalable ; possibilité de s\u2019opposer dans chaque message',
      en: 'prior consent; a way to object in every message',
    },
    source: SOURCES.beXII13,
  },
  {
    id: 'BE-email-professional',
    jurisdiction: 'BE',
    channels: ['email'],
    audiences: ['professional'],
    regime: 'opt-in',
    conditions: {
      fr: 'adresse nominative : consentement préalable, même en B2B ; possibilité de s\u2019opposer dans chaque message',
      en: 'nominative address: prior consent, B2B included; a way to object in every message',
    },
    source: SOURCES.beXII13,
  },
  {
    id: 'BE-email-organization',
    jurisdiction: 'BE',
    channels: ['email'],
    audiences: ['organization'],
    regime: 'opt-out',
    conditions: {
      fr: 'adresse impersonnelle d\u2019une personne morale : dispensée de consentement ; possibilité de s\u2019opposer dans chaque message',
      en: 'impersonal address of a legal person: exempt from consent; a way to object in every message',
    },
    source: SOURCES.beAR2003,
  },
  // ---------------------------------------------------------------- Spain
  {
    id: 'ES-email',
    jurisdiction: 'ES',
    channels: ['email'],
    audiences: PERSON_AUDIENCES,
    regime: 'opt-in',
    conditions: {
      fr: 'consentement préalable, entreprises comprises ; exception : produits similaires de l\u2019entreprise proposés à un client',
      en: 'prior consent, companies included; exception: own similar products offered to a customer',
    },
    source: SOURCES.lssi21,
  },
  // ---------------------------------------------------------------- United Kingdom
  {
    id: 'GB-email-individual',
    jurisdiction: 'GB',
    channels: ['email'],
    audiences: ['private'],
    regime: 'opt-in',
    conditions: {
      fr: 'abonné individuel (y compris entrepreneurs individuels et sociétés de personnes) : consentement préalable ; identifier l\u2019expéditeur et donner ses coordonnées',
      en: 'individual subscriber (including sole traders and partnerships): prior consent; identify the sender and give contact details',
    },
    source: SOURCES.pecr22,
  },
  {
    id: 'GB-email-corporate',
    jurisdiction: 'GB',
    channels: ['email'],
    audiences: ['professional', 'organization'],
    regime: 'opt-out',
    conditions: {
      fr: 'abonné personne morale (sociétés, LLP, organismes publics) : pas de consentement requis ; identifier l\u2019expéditeur et donner ses coordonnées. Une adresse sur le domaine d\u2019un entrepreneur individuel ou d\u2019une société de personnes relève de l\u2019opt-in',
      en: 'corporate subscriber (companies, LLPs, public bodies): no consent needed; identify the sender and give contact details. An address at a sole trader\u2019s or partnership\u2019s own domain falls under opt-in',
    },
    source: SOURCES.pecr22,
  },
  // ---------------------------------------------------------------- United States
  {
    id: 'US-email',
    jurisdiction: 'US',
    channels: ['email'],
    audiences: PERSON_AUDIENCES,
    regime: 'opt-out',
    conditions: {
      fr: 'pas d\u2019exception B2B : en-têtes exacts, objet non trompeur, message identifié comme publicité, adresse postale physique valide, désinscription honorée sous 10 jours ouvrés',
      en: 'no exception for business-to-business email: accurate headers, non-deceptive subject, identified as an ad, a valid physical postal address, opt-out honoured within 10 business days',
    },
    source: SOURCES.canSpam,
  },
  // ---------------------------------------------------------------- Switzerland
  {
    id: 'CH-email',
    jurisdiction: 'CH',
    channels: ['email'],
    audiences: PERSON_AUDIENCES,
    regime: 'opt-in',
    from: '2007-04-01',
    conditions: {
      fr: 'publicité de masse par télécommunication : consentement préalable, B2B compris ; indiquer correctement l\u2019expéditeur et offrir un moyen simple et gratuit de refuser les envois ; exception : un client dont les coordonnées ont été obtenues lors d\u2019une vente, averti de son droit de refuser, pour des produits propres analogues. Un message écrit pour une seule personne peut sortir de la « publicité de masse » : non confirmé',
      en: 'mass advertising by telecommunication: prior consent, B2B included; name the sender correctly and offer a simple, free way to refuse further messages; exception: a customer whose details were obtained in a sale, told of the right to refuse, for the seller\u2019s own similar products. A message written for one person may fall outside "mass advertising": not confirmed',
    },
    source: SOURCES.chLcd,
  },
  // ---------------------------------------------------------------- Luxembourg
  {
    id: 'LU-email-private',
    jurisdiction: 'LU',
    channels: ['email'],
    audiences: ['private'],
    regime: 'opt-in',
    conditions: {
      fr: 'consentement préalable de l\u2019abonné ; exception : client existant (vente ou service) sollicité pour des produits ou services analogues, informé de son droit de s\u2019opposer à la collecte et dans chaque message',
      en: 'prior consent of the subscriber; exception: an existing customer (sale or service) offered similar products or services, told of the right to object at collection and in every message',
    },
    source: SOURCES.luArt11,
  },
  {
    id: 'LU-email-business',
    jurisdiction: 'LU',
    channels: ['email'],
    audiences: ['professional', 'organization'],
    regime: 'opt-in',
    conditions: {
      fr: 'l\u2019abonné protégé par l\u2019art. 11 est aussi une personne morale : consentement préalable en B2B également (notre lecture) ; même exception pour les clients existants',
      en: 'the subscriber art. 11 protects may be a legal person: prior consent for B2B too (our reading); same exception for existing customers',
    },
    source: SOURCES.luArt11Business,
  },
  // ---------------------------------------------------------------- Italy
  {
    id: 'IT-email-private',
    jurisdiction: 'IT',
    channels: ['email'],
    audiences: ['private'],
    regime: 'opt-in',
    conditions: {
      fr: 'consentement préalable (e-mail, SMS, MMS, fax, automates d\u2019appel) ; exception (« soft spam ») : adresse fournie par le client lors d\u2019une vente, pour des produits ou services analogues, avec possibilité de s\u2019opposer à la collecte et dans chaque message ; expéditeur jamais masqué',
      en: 'prior consent (email, SMS, MMS, fax, automated calls); exception ("soft spam"): an address the customer gave in a sale, for similar products or services, with a way to object at collection and in every message; the sender never hidden',
    },
    source: SOURCES.it130,
  },
  {
    id: 'IT-email-business',
    jurisdiction: 'IT',
    channels: ['email'],
    audiences: ['professional', 'organization'],
    regime: 'opt-in',
    conditions: {
      fr: 'le consentement requis est celui du « contraente o utente » : entreprises comprises, pas d\u2019exception B2B ; même exception pour les clients existants',
      en: 'the consent required is the "contraente o utente"\u2019s: companies included, no B2B exception; same exception for existing customers',
    },
    source: SOURCES.it130Business,
  },
  // ---------------------------------------------------------------- Netherlands
  {
    id: 'NL-email-private',
    jurisdiction: 'NL',
    channels: ['email'],
    audiences: ['private'],
    regime: 'opt-in',
    conditions: {
      fr: 'consentement préalable, que l\u2019expéditeur doit pouvoir prouver ; exception : client existant, pour des produits ou services analogues, avec possibilité de s\u2019opposer à la collecte et dans chaque message ; identité de l\u2019expéditeur et adresse de désinscription valide',
      en: 'prior consent, which the sender must be able to prove; exception: an existing customer, for similar products or services, with a way to object at collection and in every message; the sender\u2019s identity and a valid unsubscribe address',
    },
    source: SOURCES.nl117,
  },
  {
    id: 'NL-email-business',
    jurisdiction: 'NL',
    channels: ['email'],
    audiences: ['professional', 'organization'],
    regime: 'opt-in',
    from: '2009-10-01',
    conditions: {
      fr: 'depuis le 01/10/2009, l\u2019interdiction vaut aussi pour les personnes morales : consentement préalable en B2B ; même exception pour les clients existants',
      en: 'since 2009-10-01 the ban covers legal persons too: prior consent for B2B; same exception for existing customers',
    },
    source: SOURCES.nl117Business,
  },
  {
    id: 'NL-email-business-before-2009',
    jurisdiction: 'NL',
    channels: ['email'],
    audiences: ['professional', 'organization'],
    regime: 'opt-out',
    until: '2009-09-30',
    conditions: {
      fr: 'jusqu\u2019au 30/09/2009, seules les personnes physiques étaient protégées : envoi à une entreprise possible sauf opposition',
      en: 'until 2009-09-30 only natural persons were protected: mail to a business allowed unless it objected',
    },
    source: SOURCES.nl117Before2009,
  },
  // ---------------------------------------------------------------- Austria
  {
    id: 'AT-email-private',
    jurisdiction: 'AT',
    channels: ['email'],
    audiences: ['private'],
    regime: 'opt-in',
    conditions: {
      fr: 'consentement préalable ; exception : coordonnées obtenues lors d\u2019une vente à un client, pour des produits propres analogues, avec refus possible à la collecte et dans chaque message, et le destinataire n\u2019est pas inscrit sur la liste ECG ; expéditeur jamais masqué',
      en: 'prior consent; exception: details obtained in a sale to a customer, for the seller\u2019s own similar products, with a way to refuse at collection and in every message, and the recipient not on the ECG list; the sender never hidden',
    },
    source: SOURCES.at174,
  },
  {
    id: 'AT-email-business',
    jurisdiction: 'AT',
    channels: ['email'],
    audiences: ['professional', 'organization'],
    regime: 'opt-in',
    from: '2006-03-01',
    conditions: {
      fr: 'depuis le 01/03/2006, aucune différence entre entreprise et particulier : consentement préalable en B2B ; même exception pour les clients existants',
      en: 'since 2006-03-01 businesses and individuals are treated alike: prior consent for B2B; same exception for existing customers',
    },
    source: SOURCES.at174,
  },
  {
    id: 'AT-email-business-before-2006',
    jurisdiction: 'AT',
    channels: ['email'],
    audiences: ['professional', 'organization'],
    regime: 'opt-out',
    until: '2006-02-28',
    conditions: {
      fr: 'jusqu\u2019au 28/02/2006 : envoi à une entreprise possible si elle peut refuser à chaque envoi et n\u2019est pas inscrite sur la liste ECG',
      en: 'until 2006-02-28: mail to a business allowed if it could refuse in every message and was not on the ECG list',
    },
    source: SOURCES.at107Before2006,
  },
  // ---------------------------------------------------------------- Portugal
  {
    id: 'PT-email-private',
    jurisdiction: 'PT',
    channels: ['email'],
    audiences: ['private'],
    regime: 'opt-in',
    conditions: {
      fr: 'consentement préalable exprès de l\u2019abonné personne physique ou de l\u2019utilisateur ; exception : client dont les coordonnées ont été obtenues lors d\u2019une vente, pour des produits ou services analogues, avec refus gratuit et facile à la collecte et dans chaque message',
      en: 'prior express consent of the natural-person subscriber or of the user; exception: a customer whose details were obtained in a sale, for similar products or services, with a free, easy refusal at collection and in every message',
    },
    source: SOURCES.pt13A,
  },
  {
    id: 'PT-email-organization',
    jurisdiction: 'PT',
    channels: ['email'],
    audiences: ['organization'],
    regime: 'opt-out',
    conditions: {
      fr: 'abonné personne morale : envoi possible tant qu\u2019elle n\u2019a pas refusé ni ne s\u2019est inscrite sur la liste nationale d\u2019opposition tenue par la DGC (à consulter)',
      en: 'subscriber that is a legal person: allowed until it refuses or registers on the national opposition list kept by the DGC (to be checked)',
    },
    source: SOURCES.pt13ALegalPerson,
  },
  {
    id: 'PT-email-professional',
    jurisdiction: 'PT',
    channels: ['email'],
    audiences: ['professional'],
    regime: 'opt-in',
    conditions: {
      fr: 'adresse nominative : l\u2019abonné est l\u2019entreprise (opposition possible, liste DGC), mais le n.º 1 protège aussi l\u2019« utilisateur », la personne qui se sert de l\u2019adresse ; par prudence, consentement préalable (non confirmé)',
      en: 'nominative address: the subscriber is the company (opt-out, DGC list), but n.º 1 also protects the "user", the person using the address; to be safe, prior consent (not confirmed)',
    },
    source: SOURCES.pt13AUser,
  },
  // ---------------------------------------------------------------- Ireland
  {
    id: 'IE-email-private',
    jurisdiction: 'IE',
    channels: ['email'],
    audiences: ['private'],
    regime: 'opt-in',
    conditions: {
      fr: 'personne physique : consentement préalable ; exception : client existant (vente ou négociation), pour des produits ou services analogues, avec refus possible à la collecte et dans chaque message',
      en: 'natural person: prior consent; exception: an existing customer (sale or negotiation), for similar products or services, with a way to refuse at collection and in every message',
    },
    source: SOURCES.ieReg13,
  },
  {
    id: 'IE-email-business',
    jurisdiction: 'IE',
    channels: ['email'],
    audiences: ['professional', 'organization'],
    regime: 'opt-out',
    conditions: {
      fr: 'adresse qui semble raisonnablement servir surtout à l\u2019activité commerciale ou officielle du destinataire, message portant uniquement sur cette activité, ou abonné personne morale : envoi possible sauf opposition ; identité de l\u2019expéditeur et moyen de refuser',
      en: 'an address that reasonably appears to be used mainly for the recipient\u2019s commercial or official activity, a message solely about that activity, or a subscriber that is not a natural person: allowed unless they object; the sender\u2019s identity and a way to refuse',
    },
    source: SOURCES.ieReg13Business,
  },
  // ---------------------------------------------------------------- Canada
  {
    id: 'CA-email',
    jurisdiction: 'CA',
    channels: ['email'],
    audiences: PERSON_AUDIENCES,
    regime: 'opt-in',
    from: '2014-07-01',
    conditions: {
      fr: 'message électronique commercial : consentement, B2B compris — exprès, ou tacite : relation d\u2019affaires en cours (achat ou contrat dans les 2 ans, demande dans les 6 mois), relation privée en cours, adresse publiée bien en vue sans mention refusant les messages et message lié à la fonction du destinataire, adresse communiquée à l\u2019expéditeur sans refus et message lié à sa fonction ; exemptions : messages internes à une organisation ou entre organisations en relation, sur leurs activités. Chaque message identifie l\u2019expéditeur, donne ses coordonnées et un moyen de se désabonner honoré sous 10 jours ouvrables',
      en: 'commercial electronic message: consent, B2B included — express, or implied: an existing business relationship (purchase or contract within 2 years, inquiry within 6 months), an existing non-business relationship, an address conspicuously published without a statement refusing messages and a message relevant to the recipient\u2019s role, an address disclosed to the sender without refusal and a message relevant to that role; exemptions: messages within an organisation or between organisations with a relationship, about their activities. Every message identifies the sender, gives contact details and an unsubscribe mechanism honoured within 10 business days',
    },
    source: SOURCES.casl,
  },
  // ---------------------------------------------------------------- other EU / EEA countries
  {
    id: 'EU-email-private',
    jurisdiction: 'EU',
    channels: ['email'],
    audiences: ['private'],
    regime: 'opt-in',
    conditions: {
      fr: 'socle de la directive « vie privée et communications électroniques » : consentement préalable des personnes physiques ; exception : client existant, pour des produits ou services analogues, avec opposition possible à la collecte et dans chaque message ; expéditeur jamais masqué, adresse valide pour s\u2019opposer',
      en: 'baseline of the ePrivacy directive: prior consent of natural persons; exception: an existing customer, for similar products or services, with a way to object at collection and in every message; the sender never hidden, a valid address to object',
    },
    source: SOURCES.ePrivacy13,
  },
  {
    id: 'EU-email-business',
    jurisdiction: 'EU',
    channels: ['email'],
    audiences: ['professional', 'organization'],
    regime: 'opt-in',
    conditions: {
      fr: 'personnes morales : chaque État membre choisit (consentement ou opposition), non confirmé pour ce pays ; par prudence, le consentement préalable est appliqué',
      en: 'legal persons: each member state chooses (consent or objection), not confirmed for this country; to be safe, prior consent is applied',
    },
    source: SOURCES.ePrivacy13LegalPersons,
  },
];

/** Where the "a direct message is electronic mail" reading comes from, per jurisdiction. */
const EU_MEMBERS: ReadonlySet<string> = new Set(['DE', 'BE', 'ES', 'IT', 'NL', 'AT', 'PT', 'IE', 'LU', 'EU']);

function linkedinBasis(j: RegimeRule['jurisdiction']): { fr: string; en: string; source: Source } {
  if (j === 'FR') {
    return {
      fr: 'LCEN art. 1 et CJUE C-102/20 : lecture large du courrier électronique',
      en: 'LCEN art. 1 and CJEU C-102/20: broad reading of electronic mail',
      source: SOURCES.linkedin,
    };
  }
  if (EU_MEMBERS.has(j)) {
    return { fr: 'CJUE C-102/20 : lecture large du courrier électronique', en: 'CJEU C-102/20: broad reading of electronic mail', source: SOURCES.linkedinEu };
  }
  return { fr: 'notre lecture', en: 'our reading', source: SOURCES.linkedinOther };
}

/** LinkedIn and other social-network direct messages: the email row, marked not confirmed. */
function linkedinRows(rows: readonly RegimeRule[]): RegimeRule[] {
  const out: RegimeRule[] = [];
  for (const r of rows) {
    if (!r.channels.includes('email') || r.topic !== undefined) continue;
    const basis = linkedinBasis(r.jurisdiction);
    out.push({
      ...r,
      id: `${r.id}-linkedin`,
      channels: ['linkedin'],
      conditions: {
        fr: `message LinkedIn / réseau social traité comme un e-mail (${basis.fr}) : ${r.conditions.fr}`,
        en: `LinkedIn / social-network message treated as email (${basis.en}): ${r.conditions.en}`,
      },
      source: linkedinSource(r.source, basis.source),
    });
  }
  return out;
}

/** A LinkedIn row's source: the email row's, then the basis for reading a direct message as email; not confirmed. */
function linkedinSource(email: Source, basis: Source): Source {
  const both = (a: Localizable, b: Localizable): Localizable =>
    typeof a === 'string' && typeof b === 'string' ? `${a}; ${b}` : { fr: `${inLang(a, 'fr')}; ${inLang(b, 'fr')}`, en: `${inLang(a, 'en')}; ${inLang(b, 'en')}` };
  const notes = [email.note, basis.note].filter((n): n is Localized => n !== undefined);
  const fr = shortCitation(email, 'fr');
  const en = shortCitation(email, 'en');
  const source: Source = { ref: both(email.ref, basis.ref), short: email.short ?? (fr === en ? fr : { fr, en }), confidence: 'NC' };
  if (notes.length > 0) source.note = { fr: notes.map((n) => n.fr).join(' ; '), en: notes.map((n) => n.en).join('; ') };
  return source;
}

/** Every jurisdiction: mail to one's own domains is not prospecting. */
export const INTERNAL_RULE: RegimeRule = {
  id: 'internal',
  jurisdiction: '*',
  channels: ALL_CHANNELS,
  audiences: ['internal'],
  regime: 'internal',
  conditions: {
    fr: 'correspondance interne : les règles de prospection ne s\u2019appliquent pas',
    en: 'internal correspondence: prospecting rules do not apply',
  },
  source: SOURCES.internal,
};

/** Used when the reference has no row for a channel / country / audience: the strict side. */
export const FALLBACK_RULE: RegimeRule = {
  id: 'fallback-strict',
  jurisdiction: '*',
  channels: ALL_CHANNELS,
  audiences: PERSON_AUDIENCES,
  regime: 'opt-in',
  conditions: {
    fr: 'aucune règle de notre référence pour ce canal dans ce pays : le régime le plus strict (consentement préalable) est appliqué par prudence',
    en: 'no rule in our reference for this channel in this country: the strictest regime (prior consent) is applied to be safe',
  },
  source: SOURCES.noRule,
};

/** All the rows, in lookup priority order for equal keys (topic rows are tried first anyway). */
export const RULES: readonly RegimeRule[] = Object.freeze([
  ...EMAIL_RULES,
  ...linkedinRows(EMAIL_RULES),
  INTERNAL_RULE,
  FALLBACK_RULE,
]);

// ---------------------------------------------------------------------------------------------
// Reasons for rules

const REGIME_LABEL: Record<Regime, Record<Lang, string>> = {
  'opt-in': { fr: 'Consentement préalable requis (opt-in)', en: 'Prior consent required (opt-in)' },
  'opt-out': { fr: 'Envoi possible sauf opposition (opt-out)', en: 'Allowed unless the person objects (opt-out)' },
  banned: { fr: 'Prospection interdite', en: 'Canvassing banned' },
  internal: { fr: 'Pas de la prospection', en: 'Not prospecting' },
};

function ruleReasonOf(rule: RegimeRule): Reason {
  const jfr = rule.jurisdiction === '*' ? '' : jurisdictionInfo(rule.jurisdiction).name.fr;
  const jen = rule.jurisdiction === '*' ? '' : jurisdictionInfo(rule.jurisdiction).name.en;
  return makeReason(
    `regime:${rule.id}`,
    `${REGIME_LABEL[rule.regime].fr}${jfr ? ` \u2014 ${jfr}` : ''} : ${rule.conditions.fr}.`,
    `${REGIME_LABEL[rule.regime].en}${jen ? ` \u2014 ${jen}` : ''}: ${rule.conditions.en}.`,
    rule.source,
  );
}

const RULE_REASONS = new Map<RegimeRule, Reason>(RULES.map((r) => [r, ruleReasonOf(r)]));

/** The reason (id "regime:<rule id>") that explains a rule, citing its source. */
export function ruleReason(rule: RegimeRule): Reason {
  return RULE_REASONS.get(rule) ?? ruleReasonOf(rule);
}

// ---------------------------------------------------------------------------------------------
// Lookup

type Table = Record<string, Record<string, Record<string, RegimeRule[]>>>;

const TABLE: Table = (() => {
  const t: Table = {};
  for (const j of JURISDICTIONS) {
    t[j] = {};
    for (const c of ALL_CHANNELS) {
      t[j]![c] = { private: [], professional: [], organization: [] };
    }
  }
  for (const r of RULES) {
    if (r.jurisdiction === '*') continue;
    for (const c of r.channels) for (const a of r.audiences) t[r.jurisdiction]![c]![a]!.push(r);
  }
  // topic rows first
  for (const j of JURISDICTIONS)
    for (const c of ALL_CHANNELS)
      for (const a of PERSON_AUDIENCES) t[j]![c]![a]!.sort((x, y) => (y.topic ? 1 : 0) - (x.topic ? 1 : 0));
  return t;
})();

export interface RegimeLookup {
  regime: Regime | null;
  rule: RegimeRule | null;
}

const STRICTNESS: Record<Regime, number> = { banned: 3, 'opt-in': 2, 'opt-out': 1, internal: 0 };

function lookupRow(
  rows: readonly RegimeRule[] | undefined,
  date: string,
  topic: Topic | undefined,
): RegimeRule {
  if (rows !== undefined) {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (r.topic !== undefined && r.topic !== topic) continue;
      if (r.from !== undefined && date < r.from) continue;
      if (r.until !== undefined && date > r.until) continue;
      return r;
    }
  }
  return FALLBACK_RULE;
}

/**
 * The regime for a recipient audience reached by a channel in a jurisdiction on a date (YYYY-MM-DD).
 * internal → 'internal'; invalid → null; unknown → the strictest of the private, professional and
 * organisation regimes (we cannot tell which one applies). Unknown jurisdictions are read as FR,
 * unknown channels as email.
 */
export function regimeFor(
  jurisdiction: Jurisdiction,
  channel: Channel,
  audience: Audience,
  date: string,
  topic?: Topic,
): RegimeLookup {
  const rule = ruleFor(jurisdiction, channel, audience, date, topic);
  return { regime: rule === null ? null : rule.regime, rule };
}

/** Same lookup, returning only the rule (its `regime` is the answer); null for invalid audiences. */
export function ruleFor(
  jurisdiction: Jurisdiction,
  channel: Channel,
  audience: Audience,
  date: string,
  topic?: Topic,
): RegimeRule | null {
  if (audience === 'internal') return INTERNAL_RULE;
  if (audience !== 'private' && audience !== 'professional' && audience !== 'organization' && audience !== 'unknown') {
    return null;
  }
  const byJurisdiction = TABLE[jurisdiction] ?? TABLE[normalizeJurisdiction(jurisdiction) ?? 'FR']!;
  const byChannel = byJurisdiction[channel] ?? byJurisdiction.email!;
  if (audience === 'unknown') {
    let best: RegimeRule | null = null;
    for (const a of PERSON_AUDIENCES) {
      const r = lookupRow(byChannel[a], date, topic);
      if (best === null || STRICTNESS[r.regime] > STRICTNESS[best.regime]) best = r;
    }
    return best;
  }
  return lookupRow(byChannel[audience], date, topic);
}

/** Regimes ranked from strictest: banned > opt-in > opt-out > internal. */
export function regimeStrictness(r: Regime): number {
  return STRICTNESS[r];
}
