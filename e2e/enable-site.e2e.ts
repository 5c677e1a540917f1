/**
 * "Enable on this site" in Chromium: the worker registers the built content script for a webmail no
 * adapter knows, runs it in the open tab, keeps it across reloads, and forgets it when disabled.
 * A test build pre-grants the host (PG_TEST_HOSTS), standing in for the user's "yes" to the permission
 * prompt that the popup asks (a headless browser cannot answer it); the registration path is the product's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { launchExtension, routePage, waitForVerdict, ROOT, type Launched } from './chromium-legacy';

const ORIGIN = 'https://webmail.exemple-pme.fr';
const OUT = '.tmp/e2e-enable-site';
const FRENCH = { settings: { ownDomains: [], jurisdiction: 'FR', intro: {}, enabledSites: [] } };

let ext: Launched;
let extPage: Page;
const pageErrors: string[] = [];

/** Runs a message from an extension page, as the popup does. */
function send(msg: unknown): Promise<unknown> {
  return extPage.evaluate((m) => chrome.runtime.sendMessage(m), msg);
}

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.js', 'chrome'], {
    cwd: ROOT,
    env: { ...process.env, PG_TEST_BUILD: '1', PG_OUT_DIR: OUT, PG_TEST_HOSTS: `${ORIGIN}/*`, CI: '1' },
    stdio: 'ignore',
  });
  ext = await launchExtension({ dist: `${OUT}/chrome` });
  await routePage(ext.context, `${ORIGIN}/**`, 'e2e/pages/webmail.html');
  await ext.worker.evaluate((s) => chrome.storage.local.set(s), FRENCH);
  extPage = await ext.newPage();
  await extPage.goto(`chrome-extension://${ext.extensionId}/src/ui/options/index.html`);
}, 120000);

afterAll(async () => {
  await ext?.close();
});

describe('enable on this site (generic adapter)', () => {
  it('registers, runs in the open tab, survives a reload, then disables', async () => {
    const page = await ext.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${ORIGIN}/`);
    await page.waitForTimeout(300);
    expect(await page.locator('[data-prospect-guard]').count()).toBe(0); // not enabled yet

    expect(await send({ type: 'siteStatus', origin: ORIGIN })).toMatchObject({ ok: true, builtIn: false, enabled: false, granted: true, registered: false });
    const tabId = await extPage.evaluate(async (o) => (await chrome.tabs.query({ url: `${o}/*` }))[0]?.id, ORIGIN);
    expect(await send({ type: 'enableSite', origin: ORIGIN, tabId })).toEqual({ ok: true });

    // Running in the page already open, without a reload.
    await waitForVerdict(page, 'none');
    const scripts = await ext.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts.map((s) => [s.id, s.matches, s.js])).toEqual([[`site-${ORIGIN}`, [`${ORIGIN}/*`], ['src/content/main.js']]]);
    expect(((await ext.worker.evaluate(() => chrome.storage.local.get('settings'))).settings as { enabledSites: string[] }).enabledSites).toEqual([ORIGIN]);

    const input = page.locator('[data-champ=principal] input');
    await input.fill('jean.dupont@gmail.com');
    await input.press('Enter');
    await waitForVerdict(page, 'opt-in');

    // After a reload the registered script runs by itself, once.
    await page.reload();
    await waitForVerdict(page, 'none');
    expect(await page.locator('[data-prospect-guard]').count()).toBe(1);
    await page.locator('#ecrire').click();
    await expect.poll(() => page.locator('[data-prospect-guard]').count()).toBe(2);

    expect(await send({ type: 'disableSite', origin: ORIGIN })).toEqual({ ok: true });
    expect(await ext.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    expect(((await ext.worker.evaluate(() => chrome.storage.local.get('settings'))).settings as { enabledSites: string[] }).enabledSites).toEqual([]);
    await page.reload();
    await page.waitForTimeout(300);
    expect(await page.locator('[data-prospect-guard]').count()).toBe(0);
    await page.close();
  });

  it('refuses an origin without permission, and an invalid one', async () => {
    expect(await send({ type: 'enableSite', origin: 'https://autre.example' })).toEqual({ ok: false, error: 'permission not granted' });
    expect(await send({ type: 'enableSite', origin: 'javascript:alert(1)' })).toEqual({ ok: false, error: 'invalid origin' });
  });

  it('no page error, no network request of its own', () => {
    expect(pageErrors).toEqual([]);
    expect(ext.externalRequests()).toEqual([]);
  });
});
