/**
 * CLI messages in French and English. Reason texts come from the rules engine (each reason carries
 * `fr` and `en`); this file only holds the CLI's own words. French typography in what the table
 * shows: a no-break space before ":" ("Total : 12"), numbers grouped with a narrow no-break space.
 */
import type { Audience, Regime } from '../rules/types';
import type { Refusal } from './source/sniff';

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

const NBSP = '\u00a0';

/** "1 000 000" (fr, narrow no-break spaces) / "1,000,000" (en). */
export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
}

/** "label: value" / "label : value" (no-break space) — the table's labels. */
export function labelled(label: string, value: string, lang: Lang): string {
  return lang === 'fr' ? `${label}${NBSP}: ${value}` : `${label}: ${value}`;
}

/** Words wrapped to `width`, every line after the first indented by `indent` spaces. */
function wrapWords(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return lines.join('\n' + ' '.repeat(indent));
}

/** Help text. `jurisdictions` is the list --jurisdiction accepts (src/cli/args.ts). */
export function usage(lang: Lang, jurisdictions: readonly string[], commands: readonly { name: string; summary: string }[]): string {
  const j = wrapWords(`${jurisdictions.join(' ')} (${lang === 'fr' ? 'défaut' : 'default'} : FR)`.replace(lang === 'fr' ? '' : ' :', lang === 'fr' ? '' : ':'), 51, 27);
  const others = jurisdictions.filter((x) => x !== 'FR' && x !== 'UK');
  const otherCommands = commands.filter((c) => c.name !== 'audit');
  const more = otherCommands.length
    ? (lang === 'fr' ? '\nAutres commandes :\n' : '\nOther commands:\n') +
      otherCommands.map((c) => `  prospect-guard ${c.name}\n      ${wrapWords(c.summary, 72, 6)}\n`).join('')
    : '';
  if (lang === 'en') {
    return `Usage: prospect-guard audit [FILE|-] [options]

Audit a prospect list: for each address, tell whether e-mail prospecting is
opt-in, opt-out, internal or banned under French law and the law of the
recipient's country (${wrapWords(others.join(', ') + ').', 55, 0)}

FILE is a CSV or text export (Google Contacts, Outlook, HubSpot, lemlist,
Waalaxy, LinkedIn …; delimiter ; , tab or | detected; UTF-8, UTF-16 or
Windows-1252), a vCard file (.vcf, 2.1/3.0/4.0) or a spreadsheet (.xlsx,
.ods, .xls). Every address column is read (E-mail 1 - Value, E-mail 2 Address,
Additional email addresses, professionalEmail …) and every address of a cell
("a@x.fr; b@y.fr", "Jean <j@x.fr>, Claire <c@y.fr>", Google's " ::: ").
Without FILE, or with -, the list is read from standard input.

Options:
  --format table|csv|json  output (default: table). csv keeps your columns and
                           adds the verdict, in the file's delimiter and
                           encoding family (French Excel: ; with a BOM)
  --keep LIST              write only the rows that pass, in the input's own
                           format: LIST of private professional organization
                           internal unknown invalid opt-in opt-out banned
  --drop LIST              the same, dropping the rows that match LIST (and
                           suppressed); a row passes when all its addresses do
  --suppression FILE       addresses never to contact (any format above):
                           flagged suppressed, always dropped by --keep/--drop
  --column NAME            read addresses from this column (name, letter or
                           number; repeatable) instead of detecting them
  --sheet NAME             the sheet of a workbook (default: the first)
  -o, --output FILE        write to FILE instead of standard output
  --own-domain DOMAIN      one of your own domains: its addresses are internal
                           (repeatable; comma-separated values accepted)
  --jurisdiction CC        default jurisdiction when the recipient's domain
                           names none:
                           ${j}
  --channel CHANNEL        email sms mms automated-call fax phone postal
                           linkedin (default: email)
  --date YYYY-MM-DD        date the messages would be sent (default: today)
  --topic TOPIC            subject the law singles out: energy-renovation or
                           home-adaptation (banned towards consumers)
  --lang fr|en             language of messages, values and reasons
                           (default: from LANG, French unless it starts with en)
  -h, --help               show this help
  -V, --version            show the version

Exit status: 0 done, 2 usage error or unusable input (one line on stderr).

Examples:
  prospect-guard audit contacts.csv --own-domain mycompany.fr
  prospect-guard audit prospects.xlsx --format csv -o verdicts.csv
  prospect-guard audit export.csv --keep professional,organization \\
      --suppression unsubscribed.csv -o campaign.csv
  cat list.txt | prospect-guard audit - --format json
${more}`;
  }
  return `Usage : prospect-guard audit [FICHIER|-] [options]

Audite une liste de prospects : pour chaque adresse, indique si la prospection
par e-mail relève de l'opt-in, de l'opt-out, de l'interne ou est interdite en
droit français et selon le pays du destinataire
(${wrapWords(others.join(', ') + ').', 76, 0)}

FICHIER est un export CSV ou texte (Google Contacts, Outlook, HubSpot, lemlist,
Waalaxy, LinkedIn… ; séparateur ; , tabulation ou | détecté ; UTF-8, UTF-16
ou Windows-1252), un fichier vCard (.vcf, 2.1/3.0/4.0) ou un classeur (.xlsx,
.ods, .xls). Toutes les colonnes d'adresses sont lues (E-mail 1 - Value,
Adresse de messagerie 2, Additional email addresses, professionalEmail…) et
toutes les adresses d'une cellule (« a@x.fr; b@y.fr », « Jean <j@x.fr>,
Claire <c@y.fr> », le « ::: » de Google). Sans FICHIER, ou avec -, la liste
est lue sur l'entrée standard.

Options :
  --format table|csv|json  sortie (défaut : table). csv garde vos colonnes et
                           ajoute le verdict, avec le séparateur et la famille
                           d'encodage du fichier (Excel français : ; et BOM)
  --keep LISTE             n'écrit que les lignes qui passent, dans le format
                           d'origine : LISTE parmi private professional
                           organization internal unknown invalid opt-in
                           opt-out banned (ou particulier, professionnel,
                           organisation, interne, inconnu, invalide)
  --drop LISTE             l'inverse : écarte les lignes concernées (et les
                           oppositions) ; une ligne passe si toutes ses
                           adresses passent
  --suppression FICHIER    adresses à ne jamais contacter (tout format
                           ci-dessus) : marquées « opposition », toujours
                           écartées par --keep/--drop
  --column NOM             lit les adresses dans cette colonne (nom, lettre
                           ou numéro ; répétable) au lieu de les détecter
  --sheet NOM              la feuille d'un classeur (défaut : la première)
  -o, --output FICHIER     écrit dans FICHIER au lieu de la sortie standard
  --own-domain DOMAINE     un de vos domaines : ses adresses sont internes
                           (répétable ; valeurs séparées par des virgules)
  --jurisdiction CC        juridiction par défaut quand le domaine du
                           destinataire n'en désigne aucune :
                           ${j}
  --channel CANAL          email sms mms automated-call fax phone postal
                           linkedin (défaut : email)
  --date AAAA-MM-JJ        date d'envoi prévue (défaut : aujourd'hui)
  --topic SUJET            sujet visé par la loi : energy-renovation
                           (rénovation énergétique) ou home-adaptation
                           (adaptation du logement) — interdit envers les
                           consommateurs
  --lang fr|en             langue des messages, des valeurs et des motifs
                           (défaut : selon LANG, français sauf s'il
                           commence par en)
  -h, --help               affiche cette aide
  -V, --version            affiche la version

Code de sortie : 0 terminé, 2 erreur d'utilisation ou entrée inexploitable
(une ligne sur la sortie d'erreur).

Exemples :
  prospect-guard audit contacts.csv --own-domain monentreprise.fr
  prospect-guard audit prospects.xlsx --format csv -o verdicts.csv
  prospect-guard audit export.csv --keep professional,organization \\
      --suppression desinscrits.csv -o campagne.csv
  cat liste.txt | prospect-guard audit - --format json
${more}`;
}

