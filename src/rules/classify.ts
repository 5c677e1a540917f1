/**
 * classify(): who a recipient is (audience), which country's rules apply (jurisdiction) and what
 * regime follows, with the reasons. Pure and synchronous; never throws.
 *
 * The plain algorithm: parse the address (address.ts), look up the facts about its domain
 * (registrable domain, consumer provider, student subdomain, country), the role words of its
 * local part, the user's overrides and own domains, then the regime rule (regime.ts). Memos
 * keep it fast enough for the CLI (1 M rows in a few seconds): the facts per domain (bounded:
 * domains repeat far more than they vary), the verdicts given per kind of domain (see DomainKind,
 * Verdict), and the user's own-domain set per list given.
 */
import { parse as parseHost } from 'tldts';
import { parseAddress, normalizeDomain, type ParsedAddressOk } from './address.js';
import { normalizeDate, today } from './dates.js';
import { providerOrCorporate, type ProviderKind } from './lists.js';
import { addressCodes, decideAudience, domainMarks, domainStudentCode, localCode } from './mailbox.js';
import { decideJurisdiction, domainCountry, normalizeJurisdiction, type DomainCountry, type JurisdictionDecision } from './jurisdictions.js';
import { FRENCH_AUDIENCE_REASONS, REASONS } from './reasons.js';
import { ALL_CHANNELS, FALLBACK_RULE, ruleFor, ruleReason } from './regime.js';
import type { Audience, Channel, ClassifyOptions, Flag, Jurisdiction, OverrideKind, Reason, RecipientResult, Regime, Topic } from './types.js';

export { normalizeDate, today } from './dates.js';

// ---------------------------------------------------------------------------------------------
// Domain facts

type UnknownKind = 'ip' | 'suffix' | 'public-suffix';

interface DomainInfo {
  /** Registrable domain (eTLD+1), Unicode form; null for IPs and bare public suffixes. */
  registrable: string | null;
  /** Same, ASCII form. */
  registrableAscii: string | null;
  /** What the domain says about students (mailbox.ts domainStudentCode). */
  student: number;
  /** What the local part may say at this domain (mailbox.ts domainMarks). */
  marks: number;
  /** The rest of the facts, shared with the domains that have the same. */
  kind: DomainKind;
}

/**
 * The facts about a domain that decide() reads, once for all the domains that have the same
 * (every company domain in .fr is one kind; a consumer provider whose country is read from its
 * list entry is a kind of its own, its name being in the jurisdiction's reason), with the verdicts
 * given there. A few hundred kinds at most, as many as the lists and TLDs make: they stay in the
 * processor's cache while the domains' own facts, tens of thousands in a big list, do not.
 */
interface DomainKind {
  unknown: UnknownKind | null;
  provider: ProviderKind | null;
  /** A corporate exception decided that the domain is no consumer provider (lists.ts). */
  corporate: boolean;
  /** The country the domain names (consumer provider's country, else ccTLD); null for IPs. */
  country: DomainCountry | null;
  /** The registrable ASCII domain when the jurisdiction's reason names it (a provider's country), else null. */
  reasonDomain: string | null;
  /** Memo of decideJurisdiction for the last default jurisdiction asked about. */
  decisionFor: Jurisdiction | null;
  decision: JurisdictionDecision | null;
  /** The verdicts given without an override, by key (see Verdict), under the context of stamp `verdictsStamp`. */
  verdicts: (Verdict | undefined)[];
  verdictsStamp: number;
}

/**
 * What classify decides for an address once its facts are known: everything in the result but the
 * address itself. Without an override it depends only on the domain's kind, the local part's codes
 * (mailbox.ts addressCodes, which hold the domain's student code), whether the domain is the
 * user's own, and the context (default jurisdiction, channel, date, topic): a kind keeps the
 * verdicts it gave instead of deciding again for each address.
 */
interface Verdict {
  audience: Audience;
  regime: Regime;
  jurisdiction: Jurisdiction;
  /** Never handed out: each result gets its own copy of both arrays. */
  flags: Flag[];
  reasons: Reason[];
  ruleId: string;
  country: string | null;
}

/** The verdicts' key: addressCodes() × 2, + 1 when internal. */
function verdictKey(codes: number, internal: boolean): number {
  return codes * 2 + (internal ? 1 : 0);
}

const HOST_OPTIONS = { allowPrivateDomains: false, extractHostname: false, validateHostname: false, detectIp: false } as const;
const HOST_OPTIONS_PRIVATE = { allowPrivateDomains: true, extractHostname: false, validateHostname: false, detectIp: false } as const;

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
  return name.split('.').length;
}

function newKind(unknown: UnknownKind | null, provider: ProviderKind | null, corporate: boolean, country: DomainCountry | null, reasonDomain: string | null): DomainKind {
  return { unknown, provider, corporate, country, reasonDomain, decisionFor: null, decision: null, verdicts: [], verdictsStamp: -1 };
}

