/**
 * classify(): who a recipient is (audience), which country's rules apply (jurisdiction) and what
 * regime follows, with the reasons. Pure and synchronous; never throws.
 *
 * Speed (the CLI classifies millions of rows): most inputs are a plain "local@domain" that
 * address.ts's one-pass scan accepts. For those, classifyWith works on the trimmed input itself,
 * with caches keyed by the characters of its domain and local part (hash.ts RangeCache): a domain
 * found in the cache needs no scanning, its facts (registrable domain, provider, TLD …) are read
 * from the cache, and the role check runs once per distinct local part. Everything else goes
 * through parseAddress (classifyParsed). The options are read once per options object, and the
 * regime rule once per context, jurisdiction and audience. classifyReference is the same
 * classification without any of these shortcuts or caches; tests compare the two.
 */
import { parse as parseHost } from 'tldts';
import {
  isPlainParsed,
  MAX_ADDRESS_LENGTH,
  MAX_INPUT_LENGTH,
  parseAddress,
  plainAddressScan,
  plainDomainScan,
  plainLocalScan,
  plainLower,
  plainPlus,
  trimAll,
  type ParsedAddressOk,
} from './address.js';
import { hashRange, hashString, RangeCache, sampleHash, StringCache } from './hash.js';
import { isCorporateException, providerKind, providerOrCorporate, type ProviderKind } from './lists.js';
import { addressCodes, decideAudience, domainStudentCode, localCode } from './mailbox.js';
import { jurisdictionReason, REASONS } from './reasons.js';
import { ALL_CHANNELS, FALLBACK_RULE, normalizeJurisdiction, ruleFor, ruleReason, type RegimeRule } from './regime.js';
import type {
  Audience,
  Channel,
  ClassifyOptions,
  Flag,
  Jurisdiction,
  OverrideKind,
  Reason,
  RecipientResult,
  Topic,
} from './types.js';

// ---------------------------------------------------------------------------------------------
// Domain facts

type UnknownKind = 'ip' | 'suffix' | 'public-suffix';

interface DomainInfo {
  /** Registrable domain (eTLD+1), Unicode form; null for IPs and bare public suffixes. */
  registrable: string | null;
  /** Same, ASCII form. */
  registrableAscii: string | null;
  unknown: UnknownKind | null;
  provider: ProviderKind | null;
  /** Student code of the domain (mailbox.ts domainStudentCode). */
  student: number;
  /** Country read from the ccTLD, when it is one we have rules for. */
  tldJurisdiction: Jurisdiction | null;
  /** unknown, provider, student and tldJurisdiction packed in one integer (see packFacts). */
  facts: number;
  /** Memo of isInternal() for one own-domain set (the sets are never mutated once built). */
  internalFor: ReadonlySet<string> | null;
  internal: boolean;
}

/*
 * Packed facts: bits 0-1 provider (none, free-mail, isp, disposable), bit 2 student, bits 3-4
 * unknown (none, ip, suffix, public-suffix), bits 5-7 TLD jurisdiction (none, DE, BE, ES, GB, US).
 */
const PROVIDER_OF: readonly (ProviderKind | null)[] = [null, 'free-mail', 'isp', 'disposable'];
const UNKNOWN_OF: readonly (UnknownKind | null)[] = [null, 'ip', 'suffix', 'public-suffix'];
const TLD_OF: readonly (Jurisdiction | null)[] = [null, 'DE', 'BE', 'ES', 'GB', 'US'];
// bits 8-9: student code (mailbox.ts domainStudentCode); bit 10: a corporate exception decided
const F_CORPORATE = 1 << 10;

function packFacts(provider: ProviderKind | null, student: number, unknown: UnknownKind | null, tld: Jurisdiction | null, corporate: boolean): number {
  return PROVIDER_OF.indexOf(provider) | (UNKNOWN_OF.indexOf(unknown) << 3) | (TLD_OF.indexOf(tld) << 5) | (student << 8) | (corporate ? F_CORPORATE : 0);
}

const HOST_OPTIONS = { allowPrivateDomains: false, extractHostname: false, validateHostname: false, detectIp: false } as const;
const HOST_OPTIONS_PRIVATE = { allowPrivateDomains: true, extractHostname: false, validateHostname: false, detectIp: false } as const;