type Msg = (...a: string[]) => string;

export interface Messages {
  unknownOption: Msg;
  missingValue: Msg;
  badFormat: Msg;
  badJurisdiction: (v: string, list: readonly string[]) => string;
  badChannel: Msg;
  badDate: Msg;
  badLang: Msg;
  badTopic: Msg;
  badDomain: Msg;
  badFilter: (option: string, value: string, allowed: readonly string[]) => string;
  keepAndDrop: string;
  formatWithKeep: string;
  unknownCommand: (v: string, commands: readonly string[]) => string;
  missingCommand: (commands: readonly string[]) => string;
  extraArgument: Msg;
  noInputTty: Msg;
  cannotRead: Msg;
  cannotWrite: Msg;
  outputIsInput: Msg;
  binaryToTerminal: string;
  unexpectedValue: Msg;
  seeHelp: string;
  stdinName: string;
  refused: (name: string, what: Refusal) => string;
  empty: Msg;
  headerOnly: Msg;
  noAddressColumn: Msg;
  unknownColumn: Msg;
  sheetUnreadable: Msg;
  noSheet: Msg;
  unknownSheet: Msg;
  sheetOption: Msg;
  noAddressFound: Msg;
  noteColumns: Msg;
  notePreamble: Msg;
  noteGuessedHeader: Msg;
  noteEncoding: Msg;
  noteSwitched: string;
  noteSheet: Msg;
  keepSummary: (kept: number, rows: number, dropped: readonly [string, number][], mixed: number, lang: Lang) => string;
  suppressionLoaded: Msg;
  noAddress: string;
  total: string;
  rowsLabel: string;
  columnsLabel: string;
  byAudience: string;
  byRegime: string;
  suppressedLabel: string;
  none: string;
  col: { row: string; address: string; contact: string; audience: string; regime: string; law: string; reason: string };
  csvCol: { row: string; column: string; address: string; audience: string; regime: string; jurisdiction: string; flags: string; reason: string; email: string; name: string; organization: string };
  progress: string;
  readErrors: Record<string, string>;
  audience: Record<Audience, string>;
  regime: Record<Regime, string>;
  flags: Record<string, string>;
  /** Plural of the words counted in the --keep summary, where it differs. */
  plural: Record<string, string>;
  /** Words accepted by --keep/--drop in this language, beside the stable ids. */
  filterWords: Record<string, string>;
}

