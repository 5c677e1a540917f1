/**
 * Tests' check that a text shown in one language carries no commentary in the other: a list of common words of
 * each language, matched as whole words. Names of laws, codes and registers are proper names and stay as they are in
 * every language; the French ones an English text may cite are listed, and removed before the check.
 */

const words = (list: readonly string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/** English words that are not French, and English forms of names French translates (GDPR, CJEU, Directive …/EC). */
const ENGLISH = words([
  'the', 'of', 'on', 'and', 'or', 'for', 'by', 'with', 'to', 'from', 'at', 'no', 'not', 'any', 'see', 'until', 'since',
  'formerly', 'reading', 'guidance', 'guidelines', 'page', 'pages', 'seed', 'position', 'person', 'persons', 'natural', 'legal',
  'address', 'addresses', 'business', 'businesses', 'law', 'list', 'school', 'schools', 'calls', 'covering', 'covers',
  'applied', 'read', 'treated', 'CNIL doctrine', 'GDPR', 'CJEU', 'EC', 'S\\.C\\.', 'Law', 'Decree',
  'Regulations', 'preliminary', 'public holidays', 'our', 'its', 'their',
]);

/** French words that are not English, and French forms of names English translates (RGPD, CJUE, directive …/CE). */
const FRENCH = words([
  'le', 'la', 'les', 'des', 'du', 'de', 'd', 'l', 'sur', 'pour', 'et', 'ou', 'aux', 'au', 'une', 'un', 'dans', 'pas',
  'aucune', 'aucun', 'ni', 'voir', 'jusqu', 'depuis', 'anciennement', 'lecture', 'fiche', 'fiches', 'personne',
  'personnes', 'physique', 'morale', 'coordonnées', 'abonné', 'liste', 'jours', 'fériés', 'courrier',
  'notre', 'sa', 'ses', 'établissement', 'établissements', 'lignes', 'directrices', 'loi', 'décret', 'RGPD',
  'CJUE', 'CE', 'L\\.C\\.', 'DORS', 'ch\\.', 'LCAP', 'appliquée', 'appliquées', 'traité', 'protège', 'toute',
]);

/** Names of laws and registers an English text cites as they are (French ones, and Italian "d.lgs." for decreto legislativo). */
const FRENCH_NAMES = ['Code de droit économique', 'Loi du 30 mai 2005', 'Répertoire national des établissements', 'C. conso', 'C. trav.', 'd.lgs.'];

/** The English words found in a French text ([] when none). */
export function englishIn(text: string): string[] {
  return found(text, ENGLISH);
}

/** The French words found in an English text, the names of French laws and registers aside ([] when none). */
export function frenchIn(text: string): string[] {
  let t = text;
  for (const n of FRENCH_NAMES) t = t.split(n).join(' ');
  return found(t, FRENCH);
}

function found(text: string, re: RegExp): string[] {
  const g = new RegExp(re.source, 'giu');
  return [...text.matchAll(g)].map((m) => m[0]);
}

/** A path of the project shown to people ("src/rules/data/students.ts"). */
export const FILE_PATH = /(?:^|[\s(])(?:src|data|e2e)\/|\.(?:ts|tsx|js|json)(?![\p{L}])/u;
