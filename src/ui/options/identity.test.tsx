// @vitest-environment happy-dom
import { PAGE_CATALOGUES } from '../overlay/page-catalogues';
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { createT } from '../overlay/i18n';
import { IdentitySection, type Identity } from './IdentitySection';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const $ = (s: string) => document.querySelector(s) as HTMLInputElement;
const BLANK: Identity = { senderName: '', company: '', activity: '', topic: null, contactSources: [], unsubscribe: { method: 'url', url: '' } };

function mount(initial: Identity, props: Partial<Parameters<typeof IdentitySection>[0]> = {}) {
  const seen: Identity[] = [];
  function Host() {
    const [v, setV] = useState(initial);
    return <IdentitySection t={createT('fr', null, PAGE_CATALOGUES)} value={v} onChange={(n) => (seen.push(n), setV(n))} {...props} />;
  }
  document.body.innerHTML = '<div id="app"></div>';
  render(<Host />, document.getElementById('app')!);
  return seen;
}
const type = async (sel: string, value: string) => {
  const el = $(sel);
  el.value = value;
  el.dispatchEvent(new Event('input'));
  await tick();
};

describe('identity section', () => {
  it('shows examples in empty fields and says what is wrong with the unsubscribe method', async () => {
    const seen = mount(BLANK);
    expect($('input[name="senderName"]').placeholder).toBe('ex. Marie Martin');
    expect($('[data-testid="unsub-problem"]').textContent).toContain('À remplir');
    await type('input[name="unsubUrl"]', 'http://exemple.fr/stop');
    expect($('[data-testid="unsub-problem"]').textContent).toContain('https://');
    expect($('input[name="unsubUrl"]').getAttribute('aria-invalid')).toBe('true');
    await type('input[name="unsubUrl"]', 'https://exemple.fr/stop?email={email}');
    expect($('input[name="unsubUrl"]').getAttribute('aria-invalid')).toBe('false');
    ($('input[value="mailto"]') as HTMLInputElement).click();
    await tick();
    await type('input[name="unsubMailto"]', 'stop@exemple.fr');
    expect(seen.at(-1)!.unsubscribe).toEqual({ method: 'mailto', mailto: 'stop@exemple.fr', subject: 'Désinscription' });
    await type('textarea[name="contactSources"]', 'le salon\n\n  LinkedIn  \n');
    expect(seen.at(-1)!.contactSources).toEqual(['le salon', 'LinkedIn']);
    const topic = document.querySelector('select[name="topic"]') as HTMLSelectElement;
    topic.value = 'energy-renovation';
    topic.dispatchEvent(new Event('change'));
    await tick();
    expect(seen.at(-1)!.topic).toBe('energy-renovation');
  });

  it('locked fields are read-only and say who manages them', async () => {
    mount({ ...BLANK, company: 'Exemple SAS' }, { locked: { company: 'Direction commerciale', unsubscribe: null }, managedSources: ['le salon'] });
    expect($('input[name="company"]').readOnly).toBe(true);
    expect(document.querySelector('[data-locked="company"]')!.textContent).toContain('Géré par Direction commerciale');
    expect(document.querySelector('[data-locked="unsubscribe"]')!.textContent).toContain('Géré par votre administrateur');
    expect((document.querySelector('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
    expect(document.querySelector('[data-testid="managed-sources"]')!.textContent).toContain('le salon');
    expect($('input[name="senderName"]').readOnly).toBe(false);
  });
});
