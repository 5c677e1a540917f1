import { render } from 'preact';
import browser from 'webextension-polyfill';
import { OptionsPage } from './OptionsPage';
import { createBackend, type BrowserLike } from './backend';
import { todayIso } from '../../storage/schema';

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('fr') ? 'fr' : 'en';
document.title = browser.i18n.getMessage('optionsTitle');

render(<OptionsPage backend={createBackend(browser as unknown as BrowserLike, () => todayIso())} />, document.getElementById('app')!);
