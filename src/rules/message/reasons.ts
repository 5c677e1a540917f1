/**
 * The message analysis's reasons, French and English, with the legal source of each rule it
 * applies. Built with the engine's makeReason (the text ends with its citation).
 */
import type { IntroElement } from '../intro.js';
import { makeReason, SOURCES } from '../reasons.js';
import type { Reason, Source, Topic } from '../types.js';

export const MESSAGE_SOURCES = {
  /** The way to object, in every prospecting email. */
  unsubscribe: SOURCES.cpceL34_5,
  /** The sender identifiable, the message recognisable as advertising; the seed document's "your activity". */
  activity: { ref: { fr: 'LCEN art. 20 ; doctrine B2B de la CNIL', en: 'LCEN art. 20; CNIL B2B doctrine' }, confidence: 'S' },
  /** The source of data not collected from the person, no later than the first message. */
  contactSource: { ref: { fr: 'RGPD art. 14(2)(f), 14(3)(b)', en: 'GDPR art. 14(2)(f), 14(3)(b)' }, confidence: 'P' },
  /** Told that offers may follow and able to object; the right to object shown at the first message. */
  futureOffers: { ref: { fr: 'doctrine B2B de la CNIL ; RGPD art. 21(4)', en: 'CNIL B2B doctrine; GDPR art. 21(4)' }, confidence: 'S' },
  consent: SOURCES.cpceL34_5,
  ban: SOURCES.consoBan,
} as const satisfies Record<string, Source>;

export const ELEMENT_TEXT: Readonly<Record<IntroElement, { fr: string; en: string; source: Source }>> = /*#__PURE__*/ (() => ({
  activity: {
    fr: 'présentez votre activité (qui vous êtes, ce que fait votre société) : le destinataire doit savoir pour qui le message est envoyé',
    en: 'present your business (who you are, what your company does): the recipient must know who the message is sent for',
    source: MESSAGE_SOURCES.activity,
  },
  'contact-source': {
    fr: 'dites où vous avez trouvé ses coordonnées (annuaire, salon, LinkedIn, recommandation…) : dû au plus tard au premier message quand elles n\u2019ont pas été recueillies auprès de la personne',
    en: 'say where you found their details (a directory, a trade show, LinkedIn, a referral…): due no later than the first message when they were not collected from the person',
    source: MESSAGE_SOURCES.contactSource,
  },
  'future-offers': {
    fr: 'indiquez que vous pourrez lui adresser d\u2019autres offres, sauf s\u2019il s\u2019y oppose',
    en: 'say that you may send other offers, unless they object',
    source: MESSAGE_SOURCES.futureOffers,
  },
  unsubscribe: {
    fr: 'donnez un moyen gratuit de s\u2019opposer : un lien de désinscription, une adresse, ou « répondez STOP »',
    en: 'give a free way to object: an unsubscribe link, an address, or "reply STOP"',
    source: MESSAGE_SOURCES.unsubscribe,
  },
}))();

export const ELEMENT_NAMES: Readonly<Record<IntroElement, { fr: string; en: string }>> = {
  activity: { fr: 'votre activité', en: 'your business' },
  'contact-source': { fr: 'la source du contact', en: 'where the contact came from' },
  'future-offers': { fr: 'les offres futures sauf opposition', en: 'future offers unless they object' },
  unsubscribe: { fr: 'le lien de désinscription', en: 'the unsubscribe link' },
};

export const TOPIC_NAMES: Readonly<Record<Topic, { fr: string; en: string }>> = {
  'energy-renovation': { fr: 'la rénovation énergétique', en: 'energy renovation' },
  'home-adaptation': { fr: 'l\u2019adaptation du logement au vieillissement ou au handicap', en: 'adapting a home to old age or disability' },
};

