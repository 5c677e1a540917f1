// @vitest-environment happy-dom
import { PAGE_CATALOGUES } from '../overlay/page-catalogues';
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { createT } from '../overlay/i18n';
import { SitesSection, type SitesApi } from './SitesSection';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const $ = (s: string) => document.querySelector(s) as HTMLInputElement;

function mount(granted: boolean) {
  const api: SitesApi & { calls: string[] } = {
    calls: [],
    requestPermission: vi.fn(async (o: string) => (api.calls.push(`ask ${o}`), granted)),
    add: vi.fn(async (o: string) => void api.calls.push(`add ${o}`)),
    setOn: vi.fn(async (o: string, on: boolean) => void api.calls.push(`${on ? 'on' : 'off'} ${o}`)),
    remove: vi.fn(async (o: string) => void api.calls.push(`remove ${o}`)),
  };
  document.body.innerHTML = '<div id="app"></div>';
  render(
    <SitesSection
      t={createT('fr', null, PAGE_CATALOGUES)}
      sites={[
        { origin: 'https://mail.google.com', builtIn: true, on: true, granted: true },
        { origin: 'https://webmail.exemple.fr', builtIn: false, on: true, granted: true },
        { origin: 'https://mail.societe.fr', builtIn: false, on: true, granted: true, lockedBy: 'DSI' },
      ]}
      api={api}
    />,
    document.getElementById('app')!,
  );
  return api;
}

describe('sites section', () => {
  it('adds a webmail by its address, asking the browser for that site first', async () => {
    const api = mount(true);
    const input = $('input[name="siteAddress"]');
    input.value = 'roundcube.exemple.org/mail/';
    input.dispatchEvent(new Event('input'));
    await tick();
    $('[data-testid="site-add"]').click();
    await tick(5);
    expect(api.calls).toEqual(['ask https://roundcube.exemple.org', 'add https://roundcube.exemple.org']);
    expect($('[data-testid="site-message"]').textContent).toContain('https://roundcube.exemple.org ajouté');
  });

  it('says so when access is refused or the address is not a site; switches a site off; locked sites stay', async () => {
    const api = mount(false);
    const input = $('input[name="siteAddress"]');
    input.value = 'pas une adresse';
    input.dispatchEvent(new Event('input'));
    await tick();
    $('[data-testid="site-add"]').click();
    await tick(5);
    expect($('[data-testid="site-message"]').textContent).toContain('n’est pas l’adresse d’un site');
    input.value = 'https://autre.fr';
    input.dispatchEvent(new Event('input'));
    await tick();
    $('[data-testid="site-add"]').click();
    await tick(5);
    expect($('[data-testid="site-message"]').textContent).toContain('Accès refusé');
    expect(api.calls).toEqual(['ask https://autre.fr']);
    ($('li[data-origin="https://webmail.exemple.fr"] input[type=checkbox]') as HTMLInputElement).click();
    await tick(5);
    expect(api.calls.at(-1)).toBe('off https://webmail.exemple.fr');
    const locked = document.querySelector('li[data-origin="https://mail.societe.fr"]')!;
    expect(locked.textContent).toContain('Géré par DSI');
    expect((locked.querySelector('input') as HTMLInputElement).disabled).toBe(true);
    expect(locked.querySelector('button')).toBeNull();
  });
});
