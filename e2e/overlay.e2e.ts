/**
 * The overlay in Chromium: the built extension on the Gmail-like page served at the real Gmail URL.
 * Build first (a private dir keeps parallel builds apart):
 *   npm run build:test && npx vitest run -c e2e/vitest.config.ts e2e/overlay.e2e.ts
 * PG_SHOTS=dir saves a screenshot of each overlay state there.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchExtension, routePage, waitForVerdict, ROOT, type Launched } from './chromium-legacy';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const SHOTS = process.env.PG_SHOTS ? resolve(ROOT, process.env.PG_SHOTS) : null;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

let ext: Launched;
let page: Page;
let pageErrors: string[] = [];

/** Fresh settings; the browser runs in French (the harness sets its UI language), so the overlay speaks French. */
// The introduction is only offered once the activity and the contact source are set (rules/intro.ts: nothing unfinished is inserted).
const FRENCH = {
  settings: { ownDomains: [], jurisdiction: 'FR', intro: { activity: 'nous aménageons des bureaux pour les PME', contactSource: 'votre site internet' }, enabledSites: [] },
};

beforeAll(async () => {
  ext = await launchExtension();
  await routePage(ext.context, 'https://mail.google.com/**', 'e2e/pages/gmail.html');
  await ext.worker.evaluate((s) => chrome.storage.local.set(s), FRENCH);
});
afterAll(async () => {
  await ext?.close();
});

async function open(url = GMAIL): Promise<Page> {
  page = await ext.newPage();
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(url);
  return page;
}

afterEach(async () => {
  expect(pageErrors).toEqual([]);
  await page?.close();
});

