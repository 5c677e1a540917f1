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

/** '.', '-' or '_': the separators of a compound local part. */
function isSeparator(c: number): boolean {
  return c === 46 || c === 45 || c === 95;
}

/** Index of the first separator at or after `from`, or -1. */
function separatorAt(s: string, from: number): number {
  for (let i = from; i < s.length; i++) if (isSeparator(s.charCodeAt(i))) return i;
  return -1;
}

/** `s` without its separators ("service.client" → "serviceclient"); `s` itself when it has none. */
function compact(s: string): string {
  let out = '';
  let start = 0;
  for (let i = separatorAt(s, 0); i >= 0; i = separatorAt(s, start)) {
    if (i > start) out += s.slice(start, i);
    start = i + 1;
  }
  return start === 0 ? s : out + s.slice(start);
}

/** "comptabilité" → "comptabilite"; "geschäftsführer" → "geschaftsfuhrer" (ä → a). */
function stripAccents(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return s;
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
  while (end > 0 && isSeparator(s.charCodeAt(end - 1))) end--;
  return end > 0 ? s.slice(0, end) : null;
}

/** The first segment ("contact.lyon", "accueil-paris") or first two ("service-client.lyon") is a prefix word. */
function hasRolePrefix(base: string): boolean {
  const first = separatorAt(base, 0);
  if (first <= 0) return false;
  if (ROLE_PREFIXES.has(base.slice(0, first))) return true;
  const second = separatorAt(base, first + 1);
  if (second <= first + 1) return false;
  const two = base.slice(0, second);
  return ROLE_PREFIXES.has(two) || ROLE_PREFIXES.has(compact(two));
}

/** `base` (accents folded) is a function title: as is, without separators, or without trailing digits. */
function isPersonTitleBase(base: string): boolean {
  if (personTitleWords.has(base) || PERSON_COMPACT.has(compact(base))) return true;
  const stem = withoutTrailingDigits(base);
  return stem !== null && PERSON_COMPACT.has(compact(stem));
}

/** A digit or a separator: what withoutTrailingDigits and compact may cut. */
function isCut(c: number): boolean {
  return (c >= 48 && c <= 57) || isSeparator(c);
}

/**
 * FNV-1a over the first `end` characters of `s`, cut to 30 bits (a small integer for the Set).
 * Equal strings give equal hashes; two strings may share one, which only means "look it up".
 */
function hashOf(s: string, end: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

/**
 * The hashes (hashOf) of every beginning ("c", "co", "con" … "contact") of every word of every set
 * localClass looks a form up in.
 */
const BEGINNINGS: ReadonlySet<number> = (() => {
  const s = new Set<number>();
  for (const set of [personTitleWords, PERSON_COMPACT, ROLE_LOCAL_PARTS, ROLE_COMPACT, ROLE_PREFIXES]) {
    for (const w of set) {
      // hashOf(w, k) for each k, in one pass
      let h = 0x811c9dc5;
      for (let k = 0; k < w.length; k++) {
        h = Math.imul(h ^ w.charCodeAt(k), 0x01000193);
        s.add(h & 0x3fffffff);
      }
    }
  }
  return s;
})();

/**
 * False when no form of `base` can be a listed word. Its head — the characters before its first
 * digit or separator ("jean" in "jean.martin42") — begins every form localClass looks up (base,
 * compact, stem, compacted stem, first one or two segments: cutting digits and separators never
 * reaches into the head), so a form can only be a word that begins with the head; and none does
 * when the head's hash is not among BEGINNINGS. Nominative local parts ("jdupont", "jean.martin",
 * "francois.durand68") stop here. A base that starts with a digit or a separator has no head:
 * always looked up. (Exported for its tests.)
 */
export function mayBeListed(base: string): boolean {
  let head = 0;
  while (head < base.length && !isCut(base.charCodeAt(head))) head++;
  return head === 0 || BEGINNINGS.has(hashOf(base, head));
}

export const LOCAL_CLASS_NONE = 0;
export const LOCAL_CLASS_IMPERSONAL = 1;
export const LOCAL_CLASS_TITLE = 2;

/**
 * What a local part (lower-case, any "+tag" removed) says by itself: LOCAL_CLASS_TITLE (a function
 * title held by one person: ceo, president …), LOCAL_CLASS_IMPERSONAL (an impersonal function's
 * mailbox) or LOCAL_CLASS_NONE. Its forms — accents folded, without separators, without trailing
 * digits — are each made once and looked up in the word sets: titles first, then role words as
 * they are, compacted, by their first segments, and by their stem (unless the stem is a title).
 */
export function localClass(local: string): number {
  if (local.length === 0 || local.length > 64) return LOCAL_CLASS_NONE;
  const base = stripAccents(local);
  if (!mayBeListed(base)) return LOCAL_CLASS_NONE;
  const c = compact(base);
  const stem = withoutTrailingDigits(base);
  if (personTitleWords.has(base) || PERSON_COMPACT.has(c) || (stem !== null && PERSON_COMPACT.has(compact(stem)))) return LOCAL_CLASS_TITLE;
  if (ROLE_LOCAL_PARTS.has(base)) return LOCAL_CLASS_IMPERSONAL;
  if (c !== base && c.length > 2 && ROLE_COMPACT.has(c)) return LOCAL_CLASS_IMPERSONAL;
  if (hasRolePrefix(base)) return LOCAL_CLASS_IMPERSONAL;
  if (stem !== null && (ROLE_LOCAL_PARTS.has(stem) || ROLE_PREFIXES.has(stem)) && !isPersonTitleBase(stem)) return LOCAL_CLASS_IMPERSONAL;
  return LOCAL_CLASS_NONE;
}

/**
 * Is this local part (lower-case, any "+tag" already removed) an impersonal function's mailbox?
 * Function titles held by a person (ceo, president …) are not.
 */
export function isRoleLocalPart(local: string): boolean {
  return localClass(local) === LOCAL_CLASS_IMPERSONAL;
}

/** Is this local part (lower-case, no "+tag") a function title held by one person (ceo@, directeur.general@, paris@)? */
export function isPersonTitle(local: string): boolean {
  return localClass(local) === LOCAL_CLASS_TITLE;
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
  const c = localClass(local);
  return c === LOCAL_CLASS_TITLE ? 'function-title' : c === LOCAL_CLASS_IMPERSONAL ? 'impersonal' : null;
}