/** Index in TLD_OF of the country read from the ccTLD, when it is one we have rules for; else 0. */
function tldCode(ascii: string): number {
  const n = ascii.length;
  if (n < 4 || ascii.charCodeAt(n - 3) !== 46) return 0;
  const a = ascii.charCodeAt(n - 2);
  const b = ascii.charCodeAt(n - 1);
  if (a === 100 && b === 101) return 1; // de
  if (a === 98 && b === 101) return 2; // be
  if (a === 101 && b === 115) return 3; // es
  if (a === 117 && b === 107) return 4; // uk
  if (a === 117 && b === 115) return 5; // us
  return 0;
}

/** Last `labels` labels of a dotted name. */
function lastLabels(name: string, labels: number): string {
  let pos = name.length;
  for (let k = 0; k < labels; k++) {
    pos = name.lastIndexOf('.', pos - 1);
    if (pos < 0) return name;
  }
  return name.slice(pos + 1);
}

function countLabels(name: string): number {
  let n = 1;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 46) n++;
  return n;
}

function makeInfo(
  registrable: string | null,
  registrableAscii: string | null,
  unknown: UnknownKind | null,
  provider: ProviderKind | null,
  student: number,
  tld: Jurisdiction | null,
  corporate = false,
): DomainInfo {
  return {
    registrable,
    registrableAscii,
    unknown,
    provider,
    student,
    tldJurisdiction: tld,
    facts: packFacts(provider, student, unknown, tld, corporate),
    internalFor: null,
    internal: false,
  };
}

/** Registrable domain (Unicode, ASCII) of the last domainFacts call. */
let factsRegistrable: string | null = null;
let factsRegistrableAscii: string | null = null;

/** The packed facts about a domain (not an IP) given in ASCII and Unicode form (equal for ASCII domains). */
function domainFacts(ascii: string, unicode: string): number {
  const h = parseHost(ascii, HOST_OPTIONS);
  const regAscii = h.domain;
  const unknown = regAscii === null ? 3 /* public-suffix */ : h.isIcann !== true ? 2 /* suffix */ : 0;
  factsRegistrable = regAscii === null ? null : regAscii === ascii ? unicode : lastLabels(unicode, countLabels(regAscii));
  factsRegistrableAscii = regAscii;
  const pc = providerOrCorporate(ascii, regAscii);
  const provider = pc === 'corporate' ? null : pc;
  return (
    (provider === null ? 0 : provider === 'free-mail' ? 1 : provider === 'isp' ? 2 : 3) |
    (unknown << 3) |
    (tldCode(ascii) << 5) |
    (domainStudentCode(ascii, regAscii) << 8) |
    (pc === 'corporate' ? F_CORPORATE : 0)
  );
}

/** Facts about a domain: its ASCII form, Unicode form (equal for ASCII domains), IP or not. */
function computeDomainInfo(ascii: string, unicode: string, ipLiteral: boolean): DomainInfo {
  if (ipLiteral) return makeInfo(null, null, 'ip', null, 0, null);
  const facts = domainFacts(ascii, unicode);
  return makeInfo(
    factsRegistrable,
    factsRegistrableAscii,
    UNKNOWN_OF[(facts >> 3) & 3]!,
    PROVIDER_OF[facts & 3]!,
    (facts >> 8) & 3,
    TLD_OF[(facts >> 5) & 7]!,
    (facts & F_CORPORATE) !== 0,
  );
}

/**
 * Domain facts per ASCII domain, for parseAddress results (see hash.ts: frequent domains stay,
 * one-off domains cycle through the probation way). 2 × 4096 entries.
 */
const NO_INFO: DomainInfo = makeInfo(null, null, null, null, 0, null);
const domainCache = new StringCache<DomainInfo>(12, NO_INFO);

/**
 * computeDomainInfo through the cache, keyed by the ASCII domain (its Unicode form and IP-ness
 * follow from it); `h` is hashString(ascii).
 */
function domainInfoHashed(ascii: string, unicode: string, ipLiteral: boolean, h: number): DomainInfo {
  const slot = domainCache.find(ascii, h);
  if (slot >= 0) return domainCache.value(slot);
  const info = computeDomainInfo(ascii, unicode, ipLiteral);
  domainCache.add(ascii, h, info);
  return info;
}

function domainInfo(p: ParsedAddressOk): DomainInfo {
  return domainInfoHashed(p.asciiDomain, p.domain, p.ipLiteral, hashString(p.asciiDomain));
}

