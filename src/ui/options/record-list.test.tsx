// @vitest-environment happy-dom
import { PAGE_CATALOGUES } from '../overlay/page-catalogues';
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { createT } from '../overlay/i18n';
import { RecordList, type RecordRow } from './RecordList';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
const $ = (s: string) => document.querySelector(s) as HTMLElement;
const $$ = (s: string) => [...document.querySelectorAll(s)] as HTMLElement[];

function mount(rows: RecordRow[], handlers: { onSave?: any; onDelete?: any } = {}) {
  document.body.innerHTML = '<div id="app"></div>';
  render(
    <RecordList
      t={createT('fr', null, PAGE_CATALOGUES)}
      testid="consents"
      caption="Consentements"
      columns={[
        { key: 'address', label: 'Adresse' },
        { key: 'date', label: 'Date', edit: { kind: 'date' } },
        { key: 'method', label: 'Obtenu par', edit: { kind: 'select', options: [{ value: 'form', label: 'formulaire' }, { value: 'oral', label: 'oral' }] }, show: (v) => (v === 'form' ? 'formulaire' : v) },
        { key: 'note', label: 'Preuve', edit: { kind: 'text' } },
      ]}
      rows={rows}
      exportAs="consentements"
      today="2026-11-28"
      {...handlers}
    />,
    document.getElementById('app')!,
  );
}

const ROWS: RecordRow[] = [
  { id: 'hélène@café.fr', values: { address: 'hélène@café.fr', date: '2026-11-01', method: 'form', note: 'salon' } },
  { id: 'jean@x.fr', values: { address: 'jean@x.fr', date: '2026-11-02', method: 'oral', note: '' } },
  { id: 'equipe@societe.fr', values: { address: 'equipe@societe.fr', date: '2026-10-01', method: 'form', note: 'imposé' }, lockedBy: 'Direction' },
];

describe('record list', () => {
  it('is a table with a caption and row headers; search is case- and accent-insensitive', async () => {
    mount(ROWS);
    expect($('caption').textContent).toBe('Consentements');
    expect($$('tbody th[scope=row]').map((th) => th.textContent)).toEqual(['hélène@café.fr', 'jean@x.fr', 'equipe@societe.fr']);
    const search = $('[data-testid="consents-search"]') as HTMLInputElement;
    search.value = 'HELENE';
    search.dispatchEvent(new Event('input'));
    await tick();
    expect($$('tbody tr').map((tr) => tr.getAttribute('data-id'))).toEqual(['hélène@café.fr']);
    expect($('[data-testid="consents-shown"]').textContent).toBe('1 sur 3');
    expect($('label[for="consents-search"]').textContent).toBe('Rechercher');
  });

  it('edits a row in place and deletes one; a locked row says who manages it and offers no action', async () => {
    const onSave = vi.fn(async () => undefined);
    const onDelete = vi.fn(async () => 'refusé par le service');
    mount(ROWS, { onSave, onDelete });
    ($('tr[data-id="jean@x.fr"] [data-action="edit"]') as HTMLButtonElement).click();
    await tick();
    const note = $('input[aria-label="Preuve — jean@x.fr"]') as HTMLInputElement;
    note.value = 'appel du 2 novembre';
    note.dispatchEvent(new Event('input'));
    await tick();
    ($('button[aria-label="Enregistrer — jean@x.fr"]') as HTMLButtonElement).click();
    await tick(5);
    expect(onSave).toHaveBeenCalledWith('jean@x.fr', { address: 'jean@x.fr', date: '2026-11-02', method: 'oral', note: 'appel du 2 novembre' });
    ($('button[aria-label="Retirer — hélène@café.fr"]') as HTMLButtonElement)?.click();
    await tick(5);
    expect(onDelete).toHaveBeenCalledWith('hélène@café.fr');
    expect($('[data-testid="consents-error"]').textContent).toBe('refusé par le service');
    const locked = $('tr[data-id="equipe@societe.fr"] .row-actions');
    expect(locked.textContent).toContain('Géré par Direction');
    expect(locked.querySelector('button')).toBeNull();
  });

  it('exports every row as an Excel CSV', async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:x'));
    mount(ROWS);
    $('[data-testid="consents-export"]').click();
    const text = await blobs[0]!.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Adresse;Date;Obtenu par;Preuve',
      'hélène@café.fr;2026-11-01;formulaire;salon',
      'jean@x.fr;2026-11-02;oral;',
      'equipe@societe.fr;2026-10-01;formulaire;imposé',
      '',
    ]);
    create.mockRestore();
  });
});
