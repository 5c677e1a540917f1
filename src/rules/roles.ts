/**
 * What the local part of an address says about its holder (see data/roles.ts for the classes):
 * an impersonal function (contact@, compta@, bénévoles@ …), a function title held by one person
 * (ceo@, president@, directeur@, france@, paris@ …) or a French public-sector service address
 * (ce.0751234a@ac-paris.fr, pref-etrangers@seine-saint-denis.gouv.fr …).
 *
 * Matching: the local part before any "+tag", lower-cased, compared as is, with its accents
 * folded, with '.', '-', '_' removed, without trailing digits; words marked `prefix` also match as
 * the first segment (or first two segments) of a compound local part ("contact.lyon").
 */
import roleBasedEmailAddresses from 'role-based-email-addresses';
import { FR_ROLE_WORDS, PERSON_TITLES, PUBLIC_SERVICE_RULES, ROLE_EXCLUSIONS } from './data/roles.js';

export type RoleClass = 'impersonal' | 'function-title' | 'public-service';

const SEPARATORS = /[._-]/g;
const SEPARATOR_ONE = /[._-]/;

function compact(s: string): string {
  return s.replace(SEPARATORS, '');
}

/** "comptabilité" → "comptabilite"; "geschäftsführer" → "geschaftsfuhrer" (ä → a). */
function stripAccents(s: string): string {
  return /^[\x00-\x7f]*$/.test(s) ? s : s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

const personTitleWords: ReadonlySet<string> = new Set(PERSON_TITLES.map((e) => e.word));
const exclusions: ReadonlySet<string> = new Set([...ROLE_EXCLUSIONS.map((e) => e.word), ...personTitleWords]);

/** Impersonal local parts: role-based-email-addresses (minus exclusions and person titles) plus the French words. */
export const ROLE_LOCAL_PARTS: ReadonlySet<string> = (() => {
  const s = new Set<string>();
  for (const w of roleBasedEmailAddresses as readonly string[]) {
    const l = w.toLowerCase();
    if (!exclusions.has(l) && !exclusions.has(compact(l))) s.add(l);
  }
  for (const e of FR_ROLE_WORDS) s.add(e.word);
  return s;
})();

/** The same words with '.', '-' and '_' removed ("service.client" → "serviceclient"). */
const ROLE_COMPACT: ReadonlySet<string> = (() => {
  const s = new Set<string>();
  for (const w of ROLE_LOCAL_PARTS) {
    const c = compact(w);
    if (c.length > 2 && !exclusions.has(c)) s.add(c);
  }
  return s;
})();

/** Words that also match as the first segment of a compound local part. */
const ROLE_PREFIXES: ReadonlySet<string> = new Set(FR_ROLE_WORDS.filter((e) => e.prefix).map((e) => e.word));

const PERSON_COMPACT: ReadonlySet<string> = new Set(PERSON_TITLES.map((e) => compact(e.word)));

/** "contact2" → "contact", "info-01" → "info"; null when nothing is left. */
function withoutTrailingDigits(s: string): string | null {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) >= 48 && s.charCodeAt(end - 1) <= 57) end--;
  if (end === s.length) return null;
  while (end > 0 && SEPARATOR_ONE.test(s[end - 1]!)) end--;
  return end > 0 ? s.slice(0, end) : null;
}

function isRoleWord(base: string): boolean {
  if (ROLE_LOCAL_PARTS.has(base)) return true;
  const c = compact(base);
  if (c !== base && c.length > 2 && ROLE_COMPACT.has(c)) return true;
  const m = SEPARATOR_ONE.exec(base);
  if (m !== null && m.index > 0) {
    // first segment: "contact.lyon", "accueil-paris"; first two: "service-client.lyon"
    const first = base.slice(0, m.index);
    if (ROLE_PREFIXES.has(first)) return true;
    const rest = base.slice(m.index + 1);
    const second = rest.search(SEPARATOR_ONE);
    if (second > 0) {
      const two = base.slice(0, m.index + 1 + second);
      if (ROLE_PREFIXES.has(two) || ROLE_PREFIXES.has(compact(two))) return true;
    }
  }
  return false;
}

/**
 * Is this local part (lower-case, any "+tag" already removed) an impersonal function's mailbox?
 * Function titles held by a person (ceo, president …) are not.
 */
export function isRoleLocalPart(local: string): boolean {
  if (local.length === 0 || local.length > 64) return false;
  const base = stripAccents(local);
  if (isPersonTitleBase(base)) return false;
  if (isRoleWord(base)) return true;
  const stem = withoutTrailingDigits(base);
  return stem !== null && !isPersonTitleBase(stem) && (ROLE_LOCAL_PARTS.has(stem) || ROLE_PREFIXES.has(stem));
}

function isPersonTitleBase(base: string): boolean {
  if (personTitleWords.has(base)) return true;
  const c = compact(base);
  if (PERSON_COMPACT.has(c)) return true;
  const stem = withoutTrailingDigits(base);
  return stem !== null && PERSON_COMPACT.has(compact(stem));
}

/** Is this local part (lower-case, no "+tag") a function title held by one person (ceo@, directeur.general@, paris@)? */
export function isPersonTitle(local: string): boolean {
  if (local.length === 0 || local.length > 64) return false;
  return isPersonTitleBase(stripAccents(local));
}

/** The French public-sector rule this address matches, if any (`registrable`: its registrable ASCII domain). */
export function publicServiceRule(local: string, registrable: string | null): (typeof PUBLIC_SERVICE_RULES)[number] | null {
  if (registrable === null) return null;
  for (const r of PUBLIC_SERVICE_RULES) if (r.domain.test(registrable) && r.local.test(local)) return r;
  return null;
}

/**
 * The class of an address's local part: `local` lower-case without "+tag", `registrable` the
 * registrable ASCII domain (for the public-sector rules). Public service first (ce.0751234a is
 * no word), then function titles, then impersonal functions.
 */
export function roleClass(local: string, registrable: string | null): RoleClass | null {
  if (local.length === 0 || local.length > 64) return null;
  if (publicServiceRule(local, registrable) !== null) return 'public-service';
  const base = stripAccents(local);
  if (isPersonTitleBase(base)) return 'function-title';
  return isRoleLocalPart(local) ? 'impersonal' : null;
}
