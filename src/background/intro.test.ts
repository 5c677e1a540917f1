import { describe, expect, it } from 'vitest';
import { createHandler, placeOf, type HandlerDeps } from './handlers';
import { introductionFor } from './intro';
import { classifyMany } from '../rules/index';
import { defaultSettings, type Settings } from '../storage/schema';
import type { ClassifyResponse } from './protocol';
import { OVERLAY_CATALOGUES } from '../ui/overlay/catalogues';

const identity: Settings['intro'] = {
  senderName: 'Marie Martin',
  company: 'Exemple PME',
  activity: 'nous aménageons des bureaux pour les PME',
  contactSource: 'le salon Bureaux Expo 2026',
  unsubscribe: '',
};
const TPL = {
  id: 't1',
  name: 'Salon',
  lang: 'fr' as const,
  text: 'Bonjour {firstName|Madame, Monsieur},\n\nJe suis {sender}, de {senderCompany} : {activity}. Nous nous sommes croisés à {source}.',
};
const settings = (over: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), intro: identity, templates: [TPL], ...over });
const jean = { recipient: { address: 'jean.dupont@acme-industrie.fr', domain: 'acme-industrie.fr' } };

describe('the worker’s introduction uses the user’s template', () => {
  it('renders the first template of the message’s language for its recipient, completed by the rules', () => {
    const i = introductionFor(settings(), 'fr', 'business', jean);
    expect(i.complete).toBe(true);
    if (!i.complete) return;
    expect(i.template).toBe('Salon');
    expect(i.intro.startsWith('Bonjour Jean,\nJe suis Marie Martin, d’Exemple PME : nous aménageons des bureaux pour les PME. Nous nous sommes croisés au salon Bureaux Expo 2026.')).toBe(true);
    expect(i.intro).toContain('sauf si vous vous y opposez');
    expect(i.unsubscribe).toBe('Pour vous y opposer et ne plus recevoir nos messages, répondez simplement « STOP » à ce message.');
    expect(i.filled).toEqual({ activity: true, 'contact-source': true, 'future-offers': true, unsubscribe: true });
  });

  it('falls back to the rules’ wording without a template in that language, or one it cannot fill', () => {
    const en = introductionFor(settings(), 'en', 'business', jean);
    expect(en.complete && en.template).toBeUndefined();
    expect(en.complete && en.intro.startsWith('I am Marie Martin, from Exemple PME.')).toBe(true);
    const noName = introductionFor(settings({ intro: { ...identity, senderName: '' } }), 'fr', 'business', jean);
    expect(noName.complete).toBe(true);
    expect(noName.complete && noName.template).toBeUndefined();
    expect(noName.complete && noName.intro).not.toMatch(/[{}]/);
  });

  it('asks for the activity through the inline setup, with no text, whichever wording', () => {
    const i = introductionFor(settings({ intro: { ...identity, activity: '' } }), 'fr', 'business', jean);
    expect(i).toMatchObject({ complete: false, filled: expect.objectContaining({ activity: false }), setup: { activity: '', contactSource: identity.contactSource, unsubscribe: '' } });
  });

  it('a private person who consented gets the rules’ consumer wording, not the B2B template', () => {
    const i = introductionFor(settings(), 'fr', 'consumer', jean);
    expect(i.complete).toBe(true);
    expect(i.complete && i.template).toBeUndefined();
    expect(i.complete && i.intro).not.toContain('professionnelles');
  });
});

describe('per-recipient unsubscribe link', () => {
  const url = { method: 'url' as const, url: 'https://exemple-pme.fr/stop?email={email}&l=fr' };
  it('puts the recipient’s address, URL-encoded, into the link', () => {
    const i = introductionFor(settings({ unsubscribeMethod: url, templates: [] }), 'fr', 'business', { recipient: { address: 'jean+promo@acme.fr', domain: 'acme.fr' } });
    expect(i.complete && i.unsubscribe).toBe('Pour vous y opposer et ne plus recevoir nos messages : https://exemple-pme.fr/stop?email=jean%2Bpromo%40acme.fr&l=fr');
    // In a template too ({unsubscribe} inline).
    const t = introductionFor(settings({ unsubscribeMethod: url, templates: [{ ...TPL, text: `${TPL.text}\n{unsubscribe}` }] }), 'fr', 'business', jean);
    expect(t.complete && t.unsubscribe).toBe('');
    expect(t.complete && t.intro).toContain('https://exemple-pme.fr/stop?email=jean.dupont%40acme-industrie.fr&l=fr');
  });
  it('a URL without {email} gets the address as a parameter', () => {
    const i = introductionFor(settings({ unsubscribeMethod: { method: 'url', url: 'https://exemple-pme.fr/stop' }, templates: [] }), 'fr', 'business', jean);
    expect(i.complete && i.unsubscribe).toContain('https://exemple-pme.fr/stop?email=jean.dupont%40acme-industrie.fr');
  });
  it('a message to several: the link without anyone’s address', () => {
    const i = introductionFor(settings({ unsubscribeMethod: url, templates: [] }), 'fr', 'business', {});
    expect(i.complete && i.unsubscribe).toBe('Pour vous y opposer et ne plus recevoir nos messages : https://exemple-pme.fr/stop?l=fr');
  });
  it('a mailto with its subject; "reply STOP"', () => {
    const m = introductionFor(settings({ unsubscribeMethod: { method: 'mailto', mailto: 'stop@exemple-pme.fr', subject: 'Désinscription' }, templates: [] }), 'fr', 'business', jean);
    expect(m.complete && m.unsubscribe).toBe('Pour vous y opposer et ne plus recevoir nos messages : mailto:stop@exemple-pme.fr?subject=D%C3%A9sinscription');
    const r = introductionFor(settings({ unsubscribeMethod: { method: 'reply' }, intro: { ...identity, unsubscribe: 'https://old.example/stop' }, templates: [] }), 'en', 'business', jean);
    expect(r.complete && r.unsubscribe).toBe('To object and stop receiving our messages, simply reply "STOP" to this message.');
  });
});

