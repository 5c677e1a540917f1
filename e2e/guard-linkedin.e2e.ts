/**
 * Confirm before send on LinkedIn, in each browser: the LinkedIn fixture pages (e2e/linkedin/build.ts, the page's own
 * React model) served at LinkedIn's real URLs, in the light DOM and inside `#interop-outlet`'s open shadow root. The
 * recipients are members judged from their headline (a student: opt-in; "Head of Procurement chez …": professional);
 * what goes out is counted by the page's own send handler (`window.__liSent`). Nothing here presses Enter in an editor
 * (LinkedIn's "Press Enter to send").
 *   npm run build:test && npx vitest run -c e2e/vitest.config.ts e2e/guard-linkedin.e2e.ts
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, host, overlay, useBrowser, type Session, type Tab, type Target } from './harness';
import { linkedinPage, type Mode } from './linkedin/build';

const LI = 'https://www.linkedin.com';
const MODES: Mode[] = ['light', 'shadow'];
const FEED = `${LI}/feed/`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ROUTES: Array<[RegExp, { html: string }]> = [];
/** The invitation note, opened on a retired member's profile (opt-in). */
const NOTE = `${LI}/in/henri-petit/`;
for (const mode of MODES) {
  ROUTES.push([new RegExp(`^${escape(`${FEED}?layout=${mode}`)}$`), { html: await linkedinPage('bubble', mode) }]);
  ROUTES.push([new RegExp(`^${escape(`${NOTE}?layout=${mode}`)}$`), { html: await linkedinPage('note', mode) }]);
}

const SETTINGS = {
  settings: {
    ownDomains: [],
    jurisdiction: 'FR',
    intro: { company: 'Exemple PME', activity: 'nous éditons un logiciel de paie pour les PME' },
    enabledSites: [],
  },
};
const reset = (b: Session) => b.background((s) => chrome.storage.local.clear().then(() => chrome.storage.local.set(s)), SETTINGS);

/** The two bubbles of the feed page: Léa Martin, a student (opt-in), and Marc Leroy, Head of Procurement (opt-out). */
const STUDENT = 0;
const BUYER = 1;
const STUDENT_KEY = 'linkedin:in/lea-martin-8b2c1';
const PITCH = 'Bonjour, je me permets de vous contacter pour vous présenter notre offre : une démonstration gratuite et un tarif préférentiel ce mois-ci.';

const scope = (mode: Mode): Target | undefined => (mode === 'shadow' ? { css: '#interop-outlet', shadow: true } : undefined);
const pg = (mode: Mode, nth: number): Target => host(nth, scope(mode));
const inPg = (mode: Mode, css: string, nth: number): Target => overlay(css, pg(mode, nth));
const inPage = (mode: Mode, css: string, nth: number): Target => ({ css, nth, within: scope(mode) });
const editor = (mode: Mode, nth: number) => inPage(mode, '.msg-form__contenteditable', nth);
const sendButton = (mode: Mode, nth: number) => inPage(mode, 'button.msg-form__send-button', nth);

type Sent = Array<{ i: number; text: string; shown: string }>;
const sent = (tab: Tab): Promise<Sent> => tab.evaluate(() => (window as unknown as { __liSent: Sent }).__liSent.slice());

/** The nth overlay host's attribute, in the page or in the outlet's shadow root (runs in the page). */
function hostAttrIn([mode, nth, name]: readonly [string, number, string]): string | null {
  const root = mode === 'shadow' ? document.querySelector('#interop-outlet')?.shadowRoot : document;
  return root?.querySelectorAll('[data-prospect-guard]')[nth]?.getAttribute(name) ?? null;
}

async function hostAttr(tab: Tab, mode: Mode, nth: number, name: string, value: string, timeout = 10000) {
  await tab
    .waitFor(
      ([m, n, a, v]) => {
        const root = m === 'shadow' ? document.querySelector('#interop-outlet')?.shadowRoot : document;
        return root?.querySelectorAll('[data-prospect-guard]')[n as number]?.getAttribute(a as string) === v;
      },
      [mode, nth, name, value] as const,
      { timeout },
    )
    .catch(async () => {
      throw new Error(`${name} of host ${nth} never ${value} in ${tab.browser} (now ${await tab.evaluate(hostAttrIn, [mode, nth, name] as const)})`);
    });
}