const READ_ERRORS_EN: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  ENOTDIR: 'a component of the path is not a directory',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  TOO_LARGE: 'file too large',
};

const READ_ERRORS_FR: Record<string, string> = {
  ENOENT: 'fichier ou dossier introuvable',
  EISDIR: "c'est un dossier",
  EACCES: 'permission refusée',
  EPERM: 'opération non permise',
  ELOOP: 'trop de liens symboliques',
  ENAMETOOLONG: 'nom de fichier trop long',
  ENOTDIR: "un élément du chemin n'est pas un dossier",
  EMFILE: 'trop de fichiers ouverts',
  EIO: "erreur d'entrée/sortie",
  ENOSPC: "plus d'espace disque",
  EROFS: 'système de fichiers en lecture seule',
  TOO_LARGE: 'fichier trop volumineux',
};

const REFUSED_EN: Record<Refusal, string> = {
  zip: 'a zip archive, not a list: unzip it and audit the CSV, vCard or spreadsheet inside',
  word: 'a word-processing document (.docx/.odt), not a list: put the addresses in a spreadsheet and save it as .xlsx or CSV',
  presentation: 'a presentation (.pptx/.odp), not a list: export the contacts from their source as CSV, vCard or .xlsx',
  pdf: 'a PDF document, not a list: export the contacts from their source (CRM, Google or Outlook contacts) as CSV, vCard or .xlsx',
  image: 'an image, not a list: export the contacts from their source as CSV, vCard or .xlsx',
  archive: 'a compressed archive, not a list: extract it and audit the CSV or spreadsheet inside',
  executable: 'a program, not a list: export the contacts as CSV, vCard or .xlsx',
  database: 'a database file, not a list: export the contacts table as CSV',
  rtf: 'an RTF document, not a list: save the addresses as CSV or .xlsx',
  html: 'a web page (HTML), not a list: save the table as CSV or .xlsx',
  xml: 'an XML file this tool does not read: export the list as CSV, vCard or .xlsx',
  'office-legacy': 'an old Office file (.doc, .xls, .msg) that cannot be read: save it as .xlsx or CSV',
  binary: 'binary data, not text: export the contacts as CSV, vCard or .xlsx',
};

