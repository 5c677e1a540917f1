/**
 * LinkedIn in each browser: the built extension (test build) on the LinkedIn fixture pages served at LinkedIn's real
 * URLs (e2e/linkedin/build.ts: src/sites/fixtures/linkedin/*.html with the page's own React model), in the legacy light
 * DOM and inside `#interop-outlet`'s open shadow root.
 *   npm run build:test && npx vitest run -c e2e/vitest.config.ts e2e/linkedin.e2e.ts
 *
 * What each Insert must leave: the text in LinkedIn's own model (React state, `__liModel`) line for line as the editor
 * shows it, a Send button that React enabled from that state, nothing sent (LinkedIn's "Press Enter to send": nothing
 * we do presses Enter), and, once the user clicks Send, exactly what was shown sent.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, host, overlay, useBrowser, type Session, type Tab, type Target } from './harness';
import { linkedinPage, type Fixture, type Mode } from './linkedin/build';

const LI = 'https://www.linkedin.com';
const MODES: Mode[] = ['light', 'shadow'];
/** Each composer at the URL LinkedIn shows it on; `?layout=shadow` serves the shadow-root layout of the same page. */
const URLS: Record<Fixture, string> = {
  bubble: `${LI}/feed/`,
  messaging: `${LI}/messaging/thread/2-YjE3NzFhZDUtMmU4Zi00/`,
  'new-message': `${LI}/messaging/thread/new/`,
  inmail: `${LI}/sales/lead/ACwAAAB1x2y,NAME_SEARCH,k9Q`,
  note: `${LI}/in/henri-petit/`,
};
const url = (f: Fixture, mode: Mode) => `${URLS[f]}?layout=${mode}`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The note dialog opened from a buyer's profile: the same page with a professional headline. */
const BUYER_NOTE = `${LI}/in/paul-girard/`;
const RETIRED = 'Retraité de l’Éducation nationale, passionné d’histoire locale';

const FIXTURES = Object.keys(URLS) as Fixture[];
const ROUTES: Array<[RegExp, { html: string }]> = [];
for (const mode of MODES) {
  for (const f of FIXTURES) ROUTES.push([new RegExp(`^${escape(url(f, mode))}$`), { html: await linkedinPage(f, mode) }]);
  const buyer = (await linkedinPage('note', mode)).replaceAll('Henri Petit', 'Paul Girard').replace(RETIRED, 'Head of Procurement chez Schneider Electric');
  ROUTES.push([new RegExp(`^${escape(`${BUYER_NOTE}?layout=${mode}`)}$`), { html: buyer }]);
}

// The introduction is offered once the sender's activity is set; its contact source defaults to LinkedIn here.
const SETTINGS = {
  settings: {
    ownDomains: [],
    jurisdiction: 'FR',
    intro: { company: 'Exemple PME', activity: 'nous éditons un logiciel de paie pour les PME' },
    enabledSites: [],
  },
};
const reset = (b: Session) => b.background((s) => chrome.storage.local.clear().then(() => chrome.storage.local.set(s)), SETTINGS);

/** Where the composers (and so our overlays) are: the page, or #interop-outlet's shadow root. */
const scope = (mode: Mode): Target | undefined => (mode === 'shadow' ? { css: '#interop-outlet', shadow: true } : undefined);
const pg = (mode: Mode, nth = 0): Target => host(nth, scope(mode));
const inPg = (mode: Mode, css: string, nth = 0): Target => overlay(css, pg(mode, nth));
const inPage = (mode: Mode, css: string, nth = 0): Target => ({ css, nth, within: scope(mode) });

/** The verdict of every overlay host, in the page and in the outlet's shadow root (runs in the page). */
const verdictsIn = (): Array<string | null> =>
  [document, document.querySelector('#interop-outlet')?.shadowRoot]
    .filter((r): r is Document | ShadowRoot => !!r)
    .flatMap((r) => Array.from(r.querySelectorAll('[data-prospect-guard]')).map((h) => h.getAttribute('data-verdict')));