async function open(b: Session, mode: Mode): Promise<Tab> {
  const tab = await b.open(`${FEED}?layout=${mode}`);
  await tab.waitFor(() => (window as unknown as { __liReady?: boolean }).__liReady === true);
  await hostAttr(tab, mode, STUDENT, 'data-verdict', 'opt-in');
  await hostAttr(tab, mode, BUYER, 'data-verdict', 'opt-out');
  return tab;
}

/** Types `text` into a bubble's editor with real keys (no Enter) and waits until LinkedIn's Send is enabled and the checklist judged it. */
async function write(tab: Tab, mode: Mode, nth: number, text: string, message: 'prospecting' | 'ordinary') {
  await tab.typeInto(editor(mode, nth), text);
  await tab.waitFor(
    ([m, i]) => {
      const root = m === 'shadow' ? document.querySelector('#interop-outlet')!.shadowRoot! : document;
      return root.querySelectorAll<HTMLButtonElement>('button.msg-form__send-button')[i as number]?.disabled === false;
    },
    [mode, nth] as const,
  );
  await hostAttr(tab, mode, nth, 'data-message', message);
}

/** Waits until the page's own handler has sent `n` messages, then a little longer: nothing more goes out. */
async function sentExactly(tab: Tab, n: number): Promise<Sent> {
  await tab.waitFor((k) => (window as unknown as { __liSent: Sent }).__liSent.length >= (k as number), n, { timeout: 10000 });
  await tab.sleep(300);
  const out = await sent(tab);
  expect(out).toHaveLength(n);
  return out;
}

