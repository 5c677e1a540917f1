/**
 * The service worker's message handler, with its dependencies passed in (tests give fakes).
 * Classification runs here, next to the rules engine's domain lists, so the content script stays small; every
 * write of a record happens here too (through the writer's queue), after checking who asks and what they send:
 * a content script in the top frame of a tab on a supported or enabled site, or one of the extension's own pages.
 */
import type { ClassifyOptions, RecipientResult } from '../rules/types';
import type { IntroAudience } from '../rules/intro';
import { messageWording, recipientWording } from '../rules/wording';
import { judgePersons } from '../rules/linkedin/person';
import type { ConsentRecord, Settings, UiLang } from '../storage/schema';
import type { Stored } from '../storage/index';
import { normalizeOrigin } from '../storage/schema';
import { CONTENT_REQUESTS, parseRequest, type IntroductionText, type PersonRequest, type Request, type Response, type Responses } from './protocol';
import type { Sites } from './sites';
import type { Writer } from './writer';
import type { IntroductionPlace } from './intro';
import type { MessageService } from './message';
import type { Catalogue } from '../ui/overlay/i18n';
import { applyPolicy, stripLocked, type ManagedPolicy } from '../storage/policy';
import type { SyncStatus } from '../storage/settings-sync';

export interface HandlerDeps {
  runtimeId: string;
  /** "chrome-extension://<id>/": messages from extension pages start with it. */
  extensionUrl: string;
  version: string;
  uiLanguage(): string;
  /** Settings, overrides and consents (the caller caches and invalidates on storage changes). */
  load(): Promise<Stored>;
  classifyMany(inputs: string[], options: ClassifyOptions): RecipientResult[];
  introduction(settings: Settings, lang: UiLang, audience: IntroAudience, place?: IntroductionPlace): IntroductionText;
  openOptions(): Promise<void>;
  sites: Pick<Sites, 'enable' | 'disable' | 'status' | 'recognise'>;
  /** Whether the manifest's own content script covers the origin (Gmail). */
  isBuiltIn(origin: string): boolean;
  writer: Pick<Writer, 'recordConsent' | 'removeConsent' | 'setOverride' | 'saveSettings' | 'recordConsentsAtSend'> & Partial<Pick<Writer, 'saveConsent' | 'importAll' | 'setBuiltInOff'>>;
  /** The message checks: analysis, first-contact history, confirm before send (./message.ts). */
  message: Pick<MessageService, 'analyze' | 'recordSend'>;
  /** The overlay's strings in a language (for a content script whose browser.i18n speaks the other one). */
  messages(lang: UiLang): Catalogue;
  /** The team policy in force (enterprise policy, storage.managed); none by default. */
  policy?(): Promise<ManagedPolicy>;
  /** What the member stored, without the policy (the options page and the settings file show it). */
  loadStored?(): Promise<Stored>;
  /** Which of these normalised addresses are on a suppression list. */
  suppressed?(emails: string[]): Promise<boolean[]>;
  /** Built-in origins (the manifest's content scripts). */
  builtInOrigins?(): string[];
  /** What the last mirror to storage.sync left on this computer only. */
  syncStatus?(): Promise<SyncStatus>;
}

export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

