/**
 * Service worker: classifies recipients for the content scripts (the rules engine and its domain lists
 * live here, not in the page), and keeps "enable on this site" registrations in step with permissions.
 * It makes no network request.
 */
import browser from 'webextension-polyfill';
import { classifyMany } from '../rules/index';
import { affectsClassification, getSettings, loadAll, type Stored } from '../storage/index';
import { createHandler } from './handlers';
import { introductionFor } from './intro';
import { createSites, isBuiltIn } from './sites';
import { createWriter } from './writer';
import { OVERLAY_CATALOGUES } from '../ui/overlay/catalogues';

let stored: Promise<Stored> | null = null;
function load(): Promise<Stored> {
  if (!stored) {
    stored = loadAll();
    stored.catch(() => {
      stored = null;
    });
  }
  return stored;
}

// The only writer of settings, overrides and consent records: one write at a time.
const writer = createWriter(browser.storage.local, {
  afterWrite: () => {
    stored = null;
  },
});

const sites = createSites({
  getManifest: () => browser.runtime.getManifest(),
  permissions: browser.permissions,
  scripting: browser.scripting,
  tabs: browser.tabs,
  getEnabledSites: async () => (await getSettings()).enabledSites,
  getSiteFiles: async () => (await getSettings()).siteFiles,
  addEnabledSite: (o, site) => writer.addEnabledSite(o, site),
  removeEnabledSite: (o) => writer.removeEnabledSite(o),
});

const handle = createHandler({
  runtimeId: browser.runtime.id,
  extensionUrl: browser.runtime.getURL(''),
  version: browser.runtime.getManifest().version,
  uiLanguage: () => browser.i18n.getUILanguage(),
  load,
  classifyMany: (inputs, options) => classifyMany(inputs, options),
  introduction: introductionFor,
  openOptions: () => browser.runtime.openOptionsPage(),
  sites,
  isBuiltIn: (origin) => isBuiltIn(browser.runtime.getManifest(), origin),
  writer,
  messages: (lang) => OVERLAY_CATALOGUES[lang],
});

const logError = (where: string) => (e: unknown) => console.debug('[Prospect Guard]', where, e instanceof Error ? e.message : e);

// Listeners are added synchronously at start, as MV3 service workers require.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => handle(message, sender));

browser.storage.onChanged.addListener((changes, area) => {
  if (affectsClassification(changes, area)) stored = null;
});

browser.permissions.onAdded.addListener((p) => void sites.onAdded(p).catch(logError('permissions.onAdded')));
browser.permissions.onRemoved.addListener((p) => void sites.onRemoved(p).catch(logError('permissions.onRemoved')));

// Install, update or reload: registrations first, then the new content script into the tabs already open.
browser.runtime.onInstalled.addListener(
  () =>
    void sites
      .sync()
      .catch(logError('sync on install'))
      .then(() => sites.injectIntoOpenTabs())
      .catch(logError('inject on install')),
);
browser.runtime.onStartup.addListener(() => void sites.sync().catch(logError('sync on startup')));
