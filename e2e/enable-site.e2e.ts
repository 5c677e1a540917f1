/**
 * "Enable on this site" in each browser: the background registers the built content script for a webmail no
 * adapter knows, runs it in the open tab, keeps it across reloads, and forgets it when disabled.
 * A test build pre-grants the host (PG_TEST_HOSTS), standing in for the user's "yes" to the permission prompt that
 * the popup asks (a headless browser cannot answer it); the registration path is the product's. Firefox honours
 * host_permissions for a temporary add-on: the permission is there before anything asks for it.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, buildWithHosts, useBrowser, type Session, type Tab } from './harness';

const ORIGIN = 'https://webmail.exemple-pme.fr';
const FRENCH = { settings: { ownDomains: [], jurisdiction: 'FR', intro: {}, enabledSites: [] } };

describe.each(BROWSERS)('enable on this site (generic adapter) [%s]', (name) => {
  let extPage: Tab;
  const b: Session = useBrowser(
    name,
    { extension: buildWithHosts(name, [`${ORIGIN}/*`], `.tmp/e2e-enable-site-${name}`), routes: [[`${ORIGIN}/`, 'e2e/pages/webmail.html']] },
    async (s) => {
      await s.background((x) => chrome.storage.local.set(x), FRENCH);
    },
  );
  /** Runs a message from an extension page, as the popup does. */
  async function send(msg: unknown): Promise<unknown> {
    extPage ??= await b.openExtensionPage('src/ui/options/index.html');
    b.tabs.delete(extPage); // kept across the tests of this file
    return extPage.evaluate((m) => chrome.runtime.sendMessage(m), msg);
  }
  const registered = () => b.background(() => chrome.scripting.getRegisteredContentScripts());
  const enabledSites = async () => ((await b.background(() => chrome.storage.local.get('settings'))).settings as { enabledSites: string[] }).enabledSites;

  it('has the pre-granted host permission before anything asks for it', async () => {
    expect(await b.background((o) => chrome.permissions.contains({ origins: [`${o}/*`] }), ORIGIN)).toBe(true);
  });

  it('registers, runs in the open tab, survives a reload, then disables', async () => {
    const page = await b.open(`${ORIGIN}/`);
    await page.sleep(300);
    expect(await page.count('[data-prospect-guard]')).toBe(0); // not enabled yet

    expect(await send({ type: 'siteStatus', origin: ORIGIN })).toMatchObject({ ok: true, builtIn: false, enabled: false, granted: true, registered: false });
    const tabId = await b.background(async (o) => (await chrome.tabs.query({ url: `${o}/*` }))[0]?.id, ORIGIN);
    expect(await send({ type: 'enableSite', origin: ORIGIN, tabId })).toEqual({ ok: true });

    // Running in the page already open, without a reload.
    await page.waitForVerdict('none');
    const scripts = await registered();
    expect(scripts.map((s) => [s.id, s.matches, s.js])).toEqual([[`site-${ORIGIN}`, [`${ORIGIN}/*`], ['content/generic.js']]]);
    expect(await enabledSites()).toEqual([ORIGIN]);

    await page.typeInto('[data-champ=principal] input', 'jean.dupont@gmail.com');
    await page.press('Enter');
    await page.waitForVerdict('opt-in');

    // After a reload the registered script runs by itself, once.
    await page.reload();
    await page.waitForVerdict('none');
    expect(await page.count('[data-prospect-guard]')).toBe(1);
    await page.click('#ecrire');
    await page.waitFor(() => document.querySelectorAll('[data-prospect-guard]').length === 2);

    expect(await send({ type: 'disableSite', origin: ORIGIN })).toEqual({ ok: true });
    expect(await registered()).toEqual([]);
    expect(await enabledSites()).toEqual([]);
    await page.reload();
    await page.sleep(300);
    expect(await page.count('[data-prospect-guard]')).toBe(0);
  });

  it('refuses an origin without permission, and an invalid one', async () => {
    expect(await send({ type: 'enableSite', origin: 'https://autre.example' })).toEqual({ ok: false, error: 'permission not granted' });
    expect(await send({ type: 'enableSite', origin: 'javascript:alert(1)' })).toEqual({ ok: false, error: 'invalid origin' });
  });
});
