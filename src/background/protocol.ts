/**
 * Messages between the extension's pages / content scripts and the service worker (runtime.sendMessage): one type
 * per message, one answer type per message, and the worker's shape check (`parseRequest`). Types and plain checks
 * only: the content script imports this file without pulling in the rules engine.
 */
import type { RecipientResult, OverrideKind, Topic } from '../rules/types';
import type { IntroElement } from '../rules/intro';
import type { FirstContactStatus } from '../rules/message/history';
import type { MessageWording, RecipientWording } from '../rules/wording';
import type { ConsentMethod, ConsentRecord, IntroSetup, Settings, SettingsPatch, UiLang } from '../storage/schema';
import type { Catalogue } from '../ui/overlay/i18n';

export const MAX_RECIPIENTS = 200;
/** A compose's whole recipient list, for the message-level wording (addresses only). */
export const MAX_MESSAGE_RECIPIENTS = 5000;
export const MAX_ADDRESS_LENGTH = 320;
const MAX_NOTE = 300;
const MAX_FIELD = 500;
/** A message body sent for analysis: a 5,000-word draft is about 35,000 characters. Longer is cut. */
export const MAX_BODY = 200_000;
export const MAX_SUBJECT = 2000;
export const MAX_LINKS = 500;
const MAX_COMPOSE_ID = 64;

/** LinkedIn members in one compose (a group conversation has at most 50 others). */
export const MAX_PERSONS = 100;
const MAX_PERSON_KEY = 300;
const MAX_PERSON_NAME = 200;
const MAX_HEADLINE = 500;

/** A LinkedIn member as the page shows them (the worker judges them: rules/linkedin). */
export interface PersonRequest {
  /** rules/linkedin/key.ts personKey. */
  key: string;
  name: string;
  /** '' when the page shows none. */
  headline: string;
  /** When the page names the organisation apart from the headline. */
  company?: string;
  /** The profile picture carries the #OPEN_TO_WORK frame. */
  openToWork?: boolean;
}

/** Which of the four elements of a first B2B contact the user's settings really fill. */
export type FilledElements = Record<IntroElement, boolean>;

/**
 * The B2B introduction for the overlay. Complete: the text to preview and insert. Incomplete (the sender's activity
 * or the contact's source not set yet): no text at all — nothing unfinished can be inserted — but what the inline
 * setup needs, the user's current values.
 */
export type IntroductionText =
  | {
      complete: true;
      intro: string;
      unsubscribe: string;
      filled: FilledElements;
      /** The name of the user's template it comes from (none: the rules' own wording). */
      template?: string;
      /** A LinkedIn invitation note: the template's short variant, then the rules' short variants (background/intro.ts). */
      note?: string[];
      elements?: ElementTexts;
    }
  | { complete: false; filled: FilledElements; setup: IntroSetup; elements?: ElementTexts };

/** Each element's sentence, to add one missing element on its own; null while the settings do not fill it. */
export type ElementTexts = Record<IntroElement, string | null>;

/** A link of the body whose target is not in its text: its href and where its text is in the body text sent. */
export interface MessageLink {
  href: string;
  start: number;
  end: number;
}

/** The message analysis the overlay's checklist and the confirm before send use (src/rules/message). */
export interface MessageSummary {
  prospecting: boolean;
  /** Not prospecting, and something says so (a reply, a forward, an invoice, a meeting follow-up): stay quiet. */
  ordinary: boolean;
  firstContact: boolean;
  status: FirstContactStatus;
  /** What this message owes its recipients; which of them it carries, which it lacks. */
  required: IntroElement[];
  present: IntroElement[];
  missing: IntroElement[];
  /** The text that shows each present element (its first place). */
  where: Partial<Record<IntroElement, string>>;
  /** Consumer bans that apply (from the text or the declared topic). */
  banned: Topic[];
  /** Why, in the user's language: the decision and its cues first, then what follows. */
  reasons: string[];
  /** Already contacted: the day of the first prospecting message recorded (the latest among the recipients). */
  since?: string;
}

