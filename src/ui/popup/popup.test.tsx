// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { Popup, type PopupApi } from './Popup';

const FR = { getMessage: () => '', getUILanguage: () => 'fr-FR' };
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
/** Waits for a condition (never a fixed delay: a loaded machine is slow), failing after 5 s. */
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await tick(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}
const text = (sel: string) => document.querySelector(sel)?.textContent ?? '';

function mount(api: PopupApi) {
  document.body.innerHTML = '<div id="app"></div>';
  render(<Popup api={api} />, document.getElementById('app')!);
}

describe('popup', () => {
  it('enables the current site: asks the permission first, then the worker registers it', async () => {
    let enabled = false;
    const order: string[] = [];
    const api: PopupApi = {
      i18n: FR,
      activeTab: async () => ({ id: 9, url: 'https://webmail.example/inbox?x=1' }),
      requestPermission: vi.fn(async (o: string) => {
        order.push(`request ${o}`);
        return true;
      }),
      send: vi.fn(async (m: unknown) => {
        const msg = m as { type: string; origin: string; tabId?: number };
        if (msg.type === 'enableSite') {
          order.push(`enable ${msg.origin} ${msg.tabId}`);
          enabled = true;
          return { ok: true };
        }
        return { ok: true, origin: msg.origin, builtIn: false, enabled, granted: enabled, registered: enabled };
      }),
      openOptions: vi.fn(),
    };
    mount(api);
    await until(() => text('[data-testid="site-status"]').includes('https://webmail.example'), 'the site status');
    (document.querySelector('[data-testid="enable"]') as HTMLButtonElement).click();
    await until(() => text('[data-testid="site-status"]') === 'Activé sur https://webmail.example.', 'the site enabled');
    expect(order).toEqual(['request https://webmail.example', 'enable https://webmail.example 9']);
    expect(document.querySelector('[data-testid="site-status"]')!.textContent).toBe('Activé sur https://webmail.example.');
  });

  it('says Gmail is supported, and explains when the tab has no web page', async () => {
    mount({
      i18n: FR,
      activeTab: async () => ({ id: 1, url: 'https://mail.google.com/mail/u/0/' }),
      requestPermission: async () => true,
      send: async (m) => ({ ok: true, origin: (m as { origin: string }).origin, builtIn: true, enabled: false, granted: true, registered: false }),
      openOptions: () => {},
    });
    await until(() => !!document.querySelector('[data-testid="site-status"]'), 'the site status');
    expect(document.querySelector('[data-testid="site-status"]')!.textContent).toBe('Prospect Guard vérifie vos messages sur ce site.');
    mount({ i18n: FR, activeTab: async () => ({ id: 1 }), requestPermission: async () => true, send: async () => ({ ok: true }), openOptions: () => {} });
    await until(() => (document.body.textContent ?? '').includes('Ouvrez la page'), 'the no-site text');
    expect(document.body.textContent).toContain('Ouvrez la page de votre webmail');
  });

  it('reports a refused permission', async () => {
    const send = vi.fn(async (m: unknown) => ({ ok: true, origin: (m as { origin: string }).origin, builtIn: false, enabled: false, granted: false, registered: false }));
    mount({ i18n: FR, activeTab: async () => ({ id: 1, url: 'https://webmail.example/' }), requestPermission: async () => false, send, openOptions: () => {} });
    await until(() => !!document.querySelector('[data-testid="enable"]'), 'the enable button');
    (document.querySelector('[data-testid="enable"]') as HTMLButtonElement).click();
    await until(() => (document.body.textContent ?? '').includes('Autorisation refusée.'), 'the refusal');
    expect(document.body.textContent).toContain('Autorisation refusée.');
    expect(send.mock.calls.map((c) => (c[0] as { type: string }).type)).not.toContain('enableSite');
  });
});

describe('popup: the compose window, the shortcut, the rules page', () => {
  it('shows what the compose window in this tab shows, the shortcut, and opens the rules page', async () => {
    const openRules = vi.fn();
    mount({
      i18n: FR,
      activeTab: async () => ({ id: 4, url: 'https://mail.google.com/mail/u/0/' }),
      requestPermission: async () => true,
      send: async (m) => ({ ok: true, origin: (m as { origin: string }).origin, builtIn: true, enabled: false, granted: true, registered: false }),
      openOptions: vi.fn(),
      openRules,
      composeStatus: async (tabId) => (tabId === 4 ? { verdict: 'suppressed', recipients: 3, suppressed: 1, others: 1 } : null),
      shortcut: async () => 'Alt+Maj+I',
    });
    await until(() => !!document.querySelector('[data-testid="compose-status"] [data-verdict]') && !!document.querySelector('[data-testid="shortcut"]'), 'the compose status');
    const c = document.querySelector('[data-testid="compose-status"]')!;
    expect(c.querySelector('[data-verdict]')!.getAttribute('data-verdict')).toBe('suppressed');
    expect(c.textContent).toContain('Destinataire opposé : ne pas contacter');
    expect(c.textContent).toContain('3 destinataire(s) lu(s).');
    expect(c.textContent).toContain('1 destinataire(s) sur une liste d’opposition.');
    expect(document.querySelector('[data-testid="shortcut"]')!.textContent).toContain('Alt+Maj+I');
    (document.querySelector('[data-testid="open-rules"]') as HTMLButtonElement).click();
    expect(openRules).toHaveBeenCalled();
  });

  it('says when the tab has no compose window', async () => {
    mount({
      i18n: FR,
      activeTab: async () => ({ id: 4, url: 'https://mail.google.com/mail/u/0/' }),
      requestPermission: async () => true,
      send: async (m) => ({ ok: true, origin: (m as { origin: string }).origin, builtIn: true, enabled: false, granted: true, registered: false }),
      openOptions: vi.fn(),
      composeStatus: async () => null,
    });
    await until(() => !!document.querySelector('[data-testid="compose-status"]'), 'the compose status');
    expect(document.querySelector('[data-testid="compose-status"]')!.textContent).toContain('Aucune fenêtre de rédaction');
  });
});
