import { describe, expect, it, vi } from 'vitest';
import { createHandler, langFor, type HandlerDeps } from './handlers';
import { introductionFor } from './intro';
import { classifyMany } from '../rules/index';
import { defaultSettings, type Settings } from '../storage/schema';
import type { Stored } from '../storage/index';
import type { ClassifyResponse } from './protocol';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT = `chrome-extension://${ID}/`;
const fromContent = { id: ID, url: 'https://mail.google.com/mail/u/0/', tab: { id: 3 } };
const fromPopup = { id: ID, url: `${EXT}src/ui/popup/index.html` };

function deps(stored: Partial<Stored> = {}, extra: Partial<HandlerDeps> = {}): HandlerDeps {
  const full: Stored = { settings: defaultSettings(), overrides: {}, consents: {}, ...stored };
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
      enable: vi.fn(async () => {}),
      disable: vi.fn(async () => {}),
      status: vi.fn(async (o: string) => ({ origin: o, builtIn: false, enabled: false, granted: false, registered: false })),
    },
    ...extra,
  };
}

describe('worker message handler (with the real rules engine)', () => {
  it('answers hello with the language', async () => {
    const h = createHandler(deps());
    expect(await h({ type: 'hello' }, fromContent)).toEqual({ ok: true, lang: 'fr', version: '0.1.0' });
  });

  it('classifies with the user’s own domains, overrides and consents', async () => {
    const settings: Settings = { ...defaultSettings(), ownDomains: ['moi.fr'] };
    const h = createHandler(
      deps({ settings, overrides: { 'paul@gmail.com': 'business' }, consents: { 'marie@orange.fr': { date: '2026-11-01' } } }),
    );
    const res = (await h(
      { type: 'classify', recipients: ['jean.dupont@gmail.com', 'marie@orange.fr', 'collegue@moi.fr', 'paul@gmail.com'] },
      fromContent,
    )) as ClassifyResponse;
    expect(res.ok).toBe(true);
    expect(res.results.map((r) => [r.email, r.audience, r.regime])).toEqual([
      ['jean.dupont@gmail.com', 'private', 'opt-in'],
      ['marie@orange.fr', 'private', 'opt-in'],
      ['collegue@moi.fr', 'internal', 'internal'],
      ['paul@gmail.com', 'professional', 'opt-out'],
    ]);
    expect(res.consents).toEqual({ 'marie@orange.fr': { date: '2026-11-01' } });
    // nothing unfinished: no insertable paragraph until the activity and the contact source are set
    expect(res.introduction.intro).toBe('');
    expect(res.introduction.unsubscribe).toContain('STOP');
    expect(res.introIsDefault).toBe(true);
  });

  it('answers in settings.lang over the browser language', async () => {
    const h = createHandler(deps({ settings: { ...defaultSettings(), lang: 'en' } }));
    const res = (await h({ type: 'classify', recipients: ['a@gmail.com'] }, fromContent)) as ClassifyResponse;
    expect(res.lang).toBe('en');
    expect(res.introduction.unsubscribe).toContain('reply "STOP"');
    expect(langFor(defaultSettings(), 'de-DE')).toBe('en');
  });

  it('rejects bad input and messages from elsewhere', async () => {
    const h = createHandler(deps());
    expect(await h({ type: 'classify', recipients: 'a@b.fr' }, fromContent)).toEqual({ ok: false, error: 'bad recipients' });
    expect(await h({ type: 'classify', recipients: new Array(201).fill('a@b.fr') }, fromContent)).toMatchObject({ ok: false });
    expect(h({ type: 'hello' }, { id: 'someone-else' })).toBeUndefined();
    expect(h('hello', fromContent)).toBeUndefined();
    expect(h({ type: 'unknown' }, fromContent)).toBeUndefined();
  });

  it('turns a throwing dependency into an error answer', async () => {
    const h = createHandler(deps({}, { load: async () => { throw new Error('storage down'); } }));
    expect(await h({ type: 'classify', recipients: ['a@b.fr'] }, fromContent)).toEqual({ ok: false, error: 'storage down' });
  });

  it('site messages are for extension pages only', async () => {
    const d = deps();
    const h = createHandler(d);
    expect(await h({ type: 'enableSite', origin: 'https://webmail.example' }, fromContent)).toEqual({ ok: false, error: 'not allowed' });
    expect(d.sites.enable).not.toHaveBeenCalled();
    expect(await h({ type: 'enableSite', origin: 'https://webmail.example', tabId: 4 }, fromPopup)).toEqual({ ok: true });
    expect(d.sites.enable).toHaveBeenCalledWith('https://webmail.example', 4);
    expect(await h({ type: 'siteStatus', origin: 'https://webmail.example' }, fromPopup)).toMatchObject({ ok: true, enabled: false });
    expect(await h({ type: 'disableSite', origin: 'https://webmail.example' }, fromPopup)).toEqual({ ok: true });
    // The options page open in a tab is an extension page too.
    const fromOptionsTab = { id: ID, url: `${EXT}src/ui/options/index.html`, tab: { id: 5 } };
    expect(await h({ type: 'siteStatus', origin: 'https://webmail.example' }, fromOptionsTab)).toMatchObject({ ok: true });
  });

  it('opens the options page for the content script', async () => {
    const d = deps();
    expect(await createHandler(d)({ type: 'openOptions' }, fromContent)).toEqual({ ok: true });
    expect(d.openOptions).toHaveBeenCalled();
  });
});
