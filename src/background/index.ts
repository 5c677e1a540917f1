/**
 * Service worker: classifies recipients for the content scripts (the rules engine and its domain lists
 * live here, not in the page), and keeps "enable on this site" registrations in step with permissions.
 * It makes no network request.
 */
import browser from 'webextension-polyfill';
import { classifyMany } from '../rules/index';
import { judgePersons } from '../rules/linkedin/person';
import { affectsClassification, getSettings, loadAll, type Stored } from '../storage/index';
import { SUPPRESSION_VERSION_KEY } from '../storage/area';
import { createHandler } from './handlers';
import { introductionFor } from './intro';
import { createSites, isBuiltIn } from './sites';
import { createWriter } from './writer';
import { createMessageService } from './message';
import { createHistoryStore } from '../storage/history';
import { OVERLAY_CATALOGUES } from '../ui/overlay/catalogues';
import { applyPolicy } from '../storage/policy';
import { createPolicyService } from '../storage/policy-service';
import { SuppressionStore } from '../storage/suppression';
import { SYNC_STATUS_KEY, validateSyncStatus, type SyncArea } from '../storage/settings-sync';
import { handleSuppression, isSuppressionRequest } from '../storage/suppression-service';

// The suppression list (hashed, IndexedDB) and the team policy (enterprise policy, storage.managed).
const suppression = new SuppressionStore();
const policy = createPolicyService({
  managed: browser.storage.managed,
  onChanged: browser.storage.onChanged,
  setManagedSuppression: (entries, by) => suppression.setManaged(entries, by),
});
let policyReads = 0;
policy.onUpdate(() => {
  stored = null;
  // The first read is the worker's start, not a change.
  if (policyReads++ > 0) void bumpSuppression();
});
/** Tells the compose windows (storage.onChanged) that the suppression list or the policy changed. */
function bumpSuppression(): Promise<void> {
  return browser.storage.local.set({ [SUPPRESSION_VERSION_KEY]: Date.now() }).catch(() => undefined);
}

let storedRaw: Promise<Stored> | null = null;
/** What the member stored (validated), cached until a write or a change. */
function loadStored(): Promise<Stored> {
  if (!storedRaw) {
    storedRaw = loadAll();
    storedRaw.catch(() => {
      storedRaw = null;
    });
  }
  return storedRaw;
}

let stored: Promise<Stored> | null = null;
/** The member's settings with the team policy applied: what classification and the introduction use. */
function load(): Promise<Stored> {
  if (!stored) {
    stored = Promise.all([loadStored(), policy.current()]).then(([s, p]) => ({ ...s, settings: applyPolicy(s.settings, p.policy).value }));
    stored.catch(() => {
      stored = null;
    });
  }
  return stored;
}

// The only writer of settings, overrides and consent records: one write at a time. Settings are mirrored to
// storage.sync (src/storage/settings-sync.ts) so that they follow the user; everything stays in storage.local too.
const syncArea = (browser.storage as { sync?: SyncArea }).sync ?? null;
const writer = createWriter(browser.storage.local, {
  afterWrite: () => {
    stored = null;
    storedRaw = null;
  },
  sync: syncArea,
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

// The first-contact history: hashed, in the extension's own IndexedDB, written here only.
const history = typeof indexedDB !== 'undefined' && globalThis.crypto?.subtle ? createHistoryStore() : null;
/** Which of these normalised addresses are on the suppression list (they objected). */
const suppressed = async (emails: string[]) => {
  await suppression.load();
  return emails.map((e) => suppression.hasNormalisedLoaded(e));
};
// A suppressed recipient counts like an opt-in one for the confirm before send.
const message = createMessageService({
  classifyMany: (inputs, options) => classifyMany(inputs, options),
  judgePersons: (persons, options) => judgePersons(persons, options),
  history,
  suppressed,
});

const handle = createHandler({
  runtimeId: browser.runtime.id,
  extensionUrl: browser.runtime.getURL(''),
  version: browser.runtime.getManifest().version,
  uiLanguage: () => browser.i18n.getUILanguage(),
  load,
  loadStored,
  policy: async () => (await policy.current()).policy,
  syncStatus: async () => validateSyncStatus((await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY]),
  suppressed,
  builtInOrigins: () =>
    (browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []).map((m) => m.replace(/\/\*$/, '')),
  classifyMany: (inputs, options) => classifyMany(inputs, options),
  introduction: introductionFor,
  openOptions: () => browser.runtime.openOptionsPage(),
  sites,
  isBuiltIn: (origin) => isBuiltIn(browser.runtime.getManifest(), origin),
  writer,
  message,
  messages: (lang) => OVERLAY_CATALOGUES[lang],
});

const logError = (where: string) => (e: unknown) => console.debug('[Prospect Guard]', where, e instanceof Error ? e.message : e);

// Listeners are added synchronously at start, as MV3 service workers require.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => handle(message, sender));
// The suppression list's messages: from the extension's own pages only (the options page).
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isSuppressionRequest(message)) return undefined;
  if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL(''))) return Promise.resolve({ ok: false, error: 'not allowed' });
  return handleSuppression(suppression, message).then((r) => {
    const type = (message as { type: string }).type;
    if (r.ok && (type === 'suppression.commit' || type === 'suppression.clear')) void bumpSuppression();
    return r;
  });
});
// The keyboard command (manifest "commands", Alt+Shift+I by default): the compose in focus inserts its introduction,
// as its Insert button would (the content script inserts only a complete one, never to a recipient who objected).
browser.commands?.onCommand.addListener((command) => {
  if (command !== 'insert-introduction') return;
  void browser.tabs
    .query({ active: true, currentWindow: true })
    .then(([tab]) => (tab?.id !== undefined ? browser.tabs.sendMessage(tab.id, { type: 'insertIntroduction' }) : undefined))
    .catch(logError('insert-introduction command'));
});
// The team policy: read at start (the shared suppression list is stored then), and on every change.
void policy.current();

// Once per computer: the settings it had go to storage.sync (or a fresh install takes the synced ones).
void writer.migrateSync().catch(logError('settings to storage.sync'));

browser.storage.onChanged.addListener((changes, area) => {
  // Another computer's settings (or our own push, which changes nothing here).
  if (area === 'sync') void writer.pullSync().catch(logError('settings from storage.sync'));
  if (affectsClassification(changes, area)) {
    stored = null;
    storedRaw = null;
  }
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
