/**
 * The message checks in each browser, on the Gmail-like page: the live checklist, the quiet state of a reply, the
 * first-contact history, and the confirm before send (click, Ctrl+Enter, Schedule send), which lets a message go
 * exactly once — counted by the page's own send handler (window.pgGmail.sent) — and fails open.
 *   npm run build:test && npx vitest run -c e2e/vitest.config.ts e2e/guard.e2e.ts
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, buildWithHosts, host, overlay, useBrowser, type Session, type Tab, type Target } from './harness';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const ROUTES: Array<[string, string]> = [['https://mail.google.com/', 'e2e/pages/gmail.html']];
const SETTINGS = {
  settings: {
    ownDomains: ['exemple-pme.fr'],
    jurisdiction: 'FR',
    intro: { senderName: 'Marie Martin', company: 'Exemple PME', activity: 'nous éditons un logiciel de paie pour les PME', contactSource: 'le salon Solutions RH' },
    enabledSites: [],
  },
  consents: {},
};
const reset = (b: Session) => b.background((s) => chrome.storage.local.set(s), SETTINGS);

const compose: Target = { css: '#pg-popups > .nH', nth: 0 };
const toField: Target = { css: '.anm[name=to] input[role=combobox]', within: compose };
const subject: Target = { css: 'input[name=subjectbox]', within: compose };
const body: Target = { css: '[g_editable=true]', within: compose };
const sendButton: Target = { css: '.T-I.aoO[role=button]', within: compose };
const chevron: Target = { css: '.IZ .Up [role=button][aria-haspopup=true]', within: compose };

const PITCH = 'Bonjour, je me permets de vous contacter pour vous présenter notre offre : une démonstration gratuite et un tarif préférentiel ce mois-ci.';

/** What the page's own send handler received. */
const sent = (tab: Tab) => tab.evaluate(() => (window as unknown as { pgGmail: { sent: Array<{ to: string[]; via: string }> } }).pgGmail.sent.slice());
const money = (tab: Tab) => tab.evaluate(() => (window as unknown as { pgGmail: { money: number } }).pgGmail.money);

/** A new popup compose with one recipient (a chip), a subject, and `text` typed into the body with real keys. */
async function write(tab: Tab, to: string, subj: string, text: string, verdict: string): Promise<void> {
  await tab.click('#pg-compose-button');
  await tab.typeInto(toField, to);
  await tab.press('Enter');
  await tab.waitForVerdict(verdict);
  await tab.typeInto(subject, subj);
  if (text) await tab.typeInto(body, text);
}

/** The element of the live checklist: 'yes' when present, 'add' (a button) when missing, null when not shown. */
function element(tab: Tab, id: string): Promise<string | null> {
  return tab.on(host(), (h: HTMLElement, i: string) => {
    const el = h.shadowRoot?.querySelector(`[data-testid=checklist] [data-element="${i}"]`);
    return el ? (el.tagName === 'BUTTON' ? 'add' : 'yes') : null;
  }, id);
}

async function waitElement(tab: Tab, id: string, state: 'yes' | 'add') {
  await tab
    .waitFor(
      ([i, s]) => {
        const el = document.querySelector('[data-prospect-guard]')?.shadowRoot?.querySelector(`[data-testid=checklist] [data-element="${i}"]`);
        return !!el && (el.tagName === 'BUTTON' ? 'add' : 'yes') === s;
      },
      [id, state] as const,
      { timeout: 8000 },
    )
    .catch(async () => {
      throw new Error(`checklist ${id} never ${state} in ${tab.browser} (now ${await element(tab, id)})`);
    });
}