const REFUSED_FR: Record<Refusal, string> = {
  zip: "une archive zip, pas une liste : décompressez-la et auditez le CSV, le vCard ou le classeur qu'elle contient",
  word: 'un document de traitement de texte (.docx/.odt), pas une liste : mettez les adresses dans un tableur et enregistrez en .xlsx ou CSV',
  presentation: 'une présentation (.pptx/.odp), pas une liste : exportez les contacts depuis leur source en CSV, vCard ou .xlsx',
  pdf: 'un document PDF, pas une liste : exportez les contacts depuis leur source (CRM, contacts Google ou Outlook) en CSV, vCard ou .xlsx',
  image: 'une image, pas une liste : exportez les contacts depuis leur source en CSV, vCard ou .xlsx',
  archive: "une archive compressée, pas une liste : extrayez-la et auditez le CSV ou le classeur qu'elle contient",
  executable: 'un programme, pas une liste : exportez les contacts en CSV, vCard ou .xlsx',
  database: 'un fichier de base de données, pas une liste : exportez la table des contacts en CSV',
  rtf: 'un document RTF, pas une liste : enregistrez les adresses en CSV ou .xlsx',
  html: 'une page web (HTML), pas une liste : enregistrez le tableau en CSV ou .xlsx',
  xml: 'un fichier XML que cet outil ne lit pas : exportez la liste en CSV, vCard ou .xlsx',
  'office-legacy': 'un ancien fichier Office (.doc, .xls, .msg) illisible : enregistrez-le en .xlsx ou CSV',
  binary: 'des données binaires, pas du texte : exportez les contacts en CSV, vCard ou .xlsx',
};

const quoteList = (xs: readonly string[], lang: Lang) => xs.map((x) => (lang === 'fr' ? `« ${x} »` : `"${x}"`)).join(', ');

