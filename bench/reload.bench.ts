/**
 * After the extension is reloaded (chrome://extensions's Reload, as a developer or an update does) with a Gmail
 * compose open: the time until the page holds exactly one overlay again — the new content script's, showing the
 * verdict — and the old one is gone. Goal ≤ 2 s. Measured in the page (performance.now), ROUNDS reloads (default 5).
 */
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { launch, ROOT } from '../e2e/harness';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
// The test build (its overlay host shows the verdict), built apart from dist-test/.
const OUT = '.tmp/bench-reload';
execFileSync(process.execPath, ['scripts/build.js', 'chrome'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, CI: '1', PG_TEST_BUILD: '1', PG_OUT_DIR: OUT } });
const ext = await launch('chromium', { extension: `${OUT}/chrome`, routes: [['https://mail.google.com/', 'e2e/pages/gmail.html']] });
await ext.chromiumContext.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
await ext.background(() =>
  chrome.storage.local.set({ settings: { ownDomains: [], jurisdiction: 'FR', intro: { activity: 'a', contactSource: 'b' }, enabledSites: [] } }),
);
const page = (await ext.open('https://mail.google.com/mail/u/0/?compose=new')).raw as Page;
const input = page.locator('.anm[name=to] input[role=combobox]').first();
await input.pressSequentially('paul.martin@acme-industrie.fr');
await input.press('Enter');
await page.waitForSelector('[data-prospect-guard][data-verdict="opt-out"]', { state: 'attached' });

const extensions = (await ext.open('chrome://extensions/')).raw as Page;
// Unpacked extensions can only be reloaded in developer mode (as a developer has it on).
await extensions.evaluate(() => new Promise((r) => (chrome as unknown as { developerPrivate: { updateProfileConfiguration(c: object, cb: () => void): void } }).developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, () => r(null))));

const samples: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const waiting = page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const old = document.querySelector('[data-prospect-guard]');
        const t0 = performance.now();
        const check = () => {
          const hosts = document.querySelectorAll('[data-prospect-guard]');
          if (old && !old.isConnected && hosts.length === 1 && hosts[0] !== old && hosts[0].getAttribute('data-verdict') === 'opt-out') {
            mo.disconnect();
            resolve(performance.now() - t0);
          }
        };
        const mo = new MutationObserver(check);
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict'] });
        setTimeout(() => reject(new Error('no single working overlay after 10 s')), 10000);
      }),
  );
  await extensions.evaluate(
    (id: string) => new Promise((r) => (chrome as unknown as { developerPrivate: { reload(id: string, o: object, cb: () => void): void } }).developerPrivate.reload(id, { failQuietly: false }, () => r(null))),
    ext.extensionId,
  );
  samples.push(await waiting);
}
const external = ext.externalRequests();
await ext.close();

const sorted = [...samples].sort((a, b) => a - b);
const r = (x: number) => Math.round(x);
console.log(
  `reload with a compose open → one working overlay, over ${samples.length} reloads: p50 ${r(sorted[Math.floor(sorted.length / 2)])} ms, max ${r(sorted[sorted.length - 1])} ms (goal ≤ 2000 ms)`,
);
if (external.length) console.log(`network requests by the extension: ${external.join(', ')}`);
console.log(JSON.stringify({ reloads: samples.length, p50Ms: r(sorted[Math.floor(sorted.length / 2)]), maxMs: r(sorted[sorted.length - 1]), goalMs: 2000, samples: samples.map(r), externalRequests: external.length }));
