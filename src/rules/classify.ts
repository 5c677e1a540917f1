/**
 * classify(): who a recipient is (audience), which country's rules apply (jurisdiction) and what
 * regime follows, with the reasons. Pure and synchronous; never throws.
 */
import { parse as parseHost } from 'tldts';
import { parseAddress, type ParsedAddressOk } from './address.js';
import { hasStudentLabel, isRoleLocalPart, providerKind, type ProviderKind } from './lists.js';
import { jurisdictionReason, REASONS } from './reasons.js';
import { ALL_CHANNELS, FALLBACK_RULE, normalizeJurisdiction, ruleFor, ruleReason } from './regime.js';
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
// Domain facts, cached per ASCII domain

type UnknownKind = 'ip' | 'suffix' | 'public-suffix';

interface DomainInfo {
  /** Registrable domain (eTLD+1), Unicode form; null for IPs and bare public suffixes. */
  registrable: string | null;
  /** Same, ASCII form. */
  registrableAscii: string | null;
  unknown: UnknownKind | null;
  provider: ProviderKind | null;
  student: boolean;
  /** Country read from the ccTLD, when it is one we have rules for. */
  tldJurisdiction: Jurisdiction | null;
}

const HOST_OPTIONS = { allowPrivateDomains: false, extractHostname: false, validateHostname: false, detectIp: false } as const;
const HOST_OPTIONS_PRIVATE = { allowPrivateDomains: true, extractHostname: false, validateHostname: false, detectIp: false } as const;

/**
 * Two-generation cache: lookups hit the young map, then the old one (promoting the entry). When
 * the young map is full it becomes the old one, so frequent domains (gmail.com…) survive while a
 * stream of one-off domains is dropped.
 */
const DOMAIN_CACHE_MAX = 16384;
let youngCache = new Map<string, DomainInfo>();
let oldCache = new Map<string, DomainInfo>();

function tldJurisdiction(ascii: string): Jurisdiction | null {
  const n = ascii.length;
  if (n < 4 || ascii.charCodeAt(n - 3) !== 46) return null;
  const a = ascii.charCodeAt(n - 2);
  const b = ascii.charCodeAt(n - 1);
  if (a === 100 && b === 101) return 'DE'; // de
  if (a === 98 && b === 101) return 'BE'; // be
  if (a === 101 && b === 115) return 'ES'; // es
  if (a === 117 && b === 107) return 'GB'; // uk
  if (a === 117 && b === 115) return 'US'; // us
  return null;
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

function computeDomainInfo(p: ParsedAddressOk): DomainInfo {
  const ascii = p.asciiDomain;
  if (p.ipLiteral) {
    return { registrable: null, registrableAscii: null, unknown: 'ip', provider: null, student: false, tldJurisdiction: null };
  }
  const h = parseHost(ascii, HOST_OPTIONS);
  const regAscii = h.domain;
  let unknown: UnknownKind | null = null;
  if (regAscii === null) unknown = 'public-suffix';
  else if (h.isIcann !== true) unknown = 'suffix';
  const registrable = regAscii === null ? null : regAscii === ascii ? p.domain : lastLabels(p.domain, countLabels(regAscii));
  return {
    registrable,
    registrableAscii: regAscii,
    unknown,
    provider: providerKind(ascii, regAscii),
    student: hasStudentLabel(ascii, regAscii),
    tldJurisdiction: tldJurisdiction(ascii),
  };
}

function domainInfo(p: ParsedAddressOk): DomainInfo {
  const key = p.asciiDomain;
  let info = youngCache.get(key);
  if (info !== undefined) return info;
  info = oldCache.get(key);
  if (info === undefined) info = computeDomainInfo(p);
  if (youngCache.size >= DOMAIN_CACHE_MAX) {
    oldCache = youngCache;
    youngCache = new Map();
  }
  youngCache.set(key, info);
  return info;
}

// ---------------------------------------------------------------------------------------------
// Options

interface Context {
  defaultJurisdiction: Jurisdiction;
  channel: Channel;
  date: string;
  dateInvalid: boolean;
  topic: Topic | undefined;
  own: ReadonlySet<string> | null;
  overrides: Readonly<Record<string, OverrideKind>> | null;
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
  set: ReadonlySet<string>;
}
const ownCache = new WeakMap<readonly string[], OwnCacheEntry>();

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
  const cached = ownCache.get(list);
  if (cached !== undefined && sameSnapshot(cached.snapshot, list)) return cached.set.size > 0 ? cached.set : null;
  const set = new Set<string>();
  for (const raw of list) {
    const d = normalizeOwnDomain(raw);
    if (d === null) continue;
    const p = parseAddress('x@' + d);
    if (!p.ok) continue;
    const info = computeDomainInfo(p);
    if (info.provider !== null) continue;
    set.add(d);
    const priv = parseHost(p.asciiDomain, HOST_OPTIONS_PRIVATE).domain;
    if (priv !== null && priv !== p.asciiDomain) set.add(lastLabels(p.domain, countLabels(priv)));
  }
  const entry = { snapshot: list.slice(), set };
  ownCache.set(list, entry);
  return set.size > 0 ? set : null;
}