/** The confirm before send, as the worker decides it from the recipients and the message. */
export interface SendCheck {
  /** Stop the send and ask: a prospecting message to someone who never said yes (or whom the law protects). */
  ask: boolean;
  /** Who makes it so, with what the overlay says about them. */
  who: Array<{ address: string; label: string; verdict: 'opt-in' | 'banned' | 'suppressed'; name?: string }>;
  /** A ban applies: consent cannot lift it, the overlay offers no "I have their consent". */
  banned: boolean;
}

export type Request =
  /**
   * Wakes the worker (sent when a compose window is seen) and loads the rules. `has`: the language the content
   * script's browser.i18n speaks; when the overlay must speak the other one, the answer carries its strings.
   */
  | { type: 'hello'; has?: UiLang | null }
  /**
   * Classifies `recipients` with the user's settings and overrides (results, consents, each one's wording); with
   * `message` (the compose's whole list), also what the overlay says about the message and the introduction to offer.
   */
  | { type: 'classify'; recipients: string[]; message?: string[] }
  /**
   * Judges LinkedIn members (a compose's whole list): results, consents, each one's wording, and what the overlay says
   * about the message with the introduction to offer; `note`: the compose is an invitation note of that many
   * characters, and the introduction then carries its short variants.
   */
  | { type: 'judgePersons'; persons: PersonRequest[]; note?: number }
  /** Opens the options page (content scripts cannot). */
  | { type: 'openOptions' }
  /** "I have their consent": the worker dates the record. */
  | { type: 'recordConsent'; address: string; method: ConsentMethod; note?: string }
  /** "This is a business / private" for an address or a whole domain. */
  | { type: 'setOverride'; key: string; kind: OverrideKind }
  /** The overlay's inline setup: the sender's activity, the contact's source, the way to object. */
  | { type: 'saveIntro'; intro: IntroSetup }
  /** From extension pages only (options). */
  | { type: 'removeOverride'; key: string }
  | { type: 'removeConsent'; address: string }
  | { type: 'saveSettings'; patch: SettingsPatch }
  /**
   * From extension pages only: enable / disable Prospect Guard on an origin the user granted. With `tabId` (the popup:
   * the tab the user is on) the worker recognises the webmail there and registers its site file; without (the options
   * page) the generic one, which asks for the right one when it sees the page (`recognise`).
   */
  | { type: 'enableSite'; origin: string; tabId?: number }
  | { type: 'disableSite'; origin: string }
  /** Where the origin stands; with `tabId`, also which webmail the page there is (the popup names it). */
  | { type: 'siteStatus'; origin: string; tabId?: number }
  /**
   * From the generic content script on an enabled origin, at start: the worker looks at the sender's page for a
   * self-hosted webmail's markers; when one matches, it registers that site's file there instead and runs it in the tab.
   */
  | { type: 'recognise' }
  /**
   * The message of one compose (`compose`: the content script's id for it), its recipients as read now: the analysis
   * (prospecting, first contact from the local history, the elements present and missing, bans) and the send check.
   */
  /** `persons`: the recipients are LinkedIn members (their keys in `recipients`), judged from what the page shows. */
  | { type: 'analyzeMessage'; compose: string; body: string; subject: string; links: MessageLink[]; recipients: string[]; persons?: PersonRequest[] }
  /** A prospecting message went out to these recipients: the worker records them in the hashed history. */
  | { type: 'recordSend'; recipients: string[] }
  /** "I have their consent", answered at Send: the worker records each one, dated, method 'at-send'. */
  | { type: 'consentAtSend'; addresses: string[] }
  /** From extension pages only (options): a consent record as the user edits it (its date included). */
  | { type: 'saveConsent'; address: string; date: string; method: ConsentMethod | 'at-send'; note?: string }
  /** From extension pages only (options): the effective settings (team policy applied), the locks, the records. */
  | { type: 'optionsState' }
  /** From extension pages only: a settings file (options' import). */
  | { type: 'importSettings'; settings: unknown; overrides: unknown; consents: unknown };

export type RequestType = Request['type'];

/** Messages a content script may send; every other one is for extension pages. */
export const CONTENT_REQUESTS: readonly RequestType[] = [
  'hello',
  'classify',
  'judgePersons',
  'openOptions',
  'recordConsent',
  'setOverride',
  'saveIntro',
  'analyzeMessage',
  'recordSend',
  'consentAtSend',
  'recognise',
];