/** The kinds met so far, by their facts; forgotten all at once should a run of odd TLDs ever fill it (the domains keep theirs). */
const KIND_MEMO_SIZE = 4096;
const kinds = new Map<string, DomainKind>();

function kindOf(unknown: UnknownKind | null, provider: ProviderKind | null, corporate: boolean, country: DomainCountry | null, registrableAscii: string | null): DomainKind {
  const reasonDomain = country !== null && country.source === 'provider' ? registrableAscii : null;
  const key = `${unknown} ${provider} ${corporate} ${country === null ? '' : `${country.country} ${country.source} ${country.tld}`} ${reasonDomain}`;
  let k = kinds.get(key);
  if (k === undefined) {
    k = newKind(unknown, provider, corporate, country, reasonDomain);
    if (kinds.size >= KIND_MEMO_SIZE) kinds.clear();
    kinds.set(key, k);
  }
  return k;
}

/** Every IP address: one set of facts (frozen), one kind. */
const IP_INFO: DomainInfo = Object.freeze({
  registrable: null,
  registrableAscii: null,
  student: 0,
  marks: 0,
  kind: newKind('ip', null, false, null, null),
});

/** Facts about a (non-IP) domain given in ASCII and Unicode form. */
function computeDomainInfo(ascii: string, unicode: string): DomainInfo {
  const h = parseHost(ascii, HOST_OPTIONS);
  const regAscii = h.domain;
  const unknown: UnknownKind | null = regAscii === null ? 'public-suffix' : h.isIcann !== true ? 'suffix' : null;
  const registrable = regAscii === null ? null : regAscii === ascii ? unicode : lastLabels(unicode, countLabels(regAscii));
  const pc = providerOrCorporate(ascii, regAscii);
  const provider = pc === 'corporate' ? null : pc;
  return {
    registrable,
    registrableAscii: regAscii,
    student: domainStudentCode(ascii, regAscii),
    marks: domainMarks(registrable),
    kind: kindOf(unknown, provider, pc === 'corporate', domainCountry(ascii, regAscii, h.publicSuffix, provider === 'isp'), regAscii),
  };
}

/**
 * The domain-facts memo, bounded: two generations of at most MEMO_SIZE domains each. A
 * domain found in the old generation moves to the new one; when the new one is full it becomes
 * the old one, and what was not seen since is forgotten. A list of 1 M prospects at ~30 k
 * companies' domains missed at 8,192 per generation (each miss recomputes the facts and churns the
 * maps: ~0.8 s of CPU over 1 M rows); at 32,768 it holds them all. Full, both generations hold
 * about 7 MB (measured: ~113 bytes a domain with its key; 263 when every domain held all its facts).
 */
const MEMO_SIZE = 32768;
let memoNew = new Map<string, DomainInfo>();
let memoOld = new Map<string, DomainInfo>();

/**
 * `s` in a string of its own. A domain cut from a list is, in V8, a slice that keeps the whole
 * text it was cut from alive (64 KiB of the CLI's input at a time): the memo would hold on to a
 * chunk per domain (measured: ~19 MB on a 300 k-row list). Concatenated then cut again, the text is
 * copied once; same characters.
 */
function ownString(s: string): string {
  return (' ' + s).slice(1);
}

function domainInfo(p: ParsedAddressOk): DomainInfo {
  if (p.ipLiteral) return IP_INFO;
  const key = p.asciiDomain;
  let info = memoNew.get(key);
  if (info !== undefined) return info;
  info = memoOld.get(key);
  if (info === undefined) {
    const ascii = ownString(key);
    info = computeDomainInfo(ascii, p.domain === key ? ascii : ownString(p.domain));
  }
  if (memoNew.size >= MEMO_SIZE) {
    memoOld = memoNew;
    memoNew = new Map();
  }
  memoNew.set(ownString(key), info);
  return info;
}

/**
 * Whose rules apply to a recipient at a domain of this kind, the user's default being `fallback`
 * (remembered in the kind). decideJurisdiction reads the registrable domain only for a provider's
 * country, the one case where the kind keeps it.
 */
function jurisdictionDecision(kind: DomainKind, fallback: Jurisdiction): JurisdictionDecision | null {
  if (kind.country === null) return null;
  if (kind.decisionFor !== fallback) {
    kind.decision = decideJurisdiction(kind.country, kind.reasonDomain, fallback);
    kind.decisionFor = fallback;
  }
  return kind.decision;
}

// ---------------------------------------------------------------------------------------------
// Options

