/**
 * Pure part of the storage layer: shapes, defaults and validation of what Prospect Guard keeps in
 * browser.storage.local. No extension API here, so it runs anywhere (tests, content script, worker).
 * Anything read from storage is treated as untrusted: each validator drops what it cannot use and
 * fills in defaults, and never throws.
 */
import type { IntroSettings } from '../rules/intro';
import type { OverrideKind, Topic } from '../rules/types';
import { parseAddress, normalizeDomain as parserDomain } from '../rules/address';
import { normalizePersonKey } from '../rules/linkedin/key';

export type UiLang = 'fr' | 'en';

/** The user's own wording for the B2B introduction (the rules engine's shape). An empty field means "use the default". */
export type { IntroSettings };

export interface Settings {
  /** The user's own domains: recipients there are internal. Lower-case, no "@". */
  ownDomains: string[];
  jurisdiction: 'FR';
  /** Overrides the browser's UI language for the overlay and reasons. */
  lang?: UiLang;
  intro: IntroSettings;
  /**
   * What the user's activity is about, when it is a subject the law singles out (energy renovation, adapting a
   * home): canvassing consumers about it is banned (C. conso L223-1 al. 5). Null: neither.
   */
  topic: Topic | null;
  /** Origins ("https://webmail.example") the user enabled Prospect Guard on. */
  enabledSites: string[];
  /** Built-in sites (Gmail) the user switched off on this computer: their content script stays inert there. */
  disabledSites: string[];
  /**
   * For an enabled origin, the site file that reads it when one recognised the webmail there ("roundcube", "zimbra",
   * "ox", "outlook" …: content/<id>.js); an origin without one is read by the generic adapter.
   */
  siteFiles: Record<string, string>;
  /**
   * Confirm before send: a prospecting message to someone who never said yes (opt-in, banned) is stopped at Send and
   * the user asked once (send anyway / cancel / I have their consent). On unless the user turns it off.
   */
  sendGuard: boolean;
  /** Where the user's contacts come from, to choose from; the first is the default (intro.contactSource). */
  contactSources: string[];
  /** How recipients object; null: the introduction's own unsubscribe text (intro.unsubscribe). */
  unsubscribeMethod: UnsubscribeMethod | null;
  /** The user's own introduction templates (options page). */
  templates: IntroTemplate[];
}

/** How recipients object (src/ui/options/unsubscribe.ts). */
export type UnsubscribeMethod = { method: 'url'; url: string } | { method: 'mailto'; mailto: string; subject?: string } | { method: 'reply' };

export interface IntroTemplate {
  id: string;
  name: string;
  lang: UiLang;
  text: string;
  short?: string;
}

export const TOPICS: readonly Topic[] = ['energy-renovation', 'home-adaptation'];

/** What the overlay's inline setup asks for (an empty unsubscribe means "reply STOP"). */
export type IntroSetup = Pick<IntroSettings, 'activity' | 'contactSource' | 'unsubscribe'>;

/** A partial settings update from the options page (lang null: back to the browser's language). */
export interface SettingsPatch {
  ownDomains?: string[];
  lang?: UiLang | null;
  intro?: Partial<IntroSettings>;
  topic?: Topic | null;
  sendGuard?: boolean;
  contactSources?: string[];
  unsubscribeMethod?: UnsubscribeMethod | null;
  templates?: IntroTemplate[];
}

/** Lower-cased address or domain → what the user says it is. */
export type Overrides = Record<string, OverrideKind>;

/** How the recipient's consent was obtained, as the user says when recording it. */
export type ConsentMethod = 'form' | 'written' | 'oral' | 'other';
/**
 * Records written before the method was asked for ('unspecified'), and consents the user declared in the confirm
 * before send ('at-send': "I have their consent", answered when the message was about to leave).
 */
export type StoredConsentMethod = ConsentMethod | 'unspecified' | 'at-send';
export const CONSENT_METHODS: readonly ConsentMethod[] = ['form', 'written', 'oral', 'other'];

export interface ConsentRecord {
  /** The recipient's normalised address, or a LinkedIn member's key (also the record's key in storage). */
  address: string;
  /** YYYY-MM-DD, the day the user recorded it (set by the service worker, not by the page). */
  date: string;
  method: StoredConsentMethod;
  /** Optional proof: where the consent can be found ("formulaire du salon, 12/11", "e-mail du 3 mars"). */
  note?: string;
}

