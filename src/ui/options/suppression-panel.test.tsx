// @vitest-environment happy-dom
import { PAGE_CATALOGUES } from '../overlay/page-catalogues';
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { createT } from '../overlay/i18n';
import { SuppressionPanel, type SuppressionApi } from './SuppressionPanel';
import type { ImportReport, SuppressionCounts } from '../../storage/suppression';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function fakeApi(start: SuppressionCounts) {
  let counts = { ...start };
  const imported: string[][] = [];
  const api: SuppressionApi = {
    counts: async () => counts,
    importCells: async (cells, onProgress) => {
      imported.push([...cells]);
      onProgress(cells.length, cells.length);
      const valid = cells.filter((c) => c.includes('@'));
      const report: ImportReport = {
        list: 'user',
        read: cells.length,
        valid: valid.length,
        empty: 0,
        invalid: cells.length - valid.length,
        invalidSamples: cells.filter((c) => !c.includes('@')).map((value, index) => ({ index, value })),
        added: valid.length,
        total: counts.user + valid.length,
      };
      counts = { ...counts, user: report.total };
      return { report, counts };
    },
    clear: async () => (counts = { ...counts, user: 0 }),
  };
  return { api, imported };
}

function mount(api: SuppressionApi, lang: 'fr' | 'en' = 'fr') {
  document.body.innerHTML = '<div id="app"></div>';
  render(<SuppressionPanel t={createT(lang, null, PAGE_CATALOGUES)} lang={lang} api={api} />, document.getElementById('app')!);
}
const $ = (s: string) => document.querySelector(s) as HTMLElement;

describe('suppression panel', () => {
  it('shows the counts, the managed list locked with who manages it, imports a pasted list and reports unreadable rows', async () => {
    const { api, imported } = fakeApi({ user: 1200, managed: 3, updated: {}, managedBy: 'Direction commerciale' });
    mount(api);
    await tick(5);
    expect($('[data-testid="supp-count"]').textContent).toBe('1\u202f200 adresses dans votre liste.');
    expect($('[data-testid="supp-managed"]').textContent).toContain('gérée par Direction commerciale (non modifiable)');
    const ta = $('[data-testid="supp-paste"]') as HTMLTextAreaElement;
    ta.value = 'Jean <jean@x.fr>\nclaire@y.fr; paul@z.fr\npas une adresse';
    ta.dispatchEvent(new Event('input'));
    await tick();
    $('[data-testid="supp-add"]').click();
    await tick(5);
    expect(imported).toEqual([['Jean <jean@x.fr>', 'claire@y.fr', 'paul@z.fr', 'pas une adresse']]);
    expect($('[data-testid="supp-status"]').textContent).toContain('3 adresses ajoutées');
    expect($('[data-testid="supp-invalid"]').textContent).toBe('pas une adresse');
    expect($('[data-testid="supp-count"]').textContent).toBe('1\u202f203 adresses dans votre liste.');
  });

  it('clears only after a confirmation; says when there is nothing to import', async () => {
    const { api } = fakeApi({ user: 2, managed: 0, updated: {} });
    mount(api, 'en');
    await tick(5);
    expect(document.querySelector('[data-testid="supp-managed"]')).toBeNull();
    $('[data-testid="supp-clear"]').click();
    await tick();
    expect($('[data-testid="supp-count"]').textContent).toBe('2 addresses in your list.');
    expect($('[data-testid="supp-clear-confirm"]').textContent).toBe('Confirm: remove the 2 addresses');
    $('[data-testid="supp-clear-confirm"]').click();
    await tick(5);
    expect($('[data-testid="supp-count"]').textContent).toBe('0 addresses in your list.');
    const ta = $('[data-testid="supp-paste"]') as HTMLTextAreaElement;
    ta.value = ' \n ';
    ta.dispatchEvent(new Event('input'));
    await tick();
    expect(($('[data-testid="supp-add"]') as HTMLButtonElement).disabled).toBe(true);
  });
});
