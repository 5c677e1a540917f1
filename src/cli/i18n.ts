/**
 * CLI messages in French and English. Reason texts come from the rules engine
 * (each reason carries `fr` and `en`); this file only holds the CLI's own words.
 */
import { JURISDICTION_INPUTS } from '../rules/jurisdictions';
import type { Audience, Regime } from '../rules/types';

/** "FR, DE, … or US" from the rules' jurisdiction table. */
function jurisdictionList(or: string): string {
  return `${JURISDICTION_INPUTS.slice(0, -1).join(', ')} ${or} ${JURISDICTION_INPUTS[JURISDICTION_INPUTS.length - 1]}`;
}

export type Lang = 'fr' | 'en';

/**
 * Default language from the environment: English when the locale starts with "en", else French.
 * The locale is LANG, unless LC_ALL or LC_MESSAGES names a real language (C and POSIX do not).
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const named = (v: string | undefined) => (v && !/^(C|POSIX)([._@]|$)/.test(v) ? v : undefined);
  const v = named(env.LC_ALL) ?? named(env.LC_MESSAGES) ?? env.LANG ?? '';
  return /^en/i.test(v) ? 'en' : 'fr';
}

export const USAGE: Record<Lang, string> = {
  en: `Usage: prospect-guard audit [FILE|-] [options]

Audit a prospect list: for each address, tell whether e-mail prospecting is
opt-in, opt-out, internal or banned under French law (and DE, BE, ES, GB, US).

FILE is a CSV (delimiter ; , or tab detected; the address column is found by
its header: email, e-mail, courriel, adresse mail…, else the column holding
addresses, else the first one) or a plain list, one address per line.
Without FILE, or with -, the list is read from standard input.
Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

Options:
  --format table|csv|json  output format (default: table)
  --own-domain DOMAIN      one of your own domains: its addresses are internal
                           (repeatable; comma-separated values accepted)
  --jurisdiction CC        default jurisdiction when the recipient's domain
                           names none: FR DE BE ES GB UK US (default: FR)
  --channel CHANNEL        email sms mms automated-call fax phone postal
                           linkedin (default: email)
  --date YYYY-MM-DD        date the messages would be sent (default: today)
  --topic TOPIC            subject the law singles out: energy-renovation or
                           home-adaptation (banned towards consumers)
  --lang fr|en             language of messages and reasons
                           (default: from LANG, French unless it starts with en)
  -h, --help               show this help
  -V, --version            show the version

Exit status: 0 done, 2 usage error or unreadable input.

Examples:
  prospect-guard audit prospects.csv --own-domain mycompany.fr
  prospect-guard audit prospects.csv --format csv > verdicts.csv
  cat list.txt | prospect-guard audit - --format json
`,
  fr: `Usage : prospect-guard audit [FICHIER|-] [options]

Audite une liste de prospects : pour chaque adresse, indique si la prospection
par e-mail relève de l'opt-in, de l'opt-out, de l'interne ou est interdite en
droit français (et DE, BE, ES, GB, US).

FICHIER est un CSV (séparateur ; , ou tabulation détecté ; la colonne des
adresses est trouvée par son en-tête : email, e-mail, courriel, adresse mail…,
sinon la colonne qui contient des adresses, sinon la première) ou une simple
liste, une adresse par ligne. Sans FICHIER, ou avec -, la liste est lue sur
l'entrée standard.
Encodages : UTF-8 (avec ou sans BOM), UTF-16 avec BOM, sinon Windows-1252.

Options :
  --format table|csv|json  format de sortie (défaut : table)
  --own-domain DOMAINE     un de vos domaines : ses adresses sont internes
                           (répétable ; valeurs séparées par des virgules acceptées)
  --jurisdiction CC        juridiction par défaut quand le domaine du
                           destinataire n'en désigne aucune :
                           FR DE BE ES GB UK US (défaut : FR)
  --channel CANAL          email sms mms automated-call fax phone postal
                           linkedin (défaut : email)
  --date AAAA-MM-JJ        date d'envoi prévue (défaut : aujourd'hui)
  --topic SUJET            sujet visé par la loi : energy-renovation
                           (rénovation énergétique) ou home-adaptation
                           (adaptation du logement) — interdit envers les
                           consommateurs
  --lang fr|en             langue des messages et des motifs
                           (défaut : selon LANG, français sauf s'il commence par en)
  -h, --help               affiche cette aide
  -V, --version            affiche la version

Code de sortie : 0 terminé, 2 erreur d'utilisation ou entrée illisible.

Exemples :
  prospect-guard audit prospects.csv --own-domain monentreprise.fr
  prospect-guard audit prospects.csv --format csv > verdicts.csv
  cat liste.txt | prospect-guard audit - --format json
`,
};

type Msg = (...a: string[]) => string;

export interface Messages {
  unknownOption: Msg;
  missingValue: Msg;
  badFormat: Msg;
  badJurisdiction: Msg;
  badChannel: Msg;
  badDate: Msg;
  badLang: Msg;
  badTopic: Msg;
  badDomain: Msg;
  unknownCommand: Msg;
  missingCommand: Msg;
  extraArgument: Msg;
  noInputTty: Msg;
  cannotRead: Msg;
  unexpectedValue: Msg;
  seeHelp: string;
  stdinName: string;
  noAddress: string;
  total: string;
  byAudience: string;
  byRegime: string;
  none: string;
  colInput: string;
  colAudience: string;
  colRegime: string;
  colJurisdiction: string;
  colFlags: string;
  colReason: string;
  progress: string;
  encodingNote: Msg;
  readErrors: Record<string, string>;
  audience: Record<Audience, string>;
  regime: Record<Regime, string>;
}

export const MESSAGES: Record<Lang, Messages> = {
  en: {
    unknownOption: (o) => `unknown option ${o}`,
    missingValue: (o) => `option ${o} needs a value`,
    badFormat: (v) => `unknown format "${v}" (expected table, csv or json)`,
    badJurisdiction: (v) => `unknown jurisdiction "${v}" (expected ${jurisdictionList('or')})`,
    badChannel: (v) =>
      `unknown channel "${v}" (expected email, sms, mms, automated-call, fax, phone, postal or linkedin)`,
    badDate: (v) => `invalid date "${v}" (expected YYYY-MM-DD)`,
    badLang: (v) => `unknown language "${v}" (expected fr or en)`,
    badTopic: (v) => `unknown topic "${v}" (expected energy-renovation or home-adaptation)`,
    badDomain: (v) => `invalid domain "${v}" for --own-domain`,
    unknownCommand: (v) => `unknown command "${v}" (expected audit)`,
    missingCommand: () => `missing command (expected audit)`,
    extraArgument: (v) => `unexpected argument "${v}" (only one FILE)`,
    noInputTty: () => `no input: give a FILE, or pipe a list into standard input`,
    cannotRead: (f, why) => `cannot read ${f}: ${why}`,
    unexpectedValue: (o) => `option ${o} takes no value`,
    seeHelp: 'see --help',
    stdinName: 'standard input',
    noAddress: 'No address found in the input.',
    total: 'Total',
    byAudience: 'By audience',
    byRegime: 'By regime',
    none: 'none (invalid)',
    colInput: 'address',
    colAudience: 'audience',
    colRegime: 'regime',
    colJurisdiction: 'law',
    colFlags: 'flags',
    colReason: 'main reason',
    progress: 'classifying',
    encodingNote: (e) => `note: input decoded as ${e}`,
    readErrors: {
      ENOENT: 'no such file or directory',
      EISDIR: 'is a directory',
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      ELOOP: 'too many symbolic links',
      ENAMETOOLONG: 'file name too long',
      ENOTDIR: 'a component of the path is not a directory',
      EMFILE: 'too many open files',
      EIO: 'input/output error',
      TOO_LARGE: 'file too large',
    },
    audience: {
      private: 'private',
      professional: 'professional',
      organization: 'organization',
      internal: 'internal',
      unknown: 'unknown',
      invalid: 'invalid',
    },
    regime: {
      'opt-in': 'opt-in',
      'opt-out': 'opt-out',
      internal: 'internal',
      banned: 'banned',
    },
  },
  fr: {
    unknownOption: (o) => `option inconnue ${o}`,
    missingValue: (o) => `l'option ${o} attend une valeur`,
    badFormat: (v) => `format inconnu « ${v} » (attendu : table, csv ou json)`,
    badJurisdiction: (v) => `juridiction inconnue « ${v} » (attendu : ${jurisdictionList('ou')})`,
    badChannel: (v) =>
      `canal inconnu « ${v} » (attendu : email, sms, mms, automated-call, fax, phone, postal ou linkedin)`,
    badDate: (v) => `date invalide « ${v} » (attendu : AAAA-MM-JJ)`,
    badLang: (v) => `langue inconnue « ${v} » (attendu : fr ou en)`,
    badTopic: (v) => `sujet inconnu « ${v} » (attendu : energy-renovation ou home-adaptation)`,
    badDomain: (v) => `domaine invalide « ${v} » pour --own-domain`,
    unknownCommand: (v) => `commande inconnue « ${v} » (attendu : audit)`,
    missingCommand: () => `commande manquante (attendu : audit)`,
    extraArgument: (v) => `argument inattendu « ${v} » (un seul FICHIER)`,
    noInputTty: () => `aucune entrée : donnez un FICHIER ou envoyez une liste sur l'entrée standard`,
    cannotRead: (f, why) => `impossible de lire ${f} : ${why}`,
    unexpectedValue: (o) => `l'option ${o} ne prend pas de valeur`,
    seeHelp: 'voir --help',
    stdinName: "l'entrée standard",
    noAddress: "Aucune adresse trouvée dans l'entrée.",
    total: 'Total',
    byAudience: 'Par type de destinataire',
    byRegime: 'Par régime',
    none: 'aucun (invalide)',
    colInput: 'adresse',
    colAudience: 'destinataire',
    colRegime: 'régime',
    colJurisdiction: 'droit',
    colFlags: 'indices',
    colReason: 'motif principal',
    progress: 'classement',
    encodingNote: (e) => `note : entrée décodée en ${e}`,
    readErrors: {
      ENOENT: 'fichier ou dossier introuvable',
      EISDIR: "c'est un dossier",
      EACCES: 'permission refusée',
      EPERM: 'opération non permise',
      ELOOP: 'trop de liens symboliques',
      ENAMETOOLONG: 'nom de fichier trop long',
      ENOTDIR: "un élément du chemin n'est pas un dossier",
      EMFILE: 'trop de fichiers ouverts',
      EIO: "erreur d'entrée/sortie",
      TOO_LARGE: 'fichier trop volumineux',
    },
    audience: {
      private: 'particulier',
      professional: 'professionnel',
      organization: 'organisation',
      internal: 'interne',
      unknown: 'inconnu',
      invalid: 'invalide',
    },
    regime: {
      'opt-in': 'opt-in',
      'opt-out': 'opt-out',
      internal: 'interne',
      banned: 'interdit',
    },
  },
};
