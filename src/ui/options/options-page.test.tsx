// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { OptionsPage, type OptionsBackend, type OptionsModel } from './OptionsPage';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const $ = (s: string) => document.querySelector(s) as HTMLInputElement;
async function until(sel: string) {
  for (let i = 0; i < 200 && !document.querySelector(sel); i++) await tick(10);
  return $(sel);
}

function model(): OptionsModel {
  return {
    identity: { senderName: 'Marie Martin', company: 'Exemple SAS', activity: 'le mobilier de bureau', topic: null, contactSources: ['le salon Bureaux Expo 2026', 'LinkedIn'], unsubscribe: { method: 'url', url: 'https://exemple-sas.fr/stop?email={email}' } },
    templates: [{ id: 'managed:salon', name: 'Après le salon', lang: 'fr', text: 'Bonjour {firstName}, {activity}. {unsubscribe}' }],
    ownDomains: ['exemple-sas.fr', 'moi.fr'],
    lang: null,
    overrides: [{ key: 'paul@gmail.com', kind: 'business' }],
    consents: [{ address: 'marie@orange.fr', date: '2026-11-01', method: 'form', note: 'salon' }],
    sites: [{ origin: 'https://mail.google.com', builtIn: true, on: true, granted: true }],
    managedBy: 'Direction commerciale',
    locks: { identity: { company: 'Direction commerciale' }, templates: { 'managed:salon': 'Direction commerciale' }, ownDomains: { 'exemple-sas.fr': 'Direction commerciale' }, managedSources: ['le salon Bureaux Expo 2026'] },
    notSynced: [],
  };
}

function backend(m = model()) {
  const calls: Array<[string, unknown]> = [];
  const rec = (name: string) => vi.fn(async (x: unknown) => void calls.push([name, x]));
  const b: OptionsBackend = {
    i18n: { getMessage: () => '', getUILanguage: () => 'fr-FR' },
    version: '1.2.3',
    today: () => '2026-11-28',
    load: async () => m,
    onChange: () => () => {},
    saveIdentity: rec('identity'),
    saveTemplates: rec('templates'),
    saveOwnDomains: rec('domains'),
    saveLang: rec('lang'),
    setOverride: vi.fn(async (k: string, kind: unknown) => void calls.push(['override', [k, kind]])),
    saveConsent: rec('consent'),
    removeConsent: rec('removeConsent'),
    sites: { requestPermission: async () => true, add: rec('addSite'), setOn: vi.fn(async () => undefined), remove: rec('removeSite') },
    suppression: { counts: async () => ({ user: 0, managed: 2, updated: {}, managedBy: 'Direction commerciale' }), importCells: vi.fn(), clear: vi.fn() } as never,
    exportSettings: async () => '{}',
    importSettings: async () => ({ ok: true, text: 'ok' }),
    openRules: vi.fn(),
  };
  return { b, calls };
}

describe('options page', () => {
  it('shows the managed values locked with who manages them, and the preview uses the identity', async () => {
    const { b } = backend();
    document.body.innerHTML = '<div id="app"></div>';
    render(<OptionsPage backend={b} />, document.getElementById('app')!);
    await until('[data-testid="identity"]');
    expect($('[data-testid="version"]').textContent).toBe('Version 1.2.3');
    expect($('[data-testid="managed-banner"]').textContent).toContain('Direction commerciale');
    expect($('input[name="company"]').readOnly).toBe(true);
    expect($('tr[data-id="exemple-sas.fr"]').textContent).toContain('Géré par Direction commerciale');
    expect($('tr[data-id="moi.fr"] [data-action="delete"]')).not.toBeNull();
    expect($('[data-testid="tpl-locked"]').textContent).toContain('Direction commerciale');
    expect($('[data-testid="tpl-preview"]').textContent).toBe(
      'Bonjour Jean, le mobilier de bureau. Pour vous y opposer et ne plus recevoir nos messages : https://exemple-sas.fr/stop?email=jean.dupont%40acme-industrie.fr',
    );
    expect((await until('[data-testid="supp-managed"]')).textContent).toContain('2 adresses dans la liste de l’entreprise');
  });

  it('writes through the backend: identity, a domain removed, a consent added', async () => {
    const { b, calls } = backend();
    document.body.innerHTML = '<div id="app"></div>';
    render(<OptionsPage backend={b} />, document.getElementById('app')!);
    const name = await until('input[name="senderName"]');
    void name;
    name.value = 'Marie M.';
    name.dispatchEvent(new Event('input'));
    await tick();
    ($('[data-testid="identity-form"]') as unknown as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }));
    await tick(5);
    expect(calls[0]).toEqual(['identity', expect.objectContaining({ senderName: 'Marie M.' })]);
    expect($('[data-testid="save-status"]').textContent).toBe('Enregistré.');
    ($('tr[data-id="moi.fr"] [data-action="delete"]') as unknown as HTMLButtonElement).click();
    await tick(5);
    expect(calls[1]).toEqual(['domains', []]);
    for (const [n, v] of [['consentAddress', 'jean@free.fr'], ['consentNote', 'appel du 2/11']]) {
      const el = $(`input[name="${n}"]`);
      el.value = v!;
      el.dispatchEvent(new Event('input'));
    }
    await tick();
    ($('[data-testid="consent-add"]') as unknown as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }));
    await tick(5);
    expect(calls[2]).toEqual(['consent', { address: 'jean@free.fr', date: '2026-11-28', method: 'form', note: 'appel du 2/11' }]);
  });

  it('confirm before send: on by default, one click turns it off through the backend, and back on', async () => {
    const m = model();
    let on = true;
    const { b, calls } = backend(m);
    b.load = async () => ({ ...m, sendGuard: on, consents: [{ address: 'jean@gmail.com', date: '2026-11-27', method: 'at-send' }] });
    b.saveSendGuard = vi.fn(async (v: boolean) => {
      on = v;
      calls.push(['sendGuard', v]);
    });
    document.body.innerHTML = '<div id="app"></div>';
    render(<OptionsPage backend={b} />, document.getElementById('app')!);
    const box = await until('[data-testid="send-guard"]');
    expect(box.checked).toBe(true);
    box.click();
    for (let i = 0; i < 200 && box.checked; i++) await tick(10);
    expect(calls).toContainEqual(['sendGuard', false]);
    expect($('[data-testid="send-guard"]').checked).toBe(false);
    $('[data-testid="send-guard"]').click();
    for (let i = 0; i < 200 && !$('[data-testid="send-guard"]').checked; i++) await tick(10);
    expect(calls).toContainEqual(['sendGuard', true]);
    // A consent given in the confirm before send is listed as such.
    expect($('tr[data-id="jean@gmail.com"]').textContent).toContain('2026-11-27');
  });
});
