/**
 * Team policy in the options page, in each browser: with an administrator's policy (real enterprise policy, given to
 * this test's browser only: e2e/policy-fixture.ts), the managed values show locked with who manages them, a member
 * cannot change them, and the company's suppression list is counted.
 */
import { POLICY, POLICY_PROBLEM } from './policy-fixture';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe';
import { BROWSERS, useBrowser } from './harness';

describe.each(BROWSERS)('options under a team policy [%s]', (name) => {
  if (POLICY_PROBLEM) {
    it('needs a private mount namespace', () => expect(POLICY_PROBLEM).toBeNull());
    return;
  }
  const b = useBrowser(name);

  it('shows the managed values locked with who manages them, and refuses to change them', async () => {
    const page = await b.openExtensionPage('src/ui/options/index.html');
    await page.waitFor(() => !!document.querySelector('[data-testid="managed-banner"]'), undefined, { timeout: 15000 });
    expect(await page.text('[data-testid="managed-banner"]')).toContain(POLICY.managedBy);
    const company = await page.evaluate(() => {
      const i = document.querySelector('input[name="company"]') as HTMLInputElement;
      return { value: i.value, readOnly: i.readOnly, lock: document.querySelector('[data-locked="company"]')?.textContent ?? '' };
    });
    expect(company).toEqual({ value: POLICY.identity.company, readOnly: true, lock: expect.stringContaining(`Géré par ${POLICY.managedBy}`) });
    expect(await page.text('[data-locked="activity"]')).toContain(POLICY.managedBy);
    expect(await page.text('[data-testid="managed-sources"]')).toContain(POLICY.identity.contactSources[0]);
    expect(await page.text('[data-testid="domains"] tr[data-id="exemple-sas.fr"]')).toContain(`Géré par ${POLICY.managedBy}`);
    expect(await page.text('[data-testid="tpl-locked"]')).toContain(POLICY.managedBy);
    await page.waitFor(() => !!document.querySelector('[data-testid="supp-managed"]'), undefined, { timeout: 10000 });
    expect(await page.text('[data-testid="supp-managed"]')).toContain(`1 adresses dans la liste de l’entreprise, gérée par ${POLICY.managedBy}`);
    // Writing storage is not a way round: the worker refuses a locked value.
    const refused = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'saveSettings', patch: { intro: { company: 'Autre SAS' } } }));
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('intro.company') });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
