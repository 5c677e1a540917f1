import { render } from 'preact';
import browser from 'webextension-polyfill';

function Options() {
  const version = browser.runtime.getManifest().version;
  return (
    <main>
      <h1>{browser.i18n.getMessage('optionsTitle')}</h1>
      <p data-testid="version">{browser.i18n.getMessage('optionsVersion', [version])}</p>
    </main>
  );
}

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('fr') ? 'fr' : 'en';
document.title = browser.i18n.getMessage('optionsTitle');
render(<Options />, document.getElementById('app')!);
