// @vitest-environment happy-dom
import { PAGE_CATALOGUES } from '../overlay/page-catalogues';
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { createT } from '../overlay/i18n';
import { TemplatesEditor, type IntroTemplate } from './TemplatesEditor';
import { renderIntroTemplate, templateNoteVariants, type TemplateIntroInput } from '../../rules/templates';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const $ = (s: string) => document.querySelector(s) as HTMLElement;
const SAMPLE: TemplateIntroInput = {
  settings: {
    senderName: 'Marie Martin',
    company: 'Exemple PME',
    activity: 'l’aménagement de bureaux pour les PME',
    contactSource: 'le salon Bureaux Expo 2026',
    unsubscribe: 'https://exemple-pme.fr/desinscription?email=jean.dupont%40acme-industrie.fr',
  },
  recipient: { address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont', domain: 'acme-industrie.fr' },
};

function mount(templates: IntroTemplate[], onSave = vi.fn(async () => undefined), lockedBy: Record<string, string | null> = {}) {
  document.body.innerHTML = '<div id="app"></div>';
  render(<TemplatesEditor t={createT('fr', null, PAGE_CATALOGUES)} templates={templates} lockedBy={lockedBy} preview={(tpl) => renderIntroTemplate(tpl, SAMPLE)} notePreview={(tpl) => templateNoteVariants(tpl, SAMPLE)} onSave={onSave} />, document.getElementById('app')!);
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
    expect(preview).toContain('Je suis Marie Martin, d’Exemple PME. Notre activité : l’aménagement de bureaux pour les PME.');
    expect(preview).toContain('proviennent du salon Bureaux Expo 2026.');
    expect(preview).toContain('https://exemple-pme.fr/desinscription?email=jean.dupont%40acme-industrie.fr');
    const present = () => [...document.querySelectorAll('[data-testid="tpl-elements"] li')].map((li) => `${li.getAttribute('data-element')}=${li.getAttribute('data-present')}`);
    expect(present()).toEqual(['activity=yes', 'contact-source=yes', 'future-offers=yes', 'unsubscribe=yes']);
    expect($('[data-testid="tpl-in-use"]').textContent).toContain('FR');
    // A text without the source and the offers: the rules add them after it (the preview shows what Insert puts in).
    await type('[data-testid="tpl-text"]', 'Bonjour {firstName}, je suis {sender} : {activity}.');
    expect(present()).toEqual(['activity=yes', 'contact-source=added', 'future-offers=added', 'unsubscribe=yes']);
    expect($('[data-testid="tpl-preview"]').textContent).toContain('Vos coordonnées professionnelles proviennent du salon Bureaux Expo 2026.');
    // An unknown variable: said so, and the template is not inserted until it is fixed.
    await type('[data-testid="tpl-text"]', 'Bonjour {prenom}, {activity}.');
    expect($('[data-testid="tpl-unknown"]').textContent).toContain('{prenom}');
    expect($('[data-testid="tpl-not-ready"]').textContent).toContain('{prenom}');
    await type('[data-testid="tpl-text"]', 'Bonjour {firstName}, je suis {sender} : {activity}.');
    await type('[data-testid="tpl-short"]', 'Bonjour {prenom}');
    expect($('[data-testid="tpl-unknown"]').textContent).toContain('{prenom}');
    await type('[data-testid="tpl-short"]', 'Bonjour {firstName}, {sender} de {senderCompany}.');
    expect($('[data-testid="tpl-short-preview"]').textContent).toBe('Bonjour Jean, Marie Martin d’Exemple PME.');
    await type('[data-testid="tpl-short"]', 'Bonjour {prenom}');
    $('[data-testid="tpl-save"]').click();
    await tick(5);
    expect(onSave).toHaveBeenCalledWith([{ id: 't1', name: 'Nouveau modèle', lang: 'fr', text: 'Bonjour {firstName}, je suis {sender} : {activity}.', short: 'Bonjour {prenom}' }]);
    expect($('[data-testid="tpl-status"]').textContent).toBe(createT('fr', null, PAGE_CATALOGUES)('optSaved'));
  });

  it('the first template of a language is the one offered; another can be put first', async () => {
    const onSave = mount([
      { id: 'a', name: 'A', lang: 'fr', text: 'Bonjour {firstName}' },
      { id: 'b', name: 'B', lang: 'fr', text: 'Salut {firstName}' },
    ]);
    const pick = $('[data-testid="tpl-pick"]') as HTMLSelectElement;
    pick.value = 'b';
    pick.dispatchEvent(new Event('change'));
    await tick();
    expect($('[data-testid="tpl-in-use"]').textContent).toContain('passe avant');
    $('[data-testid="tpl-make-default"]').click();
    await tick();
    expect(document.querySelector('[data-testid="tpl-make-default"]')).toBeNull();
    $('[data-testid="tpl-save"]').click();
    await tick(5);
    expect((onSave.mock.calls as unknown as IntroTemplate[][][])[0]![0]!.map((x) => x.id)).toEqual(['b', 'a']);
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