interface Context {
  /** Equal for contexts with the same jurisdiction, channel, date and topic in a row (see contextStamp). */
  stamp: number;
  defaultJurisdiction: Jurisdiction;
  channel: Channel;
  date: string;
  dateInvalid: boolean;
  topic: Topic | undefined;
  own: ReadonlySet<string> | null;
  overrides: Readonly<Record<string, OverrideKind>> | null;
}

const CHANNELS = new Set<string>(ALL_CHANNELS);

/**
 * The user's own domains as given plus their registrable domains (a colleague on acme.fr is
 * internal when "mail.acme.fr" was entered). Consumer-provider domains are ignored: entering
 * gmail.com must not make every Gmail user a colleague.
 */
function buildOwnDomainSet(list: readonly string[]): ReadonlySet<string> | null {
  const set = new Set<string>();
  for (const raw of list) {
    const d = normalizeDomain(raw);
    if (d === null) continue;
    const p = parseAddress(`x@${d}`);
    if (!p.ok) continue;
    if (!p.ipLiteral && domainInfo(p).kind.provider !== null) continue;
    set.add(d);
    const priv = parseHost(p.asciiDomain, HOST_OPTIONS_PRIVATE).domain;
    if (priv !== null && priv !== p.asciiDomain) set.add(lastLabels(p.domain, countLabels(priv)));
  }
  return set.size > 0 ? set : null;
}

/** Own-domain sets per list given, re-checked against the list's contents (a list may be edited in place). */
const ownMemo = new WeakMap<readonly string[], { snapshot: string[]; set: ReadonlySet<string> | null }>();

function ownDomainSet(list: unknown): ReadonlySet<string> | null {
  if (!Array.isArray(list) || list.length === 0) return null;
  const m = ownMemo.get(list);
  if (m !== undefined && m.snapshot.length === list.length && m.snapshot.every((d, i) => d === list[i])) return m.set;
  const set = buildOwnDomainSet(list);
  ownMemo.set(list, { snapshot: list.slice(), set });
  return set;
}

/**
 * The stamp of the last context built and what it was built from: a context with other values
 * gets a new stamp, and the domains' verdicts of the old one are dropped when next used. (The own
 * domains and overrides are not in it: the verdicts key holds whether an address is internal,
 * and an address with an override is decided afresh.)
 */
let contextStamp = 0;
let stampedValues = '';

function buildContext(o: ClassifyOptions): Context {
  const date = o.date === undefined ? today() : normalizeDate(o.date);
  const defaultJurisdiction = normalizeJurisdiction(o.jurisdiction) ?? 'FR';
  const channel = typeof o.channel === 'string' && CHANNELS.has(o.channel) ? o.channel : 'email';
  const topic = o.topic === 'energy-renovation' || o.topic === 'home-adaptation' ? o.topic : undefined;
  const day = date ?? today();
  const values = `${defaultJurisdiction} ${channel} ${day} ${date === null} ${topic}`;
  if (values !== stampedValues) {
    stampedValues = values;
    contextStamp++;
  }
  return {
    stamp: contextStamp,
    defaultJurisdiction,
    channel,
    date: day,
    dateInvalid: date === null,
    topic,
    own: ownDomainSet(o.ownDomains),
    overrides: o.overrides !== null && typeof o.overrides === 'object' ? o.overrides : null,
  };
}

/**
 * The context of the last call, reused when classify() is called again with the same options
 * holding the same values (a caller classifying one address at a time); classifyMany builds one
 * per call anyway.
 */
let last: { o: ClassifyOptions; jurisdiction: unknown; channel: unknown; date: unknown; topic: unknown; ownDomains: unknown; overrides: unknown; today: string; ctx: Context } | null = null;

