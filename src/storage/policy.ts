/**
 * Team policy, pure: what an administrator pushes through enterprise policy (chrome.storage.managed, shape in
 * public/managed_schema.json) merged over a member's own settings. Managed values win and are locked, each lock
 * saying who manages it; `recommended` values only fill what the member left empty and stay editable.
 *
 * What is stored stays the member's own; the effective settings are computed at read time (the worker does it),
 * so a locked value cannot be changed by writing storage, and removing the policy gives the member's values back.
 *
 * Policy values are checked here too: Chrome validates them against the schema, Firefox does not, and an
 * administrator's typo must neither break the extension nor be applied half-understood. Each value that cannot be
 * used is left out and reported as a problem (path, what is wrong), never thrown.
 */
import { normalizeDomain, normalizeOrigin } from './schema';
import type { Topic } from '../rules/types';

export type PolicyLang = 'fr' | 'en';

export type ManagedUnsubscribe =
  | { method: 'url'; url: string }
  | { method: 'mailto'; mailto: string; subject?: string }
  | { method: 'reply' };

export interface ManagedTemplate {
  id: string;
  name: string;
  lang: PolicyLang;
  text: string;
  /** Short variant for LinkedIn notes. */
  short?: string;
}

export interface ManagedIdentity {
  company?: string;
  activity?: string;
  /** null: the activity is none of the topics the law singles out. */
  activityTopic?: Topic | null;
  contactSources?: string[];
  unsubscribe?: ManagedUnsubscribe;
}

export interface ManagedPolicy {
  managedBy?: string;
  identity?: ManagedIdentity;
  templates?: ManagedTemplate[];
  ownDomains?: string[];
  /** Addresses, or SHA-256 digests in hexadecimal (the suppression store reads both). */
  suppressionList?: string[];
  settings?: { lang?: PolicyLang; jurisdiction?: string; sites?: string[] };
  recommended?: {
    company?: string;
    activity?: string;
    activityTopic?: Topic | null;
    contactSources?: string[];
    lang?: PolicyLang;
    ownDomains?: string[];
  };
}

export type ProblemCode = 'not-an-object' | 'wrong-type' | 'too-long' | 'too-many' | 'empty' | 'not-a-domain' | 'not-a-url' | 'not-an-address' | 'unknown-value' | 'unknown-key' | 'duplicate';

export interface PolicyProblem {
  /** Where in the policy, e.g. "identity.unsubscribe.url", "templates[2].lang". */
  path: string;
  code: ProblemCode;
}