export function langFor(settings: Settings, uiLanguage: string): UiLang {
  if (settings.lang) return settings.lang;
  return uiLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function errorOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const ok = { ok: true } as const;

/** The message's only recipient (its address goes into the unsubscribe link and the template's variables), if one. */
export function placeOf(all: readonly RecipientResult[]): IntroductionPlace {
  const emails = new Set(all.map((r) => r.email).filter((e): e is string => !!e));
  if (emails.size !== 1) return {};
  const r = all.find((x) => x.email)!;
  return { recipient: { address: r.email!, ...(r.name ? { name: r.name } : {}), domain: r.domain } };
}

/**
 * Returns a promise of the answer for messages it handles, undefined for the others (so the polyfill
 * leaves them to other listeners).
 */
export function createHandler(deps: HandlerDeps) {
  // Extension pages (popup, options — in a tab or not) have our own URL; a content script's sender.url is the web page's.
  const fromExtensionPage = (s: Sender) => typeof s.url === 'string' && s.url.startsWith(deps.extensionUrl);

  /**
   * A content script of ours in the top frame of a tab whose site we run on (built in, or enabled by the user): 'on';
   * a built-in site the user switched off: 'off' (its script only learns that it stays inert); else false.
   */
  async function contentSite(s: Sender): Promise<'on' | 'off' | false> {
    if (typeof s.tab?.id !== 'number' || (s.frameId !== undefined && s.frameId !== 0)) return false;
    const origin = normalizeOrigin(s.origin ?? s.url ?? '');
    if (!origin) return false;
    const { settings } = await deps.load();
    if (deps.isBuiltIn(origin)) return settings.disabledSites.includes(origin) ? 'off' : 'on';
    return settings.enabledSites.includes(origin) ? 'on' : false;
  }

  /**
   * Results, consents and wording for `recipients`; for `message` (the compose's whole list), what the rules' wording
   * policy says about the message and the introduction for its audience.
   */
  async function classify(recipients: string[], message: string[] | undefined): Promise<Responses['classify']> {
    const { settings, overrides, consents } = await deps.load();
    const lang = langFor(settings, deps.uiLanguage());
    const options: ClassifyOptions = { ownDomains: settings.ownDomains, overrides, jurisdiction: settings.jurisdiction };
    if (settings.topic) options.topic = settings.topic;
    const consentOf = (r: RecipientResult) => (r.email ? (consents[r.email] ?? null) : null);
    const results = recipients.length ? deps.classifyMany(recipients, options) : [];
    const found: Record<string, ConsentRecord> = {};
    for (const r of results) if (r.email && consents[r.email]) found[r.email] = consents[r.email];
    const wordings = results.map((r) => recipientWording(r, lang, consentOf(r)));
    const answer: Responses['classify'] = { ok: true, lang, results, wordings, consents: found };
    if (message) {
      const all = message.length ? deps.classifyMany(message, options) : [];
      const wording = messageWording(
        all.map((result) => ({ result, consent: consentOf(result) })),
        lang,
      );
      answer.message = { wording, introduction: wording.introduction ? deps.introduction(settings, lang, wording.introduction, placeOf(all)) : null };
    }
    if (deps.suppressed) {
      const emails = results.map((r) => r.email).filter((e): e is string => !!e);
      const flags = emails.length ? await deps.suppressed(emails).catch(() => emails.map(() => false)) : [];
      answer.suppressed = emails.filter((_, i) => flags[i]);
    }
    return answer;
  }

  /**
   * LinkedIn members (rules/linkedin): results, consents and wording, the message's wording and the introduction,
   * whose contact source is LinkedIn; for an invitation note, with its short variants.
   */
  async function persons(list: PersonRequest[], note: number | undefined): Promise<Responses['judgePersons']> {
    const { settings, overrides, consents } = await deps.load();
    const lang = langFor(settings, deps.uiLanguage());
    const results = judgePersons(list, { overrides, jurisdiction: settings.jurisdiction, ...(settings.topic ? { topic: settings.topic } : {}) });
    const found: Record<string, ConsentRecord> = {};
    for (const r of results) if (consents[r.input]) found[r.input] = consents[r.input];
    const consentOf = (r: RecipientResult) => found[r.input] ?? null;
    const wordings = results.map((r) => recipientWording(r, lang, consentOf(r)));
    const wording = messageWording(
      results.map((result) => ({ result, consent: consentOf(result) })),
      lang,
    );
    const introduction = wording.introduction ? deps.introduction(settings, lang, wording.introduction, { linkedin: true, note: note !== undefined }) : null;
    return { ok: true, lang, results, wordings, consents: found, message: { wording, introduction } };
  }

  async function optionsState(): Promise<Responses['optionsState']> {
    const stored = await (deps.loadStored ?? deps.load)();
    const policy = (await deps.policy?.()) ?? {};
    const { value, locks } = applyPolicy(stored.settings, policy);
    const out: Responses['optionsState']['locks'] = {};
    for (const [k, l] of Object.entries(locks)) out[k] = l.items ? { by: l.by, items: l.items } : { by: l.by };
    return {
      ok: true,
      settings: value,
      stored: stored.settings,
      overrides: stored.overrides,
      consents: stored.consents,
      locks: out,
      managedBy: policy.managedBy ?? null,
      builtIn: deps.builtInOrigins?.() ?? [],
      sync: (await deps.syncStatus?.().catch(() => null)) ?? { notSynced: [], bytes: 0 },
    };
  }

  /** A valid origin the manifest's own content script covers (Gmail). */
  const builtIn = (raw: string) => {
    const o = normalizeOrigin(raw);
    return o !== null && deps.isBuiltIn(o);
  };

  async function answer(req: Request, sender: Sender, site: 'on' | 'off' | false): Promise<Response> {
    switch (req.type) {
      case 'hello': {
        const { settings } = await deps.load();
        const lang = langFor(settings, deps.uiLanguage());
        if (site === 'off') return { ok: true, lang, version: deps.version, off: true };
        return req.has !== undefined && req.has !== lang
          ? { ok: true, lang, version: deps.version, messages: deps.messages(lang) }
          : { ok: true, lang, version: deps.version };
      }
      case 'classify':
        return classify(req.recipients, req.message);
      case 'judgePersons':
        return persons(req.persons, req.note);
      case 'openOptions':
        await deps.openOptions();
        return ok;
      case 'recordConsent':
        return { ok: true, record: await deps.writer.recordConsent(req.address, req.method, req.note) };
      case 'setOverride':
        await deps.writer.setOverride(req.key, req.kind);
        return ok;
      case 'saveIntro':
        await deps.writer.saveSettings({ intro: req.intro });
        return ok;
      case 'removeOverride':
        await deps.writer.setOverride(req.key, null);
        return ok;
      case 'removeConsent':
        await deps.writer.removeConsent(req.address);
        return ok;
      case 'saveSettings': {
        // Values the team policy manages are not the member's to change: refused, and said so.
        const { locks } = applyPolicy((await deps.load()).settings, (await deps.policy?.()) ?? {});
        const { patch, refused } = stripLocked(req.patch, locks);
        if (refused.length) return { ok: false, error: `managed by your administrator: ${refused.join(', ')}` };
        return { ok: true, settings: await deps.writer.saveSettings(patch) };
      }
      case 'saveConsent':
        if (!deps.writer.saveConsent) return { ok: false, error: 'not available' };
        return { ok: true, record: await deps.writer.saveConsent(req.address, req.date, req.method, req.note) };
      case 'optionsState':
        return optionsState();
      case 'importSettings':
        if (!deps.writer.importAll) return { ok: false, error: 'not available' };
        await deps.writer.importAll(req);
        return ok;
      case 'siteStatus': {
        const st = await deps.sites.status(req.origin, req.tabId);
        if (!st.builtIn) return { ok: true, ...st };
        // A built-in site is enabled unless the user switched it off.
        const { settings } = await deps.load();
        return { ok: true, ...st, enabled: !settings.disabledSites.includes(st.origin) };
      }
      case 'recognise': {
        // The sender's own tab and origin (a content script of ours there, checked above); an extension page has none.
        const origin = normalizeOrigin(sender.origin ?? sender.url ?? '');
        const tabId = sender.tab?.id;
        const site = origin && typeof tabId === 'number' ? await deps.sites.recognise(origin, tabId) : null;
        return { ok: true, site };
      }
      case 'disableSite':
        // A built-in site (Gmail): switched off on this computer, its script stays inert; another: unregistered.
        if (builtIn(req.origin) && deps.writer.setBuiltInOff) await deps.writer.setBuiltInOff(req.origin, true);
        else await deps.sites.disable(req.origin);
        return ok;
      case 'enableSite':
        if (builtIn(req.origin) && deps.writer.setBuiltInOff) await deps.writer.setBuiltInOff(req.origin, false);
        else await deps.sites.enable(req.origin, req.tabId);
        return ok;
      case 'analyzeMessage': {
        const stored = await deps.load();
        const lang = langFor(stored.settings, deps.uiLanguage());
        const key = `${sender.tab?.id ?? 'page'}:${req.compose}`;
        const input = { key, body: req.body, subject: req.subject, links: req.links, recipients: req.recipients };
        return deps.message.analyze(stored, lang, req.persons ? { ...input, persons: req.persons } : input);
      }
      case 'recordSend':
        return { ok: true, recorded: await deps.message.recordSend(req.recipients) };
      case 'consentAtSend':
        return { ok: true, records: await deps.writer.recordConsentsAtSend(req.addresses) };
    }
  }

  return function handle(message: unknown, sender: Sender): Promise<Response> | undefined {
    if (sender?.id !== deps.runtimeId) return undefined;
    const parsed = parseRequest(message);
    if (!parsed) return undefined;
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    const req = parsed.request;
    return (async (): Promise<Response> => {
      if (fromExtensionPage(sender)) return answer(req, sender, false);
      const site = CONTENT_REQUESTS.includes(req.type) ? await contentSite(sender) : false;
      // A built-in site switched off: its script may only ask whether it is (hello), nothing else.
      if (site === 'on' || (site === 'off' && req.type === 'hello')) return answer(req, sender, site);
      return { ok: false, error: 'not allowed' };
    })().catch((e: unknown): Response => ({ ok: false, error: errorOf(e) }));
  };
}