function makeContext(options: ClassifyOptions | undefined): Context {
  const o: ClassifyOptions = options !== null && typeof options === 'object' ? options : {};
  const day = o.date === undefined ? today() : '';
  const l = last;
  if (
    l !== null &&
    l.o === o &&
    l.jurisdiction === o.jurisdiction &&
    l.channel === o.channel &&
    l.date === o.date &&
    l.topic === o.topic &&
    l.ownDomains === o.ownDomains &&
    l.overrides === o.overrides &&
    l.today === day &&
    ownDomainSet(o.ownDomains) === l.ctx.own
  ) {
    return l.ctx;
  }
  const ctx = buildContext(o);
  last = { o, jurisdiction: o.jurisdiction, channel: o.channel, date: o.date, topic: o.topic, ownDomains: o.ownDomains, overrides: o.overrides, today: day, ctx };
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
 * down to the last two labels when there is none. Stops at the first non-null return.
 */
function walkDomain<T>(domain: string, stop: string | null, fn: (d: string) => T | null): T | null {
  const minLen = stop !== null ? stop.length : lastLabels(domain, 2).length;
  let pos = 0;
  for (;;) {
    const r = fn(pos === 0 ? domain : domain.slice(pos));
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
  if (v === null && p.asciiDomain !== p.domain) v = overrideValue(map, `${p.local}@${p.asciiDomain}`);
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

const UNKNOWN_CODE: Readonly<Record<UnknownKind, number>> = { ip: 1, suffix: 2, 'public-suffix': 3 };

// ---------------------------------------------------------------------------------------------
// classify

function invalidResult(ctx: Context, input: unknown, reason: Reason): RecipientResult {
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

/** The verdict for an address at this domain (see Verdict), worked out. */
function decide(ctx: Context, kind: DomainKind, ov: OverrideHit | null, internal: boolean, codes: number): Verdict {
  // The recipient's country decides; the user's default only when the domain names none (said so),
  // or one the rules do not cover (flagged).
  const decision = jurisdictionDecision(kind, ctx.defaultJurisdiction);
  const jurisdiction = decision !== null ? decision.jurisdiction : ctx.defaultJurisdiction;

  // Who the recipient is: mailbox.ts, from the facts about the address.
  const d = decideAudience({
    override: ov,
    internal,
    provider: kind.provider,
    codes,
    unknown: kind.unknown === null ? 0 : UNKNOWN_CODE[kind.unknown],
    corporate: kind.corporate,
  });
  const audience = d.audience;
  // The sole-trader note is French law's reading (L34-5 protects every natural person); other countries' rules say their own.
  // The audience reasons are neutral facts; under French rules they are French law's reading, with
  // its sources (and the sole-trader note, French law's reading too). Elsewhere each country's rule says its own.
  const reasons = d.reasons;
  if (jurisdiction === 'FR') {
    for (let i = 0; i < reasons.length; i++) reasons[i] = FRENCH_AUDIENCE_REASONS.get(reasons[i]!) ?? reasons[i]!;
  } else {
    const k = reasons.indexOf(REASONS.soleTrader);
    if (k >= 0) reasons.splice(k, 1);
  }

  const notCovered = decision !== null && decision.notCovered && audience !== 'internal';
  if (decision !== null && audience !== 'internal') reasons.push(decision.reason);
  const rule = ruleFor(jurisdiction, ctx.channel, audience, ctx.date, ctx.topic) ?? FALLBACK_RULE;
  if (ctx.dateInvalid) reasons.push(REASONS.dateInvalid);
  reasons.push(ruleReason(rule));

  const flags: Flag[] = d.flags;
  if (notCovered) flags.push('jurisdiction-not-covered');

  return { audience, regime: rule.regime, jurisdiction, flags, reasons, ruleId: rule.id, country: decision !== null ? decision.country : null };
}

function classifyWith(ctx: Context, input: string): RecipientResult {
  const parsed = parseAddress(input);
  if (!parsed.ok) return invalidResult(ctx, input, parsed.reason);

  const info = domainInfo(parsed);
  const ov = ctx.overrides !== null ? findOverride(ctx.overrides, parsed, info) : null;
  const internal = ov === null && ctx.own !== null && isInternal(ctx.own, parsed, info);
  const codes = addressCodes(parsed.email, parsed.local.length, info.registrable, localCode(baseLocal(parsed.local)), info.student, info.marks);

  // Without an override, the verdict this kind of domain gave the same key under the same context, if any.
  let v: Verdict | undefined;
  const kind = info.kind;
  if (ov === null) {
    if (kind.verdictsStamp !== ctx.stamp) {
      kind.verdicts = [];
      kind.verdictsStamp = ctx.stamp;
    }
    const key = verdictKey(codes, internal);
    v = kind.verdicts[key];
    if (v === undefined) {
      v = decide(ctx, kind, null, internal, codes);
      kind.verdicts[key] = v;
    }
  } else {
    v = decide(ctx, kind, ov, internal, codes);
  }

  const result: RecipientResult = {
    input,
    email: parsed.email,
    domain: info.registrable,
    audience: v.audience,
    regime: v.regime,
    jurisdiction: v.jurisdiction,
    flags: v.flags.slice(),
    reasons: v.reasons.slice(),
    ruleId: v.ruleId,
  };
  if (v.country !== null) result.country = v.country;
  if (parsed.name !== undefined) result.name = parsed.name;
  return result;
}

/** Classifies one recipient. Never throws. */
export function classify(input: string, options?: ClassifyOptions): RecipientResult {
  return classifyWith(makeContext(options), input);
}

/** Classifies many recipients with the same options (options are read once). */
export function classifyMany(inputs: Iterable<string>, options?: ClassifyOptions): RecipientResult[] {
  const out: RecipientResult[] = [];
  if (inputs === null || inputs === undefined) return out;
  const ctx = buildContext(options !== null && typeof options === 'object' ? options : {});
  if (typeof inputs === 'string') return [classifyWith(ctx, inputs)];
  for (const s of inputs) out.push(classifyWith(ctx, s));
  return out;
}
