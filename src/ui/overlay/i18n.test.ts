import { describe, expect, it } from 'vitest';
import { apiCatalogueLang, createT, formatEntry, langFromUi } from './i18n';
import { PAGE_CATALOGUES as catalogues } from './page-catalogues';
import { OVERLAY_CATALOGUES } from './catalogues';

describe('message catalogues', () => {
  it('fr and en have the same keys, non-empty, same placeholders', () => {
    const fr = catalogues.fr as Record<string, { message: string; placeholders?: object }>;
    const en = catalogues.en as Record<string, { message: string; placeholders?: object }>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const k of Object.keys(fr)) {
      expect(fr[k].message.length, k).toBeGreaterThan(0);
      expect(en[k].message.length, k).toBeGreaterThan(0);
      expect(Object.keys(en[k].placeholders ?? {}), k).toEqual(Object.keys(fr[k].placeholders ?? {}));
      for (const m of fr[k].message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) expect(Object.keys(fr[k].placeholders ?? {}), k).toContain(m[1].toLowerCase());
    }
  });

  it('the overlay carries only its own keys, every one it uses', () => {
    expect(Object.keys(OVERLAY_CATALOGUES.fr).every((k) => k.startsWith('ov') || k === 'localeCode')).toBe(true);
    expect(Object.keys(OVERLAY_CATALOGUES.fr).length).toBe(Object.keys(catalogues.fr).filter((k) => k.startsWith('ov') || k === 'localeCode').length);
    expect(OVERLAY_CATALOGUES.en.ovInsert.message).toBe('Insert the introduction');
  });

  it('keeps the original keys', () => {
    for (const k of ['extName', 'extDescription', 'optionsTitle', 'optionsVersion', 'popupTitle']) expect(catalogues.fr).toHaveProperty(k);
  });
});

describe('formatting like chrome.i18n', () => {
  it('substitutes placeholders and $$', () => {
    expect(formatEntry({ message: 'Version $VERSION$ ($$)', placeholders: { version: { content: '$1' } } }, ['1.2.3'])).toBe('Version 1.2.3 ($)');
    expect(formatEntry(undefined, [])).toBe('');
  });

  it('picks languages: fr-* → fr, anything else → en', () => {
    expect(langFromUi('fr-CA')).toBe('fr');
    expect(langFromUi('de')).toBe('en');
  });

  it('uses browser.i18n when its catalogue is the wanted language (asked via localeCode), the bundled one otherwise', () => {
    // A content script may report the page's fr-FR while the browser answers from the en catalogue.
    const api = { getMessage: (k: string) => (k === 'localeCode' ? 'en' : `api:${k}`), getUILanguage: () => 'fr-FR' };
    expect(apiCatalogueLang(api)).toBe('en');
    expect(createT('en', api, OVERLAY_CATALOGUES)('ovInsert')).toBe('api:ovInsert');
    expect(createT('fr', api, OVERLAY_CATALOGUES)('ovInsert')).toBe('Insérer la présentation');
    expect(apiCatalogueLang({ getMessage: () => { throw new Error('x'); }, getUILanguage: () => 'fr' })).toBeNull();
    expect(createT('fr', null, OVERLAY_CATALOGUES)('ovConsentOn', '2026-11-28')).toBe('Consentement enregistré le 2026-11-28');
    const empty = { getMessage: (k: string) => (k === 'localeCode' ? 'fr' : ''), getUILanguage: () => 'fr' };
    expect(createT('fr', empty, OVERLAY_CATALOGUES)('ovInsert')).toBe('Insérer la présentation');
  });
});
