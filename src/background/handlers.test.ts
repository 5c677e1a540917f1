import { describe, expect, it, vi } from 'vitest';
import { createHandler, langFor, type HandlerDeps } from './handlers';
import { introductionFor } from './intro';
import { classifyMany } from '../rules/index';
import { defaultSettings, type Settings } from '../storage/schema';
import type { Stored } from '../storage/area';
import type { ClassifyResponse } from './protocol';
import { createWriter } from './writer';
import { OVERLAY_CATALOGUES } from '../ui/overlay/catalogues';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT = `chrome-extension://${ID}/`;
const fromContent = { id: ID, url: 'https://mail.google.com/mail/u/0/', frameId: 0, tab: { id: 3 } };
const fromPopup = { id: ID, url: `${EXT}src/ui/popup/index.html` };

function deps(stored: Partial<Stored> = {}, extra: Partial<HandlerDeps> = {}): HandlerDeps {
  const full: Stored = { settings: defaultSettings(), overrides: {}, consents: {}, ...stored };
  const writes: unknown[][] = [];
  return {
    runtimeId: ID,
    extensionUrl: EXT,
    version: '0.1.0',
    uiLanguage: () => 'fr-FR',
    load: async () => full,
    classifyMany,
    introduction: introductionFor,
    openOptions: vi.fn(async () => {}),
    sites: {
      enable: vi.fn(async () => null),
      disable: vi.fn(async () => {}),
      status: vi.fn(async (o: string) => ({ origin: o, builtIn: false, enabled: false, granted: false, registered: false, site: null })),
      recognise: vi.fn(async () => 'roundcube'),
    },
    isBuiltIn: (origin) => origin === 'https://mail.google.com',
    messages: (lang) => OVERLAY_CATALOGUES[lang],
    writer: {
      recordConsent: vi.fn(async (address: string, method, note?: string) => {
        writes.push(['recordConsent', address, method, note]);
        return { address, date: '2026-11-28', method, ...(note ? { note } : {}) };
      }),
      removeConsent: vi.fn(async () => undefined),
      setOverride: vi.fn(async () => ({})),
      saveSettings: vi.fn(async () => defaultSettings()),
      recordConsentsAtSend: vi.fn(async () => []),
    },
    message: { analyze: vi.fn(async () => ({}) as never), recordSend: vi.fn(async () => 0) },
    ...extra,
  };
}