/** "« je me permets de vous contacter »" / "“I am reaching out”": a quoted excerpt, one line, capped. */
export function quote(text: string, lang: 'fr' | 'en'): string {
  let t = text.replace(/\s+/g, ' ').trim();
  if (t.length > 60) t = `${t.slice(0, 57).trimEnd()}…`;
  return lang === 'fr' ? `« ${t} »` : `\u201c${t}\u201d`;
}

export function missingElementReason(e: IntroElement): Reason {
  const t = ELEMENT_TEXT[e];
  return makeReason(
    'message-element-missing',
    `Il manque ${ELEMENT_NAMES[e].fr} : ${t.fr}.`,
    `Missing ${ELEMENT_NAMES[e].en}: ${t.en}.`,
    t.source,
    e,
  );
}

export const UNSUBSCRIBE_WITHOUT_MEANS = (excerpt: string): Reason =>
  makeReason(
    'message-unsubscribe-without-means',
    `La désinscription est mentionnée (${quote(excerpt, 'fr')}) mais sans lien, adresse ni « répondez STOP » à côté : ajoutez le moyen lui-même.`,
    `Unsubscribing is mentioned (${quote(excerpt, 'en')}) but with no link, address or "reply STOP" next to it: add the means itself.`,
    MESSAGE_SOURCES.unsubscribe,
    'unsubscribe',
  );

export const FIRST_CONTACT_REASONS = {
  'first-contact': /*#__PURE__*/ makeReason(
    'message-first-contact',
    'Premier message de prospection à cette adresse (absente de votre historique local) : la présentation B2B complète est due.',
    'First prospecting message to this address (not in your local history): the full B2B introduction is due.',
  ),
  'already-contacted': /*#__PURE__*/ makeReason(
    'message-already-contacted',
    'Cette adresse a déjà reçu un message de prospection de votre part (historique local) : ce n\u2019est pas un premier contact ; le moyen de s\u2019opposer reste dû à chaque message.',
    'This address already received a prospecting message from you (local history): not a first contact; the way to object is still due in every message.',
    MESSAGE_SOURCES.unsubscribe,
  ),
  'history-unknown': /*#__PURE__*/ makeReason(
    'message-history-unknown',
    'Historique des contacts non consulté : le message est traité comme un premier contact.',
    'Contact history not consulted: the message is treated as a first contact.',
  ),
} as const;

export const CONSENT_REQUIRED = /*#__PURE__*/ makeReason(
  'message-consent-required',
  'Prospection par message électronique vers un particulier : son accord préalable est nécessaire (« si je n\u2019ai pas dit oui, c\u2019est non ») ; le moyen de s\u2019opposer reste dû dans chaque message.',
  'Electronic prospecting to a private individual: their prior consent is required ("without a yes, it is a no"); the way to object is still due in every message.',
  MESSAGE_SOURCES.consent,
);

export function banReason(topic: Topic, fromText: string[], declared: boolean): Reason {
  const n = TOPIC_NAMES[topic];
  const seenFr: string[] = [];
  const seenEn: string[] = [];
  if (fromText.length) {
    seenFr.push(`le message parle de ${fromText.map((t) => quote(t, 'fr')).join(', ')}`);
    seenEn.push(`the message mentions ${fromText.map((t) => quote(t, 'en')).join(', ')}`);
  }
  if (declared) {
    seenFr.push('c\u2019est l\u2019activité déclarée dans vos réglages');
    seenEn.push('it is the activity declared in your settings');
  }
  return makeReason(
    `banned-${topic}`,
    `Démarchage interdit : prospecter un particulier au sujet de ${n.fr} est interdit par téléphone, SMS, e-mail et réseaux sociaux, sauf contrat en cours (${seenFr.join(' ; ')}).`,
    `Canvassing banned: prospecting a private individual about ${n.en} is banned by phone, SMS, email and social networks, except under a contract in progress (${seenEn.join('; ')}).`,
    MESSAGE_SOURCES.ban,
    declared && fromText.length ? 'text+topic' : declared ? 'topic' : 'text',
  );
}