function buildContext(o: ClassifyOptions): Context {
  const date = o.date === undefined ? today() : normalizeDate(o.date);
  const topic = o.topic === 'energy-renovation' || o.topic === 'home-adaptation' ? o.topic : undefined;
  return {
    defaultJurisdiction: normalizeJurisdiction(o.jurisdiction) ?? 'FR',
    channel: typeof o.channel === 'string' && CHANNELS.has(o.channel) ? o.channel : 'email',
    date: date ?? today(),
    dateInvalid: date === null,
    topic,
    own: ownDomainSet(o.ownDomains),
    overrides: o.overrides !== null && typeof o.overrides === 'object' ? o.overrides : null,
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
const EMPTY_OPTIONS: ClassifyOptions = Object.freeze({});

function makeContext(options: ClassifyOptions | undefined): Context {
  const o: ClassifyOptions = options !== null && typeof options === 'object' ? options : EMPTY_OPTIONS;
  const c = contextCache.get(o);
  if (
    c !== undefined &&
    c.jurisdiction === o.jurisdiction &&
    c.channel === o.channel &&
    c.date === o.date &&
    c.topic === o.topic &&
    c.ownDomains === o.ownDomains &&
    c.overrides === o.overrides
  ) {
    const ctx = c.ctx;
    if (o.date === undefined) ctx.date = today();
    ctx.own = ownDomainSet(o.ownDomains); // re-checks the array's contents
    return ctx;
  }
  const ctx = buildContext(o);
  contextCache.set(o, {
    jurisdiction: o.jurisdiction,
    channel: o.channel,
    date: o.date,
    topic: o.topic,
    ownDomains: o.ownDomains,
    overrides: o.overrides,
    ctx,
  });
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

function findOverride(map: Readonly<Record<string, OverrideKind>>, p: ParsedAddressOk, info: DomainInfo): OverrideHit | null {
  let v = overrideValue(map, p.email);
  if (v === null && p.asciiDomain !== p.domain) v = overrideValue(map, p.local + '@' + p.asciiDomain);
  if (v !== null) return { kind: v, scope: 'address' };
  const d = walkDomain(p.domain, info.registrable, (dom) => overrideValue(map, dom));
  if (d !== null) return { kind: d, scope: 'domain' };
  if (p.asciiDomain !== p.domain) {
    const a = walkDomain(p.asciiDomain, info.registrableAscii, (dom) => overrideValue(map, dom));
    if (a !== null) return { kind: a, scope: 'domain' };
  }
  return null;
}

function isInternal(own: ReadonlySet<string>, p: ParsedAddressOk, info: DomainInfo): boolean {
  if (p.ipLiteral) return own.has(p.domain);
  return walkDomain(p.domain, info.registrable, (d) => (own.has(d) ? true : null)) === true;
}

/** Local part before any "+tag" (quoted local parts are left whole). */
function baseLocal(local: string): string {
  if (local.charCodeAt(0) === 34) return local;
  const plus = local.indexOf('+');
  return plus > 0 ? local.slice(0, plus) : local;
}

// ---------------------------------------------------------------------------------------------
// classify

function classifyWith(ctx: Context, input: string): RecipientResult {
  const parsed = parseAddress(input);
  if (!parsed.ok) {
    const reasons: Reason[] = [parsed.reason];
    if (ctx.dateInvalid) reasons.push(REASONS.dateInvalid);
    return {
      input: typeof input === 'string' ? input : String(input),
      email: null,
      domain: null,
      audience: 'invalid',
      regime: null,
      jurisdiction: ctx.defaultJurisdiction,
      flags: [],
      reasons,
    };
  }

  const info = domainInfo(parsed);
  const role = isRoleLocalPart(baseLocal(parsed.local));
  const ov = ctx.overrides !== null ? findOverride(ctx.overrides, parsed, info) : null;

  // Audience and its reasons (at most three).
  let audience: Audience;
  let r1: Reason;
  let r2: Reason | null = null;
  let r3: Reason | null = null;
  if (ov !== null) {
    if (ov.kind === 'business') {
      audience = role ? 'organization' : 'professional';
      r1 = ov.scope === 'address' ? REASONS.overrideBusinessAddress : REASONS.overrideBusinessDomain;
    } else {
      audience = 'private';
      r1 = ov.scope === 'address' ? REASONS.overridePrivateAddress : REASONS.overridePrivateDomain;
    }
  } else if (ctx.own !== null && isInternal(ctx.own, parsed, info)) {
    audience = 'internal';
    r1 = REASONS.internal;
  } else if (info.provider !== null) {
    audience = 'private';
    if (info.provider === 'disposable') r1 = REASONS.disposable;
    else {
      r1 = info.provider === 'isp' ? REASONS.isp : REASONS.freeMail;
      r2 = REASONS.soleTrader;
    }
    if (role) {
      if (r2 === null) r2 = REASONS.roleAtConsumer;
      else r3 = REASONS.roleAtConsumer;
    }
  } else if (info.student) {
    audience = 'private';
    r1 = REASONS.student;
  } else if (info.unknown !== null) {
    audience = 'unknown';
    r1 = info.unknown === 'ip' ? REASONS.unknownIp : info.unknown === 'suffix' ? REASONS.unknownSuffix : REASONS.unknownPublicSuffix;
  } else if (role) {
    audience = 'organization';
    r1 = REASONS.organization;
  } else {
    audience = 'professional';
    r1 = REASONS.professional;
  }

  let jurisdiction = ctx.defaultJurisdiction;
  let rj: Reason | null = null;
  if (info.tldJurisdiction !== null) {
    jurisdiction = info.tldJurisdiction;
    if (audience !== 'internal') rj = jurisdictionReason(jurisdiction);
  }
  // never null for the audiences above; the fallback only satisfies the type checker
  const rule = ruleFor(jurisdiction, ctx.channel, audience, ctx.date, ctx.topic) ?? FALLBACK_RULE;

  // Exact-size arrays: fewer bytes per result than push() growth.
  const nFlags = (info.provider !== null ? 1 : 0) + (info.student ? 1 : 0) + (role ? 1 : 0) + (ov !== null ? 1 : 0);
  const flags: Flag[] = new Array<Flag>(nFlags);
  let k = 0;
  if (info.provider !== null) flags[k++] = info.provider;
  if (info.student) flags[k++] = 'student';
  if (role) flags[k++] = 'role';
  if (ov !== null) flags[k++] = 'override';

  const nReasons = 1 + (r2 !== null ? 1 : 0) + (r3 !== null ? 1 : 0) + (rj !== null ? 1 : 0) + (ctx.dateInvalid ? 1 : 0) + 1;
  const reasons: Reason[] = new Array<Reason>(nReasons);
  reasons[0] = r1;
  k = 1;
  if (r2 !== null) reasons[k++] = r2;
  if (r3 !== null) reasons[k++] = r3;
  if (rj !== null) reasons[k++] = rj;
  if (ctx.dateInvalid) reasons[k++] = REASONS.dateInvalid;
  reasons[k] = ruleReason(rule);

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
