/** The options page as the browser tests drive it (e2e/options*.e2e.ts): open it, set fields, save the identity. */
import type { Session, Tab } from './harness';

/** The options page in a tab of its own, once its identity section is drawn. */
export async function optionsPage(b: Session): Promise<Tab> {
  const page = await b.openExtensionPage('src/ui/options/index.html');
  await page.waitFor(() => !!document.querySelector('[data-testid="identity"]'), undefined, { timeout: 15000 });
  return page;
}

/** Sets a field's value as typing would end (input event), for long values. */
export async function setValue(tab: Tab, css: string, value: string): Promise<void> {
  await tab.evaluate(
    ([c, v]) => {
      const el = document.querySelector(c) as HTMLInputElement | HTMLTextAreaElement;
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [css, value] as const,
  );
}

/**
 * The salesperson's identity typed into the options (Marie Martin of Exemple PME, met at a Lyon trade show, an
 * unsubscribe URL with the recipient's address), saved, and the page's "Enregistré." waited for.
 */
export async function fillIdentity(page: Tab, activity: string): Promise<void> {
  await page.fill('input[name="senderName"]', 'Marie Martin');
  await page.fill('input[name="company"]', 'Exemple PME');
  await page.fill('textarea[name="activity"]', activity);
  await page.fill('textarea[name="contactSources"]', 'le salon Bureaux Expo 2026 à Lyon');
  await page.fill('input[name="unsubUrl"]', 'https://exemple-pme.fr/desinscription?email={email}');
  await page.click('[data-testid="identity-save"]');
  await page.waitFor(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Enregistré.', undefined, { timeout: 10000 });
}
