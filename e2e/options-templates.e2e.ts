/**
 * Issue 11's gaps, in each browser: a template the user writes in the options is what the overlay previews and
 * inserts, filled for the recipient (with their own unsubscribe link) after a reload of the options; the settings are
 * in storage.sync; Gmail switched off in the options leaves the compose alone, and comes back when switched on.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, overlay, useBrowser, waitUntil, type Tab } from './harness';
import { fillIdentity, optionsPage, setValue } from './options-page';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const TEMPLATE = 'Bonjour {firstName|Madame, Monsieur},\n\nJe suis {sender}, de {senderCompany} : {activity}. Nous nous sommes croisés à {source}.';

const textOf = (tab: Tab, css: string) => tab.evaluate((c) => document.querySelector(c)?.textContent ?? '', css);

describe.each(BROWSERS)('options: templates, sync, sites [%s]', (name) => {
  const b = useBrowser(name, { routes: [['https://mail.google.com/', 'e2e/pages/gmail.html']] });

  it('fill the options, reload: the overlay previews and inserts the user’s template, with the recipient’s own link', async () => {
    let page = await optionsPage(b);
    await fillIdentity(page, 'nous aménageons des bureaux pour les PME');
    await page.click('[data-testid="tpl-add"]');
    await page.waitFor(() => !!document.querySelector('[data-testid="tpl-text"]'));
    await setValue(page, '[data-testid="tpl-name"]', 'Après le salon');
    await setValue(page, '[data-testid="tpl-text"]', TEMPLATE);
    // The live preview: the rules' rendering for a sample recipient, with the identity just saved.
    await page.waitFor(() => (document.querySelector('[data-testid="tpl-preview"]')?.textContent ?? '').includes('Nous nous sommes croisés'));
    const preview = await textOf(page, '[data-testid="tpl-preview"]');
    expect(preview).toContain('Bonjour Jean,');
    expect(preview).toContain('Je suis Marie Martin, d’Exemple PME : nous aménageons des bureaux pour les PME. Nous nous sommes croisés au salon Bureaux Expo 2026 à Lyon.');
    expect(preview).toContain('https://exemple-pme.fr/desinscription?email=jean.dupont%40acme-industrie.fr');
    await page.click('[data-testid="tpl-save"]');
    await page.waitFor(() => document.querySelector('[data-testid="tpl-status"]')?.textContent === 'Enregistré.', undefined, { timeout: 10000 });
    await page.close();

    // Reloaded: the template is there, and the settings are in storage.sync (identity and template as items).
    page = await optionsPage(b);
    expect(await page.evaluate(() => (document.querySelector('[data-testid="tpl-text"]') as HTMLTextAreaElement | null)?.value)).toBe(TEMPLATE);
    await waitUntil(
      async () => Object.keys(await page.evaluate(() => chrome.storage.sync.get(null))).includes('tpl.t1'),
      'the template in storage.sync',
    );
    const synced = (await page.evaluate(() => chrome.storage.sync.get(null))) as Record<string, { intro?: { company?: string }; text?: string; enabledSites?: unknown }>;
    expect(synced.settings?.intro?.company).toBe('Exemple PME');
    expect(synced['tpl.t1']?.text).toBe(TEMPLATE);
    await page.close();

    const gmail = await b.open(`${GMAIL}?compose=new`);
    await gmail.waitForVerdict('none');
    await gmail.typeInto({ css: 'input[role=combobox]', within: '#pg-popups > .nH' }, 'claire.martin@acme-industrie.fr');
    await gmail.press('Enter');
    await gmail.waitForVerdict('opt-out');
    await gmail.click(overlay('[data-action="toggle"]'));
    const intro = await gmail.text(overlay('[data-testid="intro"]'));
    expect(intro).toContain('Bonjour Claire,');
    expect(intro).toContain('Je suis Marie Martin, d’Exemple PME : nous aménageons des bureaux pour les PME. Nous nous sommes croisés au salon Bureaux Expo 2026 à Lyon.');
    expect(intro).toContain('sauf si vous vous y opposez'); // the element the template lacked, added by the rules
    expect(intro).not.toMatch(/[{}]/);
    const unsub = await gmail.text(overlay('[data-testid="unsubscribe"]'));
    expect(unsub).toBe('Pour vous y opposer et ne plus recevoir nos messages : https://exemple-pme.fr/desinscription?email=claire.martin%40acme-industrie.fr');

    await gmail.click(overlay('[data-action="insert"]'));
    const body = { css: '[g_editable=true]', within: '#pg-popups > .nH' };
    await waitUntil(async () => (await gmail.text(body)).includes('claire.martin%40acme-industrie.fr'), 'the introduction inserted', () => gmail.text(body));
    // Reported inserted only once the editor kept it (its turn had passed).
    await waitUntil(async () => (await gmail.text(overlay('.bar'))).includes('Ctrl+Z'), 'the insertion confirmed', () => gmail.text(overlay('.bar')));
    const lines = await gmail.lines(body);
    expect(lines).toContain('Bonjour Claire,');
    expect(lines.some((l) => l.startsWith('Je suis Marie Martin, d’Exemple PME : nous aménageons des bureaux pour les PME.'))).toBe(true);
    // The unsubscribe line at the end of the user's part (above the signature), with this recipient's address.
    expect(lines.find((l) => l.includes('desinscription'))).toBe('Pour vous y opposer et ne plus recevoir nos messages : https://exemple-pme.fr/desinscription?email=claire.martin%40acme-industrie.fr');
    expect(lines.join('\n')).not.toMatch(/[{}]/);
  });

  it('Gmail switched off in the options: the compose is left alone; switched on, the overlay is back', async () => {
    const gmail = await b.open(`${GMAIL}?compose=new`);
    await gmail.waitForVerdict('none');
    const page = await optionsPage(b);
    const gmailSwitch = 'li[data-origin="https://mail.google.com"] input[type=checkbox]';
    await page.waitFor((c) => (document.querySelector(c) as HTMLInputElement | null)?.checked === true, gmailSwitch);
    await page.click(gmailSwitch);
    await page.waitFor((c) => (document.querySelector(c) as HTMLInputElement | null)?.checked === false, gmailSwitch, { timeout: 10000 });
    await waitUntil(async () => (await gmail.count('[data-prospect-guard]')) === 0, 'the overlay gone from Gmail');
    // Nothing of ours answers in that tab any more (the popup's question goes unanswered).
    await waitUntil(
      async () => (await b.background(async () => {
        const [tab] = await chrome.tabs.query({ url: 'https://mail.google.com/*' });
        return chrome.tabs.sendMessage(tab!.id!, { type: 'composeStatus' }).then(() => 'answered', () => 'none');
      })) === 'none',
      'the Gmail tab inert',
    );

    await page.click(gmailSwitch);
    await page.waitFor((c) => (document.querySelector(c) as HTMLInputElement | null)?.checked === true, gmailSwitch, { timeout: 10000 });
    await gmail.waitForVerdict('none');
  });
});
