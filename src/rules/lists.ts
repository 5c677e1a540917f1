/**
 * Lookup sets built once at module load from the npm lists plus the hand-kept data in ./data.
 * All keys are lower-case ASCII (punycode) domains or lower-case local parts.
 */
import freeEmailDomains from 'free-email-domains';
import { disposableEmailBlocklistSet } from 'disposable-email-domains-js';
import roleBasedEmailAddresses from 'role-based-email-addresses';
import { CORPORATE_DOMAINS, FREE_MAIL_SUPPLEMENT, ISP_CONSUMER_DOMAINS } from './data/providers.js';
import { FR_ROLE_WORDS, ROLE_EXCLUSIONS, STUDENT_LABELS } from './data/roles.js';

export { CORPORATE_DOMAINS, FREE_MAIL_SUPPLEMENT, ISP_CONSUMER_DOMAINS } from './data/providers.js';
export type { DomainNote } from './data/providers.js';
export { FR_ROLE_WORDS, ROLE_EXCLUSIONS, STUDENT_LABELS } from './data/roles.js';
export type { RoleWord } from './data/roles.js';

/** Consumer webmail domains: free-email-domains plus the French supplement. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set<string>([
  ...(freeEmailDomains as readonly string[]),
  ...FREE_MAIL_SUPPLEMENT.map((e) => e.domain),
]);

/** Throw-away mailbox domains (disposable-email-domains-js). */
export const DISPOSABLE_DOMAINS: ReadonlySet<string> = disposableEmailBlocklistSet();

/** ISP consumer mailbox domains (hand-kept, see data/providers.ts). */
export const ISP_DOMAINS: ReadonlySet<string> = new Set(ISP_CONSUMER_DOMAINS.map((e) => e.domain));

/** Corporate domains never treated as consumer providers. */
export const CORPORATE_DOMAIN_SET: ReadonlySet<string> = new Set(CORPORATE_DOMAINS.map((e) => e.domain));

const SEPARATORS = /[._-]/g;
const SEPARATOR_ONE = /[._-]/;

const roleExclusions = new Set(ROLE_EXCLUSIONS.map((e) => e.word));

/** Role local parts: role-based-email-addresses (minus exclusions) plus French words. */
export const ROLE_LOCAL_PARTS: ReadonlySet<string> = (() => {
  const s = new Set<string>();
  for (const w of roleBasedEmailAddresses as readonly string[]) {
    const l = w.toLowerCase();
    if (!roleExclusions.has(l)) s.add(l);
  }
  for (const e of FR_ROLE_WORDS) s.add(e.word);
  return s;
})();

/** Same words with '.', '-' and '_' removed, for "service.client" / "service_client". */
const ROLE_COMPACT: ReadonlySet<string> = (() => {
  const s = new Set<string>();
  for (const w of ROLE_LOCAL_PARTS) {
    const c = compact(w);
    if (c.length > 2 && !roleExclusions.has(c)) s.add(c);
  }
  return s;
})();

/** Every prefix of every compact role word: a cheap gate before building a compact form. */
const ROLE_COMPACT_PREFIXES: ReadonlySet<string> = (() => {
  const s = new Set<string>();
  for (const w of ROLE_COMPACT) for (let i = 1; i <= w.length; i++) s.add(w.slice(0, i));
  return s;
})();

/** Words that also match as the first segment of a compound local part. */
const ROLE_PREFIXES: ReadonlySet<string> = new Set(FR_ROLE_WORDS.filter((e) => e.prefix).map((e) => e.word));

/** Latin-1 letters U+00C0–U+00FF folded to ASCII ('' where there is no single letter). */
const LATIN1_FOLD = 'AAAAAA CEEEEIIIIDNOOOOO OUUUUY  aaaaaa ceeeeiiiidnooooo ouuuuy y';

/** Student subdomain labels. */
export const STUDENT_LABEL_SET: ReadonlySet<string> = new Set(STUDENT_LABELS.map((e) => e.label));

function compact(s: string): string {
  return s.replace(SEPARATORS, '');
}

/** "comptabilité" → "comptabilite". Latin-1 by table, anything else through NFD. */
function stripAccents(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xc0 && c <= 0xff) {
      const f = LATIN1_FOLD.charAt(c - 0xc0);
      if (f !== ' ') {
        out += s.slice(last, i) + f;
        last = i + 1;
        continue;
      }
    }
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return out + s.slice(last);
}

/**
 * Is this local part (lower-case, any "+tag" already removed) a role address?
 * Tries: as is; without separators; without trailing digits; first segment for prefix words.
 */