export const POLICY_LIMITS = { text: 500, template: 5000, short: 300, list: 200, suppression: 1_000_000, templates: 50 } as const;
const TOPICS: readonly Topic[] = ['energy-renovation', 'home-adaptation'];
const LANGS: readonly PolicyLang[] = ['fr', 'en'];
const TOP_KEYS = ['managedBy', 'identity', 'templates', 'ownDomains', 'suppressionList', 'settings', 'recommended'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads what chrome.storage.managed gave (anything) into a policy, with the problems found. Never throws. */
export function parseManagedPolicy(raw: unknown): { policy: ManagedPolicy; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const policy: ManagedPolicy = {};
  if (raw === undefined || raw === null) return { policy, problems };
  if (!isObject(raw)) return { policy, problems: [{ path: '', code: 'not-an-object' }] };
  const bad = (path: string, code: ProblemCode) => problems.push({ path, code });

  const text = (v: unknown, path: string, max: number = POLICY_LIMITS.text): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return void bad(path, 'wrong-type');
    const t = v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
    if (!t) return void bad(path, 'empty');
    if (t.length > max) return void bad(path, 'too-long');
    return t;
  };
  const list = <T>(v: unknown, path: string, item: (x: unknown, p: string) => T | undefined, max: number = POLICY_LIMITS.list): T[] | undefined => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return void bad(path, 'wrong-type');
    if (v.length > max) bad(path, 'too-many');
    const out: T[] = [];
    for (let i = 0; i < Math.min(v.length, max); i++) {
      const x = item(v[i], `${path}[${i}]`);
      if (x !== undefined && !out.includes(x)) out.push(x);
    }
    return out;
  };
  const domain = (v: unknown, p: string) => {
    if (typeof v !== 'string') return void bad(p, 'wrong-type');
    return normalizeDomain(v) ?? void bad(p, 'not-a-domain');
  };
  const topic = (v: unknown, p: string): Topic | null | undefined => {
    if (v === undefined) return undefined;
    if (v === 'none' || v === null || v === '') return null;
    if (typeof v === 'string' && (TOPICS as string[]).includes(v)) return v as Topic;
    return void bad(p, 'unknown-value');
  };
  const lang = (v: unknown, p: string): PolicyLang | undefined => {
    if (v === undefined) return undefined;
    if (typeof v === 'string' && (LANGS as string[]).includes(v)) return v as PolicyLang;
    return void bad(p, 'unknown-value');
  };
  const known = (o: Record<string, unknown>, keys: string[], path: string) => {
    for (const k of Object.keys(o)) if (!keys.includes(k)) bad(path ? `${path}.${k}` : k, 'unknown-key');
  };

  known(raw, TOP_KEYS, '');
  const by = text(raw.managedBy, 'managedBy', 200);
  if (by) policy.managedBy = by;

  if (raw.identity !== undefined) {
    if (!isObject(raw.identity)) bad('identity', 'not-an-object');
    else {
      const id = raw.identity;
      known(id, ['company', 'activity', 'activityTopic', 'contactSources', 'unsubscribe'], 'identity');
      const identity: ManagedIdentity = {};
      const company = text(id.company, 'identity.company');
      if (company) identity.company = company;
      const activity = text(id.activity, 'identity.activity');
      if (activity) identity.activity = activity;
      const t = topic(id.activityTopic, 'identity.activityTopic');
      if (t !== undefined) identity.activityTopic = t;
      const sources = list(id.contactSources, 'identity.contactSources', (x, p) => text(x, p));
      if (sources?.length) identity.contactSources = sources;
      const u = unsubscribe(id.unsubscribe, 'identity.unsubscribe', bad, text);
      if (u) identity.unsubscribe = u;
      if (Object.keys(identity).length) policy.identity = identity;
    }
  }

  const templateIds = new Set<string>();
  const templates = list(
    raw.templates,
    'templates',
    (x, p): ManagedTemplate | undefined => {
      if (!isObject(x)) return void bad(p, 'not-an-object');
      known(x, ['id', 'name', 'lang', 'text', 'short'], p);
      const id = text(x.id, `${p}.id`, 100);
      const name = text(x.name, `${p}.name`, 100);
      const l = lang(x.lang, `${p}.lang`);
      const body = text(x.text, `${p}.text`, POLICY_LIMITS.template);
      const short = text(x.short, `${p}.short`, POLICY_LIMITS.short);
      if (!id || !name || !l || !body) {
        if (x.id === undefined) bad(`${p}.id`, 'empty');
        if (x.lang === undefined) bad(`${p}.lang`, 'empty');
        if (x.text === undefined) bad(`${p}.text`, 'empty');
        if (x.name === undefined) bad(`${p}.name`, 'empty');
        return undefined;
      }
      if (templateIds.has(id)) return void bad(`${p}.id`, 'duplicate');
      templateIds.add(id);
      const tpl: ManagedTemplate = { id, name, lang: l, text: body };
      if (short) tpl.short = short;
      return tpl;
    },
    POLICY_LIMITS.templates,
  );
  if (templates?.length) policy.templates = templates;

  const own = list(raw.ownDomains, 'ownDomains', domain);
  if (own?.length) policy.ownDomains = own;

  // The shared suppression list: kept as given (the store normalises and hashes; it reports what it cannot read).
  const suppression = list(raw.suppressionList, 'suppressionList', (x, p) => (typeof x === 'string' && x.trim() ? x.trim() : void bad(p, 'wrong-type')), POLICY_LIMITS.suppression);
  if (suppression?.length) policy.suppressionList = suppression;

  if (raw.settings !== undefined) {
    if (!isObject(raw.settings)) bad('settings', 'not-an-object');
    else {
      const s = raw.settings;
      known(s, ['lang', 'jurisdiction', 'sites'], 'settings');
      const settings: NonNullable<ManagedPolicy['settings']> = {};
      const l = lang(s.lang, 'settings.lang');
      if (l) settings.lang = l;
      if (s.jurisdiction !== undefined) {
        if (typeof s.jurisdiction === 'string' && /^[A-Za-z]{2}$/.test(s.jurisdiction)) settings.jurisdiction = s.jurisdiction.toUpperCase();
        else bad('settings.jurisdiction', 'unknown-value');
      }
      const sites = list(s.sites, 'settings.sites', (x, p) => (typeof x === 'string' ? (normalizeOrigin(x) ?? void bad(p, 'not-a-url')) : void bad(p, 'wrong-type')));
      if (sites?.length) settings.sites = sites;
      if (Object.keys(settings).length) policy.settings = settings;
    }
  }

  if (raw.recommended !== undefined) {
    if (!isObject(raw.recommended)) bad('recommended', 'not-an-object');
    else {
      const r = raw.recommended;
      known(r, ['company', 'activity', 'activityTopic', 'contactSources', 'lang', 'ownDomains'], 'recommended');
      const rec: NonNullable<ManagedPolicy['recommended']> = {};
      const company = text(r.company, 'recommended.company');
      if (company) rec.company = company;
      const activity = text(r.activity, 'recommended.activity');
      if (activity) rec.activity = activity;
      const t = topic(r.activityTopic, 'recommended.activityTopic');
      if (t !== undefined) rec.activityTopic = t;
      const sources = list(r.contactSources, 'recommended.contactSources', (x, p) => text(x, p));
      if (sources?.length) rec.contactSources = sources;
      const l = lang(r.lang, 'recommended.lang');
      if (l) rec.lang = l;
      const d = list(r.ownDomains, 'recommended.ownDomains', domain);
      if (d?.length) rec.ownDomains = d;
      if (Object.keys(rec).length) policy.recommended = rec;
    }
  }
  return { policy, problems };
}