async function waitVerdicts(tab: Tab, want: string[]): Promise<void> {
  await tab
    .waitFor(
      (w) =>
        [document, document.querySelector('#interop-outlet')?.shadowRoot]
          .filter((r): r is Document | ShadowRoot => !!r)
          .flatMap((r) => Array.from(r.querySelectorAll('[data-prospect-guard]')).map((h) => h.getAttribute('data-verdict')))
          .join() === (w as string[]).join(),
      want,
      { timeout: 10000 },
    )
    .catch(async () => {
      throw new Error(`verdicts ${JSON.stringify(await tab.evaluate(verdictsIn))}, wanted ${want.join()} in ${tab.browser}`);
    });
}

async function open(b: Session, f: Fixture | string, mode: Mode): Promise<Tab> {
  const tab = await b.open(f in URLS ? url(f as Fixture, mode) : `${f}?layout=${mode}`);
  await tab.waitFor(() => (window as unknown as { __liReady?: boolean }).__liReady === true);
  return tab;
}

const model = (tab: Tab, i: number) => tab.evaluate((n) => (window as unknown as { __liModel(i: number): string[] }).__liModel(n), i);
const sent = (tab: Tab) => tab.evaluate(() => (window as unknown as { __liSent: Array<{ i: number; text: string; shown: string }> }).__liSent);
/**
 * What the user's Send click sent, once it went: the confirm before send may hold the click for one answer of the
 * worker (a message changed since its last analysis) and then press Send itself.
 */
async function sentAfterClick(tab: Tab) {
  await tab.waitFor(() => (window as unknown as { __liSent: unknown[] }).__liSent.length > 0, undefined, { timeout: 10000 });
  await tab.sleep(200);
  return sent(tab);
}
/** Lines as compared: trimmed, NBSPs as spaces, no blank ones (LinkedIn's editor keeps an empty paragraph as "\n"). */
const norm = (lines: string[]) => lines.map((l) => l.replace(/\u00a0/g, ' ').trim()).filter(Boolean);

async function details(tab: Tab, mode: Mode, nth = 0) {
  const toggle = inPg(mode, 'button[data-action="toggle"]', nth);
  if ((await tab.attr(toggle, 'aria-expanded')) !== 'true') await tab.click(toggle);
}

/** Clicks Insert (a real click) and waits for the overlay's feedback. */
async function insert(tab: Tab, mode: Mode, nth = 0): Promise<string> {
  await tab.click(inPg(mode, 'button[data-action="insert"]', nth));
  const feedback = inPg(mode, '[data-testid="insert-feedback"]', nth);
  const end = Date.now() + 10000;
  for (;;) {
    const t = (await tab.text(feedback).catch(() => '')).trim();
    if (t) return t;
    if (Date.now() > end) throw new Error(`no insertion feedback in ${tab.browser}`);
    await tab.sleep(25);
  }
}

/** Each message composer: the fixture, which composer of the page is the professional, its editor and Send button. */
const MESSAGE: Array<{ f: Fixture; nth: number; name: string }> = [
  { f: 'bubble', nth: 1, name: 'Marc' },
  { f: 'messaging', nth: 0, name: 'Marc' },
  { f: 'new-message', nth: 0, name: 'Sophie' },
];