export interface OkResponse {
  ok: true;
}

export interface HelloResponse {
  ok: true;
  lang: UiLang;
  version: string;
  /** The overlay's strings in `lang`, when the request's `has` is another language. */
  messages?: Catalogue;
  /** A built-in site the user switched off: the content script stays inert there. */
  off?: true;
}

/** What the overlay says about the whole message (the rules' wording policy) and the introduction it offers. */
export interface MessageText {
  wording: MessageWording;
  /** The introduction for the message's audience (business, or a private person who consented); null for none. */
  introduction: IntroductionText | null;
}

export interface ClassifyResponse {
  ok: true;
  lang: UiLang;
  /** One per requested address, same order. */
  results: RecipientResult[];
  /** What the overlay says about each of them (title, audience label, reason, source), same order. */
  wordings: RecipientWording[];
  /** Consent records for the normalised addresses among the results that have one. */
  consents: Record<string, ConsentRecord>;
  /** When the request had `message`. */
  message?: MessageText;
  /** The normalised addresses among the results that are on a suppression list (objected: do not contact). */
  suppressed?: string[];
}

export interface SiteStatusResponse {
  ok: true;
  origin: string;
  /** Covered by the manifest's own content script (e.g. Gmail). */
  builtIn: boolean;
  /** In settings.enabledSites; for a built-in site, not switched off by the user. */
  enabled: boolean;
  /** Host permission granted. */
  granted: boolean;
  /** A dynamic content script is registered for it. */
  registered: boolean;
  /**
   * The site file that reads it (src/sites/catalogue.ts id: "gmail", "outlook", "roundcube" …): the manifest's for a
   * built-in site, the registered one for an enabled origin, else the one that recognises the page in the tab asked
   * about; null when none does (the generic adapter would read it).
   */
  site: string | null;
}

export interface ErrorResponse {
  ok: false;
  error: string;
}

export interface Responses {
  hello: HelloResponse;
  classify: ClassifyResponse;
  judgePersons: ClassifyResponse & { message: MessageText };
  openOptions: OkResponse;
  recordConsent: { ok: true; record: ConsentRecord };
  setOverride: OkResponse;
  saveIntro: OkResponse;
  removeOverride: OkResponse;
  removeConsent: OkResponse;
  saveSettings: { ok: true; settings: Settings };
  enableSite: OkResponse;
  disableSite: OkResponse;
  siteStatus: SiteStatusResponse;
  /** `site`: the site file that now reads the origin (null: nothing changed, the generic one stays). */
  recognise: { ok: true; site: string | null };
  analyzeMessage: { ok: true; lang: UiLang; analysis: MessageSummary; check: SendCheck; guard: boolean };
  recordSend: { ok: true; recorded: number };
  consentAtSend: { ok: true; records: ConsentRecord[] };
  saveConsent: { ok: true; record: ConsentRecord };
  optionsState: OptionsStateResponse;
  importSettings: OkResponse;
}

export interface OptionsStateResponse {
  ok: true;
  /** The member's settings with the policy applied. */
  settings: Settings;
  /** What the member stored (without the policy), for the settings file. */
  stored: Settings;
  overrides: Record<string, OverrideKind>;
  consents: Record<string, ConsentRecord>;
  /** Dotted settings paths the policy manages → who, and the managed items of lists. */
  locks: Record<string, { by: string | null; items?: unknown[] }>;
  managedBy: string | null;
  /** Built-in origins (Gmail). */
  builtIn: string[];
  /** storage.sync: what is kept on this computer only ('settings', or template names), and why when sync refused. */
  sync: { notSynced: string[]; error?: string; bytes: number };
}

export type ResponseFor<T extends RequestType> = Responses[T] | ErrorResponse;
export type Response = ResponseFor<RequestType>;

/** Sends one request and resolves with its answer type (runtime.sendMessage, typed). */
export type Send = <R extends Request>(msg: R) => Promise<ResponseFor<R['type']>>;

// ---------------------------------------------------------------------------------------------------------------
// The worker's shape check: exact keys, exact types, bounded lengths. Anything else is refused with a reason.