/** Lower-cased address → consent record. */
export type Consents = Record<string, ConsentRecord>;

export const STORAGE_KEYS = {
  settings: 'settings',
  overrides: 'overrides',
  consents: 'consents',
} as const;

export const INTRO_FIELDS = ['senderName', 'company', 'activity', 'contactSource', 'unsubscribe'] as const;

/** Upper bounds: storage is shared with nothing else, but a runaway value must not slow every compose. */
export const LIMITS = {
  introField: 500,
  note: 300,
  ownDomains: 50,
  enabledSites: 100,
  overrides: 5000,
  consents: 20000,
  contactSources: 50,
  templates: 50,
  template: 5000,
  templateShort: 300,
} as const;

export function defaultSettings(): Settings {
  return {
    ownDomains: [],
    jurisdiction: 'FR',
    intro: { senderName: '', company: '', activity: '', contactSource: '', unsubscribe: '' },
    topic: null,
    enabledSites: [],
    disabledSites: [],
    siteFiles: {},
    sendGuard: true,
    contactSources: [],
    unsubscribeMethod: null,
    templates: [],
  };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "Example.COM " → "example.com"; "@example.com" → "example.com"; null when it is not a domain name with at least
 * two labels. The rules engine's parser decides (IDN and punycode as the browser's URL parser maps them).
 */
export function normalizeDomain(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.trim().indexOf('@') > 0) return null;
  const d = parserDomain(raw);
  return d && d.indexOf('.') > 0 && !d.startsWith('[') ? d : null;
}

/** The normalised form of one bare address ("Jean@Exemple.FR" → "jean@exemple.fr"), through the rules engine's parser. */
export function normalizeAddress(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.indexOf('<') >= 0 || raw.indexOf('(') >= 0) return null;
  const p = parseAddress(raw);
  if (!p.ok || p.ipLiteral || p.domain.indexOf('.') < 0) return null;
  return p.email;
}

/**
 * The key of a consent record or an override for one recipient: a normalised address, or a LinkedIn member's key
 * (`linkedin:in/<profile>`, rules/linkedin/key.ts).
 */
export function normalizeRecipientKey(raw: unknown): string | null {
  return normalizeAddress(raw) ?? normalizePersonKey(raw);
}

/** An override key is a lower-cased address, a lower-cased domain or a LinkedIn member's key. */
export function normalizeOverrideKey(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const person = normalizePersonKey(raw);
  if (person) return person;
  return raw.includes('@') ? normalizeAddress(raw) : normalizeDomain(raw);
}

export function isIsoDate(raw: unknown): raw is string {
  if (typeof raw !== 'string') return false;
  const m = DATE_RE.exec(raw);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Today in the user's time zone, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** "https://Mail.Example.com/path" → "https://mail.example.com"; null unless http(s) with a host. */
export function normalizeOrigin(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  try {
    const u = new URL(raw.trim());
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !u.hostname) return null;
    return u.origin;
  } catch {
    return null;
  }
}

function cleanText(raw: unknown, max: number): string {
  if (typeof raw !== 'string') return '';
  // Control characters other than newlines/tabs have no place in an email introduction.
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim().slice(0, max);
}

function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function uniqueList(raw: unknown, norm: (v: unknown) => string | null, max: number): string[] {
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  for (const v of raw) {
    const n = norm(v);
    if (n && !out.includes(n)) out.push(n);
    if (out.length >= max) break;
  }
  return out;
}

export function validateIntro(raw: unknown): IntroSettings {
  const src = isRecord(raw) ? raw : {};
  const intro = defaultSettings().intro;
  for (const k of INTRO_FIELDS) intro[k] = cleanText(src[k], LIMITS.introField);
  return intro;
}

export function validateSettings(raw: unknown): Settings {
  const src = isRecord(raw) ? raw : {};
  const s = defaultSettings();
  s.ownDomains = uniqueList(src.ownDomains, normalizeDomain, LIMITS.ownDomains);
  if (src.lang === 'fr' || src.lang === 'en') s.lang = src.lang;
  s.intro = validateIntro(src.intro);
  if (TOPICS.includes(src.topic as Topic)) s.topic = src.topic as Topic;
  s.enabledSites = uniqueList(src.enabledSites, normalizeOrigin, LIMITS.enabledSites);
  s.disabledSites = uniqueList(src.disabledSites, normalizeOrigin, LIMITS.enabledSites);
  s.siteFiles = validateSiteFiles(src.siteFiles, s.enabledSites);
  s.sendGuard = src.sendGuard !== false;
  s.contactSources = uniqueList(src.contactSources, (v) => cleanText(v, LIMITS.introField) || null, LIMITS.contactSources);
  s.unsubscribeMethod = validateUnsubscribeMethod(src.unsubscribeMethod);
  s.templates = validateTemplates(src.templates);
  return s;
}

