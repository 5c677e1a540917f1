/**
 * `npm run store:screenshots`: the store screenshots, at the stores' size (1280×800, what the Chrome Web Store and
 * AMO take), written to store/screenshots/<lang>/NN-name.png for French and English. It plays the demo's
 * scenarios (the demo pages served at Gmail's real URL, nothing reaches the network) with the test build in
 * Debian's Chromium, headless, and also shows the extension's own pages (options, rules).
 *
 * `--lang fr` or `--lang en` makes one language only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserMissingMessage, launch, overlay, ROOT, type Session, type Tab } from '../e2e/harness';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const SIZE = { width: 1280, height: 800 };
const OUT = join(ROOT, 'store/screenshots');
const BUILD = '.tmp/store-build';

const missing = browserMissingMessage('chromium');
if (missing) {
  console.error(`store:screenshots: ${missing}`);
  process.exit(1);
}
const langArg = process.argv.indexOf('--lang');
const langs = langArg > 0 ? [process.argv[langArg + 1] as 'fr' | 'en'] : (['fr', 'en'] as const);

console.log('Building the test build (overlay hooks, for waiting on verdicts)…');
execFileSync(process.execPath, ['scripts/build.js', 'chrome'], {
  cwd: ROOT,
  stdio: 'ignore',
  env: { ...process.env, CI: '1', PG_TEST_BUILD: '1', PG_OUT_DIR: BUILD },
});

/** A salesperson who filled in the options page. */
const SETTINGS = {
  fr: {
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
  en: {
    ownDomains: ['example-sme.co.uk'],
    jurisdiction: 'FR',
    enabledSites: [],
    intro: {
      senderName: 'Mary Martin',
      company: 'Example SME',
      activity: 'office furniture and fit-out for small businesses',
      contactSource: 'the Office Expo 2026 trade fair in Lyon, where you left your card',
      unsubscribe: 'https://example-sme.co.uk/unsubscribe',
    },
  },
} as const;

const TEXT = {
  fr: 'Bonjour,\n\nJe me permets de vous écrire au sujet de l’aménagement de vos bureaux.',
  en: 'Hello,\n\nI am writing to you about fitting out your offices.',
};

async function sized(t: Tab): Promise<Tab> {
  await (t.raw as Page).setViewportSize(SIZE);
  return t;
}

async function addRecipient(t: Tab, address: string): Promise<void> {
  await t.typeInto({ css: 'input[role=combobox]', within: '#pg-popups > .nH' }, address);
  await t.press('Enter');
}

async function scenarios(b: Session, lang: 'fr' | 'en'): Promise<string[]> {
  const dir = join(OUT, lang);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const shots: string[] = [];
  const shot = async (t: Tab, name: string) => {
    await t.sleep(250); // the overlay's transition
    await t.screenshot(join(dir, `${name}.png`));
    shots.push(`${lang}/${name}.png`);
  };
  await b.background((s) => chrome.storage.local.set({ settings: s }), SETTINGS[lang]);

  // 1. A consumer address: consent required, with the source.
  let t = await sized(await b.open(`${GMAIL}?compose=new`));
  await t.click({ css: '[g_editable=true]', within: '#pg-popups > .nH' });
  await t.press('Control+Home');
  await t.type(TEXT[lang]);
  await addRecipient(t, 'jean.dupont@orange.fr');
  await t.waitForVerdict('opt-in');
  await shot(t, '01-private-recipient-consent-required');
  // 2. Only a company address: the B2B introduction, inserted with one click.
  await t.click({ css: '[data-hovercard-id="jean.dupont@orange.fr"] .afX' });
  await addRecipient(t, 'claire.martin@acme-industrie.fr');
  await t.waitForVerdict('opt-out');
  await shot(t, '02-professional-recipient-introduction');
  await t.click(overlay('[data-action="insert"]'));
  await t.sleep(300);
  await shot(t, '03-introduction-inserted');
  await t.close();

  // 3. The extension's own pages.
  for (const [path, name] of [
    ['src/ui/options/index.html', '04-options'],
    ['src/ui/rules/index.html', '05-rules'],
  ] as const) {
    t = await sized(await b.openExtensionPage(path));
    await t.waitFor(() => (document.querySelector('#app')?.childElementCount ?? 0) > 0);
    await shot(t, name);
    await t.close();
  }
  return shots;
}

const all: string[] = [];
let external: string[] = [];
let errors: string[] = [];
for (const lang of langs) {
  const b = await launch('chromium', { extension: `${BUILD}/chrome`, locale: lang === 'fr' ? 'fr-FR' : 'en-US', routes: [['https://mail.google.com/', 'e2e/pages/gmail.html']] });
  try {
    all.push(...(await scenarios(b, lang)));
    external = external.concat(b.externalRequests());
    errors = errors.concat(b.pageErrors());
  } finally {
    await b.close();
  }
}
console.log(`Screenshots (${SIZE.width}×${SIZE.height}) in store/screenshots/:\n  ${all.join('\n  ')}`);
if (external.length) console.log(`Network requests that left the browser: ${external.join(', ')}`);
if (errors.length) console.log(`Page errors: ${errors.join('; ')}`);
process.exit(external.length || errors.length ? 1 : 0);
