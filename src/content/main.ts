/**
 * Content script entry (bundled as one self-contained IIFE). Reads the compose windows of the page
 * through the site adapter, asks the service worker to classify the recipients and shows the overlay.
 * Never throws into the page: every callback is wrapped, errors go to console.debug.
 */
import browser from 'webextension-polyfill';
import { adapterFor } from '../sites/index';
import { insertIntroduction, watchCaret } from './insert';
import { recordConsent, setOverride, affectsClassification } from '../storage/index';
import { langFromUi } from '../ui/overlay/i18n';
import { startApp } from './app';
import { report, safely } from './safe';
import type { InsertOutcome } from '../ui/overlay/model';

const FLAG = '__prospectGuardContent';

function main() {
  const g = globalThis as unknown as Record<string, unknown>;
  if (g[FLAG]) return; // injected twice (manifest + "enable on this site")
  g[FLAG] = true;

  const adapter = adapterFor(location, document);
  if (!adapter) return;
  // Remember the caret in the message, so clicking "Insérer" inserts where the user was typing.
  watchCaret(document);

  let uiLang = 'fr';
  try {
    uiLang = browser.i18n.getUILanguage();
  } catch (e) {
    report('ui language', e);
  }

  startApp({
    doc: document,
    adapter,
    send: (msg) => browser.runtime.sendMessage(msg),
    i18n: browser.i18n,
    lang: langFromUi(uiLang),
    recordConsent: (address) => recordConsent(address),
    setOverride: (key, kind) => setOverride(key, kind),
    insert: (handle, text): Promise<InsertOutcome> => insertIntroduction(handle, text),
    onStorageChange(cb) {
      const listener = safely('storage change', (changes: Record<string, unknown>, area: string) => {
        if (affectsClassification(changes, area)) cb();
      });
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  });
}

try {
  main();
} catch (e) {
  report('start', e);
}
