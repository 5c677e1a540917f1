import { render } from 'preact';
import browser from 'webextension-polyfill';
import { Popup } from './Popup';

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('fr') ? 'fr' : 'en';

render(
  <Popup
    api={{
      i18n: browser.i18n,
      activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
      requestPermission: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
      send: (msg) => browser.runtime.sendMessage(msg),
      openOptions: () => void browser.runtime.openOptionsPage().then(() => window.close()),
      openRules: () => void browser.tabs.create({ url: browser.runtime.getURL('src/ui/rules/index.html') }).then(() => window.close()),
      composeStatus: (tabId) =>
        browser.tabs.sendMessage(tabId, { type: 'composeStatus' }).then(
          (r) => (r ?? null) as never,
          () => null, // no content script of ours in that tab
        ),
      shortcut: async () => (await browser.commands.getAll()).find((c) => c.name === 'insert-introduction')?.shortcut || null,
    }}
  />,
  document.getElementById('app')!,
);