type Parsed = { ok: true; request: Request } | { ok: false; error: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const onlyKeys = (o: Record<string, unknown>, keys: readonly string[]) => Object.keys(o).every((k) => keys.includes(k));

function introSetup(v: unknown): IntroSetup | null {
  if (!isRecord(v) || !onlyKeys(v, ['activity', 'contactSource', 'unsubscribe'])) return null;
  const { activity, contactSource, unsubscribe } = v;
  if (!str(activity, MAX_FIELD) || !str(contactSource, MAX_FIELD) || !str(unsubscribe, MAX_FIELD)) return null;
  return { activity, contactSource, unsubscribe };
}

function person(v: unknown): PersonRequest | null {
  if (!isRecord(v) || !onlyKeys(v, ['key', 'name', 'headline', 'company', 'openToWork'])) return null;
  const { key, name, headline, company, openToWork } = v;
  if (!str(key, MAX_PERSON_KEY) || !key || !str(name, MAX_PERSON_NAME) || !str(headline, MAX_HEADLINE)) return null;
  if (company !== undefined && !str(company, MAX_PERSON_NAME)) return null;
  if (openToWork !== undefined && typeof openToWork !== 'boolean') return null;
  const out: PersonRequest = { key, name, headline };
  if (company !== undefined) out.company = company;
  if (openToWork !== undefined) out.openToWork = openToWork;
  return out;
}

function settingsPatch(v: unknown): SettingsPatch | null {
  if (!isRecord(v) || !onlyKeys(v, ['ownDomains', 'lang', 'intro', 'topic', 'contactSources', 'unsubscribeMethod', 'templates', 'sendGuard'])) return null;
  const out: SettingsPatch = {};
  if ('ownDomains' in v) {
    if (!Array.isArray(v.ownDomains) || v.ownDomains.length > 100 || !v.ownDomains.every((d) => str(d, 253))) return null;
    out.ownDomains = v.ownDomains as string[];
  }
  if ('lang' in v) {
    if (v.lang !== null && v.lang !== 'fr' && v.lang !== 'en') return null;
    out.lang = v.lang;
  }
  if ('topic' in v) {
    if (v.topic !== null && v.topic !== 'energy-renovation' && v.topic !== 'home-adaptation') return null;
    out.topic = v.topic;
  }
  if ('sendGuard' in v) {
    if (typeof v.sendGuard !== 'boolean') return null;
    out.sendGuard = v.sendGuard;
  }
  if ('intro' in v) {
    const i = v.intro;
    if (!isRecord(i) || !onlyKeys(i, ['senderName', 'company', 'activity', 'contactSource', 'unsubscribe'])) return null;
    if (!Object.values(i).every((x) => str(x, MAX_FIELD))) return null;
    out.intro = i as SettingsPatch['intro'];
  }
  if ('contactSources' in v) {
    if (!Array.isArray(v.contactSources) || v.contactSources.length > 50 || !v.contactSources.every((x) => str(x, MAX_FIELD))) return null;
    out.contactSources = v.contactSources as string[];
  }
  if ('unsubscribeMethod' in v) {
    const u = v.unsubscribeMethod;
    if (u !== null) {
      if (!isRecord(u) || !onlyKeys(u, ['method', 'url', 'mailto', 'subject'])) return null;
      if (u.method !== 'url' && u.method !== 'mailto' && u.method !== 'reply') return null;
      if (!['url', 'mailto', 'subject'].every((k) => u[k] === undefined || str(u[k], 1000))) return null;
    }
    out.unsubscribeMethod = u as SettingsPatch['unsubscribeMethod'];
  }
  if ('templates' in v) {
    const list = v.templates;
    if (!Array.isArray(list) || list.length > 50) return null;
    for (const t of list) {
      if (!isRecord(t) || !onlyKeys(t, ['id', 'name', 'lang', 'text', 'short'])) return null;
      if (!str(t.id, 100) || !str(t.name, 100) || (t.lang !== 'fr' && t.lang !== 'en') || !str(t.text, 5000) || (t.short !== undefined && !str(t.short, 300))) return null;
    }
    out.templates = list as SettingsPatch['templates'];
  }
  return out;
}

/**
 * The request a message carries, checked field by field; null when it is not one of ours at all (no string `type`,
 * or a type we do not know), so the listener leaves it alone.
 */
export function parseRequest(raw: unknown): Parsed | null {
  if (!isRecord(raw) || typeof raw.type !== 'string') return null;
  const bad = (error = 'bad message'): Parsed => ({ ok: false, error });
  const ok = (request: Request): Parsed => ({ ok: true, request });
  const m = raw;
  switch (m.type) {
    case 'hello': {
      const has = m.has;
      if (!onlyKeys(m, ['type', 'has']) || (has !== undefined && has !== null && has !== 'fr' && has !== 'en')) return bad();
      return ok(has === undefined ? { type: 'hello' } : { type: 'hello', has });
    }
    case 'openOptions':
      return onlyKeys(m, ['type']) ? ok({ type: m.type }) : bad();
    case 'classify': {
      const r = m.recipients;
      const list = m.message;
      const strings = (v: unknown, max: number): v is string[] => Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'string');
      if (!onlyKeys(m, ['type', 'recipients', 'message']) || !strings(r, MAX_RECIPIENTS)) return bad('bad recipients');
      if (list !== undefined && !strings(list, MAX_MESSAGE_RECIPIENTS)) return bad('bad recipients');
      // An over-long string is no address: cut, it is classified as invalid rather than refusing the whole list.
      const cut = (xs: string[]) => xs.map((x) => x.slice(0, MAX_ADDRESS_LENGTH));
      return ok(list === undefined ? { type: 'classify', recipients: cut(r) } : { type: 'classify', recipients: cut(r), message: cut(list) });
    }
    case 'judgePersons': {
      const { persons, note } = m;
      if (!onlyKeys(m, ['type', 'persons', 'note']) || !Array.isArray(persons) || persons.length > MAX_PERSONS) return bad('bad persons');
      const list: PersonRequest[] = [];
      for (const p of persons) {
        const checked = person(p);
        if (!checked) return bad('bad persons');
        list.push(checked);
      }
      if (note !== undefined && (!Number.isInteger(note) || (note as number) < 1 || (note as number) > 2000)) return bad('bad note');
      return ok(note === undefined ? { type: 'judgePersons', persons: list } : { type: 'judgePersons', persons: list, note: note as number });
    }
    case 'recordConsent': {
      const { address, method, note } = m;
      if (!onlyKeys(m, ['type', 'address', 'method', 'note']) || !str(address, MAX_ADDRESS_LENGTH)) return bad();
      if (method !== 'form' && method !== 'written' && method !== 'oral' && method !== 'other') return bad('bad method');
      if (note !== undefined && !str(note, MAX_NOTE)) return bad('bad note');
      return ok(note === undefined ? { type: 'recordConsent', address, method } : { type: 'recordConsent', address, method, note });
    }
    case 'setOverride': {
      const { key, kind } = m;
      if (!onlyKeys(m, ['type', 'key', 'kind']) || !str(key, MAX_ADDRESS_LENGTH) || (kind !== 'business' && kind !== 'private')) return bad();
      return ok({ type: 'setOverride', key, kind });
    }
    case 'saveIntro': {
      const intro = onlyKeys(m, ['type', 'intro']) ? introSetup(m.intro) : null;
      return intro ? ok({ type: 'saveIntro', intro }) : bad();
    }
    case 'removeOverride':
      return onlyKeys(m, ['type', 'key']) && str(m.key, MAX_ADDRESS_LENGTH) ? ok({ type: 'removeOverride', key: m.key }) : bad();
    case 'removeConsent':
      return onlyKeys(m, ['type', 'address']) && str(m.address, MAX_ADDRESS_LENGTH) ? ok({ type: 'removeConsent', address: m.address }) : bad();
    case 'saveConsent': {
      const { address, date, method, note } = m;
      if (!onlyKeys(m, ['type', 'address', 'date', 'method', 'note']) || !str(address, MAX_ADDRESS_LENGTH) || !str(date, 10)) return bad();
      // 'at-send': a consent declared in the confirm before send, kept as such when the user edits its date or note.
      if (method !== 'form' && method !== 'written' && method !== 'oral' && method !== 'other' && method !== 'at-send') return bad('bad method');
      if (note !== undefined && !str(note, MAX_NOTE)) return bad('bad note');
      return ok(note === undefined ? { type: 'saveConsent', address, date, method } : { type: 'saveConsent', address, date, method, note });
    }
    case 'optionsState':
      return onlyKeys(m, ['type']) ? ok({ type: 'optionsState' }) : bad();
    case 'importSettings':
      return onlyKeys(m, ['type', 'settings', 'overrides', 'consents']) ? ok({ type: 'importSettings', settings: m.settings, overrides: m.overrides, consents: m.consents }) : bad();
    case 'saveSettings': {
      const patch = onlyKeys(m, ['type', 'patch']) ? settingsPatch(m.patch) : null;
      return patch ? ok({ type: 'saveSettings', patch }) : bad();
    }
    case 'enableSite': {
      const { origin, tabId } = m;
      if (!onlyKeys(m, ['type', 'origin', 'tabId']) || !str(origin, 2000)) return bad();
      if (tabId !== undefined && !Number.isInteger(tabId)) return bad();
      return ok(tabId === undefined ? { type: 'enableSite', origin } : { type: 'enableSite', origin, tabId: tabId as number });
    }
    case 'disableSite':
      return onlyKeys(m, ['type', 'origin']) && str(m.origin, 2000) ? ok({ type: m.type, origin: m.origin }) : bad();
    case 'siteStatus': {
      const { origin, tabId } = m;
      if (!onlyKeys(m, ['type', 'origin', 'tabId']) || !str(origin, 2000)) return bad();
      if (tabId !== undefined && !Number.isInteger(tabId)) return bad();
      return ok(tabId === undefined ? { type: 'siteStatus', origin } : { type: 'siteStatus', origin, tabId: tabId as number });
    }
    case 'recognise':
      return onlyKeys(m, ['type']) ? ok({ type: 'recognise' }) : bad();
    case 'analyzeMessage': {
      const { compose, body, subject, links, recipients, persons } = m;
      if (!onlyKeys(m, ['type', 'compose', 'body', 'subject', 'links', 'recipients', 'persons'])) return bad();
      if (!str(compose, MAX_COMPOSE_ID) || typeof body !== 'string' || typeof subject !== 'string') return bad();
      if (!Array.isArray(recipients) || recipients.length > MAX_MESSAGE_RECIPIENTS || !recipients.every((x) => typeof x === 'string')) return bad('bad recipients');
      if (!Array.isArray(links) || links.length > MAX_LINKS) return bad('bad links');
      const out: MessageLink[] = [];
      for (const l of links) {
        if (!isRecord(l) || !onlyKeys(l, ['href', 'start', 'end']) || !str(l.href, 2000)) return bad('bad links');
        if (!Number.isInteger(l.start) || !Number.isInteger(l.end) || (l.start as number) < 0 || (l.end as number) < (l.start as number)) return bad('bad links');
        out.push({ href: l.href, start: l.start as number, end: l.end as number });
      }
      let members: PersonRequest[] | undefined;
      if (persons !== undefined) {
        if (!Array.isArray(persons) || persons.length > MAX_PERSONS) return bad('bad persons');
        members = [];
        for (const p of persons) {
          const checked = person(p);
          if (!checked) return bad('bad persons');
          members.push(checked);
        }
      }
      // An over-long body is analysed on its first MAX_BODY characters (the part written for the message comes first).
      return ok({
        ...(members ? { persons: members } : {}),
        type: 'analyzeMessage',
        compose,
        body: body.slice(0, MAX_BODY),
        subject: subject.slice(0, MAX_SUBJECT),
        links: out,
        recipients: (recipients as string[]).map((x) => x.slice(0, MAX_ADDRESS_LENGTH)),
      });
    }
    case 'recordSend':
    case 'consentAtSend': {
      const key = m.type === 'recordSend' ? 'recipients' : 'addresses';
      const list = m[key];
      if (!onlyKeys(m, ['type', key]) || !Array.isArray(list) || list.length > MAX_MESSAGE_RECIPIENTS || !list.every((x) => str(x, MAX_ADDRESS_LENGTH))) return bad('bad recipients');
      return ok(m.type === 'recordSend' ? { type: 'recordSend', recipients: list as string[] } : { type: 'consentAtSend', addresses: list as string[] });
    }
    default:
      return null;
  }
}