describe.each(BROWSERS)('confirm before send on LinkedIn [%s]', (name) => {
  const b = useBrowser(name, { routes: ROUTES }, reset);

  for (const mode of MODES) {
    it(`a cold pitch to a student (${mode} DOM) is stopped at LinkedIn's Send click, names the member, and goes out exactly once after "send anyway"`, async () => {
      const tab = await open(b, mode);
      await write(tab, mode, STUDENT, PITCH, 'prospecting');
      await tab.click(sendButton(mode, STUDENT));
      await hostAttr(tab, mode, STUDENT, 'data-guard', 'ask');
      expect(await sent(tab)).toEqual([]);
      // The member by their name, not their key; the other bubble's overlay is untouched.
      expect(await tab.text(inPg(mode, '[data-testid=guard] .addr', STUDENT))).toBe('Léa Martin');
      expect(await tab.evaluate(hostAttrIn, [mode, BUYER, 'data-guard'] as const)).toBe('');
      // A second click while we ask sends nothing.
      await tab.click(sendButton(mode, STUDENT));
      expect(await sent(tab)).toEqual([]);
      await tab.click(inPg(mode, '[data-action="guard-send"]', STUDENT));
      const out = await sentExactly(tab, 1);
      expect(out[0]).toMatchObject({ i: STUDENT, text: PITCH });
      await hostAttr(tab, mode, STUDENT, 'data-guard', '');
    });
  }

  it('cancel sends nothing and keeps the draft; "I have their consent" records it for the member\'s key and sends once', async () => {
    const mode: Mode = 'shadow';
    const tab = await open(b, mode);
    await write(tab, mode, STUDENT, PITCH, 'prospecting');
    await tab.click(sendButton(mode, STUDENT));
    await hostAttr(tab, mode, STUDENT, 'data-guard', 'ask');
    await tab.click(inPg(mode, '[data-action="guard-cancel"]', STUDENT));
    await hostAttr(tab, mode, STUDENT, 'data-guard', '');
    await tab.sleep(300);
    expect(await sent(tab)).toEqual([]);
    expect(await tab.evaluate(() => (window as unknown as { __liModel(i: number): string[] }).__liModel(0))).toEqual([PITCH]);
    await tab.click(sendButton(mode, STUDENT));
    await hostAttr(tab, mode, STUDENT, 'data-guard', 'ask');
    await tab.click(inPg(mode, '[data-action="guard-consent"]', STUDENT));
    const out = await sentExactly(tab, 1);
    expect(out[0]).toMatchObject({ i: STUDENT, text: PITCH });
    const consents = (await b.background(async () => (await chrome.storage.local.get('consents')).consents)) as Record<string, { method: string; date: string }>;
    expect(consents[STUDENT_KEY]).toMatchObject({ method: 'at-send', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // With the consent recorded, the next pitch to her goes at the first click.
    await write(tab, mode, STUDENT, PITCH, 'prospecting');
    await tab.click(sendButton(mode, STUDENT));
    await sentExactly(tab, 2);
    await reset(b);
  });

  it('the same pitch to a professional member goes at the first click, and the next one to them is a follow-up (history by member key)', async () => {
    const mode: Mode = 'light';
    const tab = await open(b, mode);
    await write(tab, mode, BUYER, PITCH, 'prospecting');
    await tab.click(sendButton(mode, BUYER));
    const out = await sentExactly(tab, 1);
    expect(out[0]).toMatchObject({ i: BUYER, text: PITCH });
    expect(await tab.evaluate(hostAttrIn, [mode, BUYER, 'data-guard'] as const)).toBe('');
    await write(tab, mode, BUYER, 'Bonjour, je reviens vers vous au sujet de notre offre : une démonstration et nos tarifs vous intéressent-ils ?', 'prospecting');
    await hostAttr(tab, mode, BUYER, 'data-first-contact', 'false');
  });

  it('a reply-like message to the student is not stopped', async () => {
    const mode: Mode = 'shadow';
    const tab = await open(b, mode);
    const reply = 'Merci Léa pour votre message, je vous envoie le document comme convenu. Bonne journée !';
    await write(tab, mode, STUDENT, reply, 'ordinary');
    await tab.click(sendButton(mode, STUDENT));
    const out = await sentExactly(tab, 1);
    expect(out[0]).toMatchObject({ i: STUDENT, text: reply });
  });

  it('the invitation note to a retired member (shadow DOM): a pitch is stopped at the dialog\'s Send and goes once after "send anyway"', async () => {
    const mode: Mode = 'shadow';
    const tab = await b.open(`${NOTE}?layout=${mode}`);
    await tab.waitFor(() => (window as unknown as { __liReady?: boolean }).__liReady === true);
    await hostAttr(tab, mode, 0, 'data-verdict', 'opt-in');
    const note = 'Bonjour, je me permets de vous contacter pour vous présenter notre offre : une démonstration gratuite ce mois-ci.';
    await tab.typeInto(inPage(mode, 'textarea#custom-message', 0), note);
    await hostAttr(tab, mode, 0, 'data-message', 'prospecting');
    const sendNote = inPage(mode, '.artdeco-modal__actionbar .artdeco-button--primary', 0);
    await tab.click(sendNote);
    await hostAttr(tab, mode, 0, 'data-guard', 'ask');
    expect(await sent(tab)).toEqual([]);
    expect(await tab.text(inPg(mode, '[data-testid=guard] .addr', 0))).toBe('Henri Petit');
    await tab.click(inPg(mode, '[data-action="guard-send"]', 0));
    const out = await sentExactly(tab, 1);
    expect(out[0]).toMatchObject({ text: note, shown: note });
  });

  for (const step of ['before', 'after'] as const) {
    it(`an error thrown inside the guard (${step} it stops the click) lets the pitch to the student through exactly once`, async () => {
      const mode: Mode = 'shadow';
      const tab = await open(b, mode);
      await tab.evaluate((s) => document.documentElement.setAttribute('data-pg-test-guard-throw', s), step);
      await write(tab, mode, STUDENT, PITCH, 'prospecting');
      await tab.click(sendButton(mode, STUDENT));
      await sentExactly(tab, 1);
      if (step === 'after') {
        await tab.waitFor(() => !!document.querySelector('[data-prospect-guard-notice]'));
        const text = await tab.on({ css: '[data-prospect-guard-notice]' }, (h: HTMLElement) => h.shadowRoot?.textContent ?? '');
        expect(text).toMatch(/vérification avant l’envoi n’a pas pu se faire/);
      }
    });
  }
});