export const MESSAGES: Record<Lang, Messages> = {
  en: {
    unknownOption: (o) => `unknown option ${o}`,
    missingValue: (o) => `option ${o} needs a value`,
    badFormat: (v) => `unknown format "${v}" (expected table, csv or json)`,
    badJurisdiction: (v, list) => `unknown jurisdiction "${v}" (expected ${list.slice(0, -1).join(', ')} or ${list[list.length - 1]})`,
    badChannel: (v) => `unknown channel "${v}" (expected email, sms, mms, automated-call, fax, phone, postal or linkedin)`,
    badDate: (v) => `invalid date "${v}" (expected YYYY-MM-DD)`,
    badLang: (v) => `unknown language "${v}" (expected fr or en)`,
    badTopic: (v) => `unknown topic "${v}" (expected energy-renovation or home-adaptation)`,
    badDomain: (v) => `invalid domain "${v}" for --own-domain`,
    badFilter: (o, v, allowed) => `unknown value "${v}" for ${o} (expected ${allowed.join(', ')})`,
    keepAndDrop: '--keep and --drop cannot be used together',
    formatWithKeep: "--format does not apply with --keep/--drop: the kept rows are written in the input's own format",
    unknownCommand: (v, cmds) => `unknown command "${v}" (expected ${cmds.join(' or ')})`,
    missingCommand: (cmds) => `missing command (expected ${cmds.join(' or ')})`,
    extraArgument: (v) => `unexpected argument "${v}" (only one FILE)`,
    noInputTty: () => `no input: give a FILE, or pipe a list into standard input`,
    cannotRead: (f, why) => `cannot read ${f}: ${why}`,
    cannotWrite: (f, why) => `cannot write ${f}: ${why}`,
    outputIsInput: (f) => `--output ${f} is the input itself: choose another file`,
    binaryToTerminal: 'the kept rows of a spreadsheet are a spreadsheet file: write them with --output FILE (or redirect standard output to a file)',
    unexpectedValue: (o) => `option ${o} takes no value`,
    seeHelp: 'see --help',
    stdinName: 'standard input',
    refused: (f, what) => `${f} looks like ${REFUSED_EN[what]}`,
    empty: (f) => `no address found: ${f} is empty`,
    headerOnly: (f, h) => `no address found: ${f} holds only a header line (${h}), no rows`,
    noAddressColumn: (f, cols) => `no address found: no column of ${f} holds e-mail addresses${cols ? ` (columns: ${cols})` : ''}; export the e-mail column too, or name it with --column`,
    unknownColumn: (c, f, cols) => `no column "${c}" in ${f}${cols ? ` (columns: ${cols})` : ''}`,
    sheetUnreadable: (f, why) => `${f} looks like a spreadsheet but cannot be read (${why}): save it again as .xlsx or CSV`,
    noSheet: (f) => `${f} is a workbook without any sheet`,
    unknownSheet: (s, f, list) => `no sheet "${s}" in ${f} (sheets: ${list})`,
    sheetOption: (f) => `--sheet applies to spreadsheets (.xlsx, .ods); ${f} is not one`,
    noAddressFound: (f) => `no address found in ${f}`,
    noteColumns: (cols) => `addresses read from ${cols}`,
    notePreamble: (row, skipped) => `header on row ${row}; rows above it skipped (not data: ${skipped})`,
    noteGuessedHeader: (h) => `row 1 taken as the header (${h}): it holds no address and names the columns below`,
    noteEncoding: (e) => `input decoded as ${e}`,
    noteSwitched: 'bytes that are not UTF-8 further down: the rest was read as Windows-1252',
    noteSheet: (s, all) => `sheet "${s}"${all ? ` (the workbook also has: ${all}; choose with --sheet)` : ''}`,
    keepSummary: (kept, rows, dropped, mixed, lang) => {
      const d = dropped.map(([label, n]) => `${formatCount(n, lang)} ${label}`).join(', ');
      const total = dropped.reduce((s, [, n]) => s + n, 0);
      return (
        `kept ${formatCount(kept, lang)} of ${formatCount(rows, lang)} rows` +
        (total ? `; dropped ${formatCount(total, lang)}: ${d}` : '; none dropped') +
        (mixed ? ` (${formatCount(mixed, lang)} of them also had an address that passes)` : '')
      );
    },
    suppressionLoaded: (n, f) => `suppression list: ${n} address${n === '1' ? '' : 'es'} read from ${f}`,
    noAddress: 'No address found in the input.',
    total: 'Total',
    rowsLabel: 'Rows',
    columnsLabel: 'Address columns',
    byAudience: 'By audience',
    byRegime: 'By regime',
    suppressedLabel: 'On the suppression list',
    none: 'none (invalid)',
    col: { row: 'row', address: 'address', contact: 'contact', audience: 'audience', regime: 'regime', law: 'law', reason: 'main reason' },
    csvCol: { row: 'row', column: 'column', address: 'address', audience: 'audience', regime: 'regime', jurisdiction: 'jurisdiction', flags: 'flags', reason: 'reason', email: 'email', name: 'name', organization: 'organization' },
    progress: 'auditing',
    readErrors: READ_ERRORS_EN,
    audience: { private: 'private', professional: 'professional', organization: 'organization', internal: 'internal', unknown: 'unknown', invalid: 'invalid' },
    regime: { 'opt-in': 'opt-in', 'opt-out': 'opt-out', internal: 'internal', banned: 'banned' },
    flags: { 'free-mail': 'free webmail', isp: 'ISP mailbox', disposable: 'disposable', role: 'role address', student: 'student', override: 'your choice', suppressed: 'suppressed' },
    plural: {},
    filterWords: {},
  },
  fr: {
    unknownOption: (o) => `option inconnue ${o}`,
    missingValue: (o) => `l'option ${o} attend une valeur`,
    badFormat: (v) => `format inconnu « ${v} » (attendu : table, csv ou json)`,
    badJurisdiction: (v, list) => `juridiction inconnue « ${v} » (attendu : ${list.slice(0, -1).join(', ')} ou ${list[list.length - 1]})`,
    badChannel: (v) => `canal inconnu « ${v} » (attendu : email, sms, mms, automated-call, fax, phone, postal ou linkedin)`,
    badDate: (v) => `date invalide « ${v} » (attendu : AAAA-MM-JJ)`,
    badLang: (v) => `langue inconnue « ${v} » (attendu : fr ou en)`,
    badTopic: (v) => `sujet inconnu « ${v} » (attendu : energy-renovation ou home-adaptation)`,
    badDomain: (v) => `domaine invalide « ${v} » pour --own-domain`,
    badFilter: (o, v, allowed) => `valeur inconnue « ${v} » pour ${o} (attendu : ${allowed.join(', ')})`,
    keepAndDrop: '--keep et --drop ne peuvent pas être combinés',
    formatWithKeep: "--format ne s'applique pas avec --keep/--drop : les lignes conservées sont écrites dans le format du fichier d'origine",
    unknownCommand: (v, cmds) => `commande inconnue « ${v} » (attendu : ${cmds.join(' ou ')})`,
    missingCommand: (cmds) => `commande manquante (attendu : ${cmds.join(' ou ')})`,
    extraArgument: (v) => `argument inattendu « ${v} » (un seul FICHIER)`,
    noInputTty: () => `aucune entrée : donnez un FICHIER ou envoyez une liste sur l'entrée standard`,
    cannotRead: (f, why) => `impossible de lire ${f} : ${why}`,
    cannotWrite: (f, why) => `impossible d'écrire ${f} : ${why}`,
    outputIsInput: (f) => `--output ${f} est le fichier d'entrée lui-même : choisissez un autre fichier`,
    binaryToTerminal: "les lignes conservées d'un classeur forment un classeur : écrivez-les avec --output FICHIER (ou redirigez la sortie standard vers un fichier)",
    unexpectedValue: (o) => `l'option ${o} ne prend pas de valeur`,
    seeHelp: 'voir --help',
    stdinName: "l'entrée standard",
    refused: (f, what) => `${f} ressemble à ${REFUSED_FR[what]}`,
    empty: (f) => `aucune adresse trouvée : ${f} est vide`,
    headerOnly: (f, h) => `aucune adresse trouvée : ${f} ne contient qu'une ligne d'en-tête (${h}), aucune ligne de données`,
    noAddressColumn: (f, cols) => `aucune adresse trouvée : aucune colonne de ${f} ne contient d'adresse e-mail${cols ? ` (colonnes : ${cols})` : ''} ; exportez aussi la colonne des e-mails, ou désignez-la avec --column`,
    unknownColumn: (c, f, cols) => `pas de colonne « ${c} » dans ${f}${cols ? ` (colonnes : ${cols})` : ''}`,
    sheetUnreadable: (f, why) => `${f} ressemble à un classeur mais ne peut pas être lu (${why}) : réenregistrez-le en .xlsx ou CSV`,
    noSheet: (f) => `${f} est un classeur sans aucune feuille`,
    unknownSheet: (s, f, list) => `pas de feuille « ${s} » dans ${f} (feuilles : ${list})`,
    sheetOption: (f) => `--sheet s'applique aux classeurs (.xlsx, .ods) ; ${f} n'en est pas un`,
    noAddressFound: (f) => `aucune adresse trouvée dans ${f}`,
    noteColumns: (cols) => `adresses lues dans ${cols}`,
    notePreamble: (row, skipped) => `en-tête en ligne ${row} ; lignes au-dessus ignorées (pas des données : ${skipped})`,
    noteGuessedHeader: (h) => `ligne 1 prise comme en-tête (${h}) : elle ne contient aucune adresse et nomme les colonnes en dessous`,
    noteEncoding: (e) => `entrée décodée en ${e}`,
    noteSwitched: 'octets non UTF-8 plus loin dans le fichier : la suite a été lue en Windows-1252',
    noteSheet: (s, all) => `feuille « ${s} »${all ? ` (le classeur contient aussi : ${all} ; choisissez avec --sheet)` : ''}`,
    keepSummary: (kept, rows, dropped, mixed, lang) => {
      const d = dropped.map(([label, n]) => `${formatCount(n, lang)} ${label}`).join(', ');
      const total = dropped.reduce((s, [, n]) => s + n, 0);
      return (
        `${formatCount(kept, lang)} ligne${kept > 1 ? 's' : ''} conservée${kept > 1 ? 's' : ''} sur ${formatCount(rows, lang)}` +
        (total ? ` ; ${formatCount(total, lang)} écartée${total > 1 ? 's' : ''} : ${d}` : ' ; aucune écartée') +
        (mixed ? ` (dont ${formatCount(mixed, lang)} avec aussi une adresse qui passe)` : '')
      );
    },
    suppressionLoaded: (n, f) => `liste d'opposition : ${n} adresse${Number(n) > 1 ? 's' : ''} lue${Number(n) > 1 ? 's' : ''} dans ${f}`,
    noAddress: "Aucune adresse trouvée dans l'entrée.",
    total: 'Total',
    rowsLabel: 'Lignes',
    columnsLabel: "Colonnes d'adresses",
    byAudience: 'Par type de destinataire',
    byRegime: 'Par régime',
    suppressedLabel: "Sur la liste d'opposition",
    none: 'aucun (invalide)',
    col: { row: 'ligne', address: 'adresse', contact: 'contact', audience: 'destinataire', regime: 'régime', law: 'droit', reason: 'motif principal' },
    csvCol: { row: 'ligne', column: 'colonne', address: 'adresse', audience: 'destinataire', regime: 'régime', jurisdiction: 'juridiction', flags: 'indices', reason: 'motif', email: 'email', name: 'nom', organization: 'organisation' },
    progress: 'audit',
    readErrors: READ_ERRORS_FR,
    audience: { private: 'particulier', professional: 'professionnel', organization: 'organisation', internal: 'interne', unknown: 'inconnu', invalid: 'invalide' },
    regime: { 'opt-in': 'opt-in', 'opt-out': 'opt-out', internal: 'interne', banned: 'interdit' },
    flags: { 'free-mail': 'messagerie grand public', isp: 'messagerie de FAI', disposable: 'jetable', role: 'adresse de fonction', student: 'étudiant', override: 'votre choix', suppressed: 'opposition' },
    plural: {
      particulier: 'particuliers',
      professionnel: 'professionnels',
      organisation: 'organisations',
      interne: 'internes',
      inconnu: 'inconnus',
      invalide: 'invalides',
      interdit: 'interdits',
      opposition: 'oppositions',
    },
    filterWords: {
      particulier: 'private',
      particuliers: 'private',
      professionnel: 'professional',
      professionnels: 'professional',
      pro: 'professional',
      organisation: 'organization',
      organisations: 'organization',
      interne: 'internal',
      inconnu: 'unknown',
      invalide: 'invalid',
      invalides: 'invalid',
      interdit: 'banned',
      opposition: 'suppressed',
    },
  },
};

export { quoteList };

// ---------------------------------------------------------------------------------------------
// prospect-guard check-message (the message analysis; src/cli/check-message.ts)

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
