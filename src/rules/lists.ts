/**
 * Which mailbox provider a domain belongs to, from
 * - the merged npm lists (free-email-domains, email-providers, disposable-email-domains,
 *   disposable-email-domains-js, mailchecker), shipped as two sorted newline-joined strings
 *   generated at build time (data/upstream.generated.ts, looked up by binary search: nothing is
 *   built when the worker starts);
 * - the hand-kept consumer supplement with each provider's country (data/providers.ts);
 * - the corporate exceptions and the trap pairs' corporate sides (data/corporate.ts,
 *   data/providers.ts), which win over every list.
 *
 * Precedence for a host: the longest matching name decides (a host, then each parent down to its
 * registrable domain); for one name: corporate > supplement > disposable > free-mail.
 * All keys are lower-case ASCII (punycode) domains.
 */
import { CORPORATE_EXCEPTIONS } from './data/corporate.js';
import { CONSUMER_SUPPLEMENT, TRAP_PAIRS, type ConsumerMailbox } from './data/providers.js';
import * as UPSTREAM from './data/upstream.generated.js';
import { inSortedList, lineFilter, mayContain } from './sorted-list.js';

export { CONSUMER_SUPPLEMENT, TRAP_PAIRS, FREE_MAIL_SUPPLEMENT, ISP_CONSUMER_DOMAINS } from './data/providers.js';
export type { ConsumerMailbox, DomainNote, TrapPair } from './data/providers.js';
export { CORPORATE_EXCEPTIONS } from './data/corporate.js';
export type { CorporateException } from './data/corporate.js';
export { UPSTREAM_VERSIONS } from './data/upstream.generated.js';
export { FR_ROLE_WORDS, PERSON_TITLES, PUBLIC_SERVICE_RULES, ROLE_EXCLUSIONS } from './data/roles.js';
export type { RoleWord } from './data/roles.js';
export { STUDENT_DOMAINS, STUDENT_LABELS, STUDENT_LOCAL_MARKS } from './data/students.js';
export { isRoleLocalPart, isPersonTitle, roleClass, ROLE_LOCAL_PARTS } from './roles.js';
export type { RoleClass } from './roles.js';
export { hasStudentLabel, studentClass } from './students.js';

export type ProviderKind = 'disposable' | 'isp' | 'free-mail';

/** Supplement entries by domain (a few hundred: a Map is cheap). */
const SUPPLEMENT: ReadonlyMap<string, ConsumerMailbox> = new Map(CONSUMER_SUPPLEMENT.map((e) => [e.domain, e]));

/** Domains never treated as a consumer provider. */
export const CORPORATE_DOMAIN_SET: ReadonlySet<string> = new Set([...CORPORATE_EXCEPTIONS.map((e) => e.domain), ...TRAP_PAIRS.map((p) => p.corporate)]);

/** On the merged consumer-webmail lists (not on a disposable one). */
export function inFreeMailList(asciiDomain: string): boolean {
  return inSortedList(LISTS.free, asciiDomain);
}

/** On one of the merged disposable lists. */
export function inDisposableList(asciiDomain: string): boolean {
  return inSortedList(LISTS.disposable, asciiDomain);
}

/**
 * The two lists, read through one object: a bundler's minifier would otherwise copy a 2 MB string
 * constant into every place that uses it (it did: the worker chunk doubled).
 */
const LISTS: { readonly free: string; readonly disposable: string } = { free: UPSTREAM.FREE_MAIL_LIST, disposable: UPSTREAM.DISPOSABLE_LIST };

/** Bit filters over the two lists (256 KiB each, built in one pass at load): most names skip the search. */
const FREE_MAIL_FILTER = lineFilter(LISTS.free);
const DISPOSABLE_FILTER = lineFilter(LISTS.disposable);

type NameKind = ProviderKind | 'corporate' | null;

/** What one name (not its parents) is. */
function nameKind(name: string): NameKind {
  if (CORPORATE_DOMAIN_SET.has(name)) return 'corporate';
  const s = SUPPLEMENT.get(name);
  if (s !== undefined) return s.kind;
  if (mayContain(DISPOSABLE_FILTER, name) && inSortedList(LISTS.disposable, name)) return 'disposable';
  if (mayContain(FREE_MAIL_FILTER, name) && inSortedList(LISTS.free, name)) return 'free-mail';
  return null;
}

/** The longest of host and its parents down to `registrable` that is on some list, and what it is. */
function findProvider(asciiHost: string, registrable: string | null): { name: string; kind: ProviderKind | 'corporate' } | null {
  const stop = registrable === null ? asciiHost.length : registrable.length;
  let pos = 0;
  for (;;) {
    const name = pos === 0 ? asciiHost : asciiHost.slice(pos);
    const k = nameKind(name);
    if (k !== null) return { name, kind: k };
    if (name.length <= stop) return null;
    const dot = asciiHost.indexOf('.', pos);
    if (dot < 0) return null;
    pos = dot + 1;
    if (asciiHost.length - pos < stop) return null;
  }
}

/**
 * Which consumer-provider list an ASCII host belongs to, checking the host and each parent down to
 * (and including) the registrable domain; null for an organisation's domain (corporate exceptions
 * included). Without a registrable domain, only the host itself is looked up.
 */
export function providerKind(asciiHost: string, registrable: string | null): ProviderKind | null {
  const f = findProvider(asciiHost, registrable);
  return f === null || f.kind === 'corporate' ? null : f.kind;
}

/** The supplement entry that makes a host a consumer mailbox, if any. */
export function supplementEntry(asciiHost: string, registrable: string | null): ConsumerMailbox | null {
  const f = findProvider(asciiHost, registrable);
  return f === null || f.kind === 'corporate' ? null : (SUPPLEMENT.get(f.name) ?? null);
}

/** providerKind and isCorporateException in one walk: a ProviderKind, 'corporate', or null. */
export function providerOrCorporate(asciiHost: string, registrable: string | null): ProviderKind | 'corporate' | null {
  return findProvider(asciiHost, registrable)?.kind ?? null;
}

/** True when a corporate exception (or a trap pair's corporate side) is what decides for this host. */
export function isCorporateException(asciiHost: string, registrable: string | null): boolean {
  return findProvider(asciiHost, registrable)?.kind === 'corporate';
}

/**
 * The country of the consumer provider behind a domain (ISO 3166-1 alpha-2, "GB" for the United
 * Kingdom), or null when the domain is not a consumer mailbox of a provider with a country in the
 * supplement (gmail.com, a company's own domain …). For the jurisdiction: a British ISP on .com is
 * British, a Spanish one on .net Spanish. `domain`: a lower-case ASCII host (subdomains count as
 * their provider: smtp.orange.fr → FR).
 */
export function providerCountry(domain: string): string | null {
  if (typeof domain !== 'string' || domain.length === 0) return null;
  const host = domain.toLowerCase();
  let pos = 0;
  for (;;) {
    const name = pos === 0 ? host : host.slice(pos);
    if (CORPORATE_DOMAIN_SET.has(name)) return null;
    const s = SUPPLEMENT.get(name);
    if (s !== undefined) return s.country;
    const dot = host.indexOf('.', pos);
    if (dot < 0 || host.indexOf('.', dot + 1) < 0) return null; // stop before a bare TLD
    pos = dot + 1;
  }
}