function unsubscribe(
  v: unknown,
  path: string,
  bad: (p: string, c: ProblemCode) => void,
  text: (v: unknown, p: string, max?: number) => string | undefined,
): ManagedUnsubscribe | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v)) return void bad(path, 'not-an-object');
  switch (v.method) {
    case 'url': {
      const url = text(v.url, `${path}.url`, 1000);
      if (!url) return undefined;
      // {email} is a placeholder for the recipient's address; the rest must be an https (or http) URL.
      const probe = url.replace(/\{email\}/g, 'x');
      if (!/^https?:\/\//i.test(probe) || normalizeOrigin(probe) === null) return void bad(`${path}.url`, 'not-a-url');
      return { method: 'url', url };
    }
    case 'mailto': {
      const mailto = text(v.mailto, `${path}.mailto`, 254);
      if (!mailto) return undefined;
      if (!/^[^\s@<>()",;:]{1,64}@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/u.test(mailto)) return void bad(`${path}.mailto`, 'not-an-address');
      const subject = text(v.subject, `${path}.subject`, 200);
      return subject ? { method: 'mailto', mailto, subject } : { method: 'mailto', mailto };
    }
    case 'reply':
      return { method: 'reply' };
    default:
      return void bad(`${path}.method`, 'unknown-value');
  }
}

/** The unsubscribe value the introduction engine takes (src/rules/intro.ts): a URL, or a mailto: link. */
export function unsubscribeValue(u: ManagedUnsubscribe): string | null {
  if (u.method === 'url') return u.url;
  if (u.method === 'mailto') return `mailto:${u.mailto}${u.subject ? `?subject=${encodeURIComponent(u.subject)}` : ''}`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Merge

/** How a managed value meets the member's: replaces it, or (lists) comes first and the member's items follow. */
export type MergeMode = 'replace' | 'union' | 'union-by-id';

export interface ManagedEntry {
  /** Dotted path in the settings object, e.g. "intro.company". */
  path: string;
  value: unknown;
  mode: MergeMode;
}

export interface Lock {
  path: string;
  /** Who manages it (the policy's managedBy), or null when the policy does not say. */
  by: string | null;
  /** For lists: the managed items (the member's own items stay editable). For a replaced value: absent. */
  items?: unknown[];
}

export type Locks = Record<string, Lock>;

/**
 * Where each policy value goes in the settings. The one place that knows the settings' shape: the options page,
 * the worker and the overlay read the merged result and the locks by these paths.
 */
export function managedEntries(p: ManagedPolicy): ManagedEntry[] {
  const out: ManagedEntry[] = [];
  const id = p.identity ?? {};
  if (id.company !== undefined) out.push({ path: 'intro.company', value: id.company, mode: 'replace' });
  if (id.activity !== undefined) out.push({ path: 'intro.activity', value: id.activity, mode: 'replace' });
  if (id.activityTopic !== undefined) out.push({ path: 'topic', value: id.activityTopic, mode: 'replace' });
  if (id.contactSources) out.push({ path: 'contactSources', value: id.contactSources, mode: 'union' });
  if (id.unsubscribe) {
    out.push({ path: 'unsubscribe', value: id.unsubscribe, mode: 'replace' });
    // "Reply STOP" has no link: the member's own link must not stand in for the company's choice.
    out.push({ path: 'intro.unsubscribe', value: unsubscribeValue(id.unsubscribe) ?? '', mode: 'replace' });
  }
  if (p.templates) out.push({ path: 'templates', value: p.templates.map((t) => ({ ...t, id: `managed:${t.id}` })), mode: 'union-by-id' });
  if (p.ownDomains) out.push({ path: 'ownDomains', value: p.ownDomains, mode: 'union' });
  if (p.settings?.lang) out.push({ path: 'lang', value: p.settings.lang, mode: 'replace' });
  if (p.settings?.jurisdiction) out.push({ path: 'jurisdiction', value: p.settings.jurisdiction, mode: 'replace' });
  if (p.settings?.sites) out.push({ path: 'enabledSites', value: p.settings.sites, mode: 'union' });
  return out;
}

/** The recommended values, by the same paths: they fill only what the member left empty. */
export function recommendedEntries(p: ManagedPolicy): ManagedEntry[] {
  const r = p.recommended ?? {};
  const out: ManagedEntry[] = [];
  if (r.company !== undefined) out.push({ path: 'intro.company', value: r.company, mode: 'replace' });
  if (r.activity !== undefined) out.push({ path: 'intro.activity', value: r.activity, mode: 'replace' });
  if (r.activityTopic !== undefined) out.push({ path: 'topic', value: r.activityTopic, mode: 'replace' });
  if (r.contactSources) out.push({ path: 'contactSources', value: r.contactSources, mode: 'replace' });
  if (r.lang) out.push({ path: 'lang', value: r.lang, mode: 'replace' });
  if (r.ownDomains) out.push({ path: 'ownDomains', value: r.ownDomains, mode: 'replace' });
  return out;
}

function getPath(o: unknown, path: string): unknown {
  let cur = o;
  for (const k of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** A copy of `o` with `path` set to `value` (the objects on the way are copied, the rest shared). */
function setPath<T>(o: T, path: string, value: unknown): T {
  const keys = path.split('.');
  const root: Record<string, unknown> = isObject(o) ? { ...o } : {};
  let cur = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = cur[keys[i]!];
    cur = cur[keys[i]!] = isObject(next) ? { ...next } : {};
  }
  cur[keys[keys.length - 1]!] = value;
  return root as T;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const itemId = (x: unknown) => (isObject(x) && typeof x.id === 'string' ? x.id : JSON.stringify(x));

/**
 * The member's settings with the policy applied: managed values win (locked, with who manages them), recommended
 * values fill what is empty (not locked). `user` is not modified.
 */
export function applyPolicy<T extends object>(user: T, policy: ManagedPolicy): { value: T; locks: Locks } {
  let value = user;
  const locks: Locks = {};
  const by = policy.managedBy ?? null;
  for (const e of recommendedEntries(policy)) {
    if (isEmpty(getPath(value, e.path))) value = setPath(value, e.path, e.value);
  }
  for (const e of managedEntries(policy)) {
    const mine = getPath(value, e.path);
    if (e.mode === 'replace') {
      value = setPath(value, e.path, e.value);
      locks[e.path] = { path: e.path, by };
      continue;
    }
    const managed = e.value as unknown[];
    const own = Array.isArray(mine) ? mine : [];
    const key = e.mode === 'union-by-id' ? itemId : (x: unknown) => (typeof x === 'string' ? x.toLowerCase() : JSON.stringify(x));
    const managedKeys = new Set(managed.map(key));
    // A member's item that the policy also has (or, for templates, has the policy's id) is the managed one.
    value = setPath(value, e.path, [...managed, ...own.filter((x) => !managedKeys.has(key(x)))]);
    locks[e.path] = { path: e.path, by, items: managed };
  }
  return { value, locks };
}

/** The lock on `path` or on one of its parents ("intro" locks "intro.company"), or null. */
export function lockFor(locks: Locks, path: string): Lock | null {
  let p = path;
  for (;;) {
    if (locks[p]) return locks[p]!;
    const dot = p.lastIndexOf('.');
    if (dot < 0) return null;
    p = p.slice(0, dot);
  }
}

/** Whether an item of a list is one the policy manages (locked) — the member's own items are not. */
export function isManagedItem(lock: Lock | null, item: unknown): boolean {
  if (!lock?.items) return false;
  const k = isObject(item) && typeof item.id === 'string' ? item.id : typeof item === 'string' ? item.toLowerCase() : JSON.stringify(item);
  return lock.items.some((x) => (isObject(x) && typeof x.id === 'string' ? x.id : typeof x === 'string' ? x.toLowerCase() : JSON.stringify(x)) === k);
}

/**
 * What of a member's write the worker may store: a locked (replaced) value is refused — its path listed in
 * `refused`, for the page to say so — and a list keeps only the member's own items (the managed ones are added back
 * at read time). `patch` uses the settings' own nesting ({ intro: { company } }).
 */
export function stripLocked<P extends object>(patch: P, locks: Locks): { patch: P; refused: string[] } {
  const refused: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      const path = prefix ? `${prefix}.${k}` : k;
      const lock = locks[path];
      if (lock && !lock.items) {
        refused.push(path);
        continue;
      }
      if (lock?.items && Array.isArray(v)) {
        out[k] = v.filter((x) => !isManagedItem(lock, x));
        continue;
      }
      out[k] = isObject(v) ? walk(v, path) : v;
    }
    return out;
  };
  return { patch: walk(patch as Record<string, unknown>, '') as P, refused };
}
