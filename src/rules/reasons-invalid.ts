/**
 * The reason builder, and the reasons for an address that is not one (RFC 5321 / 5322): what the address parser needs,
 * kept apart from the rest of the catalogue (reasons.ts) so that the content script, which parses addresses, does not
 * carry every reason the engine can give.
 */
import { sourceText } from './citation.js';
import type { Reason, Source } from './types.js';

export type Lang = 'fr' | 'en';

/** The address standard (also SOURCES.rfc5322). */
export const RFC5322: Source = { ref: 'RFC 5321 / RFC 5322', confidence: 'P' };

/** " (source : X (note))" / " (source: X (note) — not confirmed)", in the reader's language. */
export function citation(source: Source | undefined, lang: Lang): string {
  if (!source) return '';
  if (lang === 'fr') return ` (source : ${sourceText(source, 'fr')}${source.confidence === 'NC' ? ' \u2014 non confirmé' : ''})`;
  return ` (source: ${sourceText(source, 'en')}${source.confidence === 'NC' ? ' \u2014 not confirmed' : ''})`;
}

/** Builds a frozen reason whose texts end with the citation of its source. */
export function makeReason(id: string, fr: string, en: string, source?: Source, detail?: string): Reason {
  const r: Reason = { id, fr: fr + citation(source, 'fr'), en: en + citation(source, 'en') };
  if (source) r.source = Object.freeze({ ...source });
  if (detail !== undefined) r.detail = detail;
  return Object.freeze(r);
}

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

export const INVALID_REASONS = Object.fromEntries(
  (Object.keys(INVALID_TEXT) as InvalidDetail[]).map((d) => [
    d,
    makeReason(
      'address-invalid',
      `Adresse e-mail invalide : ${INVALID_TEXT[d][0]}.`,
      `Invalid email address: ${INVALID_TEXT[d][1]}.`,
      RFC5322,
      d,
    ),
  ]),
) as Record<InvalidDetail, Reason>;

export function invalidReason(detail: InvalidDetail): Reason {
  return INVALID_REASONS[detail] ?? INVALID_REASONS['bad-domain'];
}

