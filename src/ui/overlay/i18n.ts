/**
 * Strings come from public/_locales (the extension's own message catalogues). browser.i18n.getMessage
 * always answers in the browser's language; when the user picked the other language in the options
 * (settings.lang), the same catalogue entries are read from the bundled copy of that locale's file and
 * formatted the way browser.i18n formats them.
 */
import type frMessages from '../../../public/_locales/fr/messages.json';
import type { UiLang } from '../../storage/schema';

export type MessageKey = keyof typeof frMessages;
export type T = (key: MessageKey, subs?: string | string[]) => string;

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalogue = Record<string, Entry>;
export type Catalogues = Record<UiLang, Catalogue>;

/** The rules engine's language for a browser UI language: French for fr-*, English otherwise. */
export function langFromUi(uiLanguage: string | undefined | null): UiLang {
  return (uiLanguage ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Formats a catalogue entry like chrome.i18n: $NAME$ placeholders whose content holds $1…$9. */
export function formatEntry(entry: Entry | undefined, subs: string[]): string {
  if (!entry) return '';
  const sub = (s: string) => s.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
  const ph: Record<string, string> = {};
  for (const [k, v] of Object.entries(entry.placeholders ?? {})) ph[k.toLowerCase()] = sub(v.content);
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (m, name: string | undefined) =>
    name === undefined ? '$' : (ph[name.toLowerCase()] ?? m),
  );
}

export interface I18nApi {
  getMessage(key: string, subs?: string | string[]): string;
  getUILanguage(): string;
}

/**
 * Which catalogue browser.i18n actually answers from. Asked, not guessed: Chrome picks it from the browser's
 * UI locale, which can differ from what getUILanguage() reports in a content script (the page's language).
 */
export function apiCatalogueLang(api: I18nApi | null | undefined): UiLang | null {
  try {
    const code = api?.getMessage('localeCode');
    return code === 'fr' || code === 'en' ? code : null;
  } catch {
    return null;
  }
}

/**
 * A translator for `lang`. Uses `api.getMessage` (browser.i18n) when it answers in that language, else the
 * catalogue given for `lang` (the pages bundle the whole files; the overlay gets its share from the service
 * worker), else whatever language the API speaks, and never returns an empty string for a known key.
 */
export function createT(lang: UiLang, api: I18nApi | null | undefined, catalogues: Partial<Catalogues>): T {
  const useApi = !!api && apiCatalogueLang(api) === lang;
  const cat = catalogues[lang];
  return (key, subs) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const fromApi = () => {
      try {
        return api?.getMessage(key, list) ?? '';
      } catch {
        return '';
      }
    };
    if (useApi) {
      const m = fromApi();
      if (m) return m;
    }
    return formatEntry(cat?.[key], list) || (useApi ? '' : fromApi()) || formatEntry(catalogues.fr?.[key], list) || key;
  };
}