export function isRoleLocalPart(local: string): boolean {
  const n = local.length;
  if (n === 0 || n > 64) return false;
  if (ROLE_LOCAL_PARTS.has(local)) return true;
  let firstSep = -1;
  let nonAscii = false;
  let trailingDigits = 0;
  for (let i = 0; i < n; i++) {
    const c = local.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      trailingDigits++;
      continue;
    }
    trailingDigits = 0;
    if (c === 46 || c === 45 || c === 95) {
      if (firstSep < 0) firstSep = i;
    } else if (c > 127) nonAscii = true;
  }
  if (firstSep < 0 && trailingDigits === 0 && !nonAscii) return false; // plain word not in the list
  let base = local;
  if (nonAscii) {
    base = stripAccents(local);
    if (ROLE_LOCAL_PARTS.has(base)) return true;
  }
  if (firstSep > 0) {
    // first segment: "contact.lyon", "accueil-paris"
    const seg = base.slice(0, firstSep);
    if (ROLE_PREFIXES.has(seg)) return true;
    if (!ROLE_COMPACT_PREFIXES.has(seg)) return trailingDigits > 0 && roleStem(base, trailingDigits);
    if (ROLE_COMPACT.has(compact(base))) return true;
    // first two segments: "service-client.lyon"
    const second = base.slice(firstSep + 1).search(SEPARATOR_ONE);
    if (second > 0) {
      const two = base.slice(0, firstSep + 1 + second);
      if (ROLE_PREFIXES.has(two) || ROLE_PREFIXES.has(compact(two))) return true;
    }
  }
  return trailingDigits > 0 && roleStem(base, trailingDigits);
}

/** "contact2", "info01", "contact-2": the word without its trailing digits. */
function roleStem(base: string, trailingDigits: number): boolean {
  if (trailingDigits >= base.length) return false;
  let stem = base.slice(0, base.length - trailingDigits);
  if (ROLE_LOCAL_PARTS.has(stem)) return true;
  const last = stem.charCodeAt(stem.length - 1);
  if (last === 46 || last === 45 || last === 95) {
    stem = stem.slice(0, -1);
    if (ROLE_LOCAL_PARTS.has(stem) || ROLE_PREFIXES.has(stem)) return true;
  }
  return false;
}

export type ProviderKind = 'disposable' | 'isp' | 'free-mail';

/**
 * One lookup instead of four: domain → provider kind, or 'corporate' (never a provider).
 * Precedence for a domain on several lists: corporate > disposable > isp > free-mail.
 */
const PROVIDER_MAP: ReadonlyMap<string, ProviderKind | 'corporate'> = (() => {
  const m = new Map<string, ProviderKind | 'corporate'>();
  for (const d of FREE_MAIL_DOMAINS) m.set(d, 'free-mail');
  for (const d of ISP_DOMAINS) m.set(d, 'isp');
  for (const d of DISPOSABLE_DOMAINS) m.set(d, 'disposable');
  for (const d of CORPORATE_DOMAIN_SET) m.set(d, 'corporate');
  return m;
})();

/**
 * Which consumer-provider list an ASCII host belongs to, checking the host and each parent up
 * to (and including) the registrable domain. Corporate domains short-circuit to null.
 */
export function providerKind(asciiHost: string, registrable: string | null): ProviderKind | null {
  const stop = registrable === null ? asciiHost.length : registrable.length;
  let pos = 0;
  for (;;) {
    const k = PROVIDER_MAP.get(pos === 0 ? asciiHost : asciiHost.slice(pos));
    if (k !== undefined) return k === 'corporate' ? null : k;
    if (asciiHost.length - pos <= stop) return null;
    const dot = asciiHost.indexOf('.', pos);
    if (dot < 0) return null;
    pos = dot + 1;
    if (asciiHost.length - pos < stop) return null;
  }
}

/** True when a label of the subdomain part (left of the registrable domain) is a student label. */
export function hasStudentLabel(asciiHost: string, registrable: string | null): boolean {
  if (registrable === null || asciiHost.length <= registrable.length) return false;
  const subEnd = asciiHost.length - registrable.length - 1; // index of the '.' before registrable
  let start = 0;
  while (start < subEnd) {
    let dot = asciiHost.indexOf('.', start);
    if (dot < 0 || dot > subEnd) dot = subEnd;
    if (STUDENT_LABEL_SET.has(asciiHost.slice(start, dot))) return true;
    start = dot + 1;
  }
  return false;
}
