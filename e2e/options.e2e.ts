/**
 * Issue 11's acceptance in each browser: the options page filled in and reloaded, its values used by the overlay's
 * introduction; a 10,000-row suppression CSV imported from the page and a suppressed recipient flagged in a compose
 * window; the consent export read back as a table with one row per record; axe-core on the options page, the popup
 * and the overlay (0 serious or critical violations).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe';
import { BROWSERS, ROOT, overlay, useBrowser, type Tab } from './harness';
import { fillIdentity, optionsPage, setValue } from './options-page';

const GMAIL = 'https://mail.google.com/mail/u/0/';

async function addRecipient(tab: Tab, address: string) {
  await tab.typeInto({ css: 'input[role=combobox]', within: '#pg-popups > .nH' }, address);
  await tab.press('Enter');
}

async function uploadFile(tab: Tab, css: string, file: string) {
  if (tab.browser === 'chromium') await (tab.raw as import('playwright-core').Page).setInputFiles(css, file);
  else {
    const el = await (tab.raw as import('puppeteer-core').Page).$(css);
    await (el as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(file);
  }
}

describe.each(BROWSERS)('options [%s]', (name) => {
  const b = useBrowser(name, { routes: [['https://mail.google.com/', 'e2e/pages/gmail.html']] });

  it('filled in and reloaded, the options give the overlay its introduction; axe finds nothing serious', async () => {
    let page = await optionsPage(b);
    await fillIdentity(page, 'l’aménagement de bureaux pour les PME');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();

    page = await optionsPage(b);
    expect(await page.evaluate(() => (document.querySelector('input[name="company"]') as HTMLInputElement).value)).toBe('Exemple PME');
    expect(await page.evaluate(() => (document.querySelector('textarea[name="contactSources"]') as HTMLTextAreaElement).value)).toBe('le salon Bureaux Expo 2026 à Lyon');
    await page.close();

    const gmail = await b.open(`${GMAIL}?compose=new`);
    await gmail.waitForVerdict('none');
    await addRecipient(gmail, 'claire.martin@acme-industrie.fr');
    await gmail.waitForVerdict('opt-out');
    await gmail.click(overlay('[data-action="toggle"]'));
    const suggestion = await gmail.text(overlay('[data-testid="suggestion"]'));
    expect(suggestion).toContain('Marie Martin');
    expect(suggestion).toContain('Exemple PME');
    expect(suggestion).toContain('l’aménagement de bureaux pour les PME');
    expect(suggestion).toContain('salon Bureaux Expo 2026 à Lyon');
    expect(suggestion).toContain('https://exemple-pme.fr/desinscription');
    expect(await seriousAxeViolations(gmail, { include: [['[data-prospect-guard]']] })).toEqual([]);
  });

  it('imports a 10,000-row suppression CSV; a recipient on it is flagged "objected — do not contact"', async () => {
    const dir = join(ROOT, '.tmp/e2e-options');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `opposition-${name}.csv`);
    const rows = ['Nom;Prénom;Adresse e-mail'];
    for (let i = 0; i < 10_000; i++) rows.push(`Nom${i};Prénom${i};contact${i}@societe${i % 300}.fr`);
    rows.push('Dupont;Jean;Jean.Dupont@Acme-Industrie.fr');
    writeFileSync(file, `\uFEFF${rows.join('\r\n')}\r\n`);

    const page = await optionsPage(b);
    await page.waitFor(() => /^0 adresses/.test(document.querySelector('[data-testid="supp-count"]')?.textContent ?? ''), undefined, { timeout: 10000 });
    await uploadFile(page, '[data-testid="supp-file"]', file);
    await page.waitFor(() => /Import terminé/.test(document.querySelector('[data-testid="supp-status"]')?.textContent ?? ''), undefined, { timeout: 30000 });
    expect(await page.text('[data-testid="supp-count"]')).toBe('10\u202f001 adresses dans votre liste.');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const gmail = await b.open(`${GMAIL}?compose=new`);
    await gmail.waitForVerdict('none');
    await addRecipient(gmail, 'claire.martin@acme-industrie.fr');
    await gmail.waitForVerdict('opt-out');
    await addRecipient(gmail, 'jean.dupont@acme-industrie.fr');
    await gmail.waitForVerdict('suppressed');
    expect(await gmail.text(overlay('[data-testid="headline"]'))).toContain('Opposé — ne pas contacter (1)');
    await gmail.click(overlay('[data-action="toggle"]'));
    expect(await gmail.text(overlay('[data-address="jean.dupont@acme-industrie.fr"]'))).toContain('opposé — ne pas contacter');
    expect(await gmail.count('[data-prospect-guard]')).toBe(1);
    expect(await seriousAxeViolations(gmail, { include: [['[data-prospect-guard]']] })).toEqual([]);
  });

  it('exports the consent records as a CSV that reads as a table, one row per record', async () => {
    const page = await optionsPage(b);
    const records = [
      ['marie.durand@orange.fr', '2026-10-02', 'form', 'formulaire du salon, stand B12'],
      ['paul.leroy@free.fr', '2026-10-15', 'written', 'e-mail du 15/10 « oui, tenez-moi informé »'],
      ['hélène@gmail.com', '2026-11-03', 'oral', 'appel du 3/11 ; confirmé par écrit'],
    ];
    for (const [address, date, method, note] of records) {
      await setValue(page, 'input[name="consentAddress"]', address!);
      await setValue(page, 'input[name="consentDate"]', date!);
      await page.evaluate((m) => {
        const s = document.querySelector('select[name="consentMethod"]') as HTMLSelectElement;
        s.value = m;
        s.dispatchEvent(new Event('change', { bubbles: true }));
      }, method!);
      await setValue(page, 'input[name="consentNote"]', note!);
      await page.click('[data-testid="consent-add"] button[type=submit]');
      await page
        .waitFor((a) => !!document.querySelector(`[data-testid="consents"] tr[data-id="${a}"]`), address, { timeout: 10000 })
        .catch(async (e) => {
          throw new Error(`${address} not listed (${await page.text('[data-testid="notice"]')}): ${e}`);
        });
    }
    // The file the button gives: caught as the page hands it to the browser's download.
    await page.evaluate(() => {
      const w = window as unknown as { __csv?: Promise<string> };
      const orig = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        w.__csv = blob.arrayBuffer().then((b) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b));
        return orig(blob);
      };
    });
    await page.click('[data-testid="consents-export"]');
    const csv = await page.evaluate(() => (window as unknown as { __csv: Promise<string> }).__csv);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const table = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(table[0]).toEqual(['Adresse', 'Date du consentement', 'Obtenu par', 'Preuve']);
    expect(table).toHaveLength(1 + records.length);
    const byAddress = new Map(table.slice(1).map((r) => [r[0], r]));
    for (const [address, date, , note] of records) {
      expect(byAddress.get(address!)?.[1]).toBe(date);
      expect(byAddress.get(address!)?.[3]).toBe(note);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('the popup passes axe', async () => {
    await b.open(GMAIL);
    const popup = await b.openExtensionPage('src/ui/popup/index.html');
    await popup.waitFor(() => !!document.querySelector('h1'));
    await popup.sleep(300);
    expect(await seriousAxeViolations(popup)).toEqual([]);
  });
});
