/**
 * Messages between the extension's pages/content scripts and the service worker (runtime.sendMessage).
 * Types only, plus limits: the content script imports this file without pulling in the rules engine.
 */
import type { RecipientResult } from '../rules/types';
import type { ConsentRecord, UiLang } from '../storage/schema';

export interface IntroductionText {
  intro: string;
  unsubscribe: string;
  elements?: unknown;
}

export type Request =
  /** Wakes the worker (sent when a compose window is seen) and loads the rules. */
  | { type: 'hello' }
  /** Classifies addresses with the user's settings and overrides; also returns consents and the introduction. */
  | { type: 'classify'; recipients: string[] }
  /** Opens the options page (content scripts cannot). */
  | { type: 'openOptions' }
  /** From extension pages only: enable/disable the generic adapter on an origin the user granted. */
  | { type: 'enableSite'; origin: string; tabId?: number }
  | { type: 'disableSite'; origin: string }
  | { type: 'siteStatus'; origin: string };

export interface HelloResponse {
  ok: true;
  lang: UiLang;
  version: string;
}

export interface ClassifyResponse {
  ok: true;
  lang: UiLang;
  /** One per requested address, same order. */
  results: RecipientResult[];
  /** Consent records for the normalised addresses among the results that have one. */
  consents: Record<string, ConsentRecord>;
  /** The B2B introduction in `lang`, from the user's settings (defaults where empty). */
  introduction: IntroductionText;
  /** True when every intro field still uses the default wording. */
  introIsDefault: boolean;
}

export interface SiteStatusResponse {
  ok: true;
  origin: string;
  /** Covered by the manifest's own content script (e.g. Gmail). */
  builtIn: boolean;
  /** In settings.enabledSites. */
  enabled: boolean;
  /** Host permission granted. */
  granted: boolean;
  /** A dynamic content script is registered for it. */
  registered: boolean;
}

export interface ErrorResponse {
  ok: false;
  error: string;
}

export type Response = HelloResponse | ClassifyResponse | SiteStatusResponse | { ok: true } | ErrorResponse;

export const MAX_RECIPIENTS = 200;
export const MAX_ADDRESS_LENGTH = 320;
