/**
 * `npm run demo` (`-- --browser firefox` for Firefox ESR): builds the extension, serves the bundled demo pages at
 * their sites' real URLs (nothing reaches the network), and opens the browser with the extension on them. With a
 * display the window stays open for you to try it; without one (or with --headless) it plays each scenario headless
 * and writes a screenshot of it to demo-output/<browser>/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { browserMissingMessage, buildWithHosts, launch, LABEL, ROOT, type BrowserName, type Tab, type Target } from '../e2e/harness';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const WEBMAIL = 'https://webmail.exemple-pme.fr';

const args = process.argv.slice(2);
const at = args.indexOf('--browser');
const wanted = at >= 0 ? args[at + 1] : (args.find((a) => a.startsWith('--browser='))?.slice('--browser='.length) ?? 'chromium');
const name: BrowserName | null = wanted === 'firefox' ? 'firefox' : wanted === 'chromium' || wanted === 'chrome' ? 'chromium' : null;
if (!name) {
  console.error(`npm run demo: unknown browser "${wanted}" (--browser chromium or --browser firefox)`);
  process.exit(2);
}
const missing = browserMissingMessage(name);
if (missing) {
  console.error(`npm run demo: ${missing}`);
  process.exit(1);
}
const OUT = join(ROOT, 'demo-output', name);

const headless = args.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
console.log('Building the extension (dist/chrome, dist/firefox)…');
execFileSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, CI: '1' } });
// The demo webmail stands for a site the user enables from the toolbar popup. The demo build pre-grants its host,
// as the user's "yes" to the browser's permission prompt would; enabling it then goes through the product's path.
const dist = buildWithHosts(name, [`${WEBMAIL}/*`], '.tmp/demo-build');

const ext = await launch(name, {
  extension: dist,
  headless,
  routes: [
    ['https://mail.google.com/', 'e2e/pages/gmail.html'],
    [`${WEBMAIL}/`, 'e2e/pages/webmail.html'],
  ],
});
await ext.background((s) => chrome.storage.local.set(s), {
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
});

if (!headless) {
  await ext.open(`${GMAIL}?compose=new`);
  console.log(`\n${LABEL[name]} is open on the Gmail demo page (${GMAIL}).`);
  console.log(`Try: type jean.dupont@orange.fr then Enter in « À »; add a company address; remove the first one; click Insérer.`);
  console.log(`The reply view: ${GMAIL}?view=reply  ·  a webmail no adapter knows: ${WEBMAIL}/ (enable it from the toolbar icon).`);
  console.log('Close the browser window to end the demo.');
  await ext.closed();
  await ext.close();
  process.exit(0);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const shots: string[] = [];
async function shot(tab: Tab, file: string, what: string) {
  await tab.screenshot(join(OUT, `${file}.png`));
  shots.push(`${file}.png  ${what}`);
}
const compose: Target = { css: '#pg-popups > .nH', nth: 0 };
async function addTo(tab: Tab, address: string) {
  await tab.typeInto({ css: 'input[role=combobox]', within: compose }, address);
  await tab.press('Enter');
}

// 1. Gmail, new message: a consumer address, then a company one, then the consumer one removed, then Insert.
let tab = await ext.open(`${GMAIL}?compose=new`);
await tab.click({ css: '[g_editable=true]', within: compose });
await tab.press('Control+Home'); // a new message: the caret goes above the signature
await tab.type('Bonjour,\n\nJe me permets de vous écrire au sujet de vos achats de fournitures.');
await addTo(tab, 'jean.dupont@orange.fr');
await tab.waitForVerdict('opt-in');
await shot(tab, '01-gmail-private-recipient', 'a consumer address (orange.fr): consent required, with the source');
await addTo(tab, 'claire.martin@acme-industrie.fr');
await tab.waitForVerdict('opt-in');
await shot(tab, '02-gmail-private-and-business', 'a company address added: the private one still leads');
await tab.click({ css: '[data-hovercard-id="jean.dupont@orange.fr"] .afX', within: compose });
await tab.waitForVerdict('opt-out');
await shot(tab, '03-gmail-business-only', 'the private one removed: the B2B introduction and unsubscribe line, ready');
await tab.click({ css: '[data-action="insert"]', within: { css: '[data-prospect-guard]', shadow: true } });
await tab.sleep(300);
await shot(tab, '04-gmail-inserted', "one click: the four elements in the message, the user's text kept");
await tab.close();

// 2. Gmail, a generic company address only.
tab = await ext.open(`${GMAIL}?compose=new`);
await addTo(tab, 'contact@acme-industrie.fr');
await tab.waitForVerdict('organization');
await shot(tab, '05-gmail-generic-company-address', 'contact@: outside consent rules, the "in all cases" elements still apply');
await tab.close();

// 3. Gmail, inline reply in a thread.
tab = await ext.open(`${GMAIL}?view=reply&reply=open`);
await tab.waitForVerdict('opt-out');
await shot(tab, '06-gmail-inline-reply', 'inline reply to a professional address');
await tab.close();

// 4. A webmail no adapter knows, enabled by the user from the toolbar popup.
tab = await ext.open(`${WEBMAIL}/`);
await ext.enableSiteThroughPopup(tab);
await tab.front();
await tab.waitForVerdict('none');
await tab.typeInto('[data-champ=principal] input', 'sophie.bernard@free.fr');
await tab.press('Enter');
await tab.waitForVerdict('opt-in');
await shot(tab, '07-webmail-generic-adapter', 'an unknown webmail: the generic adapter reads its recipients');
await tab.close();

const external = ext.externalRequests();
const pageErrors = ext.pageErrors();
await ext.close();
console.log(`\n${LABEL[name]} screenshots in demo-output/${name}/:\n  ${shots.join('\n  ')}`);
console.log(`Network requests sent by the extension: ${external.length}${external.length ? ` (${external.join(', ')})` : ''}`);
if (pageErrors.length) console.log(`Page errors: ${pageErrors.join('; ')}`);
process.exit(external.length || pageErrors.length ? 1 : 0);
