/**
 * The overlay in each browser: the built extension (test build) on the Gmail-like page served at the real Gmail URL.
 *   npm run build:test && npx vitest run -c e2e/vitest.config.ts e2e/overlay.e2e.ts
 * PG_SHOTS=dir saves a screenshot of each overlay state there (one per browser).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BROWSERS, ROOT, host, overlay, useBrowser, type Session, type Tab, type Target } from './harness';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const ROUTES: Array<[string, string]> = [['https://mail.google.com/', 'e2e/pages/gmail.html']];
const SHOTS = process.env.PG_SHOTS ? resolve(ROOT, process.env.PG_SHOTS) : null;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

/** Fresh settings; the browser runs in French (the harness sets its UI language), so the overlay speaks French. */
// The introduction is only offered once the activity and the contact source are set (rules/intro.ts: nothing unfinished is inserted).
const FRENCH = {
  settings: { ownDomains: [], jurisdiction: 'FR', intro: { activity: 'nous aménageons des bureaux pour les PME', contactSource: 'votre site internet' }, enabledSites: [] },
};
const resetSettings = (b: Session) => b.background((s) => chrome.storage.local.set(s), FRENCH);

/** The nth Gmail popup compose window. */
const compose = (nth = 0): Target => ({ css: '#pg-popups > .nH', nth });
const toField = (c: Target): Target => ({ css: '.anm[name=to] input[role=combobox]', within: c });
const chipRemove = (c: Target, address: string): Target => ({ css: `[data-hovercard-id="${address}"] .afX`, within: c });
const bodyOf = (c: Target): Target => ({ css: '[g_editable=true]', within: c });

/** The overlay is one line; its details (reasons, recipients, actions) open on demand — with a real click. */
async function details(tab: Tab, h: Target = host()) {
  const toggle = overlay('button[data-action="toggle"]', h);
  if ((await tab.attr(toggle, 'aria-expanded')) !== 'true') await tab.click(toggle);
}

async function shot(tab: Tab, name: string) {
  if (SHOTS) await tab.screenshot(join(SHOTS, `${tab.browser}-${name}.png`));
}

/**
 * Puts an address in the compose's To field without input events, then presses Enter to make the chip, so the
 * first thing the extension sees is the chip; waits for the overlay host of that compose to show `verdict`.
 */
async function addRecipient(tab: Tab, c: Target, address: string, verdict: string, nth = 0): Promise<void> {
  await tab.on(
    toField(c),
    (el: HTMLInputElement, a: string) => {
      el.focus();
      el.value = a;
    },
    address,
  );
  await tab.press('Enter');
  await tab.waitFor(
    ([a, v, n]) =>
      !!document.querySelector(`[data-hovercard-id="${a}"]`) &&
      document.querySelectorAll('[data-prospect-guard]')[n as number]?.getAttribute('data-verdict') === v,
    [address, verdict, nth] as const,
  ).catch(async () => {
    throw new Error(`no ${verdict} for ${address} in ${tab.browser} (now ${await tab.verdict(nth)})`);
  });
}

