import { render } from 'preact';
import { PAGE_CATALOGUES } from '../overlay/page-catalogues';
import browser from 'webextension-polyfill';
import { Rules } from './Rules';
import { createT, langFromUi } from '../overlay/i18n';
import type { UiLang } from '../../storage/schema';

/** The page's language: ?lang=fr|en, else the language chosen in the options, else the browser's. */
async function pageLang(): Promise<UiLang> {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'fr' || asked === 'en') return asked;
  try {
    const { settings } = (await browser.storage.local.get('settings')) as { settings?: { lang?: unknown } };
    if (settings?.lang === 'fr' || settings?.lang === 'en') return settings.lang;
  } catch {
    /* the browser's language */
  }
  return langFromUi(browser.i18n.getUILanguage());
}

void pageLang().then((lang) => {
  const t = createT(lang, browser.i18n, PAGE_CATALOGUES);
  document.documentElement.lang = lang;
  document.title = `${t('rulesTitle')} — Prospect Guard`;
  render(<Rules t={t} lang={lang} />, document.getElementById('app')!);
});
