/**
 * `npm run demo`: builds the extension, serves the bundled demo pages at their sites' real URLs (nothing reaches
 * the network), and opens Chromium with the extension on them. With a display the window stays open for you to
 * try it; without one (or with --headless) it plays each scenario headless and writes a screenshot of it to
 * demo-output/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { chromiumMissingMessage, launchExtension, routePage, waitForVerdict, ROOT } from '../e2e/chromium-legacy';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const WEBMAIL = 'https://webmail.exemple-pme.fr';
const OUT = join(ROOT, 'demo-output');
const BUILD = '.tmp/demo-build';

const missing = chromiumMissingMessage();
if (missing) {
  console.error(`npm run demo: ${missing}`);
  process.exit(1);
}

const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
console.log('Building the extension (dist/chrome, dist/firefox)…');
execFileSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, CI: '1' } });
// The demo webmail stands for a site the user enables from the toolbar popup. The demo build pre-grants its host,
// as the user's "yes" to the browser's permission prompt would; enabling it then goes through the product's path.
execFileSync(process.execPath, ['scripts/build.js', 'chrome'], {
  cwd: ROOT,
  stdio: 'ignore',
  env: { ...process.env, CI: '1', PG_TEST_BUILD: '1', PG_OUT_DIR: BUILD, PG_TEST_HOSTS: `${WEBMAIL}/*` },
});

const ext = await launchExtension({ dist: `${BUILD}/chrome`, headless });
await routePage(ext.context, 'https://mail.google.com/**', 'e2e/pages/gmail.html');
await routePage(ext.context, `${WEBMAIL}/**`, 'e2e/pages/webmail.html');
await ext.worker.evaluate(
  (s) => chrome.storage.local.set(s),
  {
    // A salesperson who filled in the options page (the overlay says so when the defaults are still in use).
    settings: {
      ownDomains: ['exemple-pme.fr'],
      jurisdiction: 'FR',
      enabledSites: [],
      intro: {
        senderName: 'Marie Martin',
        company: 'Exemple PME',
        activity: 'l’aménagement et le mobilier de bureau pour les PME',
        contactSource: 'le salon Bureaux Expo 2026 à Lyon, où vous avez laissé votre carte',
        unsubscribe: 'https://exemple-pme.fr/desinscription',
      },
    },
  },
);

if (!headless) {
  const page = await ext.newPage();
  await page.goto(`${GMAIL}?compose=new`);
  console.log(`\nChromium is open on the Gmail demo page (${GMAIL}).`);
  console.log(`Try: type jean.dupont@orange.fr then Enter in « À »; add a company address; remove the first one; click Insérer.`);
  console.log(`The reply view: ${GMAIL}?view=reply  ·  a webmail no adapter knows: ${WEBMAIL}/ (enable it from the toolbar icon).`);
  console.log('Close the browser window to end the demo.');
  await new Promise<void>((resolve) => ext.context.on('close', () => resolve()));
  process.exit(0);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const shots: string[] = [];
const pageErrors: string[] = [];
async function shot(page: Page, name: string, what: string) {
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  shots.push(`${name}.png  ${what}`);
}
async function open(url: string): Promise<Page> {
  const page = await ext.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(url);
  return page;
}
async function addTo(compose: Locator, address: string) {
  const input = compose.locator('input[role=combobox]').first();
  await input.click();
  await input.pressSequentially(address, { delay: 10 });
  await input.press('Enter');
}
const verdictOf = (page: Page, nth = 0) => page.locator('[data-prospect-guard]').nth(nth).getAttribute('data-verdict');

// 1. Gmail, new message: a consumer address, then a company one, then the consumer one removed, then Insert.
let page = await open(`${GMAIL}?compose=new`);
const compose = page.locator('#pg-popups > .nH').first();
await compose.locator('[g_editable=true]').click();
await page.keyboard.press('Control+Home'); // a new message: the caret goes above the signature
await page.keyboard.type('Bonjour,\n\nJe me permets de vous écrire au sujet de vos achats de fournitures.');
await addTo(compose, 'jean.dupont@orange.fr');
await waitForVerdict(page, 'opt-in');
await shot(page, '01-gmail-private-recipient', 'a consumer address (orange.fr): consent required, with the source');
await addTo(compose, 'claire.martin@acme-industrie.fr');
await waitForVerdict(page, 'opt-in');
await shot(page, '02-gmail-private-and-business', 'a company address added: the private one still leads');
await compose.locator('[data-hovercard-id="jean.dupont@orange.fr"] .afX').click();
await waitForVerdict(page, 'opt-out');
await shot(page, '03-gmail-business-only', 'the private one removed: the B2B introduction and unsubscribe line, ready');
await page.locator('[data-prospect-guard] [data-action="insert"]').first().click();
await page.waitForTimeout(300);
await shot(page, '04-gmail-inserted', 'one click: the four elements in the message, the user\'s text kept');
await page.close();

// 2. Gmail, a generic company address only.
page = await open(`${GMAIL}?compose=new`);
await addTo(page.locator('#pg-popups > .nH').first(), 'contact@acme-industrie.fr');
await waitForVerdict(page, 'organization');
await shot(page, '05-gmail-generic-company-address', 'contact@: outside consent rules, the "in all cases" elements still apply');
await page.close();

// 3. Gmail, inline reply in a thread.
page = await open(`${GMAIL}?view=reply&reply=open`);
await waitForVerdict(page, 'opt-out');
await shot(page, '06-gmail-inline-reply', 'inline reply to a professional address');
await page.close();

// 4. A webmail no adapter knows, enabled by the user from the popup.
page = await open(`${WEBMAIL}/`);
const popup = await ext.newPage();
await popup.goto(`chrome-extension://${ext.extensionId}/src/ui/options/index.html`);
const tabId = await popup.evaluate(async (o) => (await chrome.tabs.query({ url: `${o}/*` }))[0]?.id, WEBMAIL);
await popup.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'enableSite', origin: WEBMAIL, tabId });
await popup.close();
await page.bringToFront();
await waitForVerdict(page, 'none');
const field = page.locator('[data-champ=principal] input').first();
await field.click();
await field.pressSequentially('sophie.bernard@free.fr', { delay: 10 });
await field.press('Enter');
await waitForVerdict(page, 'opt-in');
await shot(page, '07-webmail-generic-adapter', 'an unknown webmail: the generic adapter reads its recipients');
await page.close();

const external = ext.externalRequests();
await ext.close();
console.log(`\nScreenshots in demo-output/:\n  ${shots.join('\n  ')}`);
console.log(`Network requests sent by the extension: ${external.length}${external.length ? ` (${external.join(', ')})` : ''}`);
if (pageErrors.length) console.log(`Page errors: ${pageErrors.join('; ')}`);
process.exit(external.length || pageErrors.length ? 1 : 0);
