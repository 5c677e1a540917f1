/**
 * The words of `prospect-guard check-message`, French and English. Reason texts come from the rules
 * engine (each reason carries `fr` and `en`).
 */
import type { Lang } from './i18n';

export const CHECK_MESSAGE_USAGE: Record<Lang, string> = {
  en: `Usage: prospect-guard check-message [FILE|-] --audience AUDIENCE [options]

Read a message (the text of an email or a LinkedIn message) and tell whether it
is prospecting, which elements of the B2B introduction it carries and where, which
are missing, and whether French law bans it towards a private individual.

FILE is a text file (UTF-8, UTF-16 with BOM or Windows-1252). Without FILE, or
with -, the message is read from standard input.

Options:
  --audience A            the recipient: private, professional or organization
                          (required)
  --subject S             the subject line (a reply or forward prefix counts)
  --topic T               the activity you declared: energy-renovation or
                          home-adaptation (banned towards consumers)
  --already-contacted     this address already received a prospecting message
                          from you: not a first contact
  --format text|json      output format (default: text)
  --lang fr|en            language of the output
                          (default: from LANG, French unless it starts with en)
  -h, --help              show this help

Output (json): { prospecting, firstContact, present, missing, banned, where,
cues, topics, thread, reasons }; offsets are indices (UTF-16 code units) in
the decoded text.
Exit status: 0 done, 2 usage error or unreadable input.

Examples:
  prospect-guard check-message draft.txt --audience professional
  pbpaste | prospect-guard check-message - --audience private --subject "RE: devis" --format json
`,
  fr: `Usage : prospect-guard check-message [FICHIER|-] --audience AUDIENCE [options]

Lit un message (le texte d'un e-mail ou d'un message LinkedIn) et indique s'il
s'agit de prospection, quels éléments de la présentation B2B il contient et où,
lesquels manquent, et si le droit français l'interdit envers un particulier.

FICHIER est un fichier texte (UTF-8, UTF-16 avec BOM ou Windows-1252). Sans
FICHIER, ou avec -, le message est lu sur l'entrée standard.

Options :
  --audience A            le destinataire : private (particulier), professional
                          (professionnel) ou organization (adresse générique
                          d'une organisation) (obligatoire)
  --subject S             l'objet du message (un préfixe de réponse ou de
                          transfert compte)
  --topic T               l'activité déclarée : energy-renovation (rénovation
                          énergétique) ou home-adaptation (adaptation du
                          logement) — interdit envers les consommateurs
  --already-contacted     cette adresse a déjà reçu un message de prospection
                          de votre part : ce n'est pas un premier contact
  --format text|json      format de sortie (défaut : text)
  --lang fr|en            langue de la sortie
                          (défaut : selon LANG, français sauf s'il commence par en)
  -h, --help              affiche cette aide

Sortie (json) : { prospecting, firstContact, present, missing, banned, where,
cues, topics, thread, reasons } ; les positions sont des indices de caractères
dans le message.
Code de sortie : 0 terminé, 2 erreur d'utilisation ou entrée illisible.

Exemples :
  prospect-guard check-message brouillon.txt --audience professional
  cat message.txt | prospect-guard check-message - --audience private --subject "RE: devis" --format json
`,
};

type Msg = (...a: string[]) => string;

export interface CheckMessageWords {
  missingAudience: string;
  badAudience: Msg;
  badFormat: Msg;
  badTopic: Msg;
  empty: Msg;
  binary: Msg;
  tooLarge: Msg;
  yes: string;
  no: string;
  none: string;
  prospecting: string;
  firstContact: string;
  followUp: string;
  present: string;
  missing: string;
  banned: string;
  reasons: string;
  chars: Msg;
  thread: Record<'reply' | 'forward' | 'own-thread', string>;
  elements: Record<'activity' | 'contact-source' | 'future-offers' | 'unsubscribe', string>;
  topics: Record<'energy-renovation' | 'home-adaptation', string>;
}

export const CHECK_MESSAGE_WORDS: Record<Lang, CheckMessageWords> = {
  en: {
    missingAudience: 'missing --audience (private, professional or organization)',
    badAudience: (v) => `unknown audience "${v}" (expected private, professional or organization)`,
    badFormat: (v) => `unknown format "${v}" (expected text or json)`,
    badTopic: (v) => `unknown topic "${v}" (expected energy-renovation or home-adaptation)`,
    empty: (f) => `${f} is empty: no message to check`,
    binary: (f) => `${f} is not a text file (binary data): give the message as text`,
    tooLarge: (f, max) => `${f} is too large for one message (more than ${max})`,
    yes: 'yes',
    no: 'no',
    none: 'none',
    prospecting: 'Prospecting',
    firstContact: 'first contact',
    followUp: 'not a first contact',
    present: 'Elements present',
    missing: 'Elements missing',
    banned: 'Canvassing banned',
    reasons: 'Reasons',
    chars: (a, b) => `characters ${a}–${b}`,
    thread: { reply: 'a reply', forward: 'a forward', 'own-thread': 'follow-up of your own message' },
    elements: { activity: 'your business', 'contact-source': 'contact source', 'future-offers': 'future offers unless they object', unsubscribe: 'unsubscribe' },
    topics: { 'energy-renovation': 'energy renovation', 'home-adaptation': 'home adaptation' },
  },
  fr: {
    missingAudience: 'il manque --audience (private, professional ou organization)',
    badAudience: (v) => `audience inconnue « ${v} » (attendu : private, professional ou organization)`,
    badFormat: (v) => `format inconnu « ${v} » (attendu : text ou json)`,
    badTopic: (v) => `sujet inconnu « ${v} » (attendu : energy-renovation ou home-adaptation)`,
    empty: (f) => `${f} est vide : aucun message à vérifier`,
    binary: (f) => `${f} n'est pas un fichier texte (données binaires) : donnez le message sous forme de texte`,
    tooLarge: (f, max) => `${f} est trop volumineux pour un message (plus de ${max})`,
    yes: 'oui',
    no: 'non',
    none: 'aucun',
    prospecting: 'Prospection',
    firstContact: 'premier contact',
    followUp: 'pas un premier contact',
    present: 'Éléments présents',
    missing: 'Éléments manquants',
    banned: 'Démarchage interdit',
    reasons: 'Motifs',
    chars: (a, b) => `caractères ${a}–${b}`,
    thread: { reply: 'une réponse', forward: 'un transfert', 'own-thread': 'suite de votre propre message' },
    elements: { activity: 'votre activité', 'contact-source': 'source du contact', 'future-offers': 'offres futures sauf opposition', unsubscribe: 'désinscription' },
    topics: { 'energy-renovation': 'rénovation énergétique', 'home-adaptation': 'adaptation du logement' },
  },
};
