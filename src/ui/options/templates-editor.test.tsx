// @vitest-environment happy-dom
import { PAGE_CATALOGUES } from '../overlay/page-catalogues';
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { createT } from '../overlay/i18n';
import { TemplatesEditor, type IntroTemplate } from './TemplatesEditor';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const $ = (s: string) => document.querySelector(s) as HTMLElement;
const SAMPLE = {
  firstName: 'Jean',
  lastName: 'Dupont',
  company: 'Acme Industrie',
  sender: 'Marie Martin',
  senderCompany: 'Exemple PME',
  activity: 'l’aménagement de bureaux pour les PME',
  source: 'le salon Bureaux Expo 2026',
  unsubscribe: 'Pour ne plus recevoir nos messages : https://exemple-pme.fr/desinscription',
};

function mount(templates: IntroTemplate[], onSave = vi.fn(async () => undefined), lockedBy: Record<string, string | null> = {}) {
  document.body.innerHTML = '<div id="app"></div>';
  render(<TemplatesEditor t={createT('fr', null, PAGE_CATALOGUES)} templates={templates} lockedBy={lockedBy} sample={SAMPLE} onSave={onSave} />, document.getElementById('app')!);
  return onSave;
}
const type = async (sel: string, value: string) => {
  const el = $(sel) as HTMLTextAreaElement;
  el.value = value;
  el.dispatchEvent(new Event('input'));
  await tick();
};

describe('templates editor', () => {
  it('a new template starts from a text with the four elements, rendered live for a sample recipient', async () => {
    const onSave = mount([]);
    $('[data-testid="tpl-add"]').click();
    await tick();
    const preview = $('[data-testid="tpl-preview"]').textContent!;
    expect(preview).toContain('Bonjour Jean,');
    expect(preview).toContain('Je suis Marie Martin, de Exemple PME. Notre activité : l’aménagement de bureaux pour les PME.');
    const present = [...document.querySelectorAll('[data-testid="tpl-elements"] li')].map((li) => `${li.getAttribute('data-element')}=${li.getAttribute('data-present')}`);
    expect(present).toEqual(['activity=yes', 'contact-source=yes', 'future-offers=yes', 'unsubscribe=yes']);
    // Removing the unsubscribe variable: the checklist says it is missing.
    await type('[data-testid="tpl-text"]', 'Bonjour {firstName}, je suis {sender} : {activity}.');
    expect($('[data-element="unsubscribe"]').getAttribute('data-present')).toBe('no');
    expect($('[data-element="contact-source"]').getAttribute('data-present')).toBe('no');
    await type('[data-testid="tpl-short"]', 'Bonjour {prenom}');
    expect($('[data-testid="tpl-unknown"]').textContent).toContain('{prenom}');
    $('[data-testid="tpl-save"]').click();
    await tick(5);
    expect(onSave).toHaveBeenCalledWith([{ id: 't1', name: 'Nouveau modèle', lang: 'fr', text: 'Bonjour {firstName}, je suis {sender} : {activity}.', short: 'Bonjour {prenom}' }]);
    expect($('[data-testid="tpl-status"]').textContent).toBe(createT('fr', null, PAGE_CATALOGUES)('optSaved'));
  });

  it('refuses to save a LinkedIn note over 300 characters, and says so', async () => {
    const onSave = mount([{ id: 'a', name: 'A', lang: 'en', text: 'Hello {firstName}', short: '' }]);
    await type('[data-testid="tpl-short"]', 'x'.repeat(301));
    expect($('#tpl-short-count').className).toBe('bad');
    $('[data-testid="tpl-save"]').click();
    await tick(5);
    expect(onSave).not.toHaveBeenCalled();
    expect($('[data-testid="tpl-status"]').textContent).toContain('A');
  });

  it('shows a company template locked with who manages it; duplicating gives an editable copy; saves only the member’s own', async () => {
    const onSave = mount([{ id: 'managed:salon', name: 'Après le salon', lang: 'fr', text: 'Bonjour {firstName}' }], undefined, { 'managed:salon': 'Direction commerciale' });
    expect($('[data-testid="tpl-locked"]').textContent).toContain('Géré par Direction commerciale');
    expect(($('[data-testid="tpl-text"]') as HTMLTextAreaElement).readOnly).toBe(true);
    expect(document.querySelector('[data-testid="tpl-delete"]')).toBeNull();
    $('[data-testid="tpl-duplicate"]').click();
    await tick();
    expect(($('[data-testid="tpl-name"]') as HTMLInputElement).value).toBe('Copie de Après le salon');
    expect(($('[data-testid="tpl-text"]') as HTMLTextAreaElement).readOnly).toBe(false);
    $('[data-testid="tpl-save"]').click();
    await tick(5);
    expect(onSave).toHaveBeenCalledWith([{ id: 't2', name: 'Copie de Après le salon', lang: 'fr', text: 'Bonjour {firstName}' }]);
  });
});