const host = (nth = 0) => page.locator('[data-prospect-guard]').nth(nth);
const compose = (nth = 0) => page.locator('#pg-popups > .nH').nth(nth);
/** Playwright's CSS engine pierces open shadow roots: this reaches inside the overlay. */
const inOverlay = (css: string, nth = 0) => host(nth).locator(css);
/** The overlay is one line; its details (reasons, recipients, actions) open on demand. */
async function details(h = host()) {
  const toggle = h.locator('button[data-action="toggle"]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

async function shot(name: string, target: Locator) {
  if (!SHOTS) return;
  await target.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/**
 * Types an address in the compose's To field, then presses Enter to make the chip, and returns the ms between
 * the chip appearing in the DOM and the overlay host showing `verdict` (both seen from the page).
 */
async function addRecipient(c: Locator, address: string, verdict: string, nth = 0): Promise<number> {
  const input = c.locator('.anm[name=to] input[role=combobox]');
  // Set the text without input events, so the first thing the extension sees is the chip.
  await input.evaluate((el: HTMLInputElement, a) => {
    el.focus();
    el.value = a;
  }, address);
  const timing = page.evaluate(
    ([a, v, n]) =>
      new Promise<number>((resolveTiming, reject) => {
        let chipAt = 0;
        const h = () => document.querySelectorAll('[data-prospect-guard]')[n as number];
        const check = () => {
          if (!chipAt && document.querySelector(`[data-hovercard-id="${a}"]`)) chipAt = performance.now();
          if (chipAt && h()?.getAttribute('data-verdict') === v) {
            mo.disconnect();
            resolveTiming(performance.now() - chipAt);
          }
        };
        const mo = new MutationObserver(check);
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict', 'data-hovercard-id'] });
        setTimeout(() => reject(new Error(`no ${v} for ${a}`)), 5000);
      }),
    [address, verdict, nth] as const,
  );
  await input.press('Enter');
  return timing;
}

async function bodyText(c: Locator): Promise<string> {
  return c.locator('[g_editable=true]').evaluate((el: HTMLElement) => el.innerText);
}

describe('overlay on Gmail (popup compose)', () => {
  it('opt-in on a consumer address, kept with a corporate one, opt-out with the suggestion once it is removed', async () => {
    await open();
    await page.click('#pg-compose-button');
    await waitForVerdict(page, 'none');
    expect(await host().getAttribute('data-recipients')).toBe('0');
    expect(await host().isVisible()).toBe(false);

    const ms = await addRecipient(compose(), 'jean.dupont@gmail.com', 'opt-in');
    expect(ms).toBeLessThan(100);
    // The rules' wording: audience, verdict, the rule's source.
    expect(await inOverlay('[data-testid="headline"]').textContent()).toBe('Particulier — consentement requis (CPCE art. L34-5)');
    await details();
    const text = await inOverlay('section').innerText();
    expect(text).toContain('Si je n’ai pas dit oui, c’est non');
    expect(text).toContain('jean.dupont@gmail.com');
    expect(text).toContain('CPCE art. L34-5');
    await shot('opt-in', host());

    // Real typing too: a second consumer address, committed with a comma.
    const input = compose().locator('.anm[name=to] input[role=combobox]');
    await input.pressSequentially('marie@orange.fr');
    await input.press(',');
    await expect.poll(() => host().getAttribute('data-recipients')).toBe('2');
    expect(await host().getAttribute('data-verdict')).toBe('opt-in');
    await compose().locator('[data-hovercard-id="marie@orange.fr"] .afX').click();

    const ms2 = await addRecipient(compose(), 'paul.martin@acme-industrie.fr', 'opt-in');
    expect(ms2).toBeLessThan(100);
    await expect.poll(() => host().getAttribute('data-recipients')).toBe('2');
    expect(await host().getAttribute('data-verdict')).toBe('opt-in');

    await compose().locator('[data-hovercard-id="jean.dupont@gmail.com"] .afX').click();
    await waitForVerdict(page, 'opt-out', { timeout: 1000 });
    expect(await host().getAttribute('data-recipients')).toBe('1');
    expect(await inOverlay('[data-testid="intro"]').textContent()).toContain('Notre activité');
    expect(await inOverlay('[data-testid="unsubscribe"]').textContent()).toContain('STOP');
    await shot('opt-out', host());
  });

  it('Insert puts the four elements in the body; Ctrl+Z removes them; the user’s text is intact', async () => {
    await open();
    await page.click('#pg-compose-button');
    await addRecipient(compose(), 'paul.martin@acme-industrie.fr', 'opt-out');
    const body = compose().locator('[g_editable=true]');
    await body.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Bonjour Monsieur Martin,');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Voici notre proposition : 3 × 12 € « TTC ».');
    const before = await bodyText(compose());
    const beforeHtml = await body.innerHTML();

    const intro = (await inOverlay('[data-testid="intro"]').textContent())!;
    const unsub = (await inOverlay('[data-testid="unsubscribe"]').textContent())!;
    await inOverlay('button[data-action="insert"]').click();
    await expect.poll(() => inOverlay('[data-testid="insert-feedback"]').textContent()).toBe('Insérée — Ctrl+Z pour annuler');
    await shot('inserted', host());
    const after = await bodyText(compose());
    const flat = after.replace(/\s+/g, ' ');
    expect(flat).toContain(intro.replace(/\s+/g, ' '));
    expect(flat).toContain(unsub.replace(/\s+/g, ' '));
    // The four elements: activity, source of the contact, future offers unless they object, unsubscribe.
    for (const piece of ['Notre activité', 'Vos coordonnées professionnelles proviennent de', 'sauf si vous vous y opposez', 'STOP']) expect(flat).toContain(piece);
    // The user's lines are still there, char for char, and the signature too.
    for (const line of ['Bonjour Monsieur Martin,', 'Voici notre proposition : 3 × 12 € « TTC ».', 'Marie Martin']) expect(after).toContain(line);

    await page.keyboard.press('Control+z');
    await expect.poll(() => bodyText(compose())).toBe(before);
    expect(await body.innerHTML()).toBe(beforeHtml);
  });

  it('two composes open: each has its own overlay and verdict', async () => {
    await open();
    await page.click('#pg-compose-button');
    await page.click('#pg-compose-button');
    await expect.poll(() => page.locator('[data-prospect-guard]').count()).toBe(2);
    // Popups are laid out right to left: find each compose's own host.
    const first = compose(0);
    const second = compose(1);
    await addRecipient(first, 'contact@acme-industrie.fr', 'organization', 0);
    await addRecipient(second, 'lea@laposte.net', 'opt-in', 1);
    expect(await first.locator('[data-prospect-guard]').getAttribute('data-verdict')).toBe('organization');
    expect(await second.locator('[data-prospect-guard]').getAttribute('data-verdict')).toBe('opt-in');
    await details(first.locator('[data-prospect-guard]'));
    expect(await first.locator('[data-prospect-guard]').locator('section').innerText()).toContain('dans tous les cas');
    await shot('organization', first.locator('[data-prospect-guard]'));

    // Closing one unmounts its overlay only.
    await first.locator('.Ha').click();
    await expect.poll(() => page.locator('[data-prospect-guard]').count()).toBe(1);
    expect(await host().getAttribute('data-verdict')).toBe('opt-in');
  });

  it('unknown domain: "cannot tell" with the mark-as actions; marking the domain as a business turns it opt-out', async () => {
    await open();
    await page.click('#pg-compose-button');
    await addRecipient(compose(), 'jean@intranet.local', 'unknown');
    expect(await inOverlay('[data-testid="headline"]').textContent()).toBe('Destinataire indéterminé — consentement requis par prudence (CPCE art. L34-5)');
    await details();
    await shot('unknown', host());
    await inOverlay('button[data-action="business"]').click();
    await waitForVerdict(page, 'opt-out', { timeout: 2000 });
    expect(await inOverlay('section').innerText()).toContain('(votre choix)');
  });

  it('"J’ai son consentement" asks how it was obtained, then records it: the overlay says so with the date', async () => {
    await open();
    await page.click('#pg-compose-button');
    await addRecipient(compose(), 'claire@free.fr', 'opt-in');
    await inOverlay('button[data-action="consent-main"]').click();
    await inOverlay('select[name="method"]').selectOption('written');
    await inOverlay('input[name="note"]').fill('e-mail du 3 mars');
    await inOverlay('button[data-action="consent-save"]').click();
    await waitForVerdict(page, 'consent', { timeout: 2000 });
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(await inOverlay('section').innerText()).toContain(`Consentement enregistré le ${today}`);
    await shot('consent', host());
    const stored = await ext.worker.evaluate(() => chrome.storage.local.get('consents'));
    expect(stored.consents).toEqual({ 'claire@free.fr': { address: 'claire@free.fr', date: today, method: 'written', note: 'e-mail du 3 mars' } });
    await ext.worker.evaluate(() => chrome.storage.local.remove('consents'));
  });

  it('own domain only: nothing visible, data-verdict=internal', async () => {
    await ext.worker.evaluate(
      (s) => chrome.storage.local.set({ settings: { ...s.settings, ownDomains: ['exemple-pme.fr'] } }),
      FRENCH,
    );
    await open();
    await page.click('#pg-compose-button');
    await addRecipient(compose(), 'luc@exemple-pme.fr', 'internal');
    expect(await host().isVisible()).toBe(false);
    await ext.worker.evaluate((s) => chrome.storage.local.set(s), FRENCH);
  });

  it('Esc hides the overlay for this compose; the verdict keeps updating', async () => {
    await open();
    await page.click('#pg-compose-button');
    await addRecipient(compose(), 'jean.dupont@gmail.com', 'opt-in');
    await inOverlay('button[data-action="toggle"]').focus();
    await page.keyboard.press('Escape');
    expect(await host().isVisible()).toBe(false);
    expect(await compose().count()).toBe(1); // the compose itself stayed open
    await compose().locator('[data-hovercard-id="jean.dupont@gmail.com"] .afX').click();
    await addRecipient(compose(), 'paul.martin@acme-industrie.fr', 'opt-out');
    expect(await host().isVisible()).toBe(false);
  });

  it('unreadable layout: says it cannot read the recipients', async () => {
    await open();
    await page.click('#pg-compose-button');
    await waitForVerdict(page, 'none');
    // Break the layout: the recipient rows disappear (as if Gmail changed its markup).
    await page.evaluate(() => document.querySelectorAll('#pg-popups table.GS tr').forEach((tr) => tr.remove()));
    await waitForVerdict(page, 'unreadable', { timeout: 2000 });
    expect(await host().isVisible()).toBe(true);
    expect(await inOverlay('[data-testid="headline"]').textContent()).toBe('Prospect Guard ne peut pas lire les destinataires ici');
    await shot('unreadable', host());
  });
});

// Latency percentiles are measured by `npm run bench` (bench/content.bench.ts), not asserted here.

describe('overlay on Gmail (inline reply)', () => {
  it('opt-out for the corporate sender; Insert and Ctrl+Z; then opt-in when a consumer is added', async () => {
    await open(`${GMAIL}?view=reply&reply=open`);
    await waitForVerdict(page, 'opt-out');
    const reply = page.locator('.ip .M9');
    expect(await reply.locator('[data-prospect-guard]').count()).toBe(1);
    await shot('inline-opt-out', reply);
    const body = reply.locator('[g_editable=true]');
    await body.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Bonjour Jean,');
    const before = await bodyText(reply);
    await inOverlay('button[data-action="insert"]').click();
    await expect.poll(() => inOverlay('[data-testid="insert-feedback"]').textContent()).toBe('Insérée — Ctrl+Z pour annuler');
    const after = (await bodyText(reply)).replace(/\s+/g, ' ');
    for (const piece of ['Notre activité', 'proviennent de', 'sauf si vous vous y opposez', 'STOP', 'Bonjour Jean,']) expect(after).toContain(piece);
    await page.keyboard.press('Control+z');
    await expect.poll(() => bodyText(reply)).toBe(before);

    const ms = await addRecipient(reply, 'sophie@wanadoo.fr', 'opt-in');
    expect(ms).toBeLessThan(100);
  });
});

describe('the extension stays quiet', () => {
  it('no overlay on a Gmail page without a compose window', async () => {
    await open();
    await page.waitForTimeout(300);
    expect(await page.locator('[data-prospect-guard]').count()).toBe(0);
  });

  it('made no network request of its own', () => {
    expect(ext.externalRequests()).toEqual([]);
  });
});

describe('overlay in an English browser', () => {
  it('warns and suggests in English, with the legal source, and inserts the English introduction', async () => {
    const en = await launchExtension({ locale: 'en-US' });
    try {
      const intro = { activity: 'we design offices for SMEs', contactSource: 'your company website' };
      await en.worker.evaluate((s) => chrome.storage.local.set(s), { settings: { ownDomains: [], jurisdiction: 'FR', intro, enabledSites: [] } });
      await routePage(en.context, 'https://mail.google.com/**', 'e2e/pages/gmail.html');
      const p = await en.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(String(e)));
      await p.goto(`${GMAIL}?compose=new`);
      const c = p.locator('#pg-popups > .nH').first();
      const h = p.locator('[data-prospect-guard]').first();
      const input = c.locator('.anm[name=to] input[role=combobox]');
      await input.pressSequentially('jean.dupont@orange.fr');
      await input.press('Enter');
      await waitForVerdict(p, 'opt-in');
      expect(await h.locator('[data-testid="headline"]').textContent()).toBe('French private individual — consent required (CPCE art. L34-5)');
      await details(h);
      expect(await h.locator('section').innerText()).toContain('CPCE art. L34-5');
      await c.locator('[data-hovercard-id="jean.dupont@orange.fr"] .afX').click();
      await input.pressSequentially('claire.martin@acme-industrie.fr');
      await input.press('Enter');
      await waitForVerdict(p, 'opt-out');
      expect(await h.locator('[data-testid="headline"]').textContent()).toBe('French business — prospecting allowed — right to object (CNIL doctrine B2B)');
      await h.locator('button[data-action="insert"]').click();
      const body = await c.locator('[g_editable=true]').evaluate((el: HTMLElement) => el.innerText);
      expect(body).toMatch(/unless you object/i);
      expect(errors).toEqual([]);
      expect(en.externalRequests()).toEqual([]);
    } finally {
      await en.close();
    }
  });
});