/** A site file's id as content/<id>.js names it. */
export const SITE_FILE_ID = /^[a-z0-9-]{1,30}$/;

/** Only enabled origins, each with a well-formed site file id. */
export function validateSiteFiles(raw: unknown, enabled: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(raw)) return out;
  for (const [k, v] of Object.entries(raw)) {
    const o = normalizeOrigin(k);
    if (o && enabled.includes(o) && typeof v === 'string' && SITE_FILE_ID.test(v)) out[o] = v;
  }
  return out;
}

export function validateUnsubscribeMethod(raw: unknown): UnsubscribeMethod | null {
  if (!isRecord(raw)) return null;
  if (raw.method === 'reply') return { method: 'reply' };
  if (raw.method === 'url') {
    const url = cleanText(raw.url, 1000);
    return url ? { method: 'url', url } : null;
  }
  if (raw.method === 'mailto') {
    const mailto = cleanText(raw.mailto, 254);
    if (!mailto) return null;
    const subject = cleanText(raw.subject, 200);
    return subject ? { method: 'mailto', mailto, subject } : { method: 'mailto', mailto };
  }
  return null;
}

export function validateTemplates(raw: unknown): IntroTemplate[] {
  if (!Array.isArray(raw)) return [];
  const out: IntroTemplate[] = [];
  for (const t of raw) {
    if (!isRecord(t)) continue;
    const id = cleanText(t.id, 100);
    const name = cleanText(t.name, 100);
    const text = cleanText(t.text, LIMITS.template);
    if (!id || !name || !text || (t.lang !== 'fr' && t.lang !== 'en') || out.some((x) => x.id === id)) continue;
    const tpl: IntroTemplate = { id, name, lang: t.lang, text };
    const short = cleanText(t.short, LIMITS.templateShort);
    if (short) tpl.short = short;
    out.push(tpl);
    if (out.length >= LIMITS.templates) break;
  }
  return out;
}

export function validateOverrides(raw: unknown): Overrides {
  const out: Overrides = {};
  if (!isRecord(raw)) return out;
  let n = 0;
  for (const [k, v] of Object.entries(raw)) {
    if (v !== 'business' && v !== 'private') continue;
    const key = normalizeOverrideKey(k);
    if (!key) continue;
    out[key] = v;
    if (++n >= LIMITS.overrides) break;
  }
  return out;
}

export function isConsentMethod(raw: unknown): raw is ConsentMethod {
  return CONSENT_METHODS.includes(raw as ConsentMethod);
}

/** A stored record for `address` (its key): a real calendar date, a known method (none → unspecified), a short note. */
export function validateConsentRecord(raw: unknown, address: string): ConsentRecord | null {
  if (!isRecord(raw) || !isIsoDate(raw.date)) return null;
  const method = isConsentMethod(raw.method) || raw.method === 'at-send' ? raw.method : 'unspecified';
  const rec: ConsentRecord = { address, date: raw.date, method };
  const note = cleanText(raw.note, LIMITS.note);
  if (note) rec.note = note;
  return rec;
}

export function validateConsents(raw: unknown): Consents {
  const out: Consents = {};
  if (!isRecord(raw)) return out;
  let n = 0;
  for (const [k, v] of Object.entries(raw)) {
    const key = normalizeRecipientKey(k);
    const rec = key ? validateConsentRecord(v, key) : null;
    if (!key || !rec) continue;
    out[key] = rec;
    if (++n >= LIMITS.consents) break;
  }
  return out;
}

/** Applies a partial update on top of validated settings; the result is validated again. */
export function mergeSettings(current: Settings, patch: Partial<Omit<Settings, 'intro'>> & { intro?: Partial<IntroSettings> }): Settings {
  const next = {
    ...current,
    ...patch,
    intro: { ...current.intro, ...(patch.intro ?? {}) },
  };
  return validateSettings(next);
}