/**
 * Plain addresses (see classifyWith) use two caches keyed by characters of the address itself:
 *
 * plainDomains, by domain (lower-case ASCII, up to 32 characters): `a` the packed facts, `b` the
 * isInternal memo (ownId × 2 + answer, or -1), the value the registrable domain. Only domains of
 * addresses the one-pass scan accepted are stored, so a domain found there is one the scan accepts.
 *
 * plainRoles, by local part before any "+tag" (lower-case Latin-1, up to 32 characters): `a` 1
 * when it is a role.
 *
 * 2 × 4096 entries each.
 */
const plainDomains = new RangeCache<string | null>(12, null);
const plainRoles = new RangeCache<null>(12, null);

// ---------------------------------------------------------------------------------------------
// Options

interface Context {
  defaultJurisdiction: Jurisdiction;
  channel: Channel;
  date: string;
  dateInvalid: boolean;
  topic: Topic | undefined;
  own: ReadonlySet<string> | null;
  /** A number for `own` (0 when null), for the plain domains' isInternal memo, given in `ownEpoch`. */
  ownId: number;
  ownEpoch: number;
  /** Bit i set when some own domain has i characters (i < 31), bit 31 for longer ones. */
  ownLengths: number;
  overrides: Readonly<Record<string, OverrideKind>> | null;
  /** ruleFor(jurisdiction, channel, audience, date, topic) and its reason, per jurisdiction and audience, for `memoDate`. */
  rules: (RegimeRule | null)[];
  ruleReasons: (Reason | null)[];
  memoDate: string;
}

const CHANNELS = new Set<string>(ALL_CHANNELS);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** "YYYY-MM-DD" (optionally followed by "T…"), month 01-12, day 01-31 → the date part; else null. */
export function normalizeDate(d: unknown): string | null {
  if (typeof d !== 'string' || d.length < 10) return null;
  if (d.length > 10 && d.charCodeAt(10) !== 84 /* T */ && d.charCodeAt(10) !== 32) return null;
  for (let i = 0; i < 10; i++) {
    const c = d.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : !isDigit(c)) return null;
  }
  const m = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
  const day = (d.charCodeAt(8) - 48) * 10 + (d.charCodeAt(9) - 48);
  if (m < 1 || m > 12 || day < 1 || day > 31) return null;
  return d.length === 10 ? d : d.slice(0, 10);
}

let todayCache = '';
let todayExpires = 0;