describe('the classify answer names the only recipient', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const fromContent = { id: ID, url: 'https://mail.google.com/mail/u/0/', frameId: 0, tab: { id: 3 } };
  const deps = (s: Settings): HandlerDeps =>
    ({
      runtimeId: ID,
      extensionUrl: `chrome-extension://${ID}/`,
      version: '0',
      uiLanguage: () => 'fr',
      load: async () => ({ settings: s, overrides: {}, consents: {} }),
      classifyMany,
      introduction: introductionFor,
      openOptions: async () => {},
      sites: { enable: async () => null, disable: async () => {}, status: async () => ({}) as never, recognise: async () => null },
      isBuiltIn: () => true,
      messages: (l) => OVERLAY_CATALOGUES[l],
      writer: {} as never,
      message: { analyze: async () => ({}) as never, recordSend: async () => 0 },
    }) as HandlerDeps;

  it('one recipient: their name and address in the template and the link; several: none', async () => {
    const h = createHandler(deps(settings({ unsubscribeMethod: { method: 'url', url: 'https://exemple-pme.fr/stop?email={email}' } })));
    const one = (await h({ type: 'classify', recipients: ['Jean Dupont <jean.dupont@acme-industrie.fr>'], message: ['Jean Dupont <jean.dupont@acme-industrie.fr>'] }, fromContent)) as ClassifyResponse;
    const intro = one.message?.introduction;
    expect(intro?.complete && intro.intro.startsWith('Bonjour Jean,')).toBe(true);
    expect(intro?.complete && intro.unsubscribe).toContain('stop?email=jean.dupont%40acme-industrie.fr');
    const two = (await h({ type: 'classify', recipients: ['jean.dupont@acme-industrie.fr'], message: ['jean.dupont@acme-industrie.fr', 'paul.durand@acme-industrie.fr'] }, fromContent)) as ClassifyResponse;
    const i2 = two.message?.introduction;
    expect(i2?.complete && i2.intro.startsWith('Bonjour Madame, Monsieur,')).toBe(true);
    expect(i2?.complete && i2.unsubscribe).toBe('Pour vous y opposer et ne plus recevoir nos messages : https://exemple-pme.fr/stop');
  });

  it('placeOf counts distinct valid addresses', () => {
    const rs = classifyMany(['a.b@x.fr', 'A.B@x.fr', 'not an address'], {});
    expect(placeOf(rs).recipient?.address).toBe('a.b@x.fr');
    expect(placeOf(classifyMany(['a@x.fr', 'b@x.fr'], {}))).toEqual({});
  });
});

describe('the LinkedIn note from the user’s template', () => {
  it('offers the template’s short variant first, then the rules’ shorter ones', () => {
    const s = settings({ templates: [{ ...TPL, short: 'Bonjour {firstName|}, {sender} d’{senderCompany} : {activity}. Vous pourrez recevoir nos offres sauf opposition ; répondez STOP.' }] });
    const i = introductionFor(s, 'fr', 'business', { linkedin: true, note: true });
    expect(i.complete).toBe(true);
    if (!i.complete) return;
    expect(i.note?.[0]).toBe('Bonjour, Marie Martin d’Exemple PME : nous aménageons des bureaux pour les PME. Vous pourrez recevoir nos offres sauf opposition ; répondez STOP.');
    expect(i.note!.slice(1).every((v) => v.length < i.note![0]!.length)).toBe(true);
    // No short variant: the rules' variants alone.
    const plain = introductionFor(settings(), 'fr', 'business', { linkedin: true, note: true });
    expect(plain.complete && plain.note?.length).toBeGreaterThan(0);
    expect(plain.complete && plain.note?.every((v) => !v.includes('{'))).toBe(true);
  });
});