describe.each(BROWSERS)('LinkedIn [%s]', (name) => {
  const b = useBrowser(name, { routes: ROUTES }, reset);

  it('two bubbles in the light DOM: the student opt-in, "Head of Procurement chez …" opt-out with its headline and the LinkedIn introduction', async () => {
    const tab = await open(b, 'bubble', 'light');
    await waitVerdicts(tab, ['opt-in', 'opt-out']);
    await details(tab, 'light', 1);
    const shown = (await tab.text(inPg('light', '#pg-details', 1))).replace(/\s+/g, ' ');
    expect(shown).toContain('Head of Procurement chez Schneider Electric');
    expect(shown).toContain('Le message doit porter sur ce rôle.');
    expect(await tab.text(inPg('light', '[data-testid="intro"]', 1))).toContain('LinkedIn');
    // The student's overlay offers no introduction: consent comes first.
    expect(await tab.find(inPg('light', 'button[data-action="insert"]', 0))).toBeNull();
  });

  it('a retired member inside the shadow root (the invitation note on their profile) is opt-in', async () => {
    const tab = await open(b, 'note', 'shadow');
    await waitVerdicts(tab, ['opt-in']);
    expect(await tab.count('[data-prospect-guard]')).toBe(0); // the overlay lives in the outlet's shadow root, beside the note
    await details(tab, 'shadow');
    expect((await tab.text(inPg('shadow', '#pg-details'))).replace(/\s+/g, ' ')).toContain('Henri Petit');
  });

  for (const mode of MODES) {
    for (const { f, nth, name: who } of MESSAGE) {
      it(`${f} (${mode} DOM): the text typed is kept, Insert puts the introduction into LinkedIn's model, Send is enabled by it, nothing is sent until Send`, async () => {
        const tab = await open(b, f, mode);
        await waitVerdicts(tab, f === 'bubble' ? ['opt-in', 'opt-out'] : ['opt-out']);
        const editor = inPage(mode, '.msg-form__contenteditable', nth);
        const send = inPage(mode, 'button.msg-form__send-button', nth);
        expect(await tab.on(send, (el: HTMLButtonElement) => el.disabled)).toBe(true);
        // The user's own greeting first (real key presses), then a click on Insert: the editor loses the focus, and in
        // the shadow layout re-creates its nodes when it gets it back.
        await tab.typeInto(editor, `Bonjour ${who},`);
        await tab.waitFor((i) => (window as unknown as { __liModel(i: number): string[] }).__liModel(i as number).join('').length > 0, nth);
        expect(await insert(tab, mode, nth)).toMatch(/insérée/i);
        const intro = (await tab.text(inPg(mode, '[data-testid="intro"]', nth)).catch(() => '')) || '';
        await tab.waitFor(
          ([i, css, m]) => {
            const root = m === 'shadow' ? document.querySelector('#interop-outlet')!.shadowRoot! : document;
            const btn = root.querySelectorAll<HTMLButtonElement>(css as string)[i as number];
            return !!btn && !btn.disabled;
          },
          [nth, 'button.msg-form__send-button', mode] as const,
        );
        const shownLines = norm(await tab.lines(editor));
        const modelLines = norm(await model(tab, nth));
        // What LinkedIn holds is what the editor shows, line for line: the greeting, then the introduction.
        expect(modelLines).toEqual(shownLines);
        expect(modelLines[0]).toBe(`Bonjour ${who},`);
        expect(modelLines.length).toBeGreaterThan(2);
        expect(modelLines.join(' ')).toContain('LinkedIn');
        if (intro) expect(modelLines.join(' ')).toContain(norm(intro.split('\n'))[0]!);
        // Nothing pressed Enter: nothing was sent, and the other bubble was left alone.
        expect(await sent(tab)).toEqual([]);
        if (f === 'bubble') expect(norm(await model(tab, 0))).toEqual([]);
        // The user sends: what was shown is what goes.
        await tab.click(send);
        const out = await sentAfterClick(tab);
        expect(out).toHaveLength(1);
        expect(norm(out[0]!.text.split('\n'))).toEqual(shownLines);
        expect(norm(out[0]!.shown.split('\n'))).toEqual(shownLines);
      });
    }

    it(`messaging (${mode} DOM): one Ctrl+Z takes the introduction out, in the editor and in LinkedIn's model`, async () => {
      const tab = await open(b, 'messaging', mode);
      await waitVerdicts(tab, ['opt-out']);
      const editor = inPage(mode, '.msg-form__contenteditable');
      await tab.typeInto(editor, 'Bonjour Marc,');
      expect(await insert(tab, mode)).toMatch(/insérée/i);
      await tab.waitFor((i) => (window as unknown as { __liModel(i: number): string[] }).__liModel(i as number).length > 2, 0);
      await tab.press('Control+z');
      await tab.waitFor(
        () => (window as unknown as { __liModel(i: number): string[] }).__liModel(0).map((l) => l.trim()).filter(Boolean).join('|') === 'Bonjour Marc,',
      );
      expect(norm(await tab.lines(editor))).toEqual(['Bonjour Marc,']);
      expect(await sent(tab)).toEqual([]);
    });

    it(`Sales Navigator InMail (${mode} DOM): opt-out from the lead's lockup; Insert goes through React's textarea, Send is enabled once the subject is typed`, async () => {
      const tab = await open(b, 'inmail', mode);
      await waitVerdicts(tab, ['opt-out']);
      const body = inPage(mode, 'textarea.compose-form__message-field');
      await tab.typeInto(body, 'Bonjour Claire,');
      expect(await insert(tab, mode)).toMatch(/insérée/i);
      const value = (await tab.text(body)).split('\n');
      const modelLines = await model(tab, 0);
      expect(modelLines).toEqual(value.join('\n').replace(/\n$/, '').split('\n'));
      expect(modelLines[0]).toBe('Bonjour Claire,');
      expect(norm(modelLines).join(' ')).toContain('LinkedIn');
      // Send needs a subject too (LinkedIn's rule): typed by the user, then React enables it from its own state.
      await tab.typeInto(inPage(mode, 'input.compose-form__subject-field'), 'Paie des PME');
      await tab.waitFor(
        (m) => {
          const root = m === 'shadow' ? document.querySelector('#interop-outlet')!.shadowRoot! : document;
          return root.querySelector<HTMLButtonElement>('.compose-form__actions button')?.disabled === false;
        },
        mode,
      );
      expect(await sent(tab)).toEqual([]);
      await tab.click(inPage(mode, '.compose-form__actions button'));
      const out = await sentAfterClick(tab);
      expect(out).toHaveLength(1);
      expect(out[0]!.text).toBe(out[0]!.shown);
      expect(out[0]!.text.split('\n')[0]).toBe('Bonjour Claire,');
    });

    it(`the invitation note (${mode} DOM): for a buyer, the short variant fits the 200 characters with its count; Insert fills the note in React's state`, async () => {
      const tab = await open(b, BUYER_NOTE, mode);
      await waitVerdicts(tab, ['opt-out']);
      await details(tab, mode);
      const shown = (await tab.text(inPg(mode, '[data-testid="intro"]'))).trim();
      expect(shown.length).toBeGreaterThan(40);
      expect(shown.length).toBeLessThanOrEqual(200);
      expect((await tab.text(inPg(mode, '[data-testid="note-count"]'))).trim()).toBe(
        `Version courte pour la note : ${shown.length} caractères ; il en restera ${200 - shown.length} sur 200.`,
      );
      const field = inPage(mode, 'textarea#custom-message');
      expect(await insert(tab, mode)).toMatch(/insérée/i);
      expect(await tab.text(field)).toBe(shown);
      expect((await model(tab, 0)).join('\n')).toBe(shown);
      // LinkedIn's own count, from React's state.
      const counter = inPage(mode, '.artdeco-modal__content [aria-live]');
      expect((await tab.text(counter)).trim()).toBe(`${shown.length}/200`);
      expect(await tab.on(inPage(mode, '.artdeco-modal__actionbar .artdeco-button--primary'), (el: HTMLButtonElement) => el.disabled)).toBe(false);
      expect(await sent(tab)).toEqual([]);
    });

    it(`the invitation note (${mode} DOM): after the user's own words the variant inserted fits what is left; with no room left, Insert is refused and said so`, async () => {
      const tab = await open(b, BUYER_NOTE, mode);
      await waitVerdicts(tab, ['opt-out']);
      const field = inPage(mode, 'textarea#custom-message');
      const mine = 'Bonjour Paul, ravi de vous avoir croisé à Lyon.';
      await tab.typeInto(field, mine);
      expect(await insert(tab, mode)).toMatch(/insérée/i);
      const value = await tab.text(field);
      expect(value.startsWith(mine)).toBe(true);
      expect(value.length).toBeGreaterThan(mine.length + 40);
      expect(value.length).toBeLessThanOrEqual(200);
      expect((await model(tab, 0)).join('\n')).toBe(value);
      expect(await sent(tab)).toEqual([]);

      // Another note where the user's words leave too little room (no variant is that short).
      const other = await open(b, BUYER_NOTE, mode);
      await waitVerdicts(other, ['opt-out']);
      await other.typeInto(inPage(mode, 'textarea#custom-message'), `${mine} Nous nous sommes croisés au salon des achats la semaine dernière.`);
      await details(other, mode); // the click leaves the field: the overlay counts again
      await other.waitFor(
        (m) => {
          const root = m === 'shadow' ? document.querySelector('#interop-outlet')!.shadowRoot! : document;
          const h = root.querySelector('[data-prospect-guard]')?.shadowRoot;
          return !!h?.querySelector('[data-testid="note-count"]')?.textContent?.startsWith('Plus assez de place');
        },
        mode,
      );
      expect(await other.on(inPg(mode, 'button[data-action="insert"]'), (el: HTMLButtonElement) => el.disabled)).toBe(true);
    });
  }
});