describe.each(BROWSERS)('message checks and confirm before send on Gmail [%s]', (name) => {
  const b = useBrowser(name, { routes: ROUTES }, reset);

  it('a reply in a thread to a private address shows no warning, and goes out at the first click', async () => {
    const tab = await b.open(GMAIL);
    await write(tab, 'jean.dupont@gmail.com', 'RE: Votre demande de devis', '', 'opt-in');
    // The quoted message Gmail adds below the reply, then the reply itself typed above it.
    await tab.on(body, (el: HTMLElement) => {
      const q = document.createElement('div');
      q.className = 'gmail_quote';
      q.innerHTML =
        '<div class="gmail_attr">Le jeu. 27 nov. 2026 à 10:42, Jean Dupont &lt;jean.dupont@gmail.com&gt; a écrit&nbsp;:<br></div><blockquote class="gmail_quote">Bonjour, pourriez-vous m’envoyer votre grille tarifaire ?</blockquote>';
      el.appendChild(q);
    });
    await tab.typeInto(body, 'Bonjour Jean, voici notre grille tarifaire, comme demandé. Notre offre reste valable tout le mois.');
    await tab.waitForHost('data-message', 'ordinary');
    expect(await tab.text(overlay('[data-testid=headline]'))).toBe('Pas de prospection : rien à vérifier');
    expect(await tab.find(overlay('[data-action="consent-main"]'))).toBeNull();
    expect(await tab.find(overlay('[data-testid=checklist]'))).toBeNull();
    await tab.click(sendButton);
    await tab.waitFor(() => (window as any).pgGmail.sent.length === 1);
    expect((await sent(tab))[0]).toMatchObject({ to: ['jean.dupont@gmail.com'], via: 'click' });
  });

  it('a cold pitch to a private address is stopped at the Send click and goes out exactly once after "send anyway"', async () => {
    const tab = await b.open(GMAIL);
    await write(tab, 'prospect.un@gmail.com', 'Votre paie simplifiée', PITCH, 'opt-in');
    await tab.waitForHost('data-message', 'prospecting');
    await tab.click(sendButton);
    await tab.waitForHost('data-guard', 'ask');
    expect(await sent(tab)).toEqual([]);
    expect(await tab.text(overlay('[data-testid=guard] .addr'))).toBe('prospect.un@gmail.com');
    // A second click while we ask sends nothing.
    await tab.click(sendButton);
    expect(await sent(tab)).toEqual([]);
    await tab.click(overlay('[data-action="guard-send"]'));
    await tab.waitFor(() => (window as any).pgGmail.sent.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await sent(tab)).toEqual([{ to: ['prospect.un@gmail.com'], subject: 'Votre paie simplifiée', via: 'click' }]);
    // Our press was the real Send, never the other button of the send area ("Send and request money").
    expect(await money(tab)).toBe(0);
  });

  it('Ctrl+Enter is stopped too (even right after typing); "cancel" keeps the draft; "I have their consent" records it and sends once', async () => {
    const tab = await b.open(GMAIL);
    await write(tab, 'prospect.deux@gmail.com', 'Démonstration', PITCH, 'opt-in');
    await tab.press('Control+Enter');
    await tab.waitForHost('data-guard', 'ask');
    expect(await sent(tab)).toEqual([]);
    // The focus is on our "Annuler" now: Ctrl+Enter sends nothing (Firefox takes its Enter as a click on "Annuler").
    await tab.press('Control+Enter');
    await new Promise((r) => setTimeout(r, 200));
    expect(await sent(tab)).toEqual([]);
    if ((await tab.attr(host(), 'data-guard')) === 'ask') await tab.click(overlay('[data-action="guard-cancel"]'));
    await tab.waitForHost('data-guard', '');
    expect(await sent(tab)).toEqual([]);
    expect(await tab.count('#pg-popups > .nH')).toBe(1);
    await tab.click(body);
    await tab.press('Control+Enter');
    await tab.waitForHost('data-guard', 'ask');
    await tab.click(overlay('[data-action="guard-consent"]'));
    await tab.waitFor(() => (window as any).pgGmail.sent.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect((await sent(tab)).length).toBe(1);
    const consents = await b.background(async () => (await chrome.storage.local.get('consents')).consents);
    expect((consents as Record<string, { method: string; date: string }>)['prospect.deux@gmail.com']).toMatchObject({ method: 'at-send', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('Schedule send (a menu outside the compose) is stopped too, and goes out once when confirmed', async () => {
    const tab = await b.open(GMAIL);
    await write(tab, 'prospect.trois@gmail.com', 'Offre', PITCH, 'opt-in');
    await tab.waitForHost('data-message', 'prospecting');
    await tab.click(chevron);
    await tab.click('[role=menuitem][selector=scheduledSend]');
    await tab.waitForHost('data-guard', 'ask');
    expect(await sent(tab)).toEqual([]);
    await tab.click(overlay('[data-action="guard-send"]'));
    // Gmail's menu closed with our click: the overlay says to click again, and that click goes through.
    await tab.waitForHost('data-guard', 'again');
    expect(await sent(tab)).toEqual([]);
    await tab.click(chevron);
    await tab.click('[role=menuitem][selector=scheduledSend]');
    await tab.waitFor(() => (window as any).pgGmail.sent.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await sent(tab)).toEqual([{ to: ['prospect.trois@gmail.com'], subject: 'Offre', via: 'schedule' }]);
  });

  it('a B2B draft: the checklist fills as the elements are typed, a missing one is added in one click', async () => {
    const tab = await b.open(GMAIL);
    await write(tab, 'c.martin@acme-industrie.fr', 'Votre paie', 'Bonjour Monsieur Martin,\nJe me permets de vous proposer une démonstration de notre offre et nos tarifs.\n', 'opt-out');
    await tab.waitForHost('data-message', 'prospecting');
    for (const id of ['activity', 'contact-source', 'future-offers', 'unsubscribe']) await waitElement(tab, id, 'add');
    await tab.type('Notre activité : nous éditons un logiciel de paie pour les PME.\n');
    await waitElement(tab, 'activity', 'yes');
    expect(await element(tab, 'contact-source')).toBe('add');
    await tab.type('Vos coordonnées professionnelles proviennent du salon Solutions RH.\n');
    await waitElement(tab, 'contact-source', 'yes');
    await tab.type('Nous pourrons vous adresser à l’avenir des offres en rapport avec votre activité, sauf si vous vous y opposez.');
    await waitElement(tab, 'future-offers', 'yes');
    expect(await element(tab, 'unsubscribe')).toBe('add');
    await tab.click(overlay('[data-action="add-element"][data-element="unsubscribe"]'));
    await waitElement(tab, 'unsubscribe', 'yes');
    const lines = await tab.lines(body);
    expect(lines).toContain('Pour vous y opposer et ne plus recevoir nos messages, répondez simplement « STOP » à ce message.');
    expect(lines).toContain('Notre activité : nous éditons un logiciel de paie pour les PME.');
    // A business: nothing to confirm, the first click sends.
    await tab.click(sendButton);
    await tab.waitFor(() => (window as any).pgGmail.sent.length === 1);
  });

  it('a follow-up to an address already prospected is not a first contact', async () => {
    const tab = await b.open(GMAIL);
    const pitch =
      'Bonjour, je me permets de vous proposer une démonstration de notre offre. Notre activité : nous éditons un logiciel de paie. ' +
      'Vos coordonnées professionnelles proviennent du salon Solutions RH. Nous pourrons vous adresser à l’avenir des offres, sauf si vous vous y opposez. ' +
      'Pour ne plus recevoir nos messages, répondez STOP.';
    await write(tab, 'p.durand@acme-industrie.fr', 'Démonstration', pitch, 'opt-out');
    await tab.waitForHost('data-message', 'prospecting');
    expect(await tab.attr(host(), 'data-first-contact')).toBe('true');
    await tab.click(sendButton);
    await tab.waitFor(() => (window as any).pgGmail.sent.length === 1);
    // The next message to the same person (written another way) is a follow-up: only the way to object is due.
    await write(tab, 'P.Durand@acme-industrie.fr', 'Suite à mon message', 'Bonjour, je reviens vers vous au sujet de notre offre : une démonstration et nos tarifs vous intéressent-ils ?', 'opt-out');
    await tab.waitForHost('data-message', 'prospecting');
    await tab.waitForHost('data-first-contact', 'false');
    expect(await tab.text(overlay('[data-testid=checklist] .note'))).toMatch(/^Relance : déjà contacté \(premier message le \d{4}-\d{2}-\d{2}\)/);
    expect(await element(tab, 'unsubscribe')).toBe('add');
    expect(await element(tab, 'activity')).toBeNull();
    // And someone never written to is still a first contact.
    const other = await b.open(GMAIL);
    await write(other, 'l.bernard@acme-industrie.fr', 'Démonstration', 'Bonjour, je me permets de vous proposer une démonstration de notre offre et nos tarifs.', 'opt-out');
    await other.waitForHost('data-message', 'prospecting');
    expect(await other.attr(host(), 'data-first-contact')).toBe('true');
  });

  it('a cold pitch to a professional on the suppression list is stopped at Send like an opt-in one (no consent offered), and goes out once after "send anyway"', async () => {
    const who = 'r.petit@acme-industrie.fr';
    const options = await b.openExtensionPage('src/ui/options/index.html');
    const imported = await options.evaluate(async (addr) => {
      const begin = await chrome.runtime.sendMessage({ type: 'suppression.begin' });
      await chrome.runtime.sendMessage({ type: 'suppression.add', id: begin.id, cells: [addr] });
      return chrome.runtime.sendMessage({ type: 'suppression.commit', id: begin.id });
    }, who);
    expect(imported).toMatchObject({ ok: true });
    await options.close();
    try {
      const tab = await b.open(GMAIL);
      await write(tab, who, 'Votre paie simplifiée', PITCH, 'suppressed');
      await tab.waitForHost('data-message', 'prospecting');
      await tab.click(sendButton);
      await tab.waitForHost('data-guard', 'ask');
      expect(await sent(tab)).toEqual([]);
      expect(await tab.text(overlay('[data-testid=guard] li'))).toBe(`${who} — a demandé à ne plus être contacté`);
      // They objected: "I have their consent" is not offered.
      expect(await tab.find(overlay('[data-action="guard-consent"]'))).toBeNull();
      await tab.click(overlay('[data-action="guard-send"]'));
      await tab.waitFor(() => (window as any).pgGmail.sent.length > 0);
      await new Promise((r) => setTimeout(r, 300));
      expect(await sent(tab)).toEqual([{ to: [who], subject: 'Votre paie simplifiée', via: 'click' }]);
    } finally {
      const page = await b.openExtensionPage('src/ui/options/index.html');
      await page.evaluate(() => chrome.runtime.sendMessage({ type: 'suppression.clear' }));
      await page.close();
    }
  });

  it('turned off in the options page, the guard lets a cold pitch to a private address go at the first click; turned on, it stops it again', async () => {
    const toggle = '[data-testid="send-guard"]';
    const checked = (p: Tab) => p.evaluate((css) => (document.querySelector(css) as HTMLInputElement | null)?.checked ?? null, toggle);
    const stored = () => b.background(async () => ((await chrome.storage.local.get('settings')).settings as { sendGuard?: boolean }).sendGuard ?? true);
    const options = await b.openExtensionPage('src/ui/options/index.html');
    try {
      await options.waitFor((css) => !!document.querySelector(css), toggle, { timeout: 15000 });
      expect(await checked(options)).toBe(true);
      await options.click(toggle);
      await options.waitFor((css) => (document.querySelector(css) as HTMLInputElement).checked === false, toggle);
      await expect.poll(stored).toBe(false); // the write may land after the checkbox shows it

      const tab = await b.open(GMAIL);
      await write(tab, 'prospect.off@gmail.com', 'Offre', PITCH, 'opt-in');
      await tab.waitForHost('data-message', 'prospecting');
      await tab.click(sendButton);
      // Sent at the first click (the page's own handler ran with the user's click: nothing was stopped or re-pressed).
      await tab.waitFor(() => (window as any).pgGmail.sent.length > 0);
      expect(await sent(tab)).toEqual([{ to: ['prospect.off@gmail.com'], subject: 'Offre', via: 'click' }]);

      await options.front();
      await options.click(toggle);
      await options.waitFor((css) => (document.querySelector(css) as HTMLInputElement).checked === true, toggle);
      await expect.poll(stored).toBe(true); // the write may land after the checkbox shows it
      await tab.front();
      await write(tab, 'prospect.on@gmail.com', 'Offre', PITCH, 'opt-in');
      await tab.waitForHost('data-message', 'prospecting');
      await tab.click(sendButton);
      await tab.waitForHost('data-guard', 'ask');
      expect((await sent(tab)).length).toBe(1);
      await tab.click(overlay('[data-action="guard-cancel"]'));
    } finally {
      await reset(b);
    }
  });

  for (const step of ['before', 'after'] as const) {
    it(`an error thrown inside the guard (${step} it stops the event) lets the send through exactly once`, async () => {
      const tab = await b.open(GMAIL);
      await tab.evaluate((s) => document.documentElement.setAttribute('data-pg-test-guard-throw', s), step);
      await write(tab, `prospect.${step}@gmail.com`, 'Offre', PITCH, 'opt-in');
      await tab.waitForHost('data-message', 'prospecting');
      await tab.click(sendButton);
      await tab.waitFor(() => (window as any).pgGmail.sent.length > 0);
      await new Promise((r) => setTimeout(r, 300));
      expect((await sent(tab)).length).toBe(1);
      if (step === 'after') {
        // The compose is gone: the page itself says that the check did not run.
        await tab.waitFor(() => !!document.querySelector('[data-prospect-guard-notice]'));
        const text = await tab.on({ css: '[data-prospect-guard-notice]' }, (h: HTMLElement) => h.shadowRoot?.textContent ?? '');
        expect(text).toMatch(/vérification avant l’envoi n’a pas pu se faire/);
      }
    });
  }
});

/** The same guard on a webmail no adapter knows (the generic adapter, after "enable on this site"): site-agnostic. */
const WEBMAIL = 'https://webmail.exemple-pme.fr';
describe.each(BROWSERS)('confirm before send on an enabled webmail (generic adapter) [%s]', (name) => {
  const b: Session = useBrowser(
    name,
    { extension: buildWithHosts(name, [`${WEBMAIL}/*`], `.tmp/e2e-guard-webmail-${name}`), routes: [[`${WEBMAIL}/`, 'e2e/pages/webmail.html']] },
    async (s) => {
      await s.background((x) => chrome.storage.local.set(x), SETTINGS);
      const page = await s.openExtensionPage('src/ui/options/index.html');
      const res = await page.evaluate((o) => chrome.runtime.sendMessage({ type: 'enableSite', origin: o }), WEBMAIL);
      if (!(res as { ok?: boolean })?.ok) throw new Error(`enableSite: ${JSON.stringify(res)}`);
      await page.close();
    },
  );
  const envois = (tab: Tab) => tab.evaluate(() => (window as unknown as { pgWebmail: { envois: unknown[] } }).pgWebmail.envois.length);

  it('a cold pitch to a private address is stopped at "Envoyer" (a form submit button) and goes out once after "send anyway"', async () => {
    const tab = await b.open(`${WEBMAIL}/`);
    await tab.waitForVerdict('none', { timeout: 10000 });
    await tab.typeInto('[data-champ=principal] input', 'prospect.webmail@gmail.com');
    await tab.press('Enter');
    await tab.waitForVerdict('opt-in');
    await tab.typeInto('input.objet', 'Offre');
    await tab.typeInto('.zone-texte', PITCH);
    await tab.waitForHost('data-message', 'prospecting');
    await tab.click('button.btn-principal');
    await tab.waitForHost('data-guard', 'ask');
    expect(await envois(tab)).toBe(0);
    await tab.click(overlay('[data-action="guard-send"]'));
    await tab.waitFor(() => (window as any).pgWebmail.envois.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await envois(tab)).toBe(1);
  });

  it('a reply stays quiet and its submit goes through at once', async () => {
    const tab = await b.open(`${WEBMAIL}/`);
    await tab.waitForVerdict('none', { timeout: 10000 });
    await tab.typeInto('[data-champ=principal] input', 'client.webmail@gmail.com');
    await tab.press('Enter');
    await tab.waitForVerdict('opt-in');
    await tab.typeInto('input.objet', 'RE: Votre facture');
    await tab.typeInto('.zone-texte', 'Bonjour, vous trouverez ci-joint la facture de novembre, comme convenu.');
    await tab.waitForHost('data-message', 'ordinary');
    await tab.click('button.btn-principal');
    await tab.waitFor(() => (window as any).pgWebmail.envois.length === 1);
  });
});
