import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Options } from './Options';
import { loadAll, removeConsent, saveSettings, setOverride } from '../../storage/index';

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('fr') ? 'fr' : 'en';
document.title = browser.i18n.getMessage('optionsTitle');

render(
  <Options
    api={{
      i18n: browser.i18n,
      version: browser.runtime.getManifest().version,
      load: loadAll,
      saveSettings,
      setOverride: (k) => setOverride(k, null),
      removeConsent,
      disableSite: (origin) => browser.runtime.sendMessage({ type: 'disableSite', origin }),
      onChange: (cb) => {
        const l = () => cb();
        browser.storage.onChanged.addListener(l);
        return () => browser.storage.onChanged.removeListener(l);
      },
    }}
  />,
  document.getElementById('app')!,
);