/** Non-empty lines of a text, trimmed, NBSPs as spaces. */
const linesOf = (text: string) =>
  text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(BROWSERS)('overlay on Gmail [%s]', (name) => {
  const b = useBrowser(name, { routes: ROUTES }, resetSettings);

  describe('popup compose', () => {
    it('opt-in on a consumer address, kept with a corporate one, opt-out with the suggestion once it is removed', async () => {
      const tab = await b.open(GMAIL);
      await tab.click('#pg-compose-button');
      await tab.waitForVerdict('none');
      expect(await tab.recipients()).toBe('0');
      expect(await tab.visible(host())).toBe(false);

      await addRecipient(tab, compose(), 'jean.dupont@gmail.com', 'opt-in');
      // One line: the rules' wording (audience, verdict, the rule's source) and the main action; the rest on demand.
      expect(await tab.text(overlay('[data-testid="headline"]'))).toBe('Particulier — consentement requis (CPCE art. L34-5)');
      let text = await tab.text(overlay('section'));
      expect(text).not.toContain('Si je n’ai pas dit oui, c’est non');
      await details(tab);
      text = await tab.text(overlay('section'));
      expect(text).toContain('Si je n’ai pas dit oui, c’est non');
      expect(text).toContain('jean.dupont@gmail.com');
      // The recipient's reason cites the rule's own source.
      expect(await tab.text(overlay('[data-address="jean.dupont@gmail.com"] [data-reason="rule"]'))).toContain('CPCE art. L34-5');
      await shot(tab, 'opt-in');

      // Real typing too: a second consumer address, committed with a comma.
      await tab.typeInto(toField(compose()), 'marie@orange.fr');
      await tab.press(',');
      await tab.waitFor(() => document.querySelector('[data-prospect-guard]')?.getAttribute('data-recipients') === '2');
      expect(await tab.verdict()).toBe('opt-in');
      await tab.click(chipRemove(compose(), 'marie@orange.fr'));

      await addRecipient(tab, compose(), 'paul.martin@acme-industrie.fr', 'opt-in');
      await tab.waitFor(() => document.querySelector('[data-prospect-guard]')?.getAttribute('data-recipients') === '2');
      expect(await tab.verdict()).toBe('opt-in');

      await tab.click(chipRemove(compose(), 'jean.dupont@gmail.com'));
      await tab.waitForVerdict('opt-out', { timeout: 2000 });
      expect(await tab.recipients()).toBe('1');
      expect(await tab.text(overlay('[data-testid="intro"]'))).toContain('Notre activité');
      expect(await tab.text(overlay('[data-testid="unsubscribe"]'))).toContain('STOP');
      await shot(tab, 'opt-out');
    });

    it('Insert puts the four elements in the body, a blank line after the user’s paragraph; Ctrl+Z removes them; the user’s text is intact', async () => {
      const tab = await b.open(GMAIL);
      await tab.click('#pg-compose-button');
      await addRecipient(tab, compose(), 'paul.martin@acme-industrie.fr', 'opt-out');
      const body = bodyOf(compose());
      await tab.click(body);
      await tab.press('Control+Home');
      await tab.type('Bonjour Monsieur Martin,');
      await tab.press('Enter');
      await tab.type('Voici notre proposition : 3 × 12 € « TTC ».');
      const before = await tab.text(body);
      const beforeHtml = await tab.html(body);

      const intro = await tab.text(overlay('[data-testid="intro"]'));
      const unsub = await tab.text(overlay('[data-testid="unsubscribe"]'));
      await tab.click(overlay('button[data-action="insert"]'));
      await tab.waitFor(() => {
        const h = document.querySelector('[data-prospect-guard]');
        return h?.shadowRoot?.querySelector('[data-testid="insert-feedback"]')?.textContent === 'Insérée — Ctrl+Z pour annuler';
      });
      await shot(tab, 'inserted');
      const after = await tab.text(body);
      const flat = squash(after);
      expect(flat).toContain(squash(intro));
      expect(flat).toContain(squash(unsub));
      // The four elements: activity, source of the contact, future offers unless they object, unsubscribe.
      for (const piece of ['Notre activité', 'Vos coordonnées professionnelles proviennent de', 'sauf si vous vous y opposez', 'STOP']) expect(flat).toContain(piece);
      // The user's lines are still there, char for char, in their order, then the introduction, then the signature.
      const got = linesOf(after);
      expect(got.slice(0, 2)).toEqual(['Bonjour Monsieur Martin,', 'Voici notre proposition : 3 × 12 € « TTC ».']);
      expect(got.slice(2, 2 + linesOf(intro).length)).toEqual(linesOf(intro));
      expect(got.slice(2 + linesOf(intro).length)).toEqual([...linesOf(unsub), '--', 'Marie Martin', 'Responsable commerciale – Exemple PME', '01 23 45 67 89']);
      // Line structure, blank lines kept: one blank line between the user's paragraph and the introduction.
      expect(await tab.lines(body)).toEqual([
        'Bonjour Monsieur Martin,',
        'Voici notre proposition : 3 × 12 € « TTC ».',
        '',
        ...linesOf(intro),
        ...linesOf(unsub),
        '',
        '--',
        'Marie Martin',
        'Responsable commerciale – Exemple PME',
        '01 23 45 67 89',
      ]);

      await tab.press('Control+z');
      await tab.waitFor(([sel, want]) => (document.querySelector(sel as string) as HTMLElement).innerText === want, ['#pg-popups > .nH [g_editable=true]', before] as const);
      expect(await tab.html(body)).toBe(beforeHtml);
    });

    it('two composes open: each has its own overlay and verdict', async () => {
      const tab = await b.open(GMAIL);
      await tab.click('#pg-compose-button');
      await tab.click('#pg-compose-button');
      await tab.waitFor(() => document.querySelectorAll('[data-prospect-guard]').length === 2);
      await addRecipient(tab, compose(0), 'contact@acme-industrie.fr', 'organization', 0);
      await addRecipient(tab, compose(1), 'lea@laposte.net', 'opt-in', 1);
      expect(await tab.attr(host(0, compose(0)), 'data-verdict')).toBe('organization');
      expect(await tab.attr(host(0, compose(1)), 'data-verdict')).toBe('opt-in');
      await details(tab, host(0, compose(0)));
      expect(await tab.text(overlay('section', host(0, compose(0))))).toContain('dans tous les cas');
      await shot(tab, 'organization');

      // Closing one unmounts its overlay only.
      await tab.click({ css: '.Ha', within: compose(0) });
      await tab.waitFor(() => document.querySelectorAll('[data-prospect-guard]').length === 1);
      expect(await tab.verdict()).toBe('opt-in');
    });

    it('unknown domain: "cannot tell" with the mark-as actions; marking the domain as a business turns it opt-out', async () => {
      const tab = await b.open(GMAIL);
      await tab.click('#pg-compose-button');
      await addRecipient(tab, compose(), 'jean@intranet.local', 'unknown');
      expect(await tab.text(overlay('[data-testid="headline"]'))).toBe('Destinataire indéterminé — consentement requis par prudence (CPCE art. L34-5)');
      await details(tab);
      await shot(tab, 'unknown');
      await tab.click(overlay('button[data-action="business"]'));
      await tab.waitForVerdict('opt-out', { timeout: 2000 });
      expect(await tab.text(overlay('section'))).toContain('(votre choix)');
      await resetOverrides(b);
    });

    it('"J’ai son consentement" asks how it was obtained, then records it: the overlay says so with the date', async () => {
      const tab = await b.open(GMAIL);
      await tab.click('#pg-compose-button');
      await addRecipient(tab, compose(), 'claire@free.fr', 'opt-in');
      await tab.click(overlay('button[data-action="consent-main"]'));
      // The method is required: Save waits for it.
      expect(await tab.on(overlay('button[data-action="consent-save"]'), (el: HTMLButtonElement) => el.disabled)).toBe(true);
      await tab.on(overlay('select[name="method"]'), (el: HTMLSelectElement) => {
        el.value = 'written';
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await tab.typeInto(overlay('input[name="note"]'), 'e-mail du 3 mars');
      await tab.click(overlay('button[data-action="consent-save"]'));
      await tab.waitForVerdict('consent', { timeout: 2000 });
      const today = await tab.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      expect(await tab.text(overlay('section'))).toContain(`Consentement enregistré le ${today}`);
      await shot(tab, 'consent');
      const stored = (await b.background(() => chrome.storage.local.get('consents'))) as { consents: Record<string, { date: string }> };
      expect(stored.consents['claire@free.fr']).toEqual({ address: 'claire@free.fr', date: today, method: 'written', note: 'e-mail du 3 mars' });
      await b.background(() => chrome.storage.local.remove('consents'));
    });

    it('own domain only: nothing visible, data-verdict=internal', async () => {
      await b.background((s) => chrome.storage.local.set({ settings: { ...s.settings, ownDomains: ['exemple-pme.fr'] } }), FRENCH);
      const tab = await b.open(GMAIL);
      await tab.click('#pg-compose-button');
      await addRecipient(tab, compose(), 'luc@exemple-pme.fr', 'internal');
      expect(await tab.visible(host())).toBe(false);
      await resetSettings(b);
    });

    it('Esc hides the overlay for this compose; the verdict keeps updating', async () => {
      const tab = await b.open(GMAIL);
      await tab.click('#pg-compose-button');
      await addRecipient(tab, compose(), 'jean.dupont@gmail.com', 'opt-in');
      await tab.on(overlay('button[data-action="toggle"]'), (el: HTMLElement) => el.focus());
      await tab.press('Escape');
      expect(await tab.visible(host())).toBe(false);
      expect(await tab.count('#pg-popups > .nH')).toBe(1); // the compose itself stayed open
      await tab.click(chipRemove(compose(), 'jean.dupont@gmail.com'));
      await addRecipient(tab, compose(), 'paul.martin@acme-industrie.fr', 'opt-out');
      expect(await tab.visible(host())).toBe(false);
    });

    it('unreadable layout: says it cannot read the recipients', async () => {
      const tab = await b.open(GMAIL);
      await tab.click('#pg-compose-button');
      await tab.waitForVerdict('none');
      // Break the layout: the recipient rows disappear (as if Gmail changed its markup).
      await tab.evaluate(() => document.querySelectorAll('#pg-popups table.GS tr').forEach((tr) => tr.remove()));
      await tab.waitForVerdict('unreadable', { timeout: 2000 });
      expect(await tab.visible(host())).toBe(true);
      expect(await tab.text(overlay('[data-testid="headline"]'))).toBe('Prospect Guard ne peut pas lire les destinataires ici');
      await shot(tab, 'unreadable');
    });
  });

  // Latency percentiles are measured by `npm run bench` (bench/content.bench.ts), not asserted here.

  describe('inline reply', () => {
    it('opt-out for the corporate sender; Insert and Ctrl+Z; then opt-in when a consumer is added', async () => {
      const tab = await b.open(`${GMAIL}?view=reply&reply=open`);
      await tab.waitForVerdict('opt-out');
      const reply: Target = '.ip .M9';
      expect(await tab.count('.ip .M9 [data-prospect-guard]')).toBe(1);
      await shot(tab, 'inline-opt-out');
      const body = bodyOf(reply);
      await tab.click(body);
      await tab.press('Control+Home');
      await tab.type('Bonjour Jean,');
      const before = await tab.text(body);
      await tab.click(overlay('button[data-action="insert"]'));
      await tab.waitFor(() => {
        const h = document.querySelector('[data-prospect-guard]');
        return h?.shadowRoot?.querySelector('[data-testid="insert-feedback"]')?.textContent === 'Insérée — Ctrl+Z pour annuler';
      });
      const after = squash(await tab.text(body));
      for (const piece of ['Notre activité', 'proviennent de', 'sauf si vous vous y opposez', 'STOP', 'Bonjour Jean,']) expect(after).toContain(piece);
      await tab.press('Control+z');
      await tab.waitFor(([want]) => (document.querySelector('.ip .M9 [g_editable=true]') as HTMLElement).innerText === want, [before] as const);

      await addRecipient(tab, reply, 'sophie@wanadoo.fr', 'opt-in');
    });
  });

  describe('the extension stays quiet', () => {
    it('no overlay on a Gmail page without a compose window', async () => {
      const tab = await b.open(GMAIL);
      await tab.sleep(300);
      expect(await tab.count('[data-prospect-guard]')).toBe(0);
    });
  });
});

async function resetOverrides(b: Session) {
  await b.background(() => chrome.storage.local.remove('overrides'));
}

describe.each(BROWSERS)('overlay in an English browser [%s]', (name) => {
  const intro = { activity: 'we design offices for SMEs', contactSource: 'your company website' };
  const b = useBrowser(name, { routes: ROUTES, locale: 'en-US' }, async (s) => {
    await s.background((x) => chrome.storage.local.set(x), { settings: { ownDomains: [], jurisdiction: 'FR', intro, enabledSites: [] } });
  });

  it('warns and suggests in English, with the legal source, and inserts the English introduction', async () => {
    const tab = await b.open(`${GMAIL}?compose=new`);
    const c = compose(0);
    await tab.typeInto(toField(c), 'jean.dupont@orange.fr');
    await tab.press('Enter');
    await tab.waitForVerdict('opt-in');
    expect(await tab.text(overlay('[data-testid="headline"]'))).toBe('French private individual — consent required (CPCE art. L34-5)');
    await details(tab);
    expect(await tab.text(overlay('[data-address="jean.dupont@orange.fr"] [data-reason="rule"]'))).toContain('CPCE art. L34-5');
    await tab.click(chipRemove(c, 'jean.dupont@orange.fr'));
    await tab.typeInto(toField(c), 'claire.martin@acme-industrie.fr');
    await tab.press('Enter');
    await tab.waitForVerdict('opt-out');
    expect(await tab.text(overlay('[data-testid="headline"]'))).toBe('French business — prospecting allowed — right to object (CNIL B2B doctrine)');
    await tab.click(overlay('button[data-action="insert"]'));
    await tab.waitFor(() => /unless you object/i.test((document.querySelector('#pg-popups > .nH [g_editable=true]') as HTMLElement).innerText));
  });
});
