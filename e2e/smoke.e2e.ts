import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Launched } from './harness';

describe('built extension in Chromium', () => {
  let ext: Launched;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('starts its service worker', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await ext.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.default_locale).toBe('fr');
  });

  it('renders the options page with the version, in French', async () => {
    const page = await ext.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`chrome-extension://${ext.extensionId}/src/ui/options/index.html`);
    const version = page.getByTestId('version');
    await expect.poll(() => version.textContent()).toMatch(/^Version \d+\.\d+\.\d+$/);
    expect(await page.locator('h1').textContent()).toContain('Prospect Guard');
    expect(await page.locator('h2').first().textContent()).toBe('Présentation B2B');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('makes no network request of its own', async () => {
    // Give the worker a moment to do anything it would do at start.
    await new Promise((r) => setTimeout(r, 500));
    expect(ext.externalRequests()).toEqual([]);
  });
});

describe('the request recorder', () => {
  it('does see a request the extension would send (so an empty list means something)', async () => {
    const ext = await launchExtension();
    try {
      await ext.worker.evaluate(() => fetch('https://tracker.example.invalid/ping').catch(() => 'blocked'));
      await expect.poll(() => ext.externalRequests()).toContain('https://tracker.example.invalid/ping');
    } finally {
      await ext.close();
    }
  });
});

describe('in an English browser', () => {
  it('speaks English: the options page and the extension description', async () => {
    const ext = await launchExtension({ locale: 'en-US' });
    try {
      expect(await ext.worker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(/^en/);
      expect(await ext.worker.evaluate(() => chrome.i18n.getMessage('extDescription'))).toMatch(/^Before you send a prospecting email/);
      const page = await ext.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}/src/ui/options/index.html`);
      await expect.poll(() => page.locator('h2').first().textContent()).toBe('B2B introduction');
      expect(ext.externalRequests()).toEqual([]);
    } finally {
      await ext.close();
    }
  });
});
