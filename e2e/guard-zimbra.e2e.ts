/**
 * Confirm before send inside an iframe editor, in each browser: Zimbra's fixture page with the real TinyMCE (its body in
 * an iframe of its own, e2e/webmails/zimbra.ts) on a company's own domain, read by content/zimbra.js. Zimbra sends on
 * Ctrl+Enter, typed in the message too: its HTML editor hands TinyMCE's key events to Zimbra's keyboard manager. The
 * fixture has no Zimbra behind it, so the test gives the page that shortcut (a keydown listener in the editor's own
 * document, as TinyMCE's are) and counts what reaches Zimbra's Send button. Keys typed in the iframe never reach the
 * page's document: the guard must listen in the editor's document as well.
 *   npm run build:test && npx vitest run -c e2e/vitest.config.ts e2e/guard-zimbra.e2e.ts
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, buildWithHosts, host, overlay, useBrowser, type Session, type Tab } from './harness';
import { webmailPage } from './webmails/page';

const ZIMBRA = 'https://zimbra.exemple-pme.fr/';
const ORIGIN = new URL(ZIMBRA).origin;
const PAGE = await webmailPage('zimbra');
const SETTINGS = {
  settings: { ownDomains: [], jurisdiction: 'FR', intro: { activity: 'nous aménageons des bureaux pour les PME', contactSource: 'votre site internet' }, enabledSites: [] },
  consents: {},
};
const FRAME = '#ZmHtmlEditor1_body_ifr';
const BODY = { css: 'body#tinymce', frame: FRAME };
const SEND = '#zb__COMPOSE-1__SEND';
const PITCH = 'Bonjour, je me permets de vous contacter pour vous présenter notre offre : une démonstration gratuite et un tarif préférentiel ce mois-ci.';

interface Counts {
  /** Clicks that reached Zimbra's Send button. */
  sent: number;
  /** Ctrl+Enter presses Zimbra's shortcut saw in the editor. */
  shortcut: number;
}
const counts = (tab: Tab): Promise<Counts> => tab.evaluate(() => ({ ...(window as unknown as { __out: Counts }).__out }));

describe.each(BROWSERS)('confirm before send in an iframe editor (Zimbra, TinyMCE) [%s]', (name) => {
  const b: Session = useBrowser(
    name,
    // The test build with the company's domain pre-granted (the user's "yes" to the permission prompt).
    { extension: buildWithHosts(name, [`${ORIGIN}/*`], `.tmp/e2e-guard-zimbra-${name}`), routes: [[ZIMBRA, { html: PAGE }]] },
    async (s) => {
      await s.background((x) => chrome.storage.local.set(x), SETTINGS);
      // Enabled the way a user does: the popup on the Zimbra tab, which names the webmail it recognised.
      const tab = await s.open(ZIMBRA);
      await tab.waitFor(() => window.__editorReady === true, undefined, { timeout: 15000 });
      const popup = await s.enableSiteThroughPopup(tab);
      expect(popup.before).toContain('Webmail : Zimbra');
      await tab.close();
    },
  );

  /** The compose with one recipient, Zimbra's Send counted and its Ctrl+Enter shortcut in the editor's document. */
  async function open(to: string, verdict: string): Promise<Tab> {
    const tab = await b.open(ZIMBRA);
    await tab.waitFor(() => window.__editorReady === true, undefined, { timeout: 15000 });
    await tab.evaluate((sel) => {
      const [frame, send] = sel as [string, string];
      const out = { sent: 0, shortcut: 0 };
      (window as unknown as { __out: Counts }).__out = out;
      const button = document.querySelector<HTMLElement>(send)!;
      button.addEventListener('click', () => out.sent++);
      const doc = document.querySelector<HTMLIFrameElement>(frame)!.contentDocument!;
      doc.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
        out.shortcut++;
        e.preventDefault();
        button.click();
      });
    }, [FRAME, SEND]);
    await tab.waitFor(() => document.querySelectorAll('[data-prospect-guard]').length === 1, undefined, { timeout: 15000 });
    await tab.evaluate((a) => window.__addRecipient('to', '', a), to);
    await tab.waitForVerdict(verdict, { timeout: 10000 });
    // A cold subject (the fixture's is a follow-up), then the pitch typed into TinyMCE's body.
    await tab.click('input[id$="_subject_control"]');
    await tab.press('Control+a');
    await tab.type('Aménagement de vos bureaux');
    await tab.click(BODY);
    await tab.type(PITCH);
    await tab.waitForHost('data-message', 'prospecting');
    return tab;
  }

  it('Ctrl+Enter typed in the message is stopped before Zimbra sees it; "send anyway" sends exactly once', async () => {
    const tab = await open('prospect.zimbra@orange.fr', 'opt-in');
    await tab.press('Control+Enter');
    await tab.waitForHost('data-guard', 'ask');
    expect(await counts(tab)).toEqual({ sent: 0, shortcut: 0 });
    expect(await tab.text(overlay('[data-testid=guard] .addr'))).toBe('prospect.zimbra@orange.fr');
    await tab.click(overlay('[data-action="guard-send"]'));
    await tab.waitFor(() => (window as unknown as { __out: Counts }).__out.sent >= 1, undefined, { timeout: 10000 });
    await tab.sleep(300);
    expect(await counts(tab)).toEqual({ sent: 1, shortcut: 0 });
  });

  it('"cancel" sends nothing and keeps the text; to a professional, Ctrl+Enter goes to Zimbra at once', async () => {
    const tab = await open('prospect.zimbra2@orange.fr', 'opt-in');
    await tab.press('Control+Enter');
    await tab.waitForHost('data-guard', 'ask');
    await tab.click(overlay('[data-action="guard-cancel"]'));
    await tab.waitForHost('data-guard', '');
    await tab.sleep(300);
    expect(await counts(tab)).toEqual({ sent: 0, shortcut: 0 });
    expect((await tab.evaluate(() => window.__editorModel())).join('\n')).toContain(PITCH);

    const pro = await open('jean.dupont@acme-industrie.fr', 'opt-out');
    await pro.press('Control+Enter');
    await pro.waitFor(() => (window as unknown as { __out: Counts }).__out.sent >= 1, undefined, { timeout: 10000 });
    await pro.sleep(300);
    expect((await counts(pro)).sent).toBe(1);
    expect(await pro.attr(host(), 'data-guard')).toBe('');
  });
});