describe('worker message handler (with the real rules engine)', () => {
  it('answers hello with the language; the overlay’s strings only for a content script whose browser.i18n speaks another one', async () => {
    const h = createHandler(deps());
    expect(await h({ type: 'hello' }, fromContent)).toEqual({ ok: true, lang: 'fr', version: '0.1.0' });
    expect(await h({ type: 'hello', has: 'fr' }, fromContent)).toEqual({ ok: true, lang: 'fr', version: '0.1.0' });
    const other = (await h({ type: 'hello', has: 'en' }, fromContent)) as { messages?: Record<string, { message: string }> };
    expect(other.messages?.ovInsert.message).toBe('Insérer la présentation');
    expect(Object.keys(other.messages ?? {}).every((k) => k.startsWith('ov') || k === 'localeCode')).toBe(true);
    expect(await h({ type: 'hello', has: 'de' }, fromContent)).toEqual({ ok: false, error: 'bad message' });
  });

  it('classifies with the user’s own domains, overrides and consents', async () => {
    const settings: Settings = { ...defaultSettings(), ownDomains: ['moi.fr'] };
    const h = createHandler(
      deps({ settings, overrides: { 'paul@gmail.com': 'business' }, consents: { 'marie@orange.fr': { address: 'marie@orange.fr', date: '2026-11-01', method: 'form' } } }),
    );
    const list = ['jean.dupont@gmail.com', 'marie@orange.fr', 'collegue@moi.fr', 'paul@gmail.com'];
    const res = (await h({ type: 'classify', recipients: list, message: list }, fromContent)) as ClassifyResponse;
    expect(res.ok).toBe(true);
    expect(res.results.map((r) => [r.email, r.audience, r.regime])).toEqual([
      ['jean.dupont@gmail.com', 'private', 'opt-in'],
      ['marie@orange.fr', 'private', 'opt-in'],
      ['collegue@moi.fr', 'internal', 'internal'],
      ['paul@gmail.com', 'professional', 'opt-out'],
    ]);
    expect(res.consents).toEqual({ 'marie@orange.fr': { address: 'marie@orange.fr', date: '2026-11-01', method: 'form' } });
    // Each recipient's wording is the rules' own; the message's too (an opt-in leads: no introduction offered).
    expect(res.wordings.map((w) => w.verdict)).toEqual(['opt-in', 'consent', 'internal', 'opt-out']);
    expect(res.wordings[0].title).toBe('particulier — consentement requis (CPCE art. L34-5)');
    expect(res.message?.wording.verdict).toBe('opt-in');
    expect(res.message?.introduction).toBeNull();
  });

  it('the message wording comes from the recipient’s jurisdiction: a German company is opt-in under UWG §7', async () => {
    const h = createHandler(deps());
    const res = (await h({ type: 'classify', recipients: ['e.weber@weber-gmbh.de'], message: ['e.weber@weber-gmbh.de'] }, fromContent)) as ClassifyResponse;
    expect(res.wordings[0]).toMatchObject({ audienceLabel: 'entreprise allemande', verdictLabel: 'consentement requis', citation: 'UWG §7' });
    expect(res.message?.wording.headline).toBe('Entreprise allemande — consentement requis (UWG §7)');
    expect(JSON.stringify(res.message)).not.toMatch(/CNIL|particulier/);
  });

  it('fresh settings: the business introduction has no text, only what the inline setup needs', async () => {
    const res = (await createHandler(deps())({ type: 'classify', recipients: [], message: ['paul@acme-industrie.fr'] }, fromContent)) as ClassifyResponse;
    expect(res.message?.introduction).toEqual({
      complete: false,
      filled: { activity: false, 'contact-source': false, 'future-offers': true, unsubscribe: true },
      setup: { activity: '', contactSource: '', unsubscribe: '' },
      // The elements the settings fill can be added on their own; the others have no text.
      elements: {
        activity: null,
        'contact-source': null,
        'future-offers': 'Nous pourrons vous adresser à l\u2019avenir des offres en rapport avec votre activité professionnelle, sauf si vous vous y opposez.',
        unsubscribe: 'Pour vous y opposer et ne plus recevoir nos messages, répondez simplement « STOP » à ce message.',
      },
    });
  });

  it('a private recipient who consented gets the consumer introduction, never "vos coordonnées professionnelles"', async () => {
    const settings: Settings = { ...defaultSettings(), intro: { ...defaultSettings().intro, activity: 'nous rénovons les cuisines' } };
    const consents = { 'marie@orange.fr': { address: 'marie@orange.fr', date: '2026-11-01', method: 'written' as const } };
    const res = (await createHandler(deps({ settings, consents }))({ type: 'classify', recipients: [], message: ['marie@orange.fr'] }, fromContent)) as ClassifyResponse;
    expect(res.message?.wording.verdict).toBe('consent');
    const intro = res.message?.introduction;
    expect(intro?.complete).toBe(true);
    if (!intro?.complete) throw new Error('incomplete');
    expect(intro.intro).toContain('nous rénovons les cuisines');
    expect(intro.intro).not.toContain('coordonnées professionnelles');
  });

  it('a complete introduction carries its text; the placeholders never leave the worker', async () => {
    const settings: Settings = { ...defaultSettings(), intro: { ...defaultSettings().intro, activity: 'nous éditons un logiciel de paie', contactSource: 'le salon RH' } };
    const res = (await createHandler(deps({ settings }))({ type: 'classify', recipients: ['a@acme.fr'], message: ['a@acme.fr'] }, fromContent)) as ClassifyResponse;
    const intro = res.message?.introduction;
    expect(intro?.complete).toBe(true);
    if (!intro?.complete) throw new Error('incomplete');
    expect(intro.intro).toContain('nous éditons un logiciel de paie');
    expect(intro.unsubscribe).toContain('STOP');
    expect(JSON.stringify(res)).not.toMatch(/à préciser|to be (described|stated)/);
    const fresh = (await createHandler(deps())({ type: 'classify', recipients: ['a@acme.fr'], message: ['a@acme.fr'] }, fromContent)) as ClassifyResponse;
    expect(JSON.stringify(fresh)).not.toMatch(/à préciser|to be (described|stated)/);
  });

  it('passes the activity topic to the rules: a consumer is then banned', async () => {
    const settings: Settings = { ...defaultSettings(), topic: 'energy-renovation' };
    const res = (await createHandler(deps({ settings }))({ type: 'classify', recipients: ['jean@gmail.com', 'paul@acme.fr'] }, fromContent)) as ClassifyResponse;
    expect(res.results.map((r) => r.regime)).toEqual(['banned', 'opt-out']);
    const none = (await createHandler(deps())({ type: 'classify', recipients: ['jean@gmail.com'] }, fromContent)) as ClassifyResponse;
    expect(none.results[0].regime).toBe('opt-in');
  });

  it('answers in settings.lang over the browser language', async () => {
    const h = createHandler(deps({ settings: { ...defaultSettings(), lang: 'en' } }));
    const res = (await h({ type: 'classify', recipients: ['a@gmail.com'], message: ['a@gmail.com'] }, fromContent)) as ClassifyResponse;
    expect(res.lang).toBe('en');
    expect(res.message?.wording.headline).toBe('Private individual — consent required (CPCE art. L34-5)');
    expect(langFor(defaultSettings(), 'de-DE')).toBe('en');
  });

  it('rejects bad input and messages from elsewhere', async () => {
    const h = createHandler(deps());
    expect(await h({ type: 'classify', recipients: 'a@b.fr' }, fromContent)).toEqual({ ok: false, error: 'bad recipients' });
    expect(await h({ type: 'classify', recipients: new Array(201).fill('a@b.fr') }, fromContent)).toMatchObject({ ok: false });
    expect(h({ type: 'hello' }, { id: 'someone-else' })).toBeUndefined();
    expect(h('hello', fromContent)).toBeUndefined();
    expect(h({ type: 'unknown' }, fromContent)).toBeUndefined();
    expect(await h({ type: 'classify', recipients: ['a@b.fr', 42] }, fromContent)).toEqual({ ok: false, error: 'bad recipients' });
    expect(await h({ type: 'hello', extra: 1 }, fromContent)).toEqual({ ok: false, error: 'bad message' });
  });

  it('writes only what a content script of a supported or enabled site asks, in the right shape', async () => {
    const d = deps({ settings: { ...defaultSettings(), enabledSites: ['https://webmail.example'] } });
    const h = createHandler(d);
    expect(await h({ type: 'recordConsent', address: 'Marie@Orange.fr', method: 'written', note: 'e-mail du 3 mars' }, fromContent)).toEqual({
      ok: true,
      record: { address: 'Marie@Orange.fr', date: '2026-11-28', method: 'written', note: 'e-mail du 3 mars' },
    });
    expect(d.writer.recordConsent).toHaveBeenCalledWith('Marie@Orange.fr', 'written', 'e-mail du 3 mars');
    // An enabled site's content script may write too.
    const fromEnabled = { id: ID, url: 'https://webmail.example/?_task=mail', frameId: 0, tab: { id: 9 } };
    expect(await h({ type: 'setOverride', key: 'acme.fr', kind: 'business' }, fromEnabled)).toEqual({ ok: true });
    // Not from a site we run on, not from a tab, not the top frame: refused, nothing written.
    const refused = [
      { id: ID, url: 'https://evil.example/', frameId: 0, tab: { id: 4 } },
      { id: ID, url: 'https://mail.google.com/mail/u/0/' },
      { id: ID, url: 'https://mail.google.com/frame', frameId: 3, tab: { id: 3 } },
    ];
    for (const s of refused) expect(await h({ type: 'recordConsent', address: 'a@b.fr', method: 'form' }, s)).toEqual({ ok: false, error: 'not allowed' });
    // Shape: an unknown method, a date the page chose, an extra field, a bad override kind.
    expect(await h({ type: 'recordConsent', address: 'a@b.fr', method: 'guess' }, fromContent)).toEqual({ ok: false, error: 'bad method' });
    expect(await h({ type: 'recordConsent', address: 'a@b.fr', method: 'form', date: '2020-01-01' }, fromContent)).toEqual({ ok: false, error: 'bad message' });
    expect(await h({ type: 'setOverride', key: 'a@b.fr', kind: null }, fromContent)).toEqual({ ok: false, error: 'bad message' });
    expect(d.writer.recordConsent).toHaveBeenCalledTimes(1);
    // Content scripts cannot use the options page's messages.
    expect(await h({ type: 'removeConsent', address: 'a@b.fr' }, fromContent)).toEqual({ ok: false, error: 'not allowed' });
    expect(await h({ type: 'saveSettings', patch: { ownDomains: [] } }, fromContent)).toEqual({ ok: false, error: 'not allowed' });
    expect(d.writer.removeConsent).not.toHaveBeenCalled();
    expect(d.writer.saveSettings).not.toHaveBeenCalled();
    // The inline setup saves three intro fields, nothing else.
    expect(await h({ type: 'saveIntro', intro: { activity: 'Conseil', contactSource: 'le salon', unsubscribe: '' } }, fromContent)).toEqual({ ok: true });
    expect(d.writer.saveSettings).toHaveBeenCalledWith({ intro: { activity: 'Conseil', contactSource: 'le salon', unsubscribe: '' } });
    expect(await h({ type: 'saveIntro', intro: { activity: 'x', contactSource: 'y', unsubscribe: '', company: 'z' } }, fromContent)).toEqual({ ok: false, error: 'bad message' });
  });

  it('the options page removes records and saves settings through the worker', async () => {
    const d = deps();
    const h = createHandler(d);
    expect(await h({ type: 'removeConsent', address: 'a@b.fr' }, fromPopup)).toEqual({ ok: true });
    expect(await h({ type: 'removeOverride', key: 'acme.fr' }, fromPopup)).toEqual({ ok: true });
    expect(d.writer.setOverride).toHaveBeenCalledWith('acme.fr', null);
    expect(await h({ type: 'saveSettings', patch: { lang: null, topic: 'home-adaptation' } }, fromPopup)).toMatchObject({ ok: true });
    expect(d.writer.saveSettings).toHaveBeenCalledWith({ lang: null, topic: 'home-adaptation' });
    expect(await h({ type: 'saveSettings', patch: { topic: 'solar' } }, fromPopup)).toEqual({ ok: false, error: 'bad message' });
  });

  it('two tabs recording 50 consents each at once, through the real writer: all 100 stored', async () => {
    const mem: Record<string, unknown> = {};
    const area = {
      get: async (keys: string | string[]) => {
        await new Promise((r) => setTimeout(r, Math.random()));
        const out: Record<string, unknown> = {};
        for (const k of Array.isArray(keys) ? keys : [keys]) if (k in mem) out[k] = structuredClone(mem[k]);
        return out;
      },
      set: async (items: Record<string, unknown>) => {
        await new Promise((r) => setTimeout(r, Math.random()));
        Object.assign(mem, structuredClone(items));
      },
    };
    const h = createHandler(deps({}, { writer: createWriter(area) }));
    const tabA = { ...fromContent, tab: { id: 1 } };
    const tabB = { ...fromContent, tab: { id: 2 } };
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => [
        h({ type: 'recordConsent', address: `a${i}@gmail.com`, method: 'form' }, tabA),
        h({ type: 'recordConsent', address: `b${i}@gmail.com`, method: 'oral' }, tabB),
      ]).flat(),
    );
    expect(answers.every((a) => a?.ok)).toBe(true);
    expect(Object.keys(mem.consents as object)).toHaveLength(100);
  });

  it('turns a throwing dependency into an error answer', async () => {
    const h = createHandler(deps({}, { load: async () => { throw new Error('storage down'); } }));
    expect(await h({ type: 'classify', recipients: ['a@b.fr'] }, fromContent)).toEqual({ ok: false, error: 'storage down' });
  });

  it('site messages are for extension pages only', async () => {
    const d = deps();
    const h = createHandler(d);
    expect(await h({ type: 'enableSite', origin: 'https://webmail.example' }, fromContent)).toEqual({ ok: false, error: 'not allowed' });
    expect(await h({ type: 'disableSite', origin: 'https://webmail.example' }, fromContent)).toEqual({ ok: false, error: 'not allowed' });
    expect(d.sites.enable).not.toHaveBeenCalled();
    expect(await h({ type: 'enableSite', origin: 'https://webmail.example', tabId: 4 }, fromPopup)).toEqual({ ok: true });
    expect(d.sites.enable).toHaveBeenCalledWith('https://webmail.example', 4);
    expect(await h({ type: 'siteStatus', origin: 'https://webmail.example' }, fromPopup)).toMatchObject({ ok: true, enabled: false });
    expect(await h({ type: 'siteStatus', origin: 'https://webmail.example', tabId: 4 }, fromPopup)).toMatchObject({ ok: true, site: null });
    expect(d.sites.status).toHaveBeenLastCalledWith('https://webmail.example', 4);
    expect(await h({ type: 'siteStatus', origin: 'https://webmail.example', tabId: 'x' }, fromPopup)).toEqual({ ok: false, error: 'bad message' });
    expect(await h({ type: 'disableSite', origin: 'https://webmail.example' }, fromPopup)).toEqual({ ok: true });
    // The options page open in a tab is an extension page too.
    const fromOptionsTab = { id: ID, url: `${EXT}src/ui/options/index.html`, frameId: 0, tab: { id: 5 } };
    expect(await h({ type: 'siteStatus', origin: 'https://webmail.example' }, fromOptionsTab)).toMatchObject({ ok: true });
  });

  it('the generic content script asks the worker to look at its own page: only for its own origin and tab', async () => {
    const d = deps({ settings: { ...defaultSettings(), enabledSites: ['https://webmail.example'] } });
    const h = createHandler(d);
    const fromEnabled = { id: ID, url: 'https://webmail.example/?_task=mail', origin: 'https://webmail.example', frameId: 0, tab: { id: 9 } };
    expect(await h({ type: 'recognise' }, fromEnabled)).toEqual({ ok: true, site: 'roundcube' });
    expect(d.sites.recognise).toHaveBeenCalledWith('https://webmail.example', 9);
    // Another page, a frame, a payload: refused before the sites module hears of it.
    expect(await h({ type: 'recognise' }, { ...fromEnabled, url: 'https://evil.example/', origin: 'https://evil.example' })).toEqual({ ok: false, error: 'not allowed' });
    expect(await h({ type: 'recognise' }, { ...fromEnabled, frameId: 2 })).toEqual({ ok: false, error: 'not allowed' });
    expect(await h({ type: 'recognise', site: 'roundcube' }, fromEnabled)).toEqual({ ok: false, error: 'bad message' });
    expect(d.sites.recognise).toHaveBeenCalledTimes(1);
    // An extension page has no web page to look at.
    expect(await h({ type: 'recognise' }, fromPopup)).toEqual({ ok: true, site: null });
    expect(d.sites.recognise).toHaveBeenCalledTimes(1);
  });

  it('opens the options page for the content script', async () => {
    const d = deps();
    expect(await createHandler(d)({ type: 'openOptions' }, fromContent)).toEqual({ ok: true });
    expect(d.openOptions).toHaveBeenCalled();
  });
});
