/**
 * The service worker's message handler, with its dependencies passed in (tests give fakes).
 * Classification runs here, next to the rules engine's domain lists, so the content script stays small.
 */
import type { ClassifyOptions, RecipientResult } from '../rules/types';
import type { ConsentRecord, Settings, UiLang } from '../storage/schema';
import type { Stored } from '../storage/index';
import { MAX_ADDRESS_LENGTH, MAX_RECIPIENTS, type IntroductionText, type Response } from './protocol';
import type { Sites } from './sites';

export interface HandlerDeps {
  runtimeId: string;
  /** "chrome-extension://<id>/": messages from extension pages start with it. */
  extensionUrl: string;
  version: string;
  uiLanguage(): string;
  /** Settings, overrides and consents (the caller caches and invalidates on storage changes). */
  load(): Promise<Stored>;
  classifyMany(inputs: string[], options: ClassifyOptions): RecipientResult[];
  introduction(settings: Settings, lang: UiLang): { text: IntroductionText; isDefault: boolean };
  openOptions(): Promise<void>;
  sites: Pick<Sites, 'enable' | 'disable' | 'status'>;
}

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export function langFor(settings: Settings, uiLanguage: string): UiLang {
  if (settings.lang) return settings.lang;
  return uiLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function errorOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Returns a promise of the answer for messages it handles, undefined for the others (so the polyfill
 * leaves them to other listeners).
 */
export function createHandler(deps: HandlerDeps) {
  // Extension pages (popup, options — in a tab or not) have our own URL; a content script's sender.url is the web page's.
  const fromExtensionPage = (s: Sender) => typeof s.url === 'string' && s.url.startsWith(deps.extensionUrl);

  async function classify(recipients: unknown): Promise<Response> {
    if (!Array.isArray(recipients) || recipients.length > MAX_RECIPIENTS) return { ok: false, error: 'bad recipients' };
    const inputs = recipients.map((r) => (typeof r === 'string' ? r.slice(0, MAX_ADDRESS_LENGTH) : ''));
    const { settings, overrides, consents } = await deps.load();
    const lang = langFor(settings, deps.uiLanguage());
    const results = inputs.length
      ? deps.classifyMany(inputs, { ownDomains: settings.ownDomains, overrides, jurisdiction: settings.jurisdiction })
      : [];
    const found: Record<string, ConsentRecord> = {};
    for (const r of results) if (r.email && consents[r.email]) found[r.email] = consents[r.email];
    const intro = deps.introduction(settings, lang);
    return { ok: true, lang, results, consents: found, introduction: intro.text, introIsDefault: intro.isDefault };
  }

  return function handle(message: unknown, sender: Sender): Promise<Response> | undefined {
    if (!isRecord(message) || typeof message.type !== 'string') return undefined;
    if (sender?.id !== deps.runtimeId) return undefined;
    const run = (fn: () => Promise<Response>) => fn().catch((e: unknown): Response => ({ ok: false, error: errorOf(e) }));
    switch (message.type) {
      case 'hello':
        return run(async () => {
          const { settings } = await deps.load();
          return { ok: true, lang: langFor(settings, deps.uiLanguage()), version: deps.version };
        });
      case 'classify':
        return run(() => classify(message.recipients));
      case 'openOptions':
        return run(async () => {
          await deps.openOptions();
          return { ok: true };
        });
      case 'enableSite':
      case 'disableSite':
      case 'siteStatus': {
        if (!fromExtensionPage(sender)) return Promise.resolve({ ok: false, error: 'not allowed' });
        const origin = typeof message.origin === 'string' ? message.origin : '';
        if (message.type === 'siteStatus') return run(async () => ({ ok: true, ...(await deps.sites.status(origin)) }));
        if (message.type === 'disableSite')
          return run(async () => {
            await deps.sites.disable(origin);
            return { ok: true };
          });
        const tabId = typeof message.tabId === 'number' ? message.tabId : undefined;
        return run(async () => {
          await deps.sites.enable(origin, tabId);
          return { ok: true };
        });
      }
      default:
        return undefined;
    }
  };
}