/** Today's local date as YYYY-MM-DD (cached until midnight). */
export function today(): string {
  const now = Date.now();
  if (now < todayExpires) return todayCache;
  const d = new Date(now);
  const y = d.getFullYear();
  const m = d.getMonth() + 1;
  const day = d.getDate();
  todayCache = `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
  todayExpires = new Date(y, m - 1, day + 1).getTime();
  return todayCache;
}

/** Lower-case, strip "mailto:", "@", "*.", trailing dot, and map to Unicode. */
function normalizeOwnDomain(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  let s = raw.trim();
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  if (s.startsWith('*.')) s = s.slice(2);
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (s.length === 0 || s.indexOf('.') < 0) return null;
  const p = parseAddress('x@' + s);
  return p.ok ? p.domain : null;
}

interface OwnCacheEntry {
  snapshot: readonly string[];
  /** The set, or null when it is empty. */
  set: ReadonlySet<string> | null;
}
const ownCache = new WeakMap<readonly string[], OwnCacheEntry>();
/** The last list built, checked before the WeakMap (callers pass the same options again and again). */
let lastOwnList: readonly string[] | null = null;
let lastOwnEntry: OwnCacheEntry | undefined;

function sameSnapshot(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The user's own domains as given plus their registrable domains (a colleague on acme.fr is
 * internal when "mail.acme.fr" was entered). Consumer-provider domains are ignored: entering
 * gmail.com must not make every Gmail user a colleague.
 */
function ownDomainSet(list: readonly string[] | undefined): ReadonlySet<string> | null {
  if (!Array.isArray(list) || list.length === 0) return null;
  const cached = list === lastOwnList ? lastOwnEntry : ownCache.get(list);
  if (cached !== undefined && sameSnapshot(cached.snapshot, list)) return cached.set;
  const set = new Set<string>();
  for (const raw of list) {
    const d = normalizeOwnDomain(raw);
    if (d === null) continue;
    const p = parseAddress('x@' + d);
    if (!p.ok) continue;
    const info = computeDomainInfo(p.asciiDomain, p.domain, p.ipLiteral);
    if (info.provider !== null) continue;
    set.add(d);
    const priv = parseHost(p.asciiDomain, HOST_OPTIONS_PRIVATE).domain;
    if (priv !== null && priv !== p.asciiDomain) set.add(lastLabels(p.domain, countLabels(priv)));
  }
  const entry = { snapshot: list.slice(), set: set.size > 0 ? set : null };
  ownCache.set(list, entry);
  lastOwnList = list;
  lastOwnEntry = entry;
  return entry.set;
}

/** Numbers for own-domain sets (1, 2, …), so that a memo can name the set it was made for. */
let ownIds = new WeakMap<ReadonlySet<string>, number>();
let nextOwnId = 1;
/** Bumped when the numbering starts again: contexts then ask for their set's number again. */
let ownEpoch = 0;

function ownIdOf(own: ReadonlySet<string> | null): number {
  if (own === null) return 0;
  let id = ownIds.get(own);
  if (id === undefined) {
    if (nextOwnId >= 1 << 29) {
      // start again (after half a billion sets): forget every number and every memo made with one
      ownIds = new WeakMap();
      nextOwnId = 1;
      ownEpoch++;
      plainDomains.resetB(-1);
    }
    id = nextOwnId++;
    ownIds.set(own, id);
  }
  return id;
}

function lengthsOf(own: ReadonlySet<string> | null): number {
  let mask = 0;
  if (own !== null) for (const d of own) mask |= 1 << Math.min(d.length, 31);
  return mask;
}

function buildContext(o: ClassifyOptions): Context {
  const date = o.date === undefined ? today() : normalizeDate(o.date);
  const topic = o.topic === 'energy-renovation' || o.topic === 'home-adaptation' ? o.topic : undefined;
  const own = ownDomainSet(o.ownDomains);
  return {
    defaultJurisdiction: normalizeJurisdiction(o.jurisdiction) ?? 'FR',
    channel: typeof o.channel === 'string' && CHANNELS.has(o.channel) ? o.channel : 'email',
    date: date ?? today(),
    dateInvalid: date === null,
    topic,
    own,
    ownId: ownIdOf(own),
    ownEpoch,
    ownLengths: lengthsOf(own),
    overrides: o.overrides !== null && typeof o.overrides === 'object' ? o.overrides : null,
    rules: new Array<RegimeRule | null>(RULE_MEMO_SIZE).fill(null),
    ruleReasons: new Array<Reason | null>(RULE_MEMO_SIZE).fill(null),
    memoDate: '',
  };
}

interface CachedContext {
  jurisdiction: unknown;
  channel: unknown;
  date: unknown;
  topic: unknown;
  ownDomains: unknown;
  overrides: unknown;
  ctx: Context;
}

/** Contexts per options object, re-checked field by field (options may be mutated between calls). */
const contextCache = new WeakMap<object, CachedContext>();
/** The last options object seen, checked before the WeakMap. */
let lastOptions: object | null = null;
let lastContext: CachedContext | undefined;
const EMPTY_OPTIONS: ClassifyOptions = Object.freeze({});

function makeContext(options: ClassifyOptions | undefined): Context {
  const o: ClassifyOptions = options !== null && typeof options === 'object' ? options : EMPTY_OPTIONS;
  const c = o === lastOptions ? lastContext : contextCache.get(o);
  if (
    c !== undefined &&
    c.jurisdiction === o.jurisdiction &&
    c.channel === o.channel &&
    c.date === o.date &&
    c.topic === o.topic &&
    c.ownDomains === o.ownDomains &&
    c.overrides === o.overrides
  ) {
    lastOptions = o;
    lastContext = c;
    const ctx = c.ctx;
    if (o.date === undefined) ctx.date = today();
    const own = ownDomainSet(o.ownDomains); // re-checks the array's contents
    if (own !== ctx.own || ctx.ownEpoch !== ownEpoch) {
      ctx.own = own;
      ctx.ownId = ownIdOf(own);
      ctx.ownLengths = lengthsOf(own);
      ctx.ownEpoch = ownEpoch;
    }
    return ctx;
  }
  const ctx = buildContext(o);
  const entry: CachedContext = {
    jurisdiction: o.jurisdiction,
    channel: o.channel,
    date: o.date,
    topic: o.topic,
    ownDomains: o.ownDomains,
    overrides: o.overrides,
    ctx,
  };
  contextCache.set(o, entry);
  lastOptions = o;
  lastContext = entry;
  return ctx;
}

// ---------------------------------------------------------------------------------------------
// Matching helpers

const hasOwn = Object.prototype.hasOwnProperty;

function overrideValue(map: Readonly<Record<string, OverrideKind>>, key: string): OverrideKind | null {
  if (!hasOwn.call(map, key)) return null;
  const v = map[key];
  return v === 'business' || v === 'private' ? v : null;
}

/**
 * Calls `fn` with the full domain and each parent down to `stop` (the registrable domain), or
 * down to the last two labels when there is none. Stops at the first truthy return.
 */
function walkDomain<T>(domain: string, stop: string | null, fn: (d: string) => T | null): T | null {
  const minLen = stop !== null ? stop.length : lastLabels(domain, 2).length;
  let pos = 0;
  for (;;) {
    const d = pos === 0 ? domain : domain.slice(pos);
    const r = fn(d);
    if (r !== null) return r;
    const dot = domain.indexOf('.', pos);
    if (dot < 0) return null;
    pos = dot + 1;
    if (domain.length - pos < minLen) return null;
  }
}

interface OverrideHit {
  kind: OverrideKind;
  scope: 'address' | 'domain';
}

function findOverride(
  map: Readonly<Record<string, OverrideKind>>,
  p: ParsedAddressOk,
  registrable: string | null,
  registrableAscii: string | null,
): OverrideHit | null {
  let v = overrideValue(map, p.email);
  if (v === null && p.asciiDomain !== p.domain) v = overrideValue(map, p.local + '@' + p.asciiDomain);
  if (v !== null) return { kind: v, scope: 'address' };
  const d = walkDomain(p.domain, registrable, (dom) => overrideValue(map, dom));
  if (d !== null) return { kind: d, scope: 'domain' };
  if (p.asciiDomain !== p.domain) {
    const a = walkDomain(p.asciiDomain, registrableAscii, (dom) => overrideValue(map, dom));
    if (a !== null) return { kind: a, scope: 'domain' };
  }
  return null;
}

function isInternal(own: ReadonlySet<string>, p: ParsedAddressOk, info: DomainInfo): boolean {
  if (p.ipLiteral) return own.has(p.domain);
  return walkDomain(p.domain, info.registrable, (d) => (own.has(d) ? true : null)) === true;
}

/**
 * isInternal for the domain of a plain address, email[at + 1, …) (not an IP): the domain or a
 * parent down to `registrable` (its last labels) is one of ctx.own.
 */
function isInternalPlain(ctx: Context, email: string, at: number, registrable: string | null): boolean {
  const own = ctx.own!;
  const lengths = ctx.ownLengths;
  const n = email.length - at - 1;
  if (registrable !== null && registrable.length === n) {
    // the domain is its registrable domain: walkDomain would only try the domain itself
    return (lengths & (1 << Math.min(n, 31))) !== 0 && own.has(email.slice(at + 1));
  }
  return walkDomain(email.slice(at + 1), registrable, (d) => ((lengths & (1 << Math.min(d.length, 31))) !== 0 && own.has(d) ? true : null)) === true;
}

/**
 * isInternal, remembered in the domain's info for the last own-domain set asked about: the answer
 * only depends on the domain and the set.
 */
function isInternalMemo(own: ReadonlySet<string>, p: ParsedAddressOk, info: DomainInfo): boolean {
  if (info.internalFor === own) return info.internal;
  const internal = isInternal(own, p, info);
  info.internalFor = own;
  info.internal = internal;
  return internal;
}

/** Local part before any "+tag" (quoted local parts are left whole). */
function baseLocal(local: string): string {
  if (local.charCodeAt(0) === 34) return local;
  const plus = local.indexOf('+');
  return plus > 0 ? local.slice(0, plus) : local;
}

/** mailbox.ts localCode per base local part (local parts repeat far more than they vary). 2 × 4096. */
const roleCache = new StringCache<number>(12, 0);

/** localCode(base) through the cache; `h` is hashString(base). */
function isRoleHashed(base: string, h: number): number {
  const slot = roleCache.find(base, h);
  if (slot >= 0) return roleCache.value(slot);
  const role = localCode(base);
  roleCache.add(base, h, role);
  return role;
}

function isRoleCached(local: string): number {
  const base = baseLocal(local);
  if (base.length === 0) return localCode(base);
  return isRoleHashed(base, hashString(base));
}

/**
 * isRoleLocalPart(baseLocal(email[0, at))) for a plain address (lower-case, Latin-1 local part);
 * `plus` is the index of the local part's first '+', or -1.
 */
function plainRole(email: string, at: number, plus: number): number {
  const end = plus > 0 ? plus : at;
  if (!RangeCache.fits(0, end)) return isRoleHashed(email.slice(0, end), hashRange(email, 0, end));
  const h = sampleHash(email, 0, end);
  let e = plainRoles.find(email, 0, end, h);
  if (e < 0) e = plainRoles.add(email, 0, end, h, localCode(email.slice(0, end)), 0, null);
  return plainRoles.a(e);
}

/** Entry of plainDomains for email[start, end) (a plain address's lower-case domain that fits), added when missing. */
function plainDomainEntry(email: string, start: number, end: number, h: number): number {
  const e = plainDomains.find(email, start, end, h);
  if (e >= 0) return e;
  return addPlainDomain(email, start, end, h);
}

/** Adds email[start, end) (a plain address's lower-case domain that fits, just missed) to plainDomains. */
function addPlainDomain(email: string, start: number, end: number, h: number): number {
  const domain = email.slice(start, end);
  const facts = domainFacts(domain, domain);
  return plainDomains.add(email, start, end, h, facts, -1, factsRegistrable);
}

// ---------------------------------------------------------------------------------------------
// Regime rules, remembered per context

const RULE_MEMO_SIZE = 30; // 6 jurisdictions × 5 audiences

function jurisdictionIndex(j: Jurisdiction): number {
  switch (j) {
    case 'FR':
      return 0;
    case 'DE':
      return 1;
    case 'BE':
      return 2;
    case 'ES':
      return 3;
    case 'GB':
      return 4;
    default:
      return 5; // US
  }
}

function audienceIndex(a: Audience): number {
  switch (a) {
    case 'private':
      return 0;
    case 'professional':
      return 1;
    case 'organization':
      return 2;
    case 'unknown':
      return 3;
    default:
      return 4; // internal
  }
}

/** Index of ruleFor(j, ctx.channel, a, ctx.date, ctx.topic) in ctx.rules / ctx.ruleReasons, filled on first use. */
function ruleSlot(ctx: Context, j: Jurisdiction, a: Audience): number {
  if (ctx.memoDate !== ctx.date) {
    ctx.rules.fill(null);
    ctx.ruleReasons.fill(null);
    ctx.memoDate = ctx.date;
  }
  const k = jurisdictionIndex(j) * 5 + audienceIndex(a);
  if (ctx.rules[k] === null) {
    // never null for the audiences classify gives; the fallback only satisfies the type checker
    const rule = ruleFor(j, ctx.channel, a, ctx.date, ctx.topic) ?? FALLBACK_RULE;
    ctx.rules[k] = rule;
    ctx.ruleReasons[k] = ruleReason(rule);
  }
  return k;
}

// ---------------------------------------------------------------------------------------------
// classify

function invalidResult(ctx: Context, input: string, reason: Reason): RecipientResult {
  return {
    input: typeof input === 'string' ? input : String(input),
    email: null,
    domain: null,
    audience: 'invalid',
    regime: null,
    jurisdiction: ctx.defaultJurisdiction,
    flags: [],
    reasons: ctx.dateInvalid ? [reason, REASONS.dateInvalid] : [reason],
  };
}

/**
 * The result for a valid address, from what parsing and the caches found: the normalised address,
 * its display name, the domain's packed facts and registrable domain, what the local part says
 * (mailbox.ts localCode), the override that applies (if any) and whether the domain is one of ours.
 * Who the recipient is comes from mailbox.ts decideAudience.
 */
function decide(
  ctx: Context,
  input: string,
  email: string,
  name: string | undefined,
  facts: number,
  registrable: string | null,
  role: number,
  ov: OverrideHit | null,
  internal: boolean,
): RecipientResult {
  const tld = TLD_OF[(facts >> 5) & 7]!;
  const codes = addressCodes(email, email.lastIndexOf('@'), registrable, role, (facts >> 8) & 3);
  const d = decideAudience({
    override: ov,
    internal,
    provider: PROVIDER_OF[facts & 3]!,
    codes,
    unknown: (facts >> 3) & 3,
    corporate: (facts & F_CORPORATE) !== 0,
  });
  const audience = d.audience;

  let jurisdiction = ctx.defaultJurisdiction;
  const reasons = d.reasons;
  if (tld !== null) {
    jurisdiction = tld;
    if (audience !== 'internal') reasons.push(jurisdictionReason(tld));
  }
  const slot = ruleSlot(ctx, jurisdiction, audience);
  const rule = ctx.rules[slot]!;
  if (ctx.dateInvalid) reasons.push(REASONS.dateInvalid);
  reasons.push(ctx.ruleReasons[slot]!);

  if (name === undefined) {
    return { input, email, domain: registrable, audience, regime: rule.regime, jurisdiction, flags: d.flags, reasons, ruleId: rule.id };
  }
  return { input, email, domain: registrable, audience, regime: rule.regime, jurisdiction, flags: d.flags, reasons, ruleId: rule.id, name };
}

/** The general path: parseAddress, then the (cached) facts about its parts. */
function classifyParsed(ctx: Context, input: string): RecipientResult {
  const parsed = parseAddress(input);
  if (!parsed.ok) return invalidResult(ctx, input, parsed.reason);
  const email = parsed.email;
  const at = parsed.local.length;
  if (isPlainParsed(parsed) && RangeCache.fits(at + 1, email.length)) {
    // "Name <local@domain>" and the like, around a plain address
    const plus = email.indexOf('+');
    return classifyPlain(ctx, input, email, at, plus < at ? plus : -1, parsed.name);
  }
  const info = domainInfo(parsed);
  const role = isRoleCached(parsed.local);
  const ov = ctx.overrides !== null ? findOverride(ctx.overrides, parsed, info.registrable, info.registrableAscii) : null;
  const internal = ov === null && ctx.own !== null && isInternalMemo(ctx.own, parsed, info);
  return decide(ctx, input, email, parsed.name, info.facts, info.registrable, role, ov, internal);
}

/**
 * A plain address: `email` is "local@domain" as the one-pass scan accepted it (lower-case, with a
 * Latin-1 local part), '@' at `at`, the domain short enough for plainDomains.
 */
function classifyPlain(ctx: Context, input: string, email: string, at: number, plus: number, name: string | undefined): RecipientResult {
  const start = at + 1;
  const end = email.length;
  const de = plainDomainEntry(email, start, end, sampleHash(email, start, end));
  return decidePlain(ctx, input, email, at, name, plainRole(email, at, plus), de);
}

/** decide() for a plain address whose domain is entry `de` of plainDomains. */
function decidePlain(ctx: Context, input: string, email: string, at: number, name: string | undefined, role: number, de: number): RecipientResult {
  const registrable = plainDomains.value(de);
  let ov: OverrideHit | null = null;
  if (ctx.overrides !== null) {
    const domain = email.slice(at + 1);
    const parsed: ParsedAddressOk = { ok: true, email, local: email.slice(0, at), domain, asciiDomain: domain, ipLiteral: false };
    ov = findOverride(ctx.overrides, parsed, registrable, registrable);
  }
  let internal = false;
  if (ov === null && ctx.own !== null) {
    const memo = plainDomains.b(de);
    if (memo >>> 1 === ctx.ownId) internal = (memo & 1) === 1;
    else {
      internal = isInternalPlain(ctx, email, at, registrable);
      plainDomains.setB(de, ctx.ownId * 2 + (internal ? 1 : 0));
    }
  }
  return decide(ctx, input, email, name, plainDomains.a(de), registrable, role, ov, internal);
}

/**
 * Most inputs are a plain "local@domain" that parseAddress would take in one pass. When the
 * trimmed input starts with such a local part, in lower case, and its domain is in plainDomains,
 * it is one (see plainDomains) and its domain needs no scanning; otherwise the one-pass scan
 * decides, and only then parseAddress.
 */
function classifyWith(ctx: Context, input: string): RecipientResult {
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return classifyParsed(ctx, input);
  const s = trimAll(input);
  const n = s.length;
  if (n < 5 || n > MAX_ADDRESS_LENGTH) return classifyParsed(ctx, input);
  // "Name <addr>", "addr (Name)": not plain (a plain address ends with a letter or digit)
  const last = s.charCodeAt(n - 1);
  if (last === 62 || last === 41) return classifyParsed(ctx, input);
  const at = plainLocalScan(s);
  if (at > 0 && RangeCache.fits(at + 1, n)) {
    const plus = plainPlus();
    const dh = sampleHash(s, at + 1, n);
    let de = plainDomains.find(s, at + 1, n, dh);
    if (de < 0) {
      const d = plainDomainScan(s, at);
      if (d < 0) return classifyParsed(ctx, input);
      if (d === 1) return classifyPlain(ctx, input, s.toLowerCase(), at, plus, undefined);
      de = addPlainDomain(s, at + 1, n, dh);
    }
    return decidePlain(ctx, input, s, at, undefined, plainRole(s, at, plus), de);
  }
  const scanned = plainAddressScan(s);
  if (scanned < 0 || !RangeCache.fits(scanned + 1, n)) return classifyParsed(ctx, input);
  return classifyPlain(ctx, input, plainLower() ? s.toLowerCase() : s, scanned, plainPlus(), undefined);
}

/** Classifies one recipient. Never throws. */
export function classify(input: string, options?: ClassifyOptions): RecipientResult {
  return classifyWith(makeContext(options), input);
}

/** Classifies many recipients with the same options (options are read once). */
export function classifyMany(inputs: Iterable<string>, options?: ClassifyOptions): RecipientResult[] {
  const ctx = makeContext(options);
  const out: RecipientResult[] = [];
  if (inputs === null || inputs === undefined) return out;
  if (Array.isArray(inputs)) {
    for (let i = 0; i < inputs.length; i++) out.push(classifyWith(ctx, inputs[i]));
    return out;
  }
  if (typeof inputs === 'string') return [classifyWith(ctx, inputs)];
  for (const s of inputs) out.push(classifyWith(ctx, s));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reference

/**
 * classify without the fast paths and caches above: parseAddress, facts computed afresh, the
 * options read afresh, the result built step by step. For tests, which check that classify and
 * classifyMany give exactly the same results.
 */
export function classifyReference(input: string, options?: ClassifyOptions): RecipientResult {
  const ctx = buildContext(options !== null && typeof options === 'object' ? options : EMPTY_OPTIONS);
  const parsed = parseAddress(input);
  if (!parsed.ok) return invalidResult(ctx, input, parsed.reason);

  const info = referenceDomainInfo(parsed);
  const base = baseLocal(parsed.local);
  const ov = ctx.overrides !== null ? findOverride(ctx.overrides, parsed, info.registrable, info.registrableAscii) : null;
  const d = decideAudience({
    override: ov,
    internal: ov === null && ctx.own !== null && isInternal(ctx.own, parsed, info),
    provider: info.provider,
    codes: addressCodes(parsed.email, parsed.local.length, info.registrable, localCode(base), info.student),
    unknown: info.unknown === null ? 0 : UNKNOWN_OF.indexOf(info.unknown),
    corporate: (info.facts & F_CORPORATE) !== 0,
  });
  const audience = d.audience;
  const reasons = d.reasons;
  const flags = d.flags;

  let jurisdiction = ctx.defaultJurisdiction;
  if (info.tldJurisdiction !== null) {
    jurisdiction = info.tldJurisdiction;
    if (audience !== 'internal') reasons.push(jurisdictionReason(jurisdiction));
  }
  const rule = ruleFor(jurisdiction, ctx.channel, audience, ctx.date, ctx.topic) ?? FALLBACK_RULE;
  if (ctx.dateInvalid) reasons.push(REASONS.dateInvalid);
  reasons.push(ruleReason(rule));

  const result: RecipientResult = {
    input,
    email: parsed.email,
    domain: info.registrable,
    audience,
    regime: rule.regime,
    jurisdiction,
    flags,
    reasons,
    ruleId: rule.id,
  };
  if (parsed.name !== undefined) result.name = parsed.name;
  return result;
}

/** The domain's facts as classify computed them before the caches (tldts, then the lists). */
function referenceDomainInfo(p: ParsedAddressOk): DomainInfo {
  if (p.ipLiteral) return makeInfo(null, null, 'ip', null, 0, null);
  const ascii = p.asciiDomain;
  const h = parseHost(ascii, HOST_OPTIONS);
  const regAscii = h.domain;
  let unknown: UnknownKind | null = null;
  if (regAscii === null) unknown = 'public-suffix';
  else if (h.isIcann !== true) unknown = 'suffix';
  const registrable = regAscii === null ? null : regAscii === ascii ? p.domain : lastLabels(p.domain, countLabels(regAscii));
  const provider = providerKind(ascii, regAscii);
  return makeInfo(registrable, regAscii, unknown, provider, domainStudentCode(ascii, regAscii), TLD_OF[tldCode(ascii)]!, provider === null && isCorporateException(ascii, regAscii));
}
