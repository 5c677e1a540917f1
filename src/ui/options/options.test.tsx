// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { Options, parseDomains, type OptionsApi } from './Options';
import { defaultSettings, mergeSettings, type Settings, type SettingsPatch } from '../../storage/schema';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function api(initial: Partial<Settings> = {}) {
  let settings = { ...defaultSettings(), ...initial };
  const a: OptionsApi & { saved: SettingsPatch[] } = {
    saved: [],
    i18n: null,
    version: '1.2.3',
    load: async () => ({
      settings,
      overrides: { 'paul@gmail.com': 'business' },
      consents: { 'marie@orange.fr': { address: 'marie@orange.fr', date: '2026-11-01', method: 'written', note: 'e-mail du 3 mars' } },
    }),
    saveSettings: async (patch) => {
      a.saved.push(patch);
      const { lang, topic, ...rest } = patch;
      settings = mergeSettings(settings, { ...rest, lang: lang ?? undefined, topic: topic ?? null });
      return settings;
    },
    setOverride: vi.fn(async () => undefined),
    removeConsent: vi.fn(async () => undefined),
    disableSite: vi.fn(async () => undefined),
    onChange: () => () => {},
  };
  return a;
}

describe('options page', () => {
  it('shows the version, the stored values and a live preview; saves intro, domains and language', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    const a = api({ ownDomains: ['moi.fr'], intro: { ...defaultSettings().intro, company: 'Exemple SAS', contactSource: 'le salon Vivatech' } });
    render(<Options api={a} />, document.getElementById('app')!);
    await tick(5);
    expect(document.querySelector('[data-testid="version"]')!.textContent).toBe('Version 1.2.3');
    expect((document.querySelector('input[name="company"]') as HTMLInputElement).value).toBe('Exemple SAS');
    expect((document.querySelector('textarea[name="ownDomains"]') as HTMLTextAreaElement).value).toBe('moi.fr');
    expect(document.querySelector('[data-testid="overrides"]')!.textContent).toContain('paul@gmail.com');
    expect(document.querySelector('[data-testid="consents"]')!.textContent).toContain('2026-11-01');
    expect(document.querySelector('[data-testid="consents"]')!.textContent).toContain('the person’s written request');
    expect(document.querySelector('[data-testid="consents"]')!.textContent).toContain('e-mail du 3 mars');

    const activity = document.querySelector('textarea[name="activity"]') as HTMLTextAreaElement;
    activity.value = 'nous éditons un logiciel de paie';
    activity.dispatchEvent(new Event('input', { bubbles: true }));
    await tick(5);
    expect(document.querySelector('[data-testid="preview"]')!.textContent).toContain('nous éditons un logiciel de paie');

    const domains = document.querySelector('textarea[name="ownDomains"]') as HTMLTextAreaElement;
    domains.value = 'moi.fr, Filiale.fr pas-un-domaine';
    domains.dispatchEvent(new Event('input', { bubbles: true }));
    const select = document.querySelector('select[name="lang"]') as HTMLSelectElement;
    select.value = 'en';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const topic = document.querySelector('select[name="topic"]') as HTMLSelectElement;
    expect(topic.value).toBe('');
    topic.value = 'energy-renovation';
    topic.dispatchEvent(new Event('change', { bubbles: true }));
    await tick(5);
    (document.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await tick(5);
    expect(a.saved.at(-1)).toMatchObject({ ownDomains: ['moi.fr', 'filiale.fr'], lang: 'en', topic: 'energy-renovation' });
    expect(a.saved.at(-1)!.intro!.activity).toBe('nous éditons un logiciel de paie');
    // The page now speaks English, and reports the ignored entry.
    expect(document.querySelector('[data-testid="save-status"]')!.textContent).toBe('Saved. Ignored (invalid) domains: pas-un-domaine');
  });

  it('removes recorded choices', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    const a = api();
    render(<Options api={a} />, document.getElementById('app')!);
    for (let i = 0; i < 200 && !document.querySelector('[data-testid="consents"] button'); i++) await tick(5);
    (document.querySelector('[data-testid="overrides"] button') as HTMLButtonElement).click();
    (document.querySelector('[data-testid="consents"] button') as HTMLButtonElement).click();
    expect(a.setOverride).toHaveBeenCalledWith('paul@gmail.com', null);
    expect(a.removeConsent).toHaveBeenCalledWith('marie@orange.fr');
  });

  it('parses a domain list', () => {
    expect(parseDomains(' a.fr\nB.fr;a.fr, @c.fr x ')).toEqual({ domains: ['a.fr', 'b.fr', 'c.fr'], invalid: ['x'] });
  });

  it('clearing the language goes back to the browser’s', () => {
    const s = mergeSettings({ ...defaultSettings(), lang: 'en' }, { lang: undefined });
    expect(s.lang).toBeUndefined();
  });
});
