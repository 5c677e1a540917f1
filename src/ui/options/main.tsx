import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Options } from './Options';
import { loadAll } from '../../storage/index';
import type { Request, ResponseFor } from '../../background/protocol';

/** Every write is the service worker's: the page asks, and reports the worker's refusal as an error. */
async function ask<R extends Request>(msg: R): Promise<Exclude<ResponseFor<R['type']>, { ok: false }>> {
  const res = (await browser.runtime.sendMessage(msg)) as ResponseFor<R['type']> | undefined;
  if (!res || res.ok !== true) throw new Error(res && 'error' in res ? res.error : 'no answer');
  return res as Exclude<ResponseFor<R['type']>, { ok: false }>;
}

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('fr') ? 'fr' : 'en';
document.title = browser.i18n.getMessage('optionsTitle');

render(
  <Options
    api={{
      i18n: browser.i18n,
      version: browser.runtime.getManifest().version,
      load: () => loadAll(),
      saveSettings: async (patch) => (await ask({ type: 'saveSettings', patch })).settings,
      setOverride: (key) => ask({ type: 'removeOverride', key }),
      removeConsent: (address) => ask({ type: 'removeConsent', address }),
      disableSite: (origin) => ask({ type: 'disableSite', origin }),
      onChange: (cb) => {
        const l = () => cb();
        browser.storage.onChanged.addListener(l);
        return () => browser.storage.onChanged.removeListener(l);
      },
    }}
  />,
  document.getElementById('app')!,
);
