/**
 * Each webmail's site file in a real browser (Chromium and Firefox), through the built extension: the site's fixture
 * page with its real editor (e2e/webmails/page.ts) served at the webmail's real URL. On a public host the manifest's
 * own content script for that site runs (content/<site>.js); on a company's own domain (Outlook Web App, Zimbra,
 * OX App Suite) the user enables the domain through the real popup, which names the webmail it recognised by its
 * page markers, and the worker registers that site's content script there. Then: a private recipient → opt-in, a
 * corporate one → opt-out, Insert puts the introduction into the editor's own model, one Ctrl+Z undoes it.
 * The live Roundcube runs through its site file in e2e/roundcube.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, buildWithHosts, host, overlay, useBrowser, type Session, type Tab, type Target } from './harness';
import { webmailPage, type WebmailPage } from './webmails/page';

const FRENCH = {
  settings: { ownDomains: [], jurisdiction: 'FR', intro: { activity: 'nous aménageons des bureaux pour les PME', contactSource: 'votre site internet' }, enabledSites: [] },
};

interface Case {
  /** The site file expected to read the page. */
  site: string;
  page: WebmailPage;
  url: string;
  /** What the popup calls it (French UI); present for a company's own domain, enabled through the popup. */
  enableAs?: string;
  /**
   * A company's own domain enabled from the options page (no tab to look at): the generic content script starts there,
   * asks the worker to look at its page, and the worker switches the domain to the site file it recognises.
   */
  enableFromOptions?: boolean;
  /** Extra <head> markup (a self-hosted product's page markers). */
  head?: string;
  /** The editor body. */
  body: Target;
  /** Where the user clicks to write (default: the body); Proton's body is in a frame without scripts: its frame. */
  click?: Target;
  /** Whether the body's DOM lines can be read from the test (not in Proton's script-less frame: its model only). */
  domLines?: boolean;
  /**
   * A subject field the fixture fills with a follow-up ("Suite à notre appel", which the message checks rightly take
   * for no first contact): the user replaces it with a cold subject before writing.
   */
  subject?: string;
}

const CASES: Case[] = [
  { site: 'outlook', page: 'outlook', url: 'https://outlook.live.com/mail/0/', body: '#editorParent_1 [role=textbox]' },
  {
    site: 'outlook',
    page: 'outlook',
    url: 'https://owa.exemple-pme.fr/owa/',
    enableAs: 'Outlook sur le web',
    // Briskine outlook.js isActive(): OWA's pages name their owamail resources (no request made for a <meta>).
    head: '<meta name="owa-resources" content="https://res.cdn.office.net/owamail/20261120001/">',
    body: '#editorParent_1 [role=textbox]',
  },
  { site: 'yahoo', page: 'yahoo', url: 'https://mail.yahoo.com/d/compose/', body: '[data-test-id="rte"]' },
  {
    site: 'proton',
    page: 'proton',
    url: 'https://mail.proton.me/u/0/inbox',
    body: 'iframe[data-testid="rooster-iframe"]',
    click: 'iframe[data-testid="rooster-iframe"]',
    domLines: false,
  },
  { site: 'ox', page: 'ox', url: 'https://mail.orange.fr/appsuite/', body: { css: 'body#tinymce', frame: '.editor iframe' } },
  {
    site: 'ox',
    page: 'ox',
    url: 'https://webmail.exemple-pme.fr/appsuite/',
    enableAs: 'Orange Mail / OX App Suite',
    body: { css: 'body#tinymce', frame: '.editor iframe' },
  },
  {
    site: 'zimbra',
    page: 'zimbra',
    url: 'https://zimbra.exemple-pme.fr/',
    enableAs: 'Zimbra',
    body: { css: 'body#tinymce', frame: '#ZmHtmlEditor1_body_ifr' },
    subject: 'input[id$="_subject_control"]',
  },
  {
    site: 'zimbra',
    page: 'zimbra',
    url: 'https://mail.autre-pme.fr/',
    enableFromOptions: true,
    body: { css: 'body#tinymce', frame: '#ZmHtmlEditor1_body_ifr' },
    subject: 'input[id$="_subject_control"]',
  },
];

const SELF_HOSTED = [...new Set(CASES.filter((c) => c.enableAs || c.enableFromOptions).map((c) => `${new URL(c.url).origin}/*`))];

/** The content script files registered for an origin ("content/<site>.js"). */
const registeredFor = async (b: Session, origin: string) => {
  const scripts = await b.background(() => chrome.scripting.getRegisteredContentScripts());
  const mine = scripts.find((s) => s.matches?.includes(`${origin}/*`));
  return (mine?.js ?? []).map((f) => f.replace(/^.*?(content\/)/, '$1'));
};
const PAGES = new Map<Case, string>();
for (const c of CASES) PAGES.set(c, await webmailPage(c.page, c.head));

const PITCH = 'Je me permets de vous contacter pour vous présenter notre offre : une démonstration gratuite ce mois-ci.';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const model = (tab: Tab) => tab.evaluate(() => window.__editorModel().join('\n'));

describe.each(BROWSERS)('webmail site files in the browser [%s]', (name) => {
  const b: Session = useBrowser(
    name,
    {
      // The test build with the company domains pre-granted (the user's "yes" to the permission prompt).
      extension: buildWithHosts(name, SELF_HOSTED, `.tmp/e2e-webmails-${name}`),
      routes: CASES.map((c) => [c.url, { html: PAGES.get(c)! }] as [string, { html: string }]),
    },
    async (s) => {
      await s.background((x) => chrome.storage.local.set(x), FRENCH);
    },
  );

  for (const c of CASES) {
    const how = c.enableAs ? 'enabled through the popup, which names it; ' : c.enableFromOptions ? 'enabled from the options page, recognised from its page; ' : '';
    it(`${c.site} at ${new URL(c.url).host}: ${how}opt-in, opt-out, Insert, Ctrl+Z`, async () => {
      const origin = new URL(c.url).origin;
      if (c.enableFromOptions) {
        // The options page's "add a site" sends this message (src/ui/options/backend.ts), without a tab.
        const options = await b.openExtensionPage('src/ui/options/index.html');
        expect(await options.evaluate((o) => chrome.runtime.sendMessage({ type: 'enableSite', origin: o }), origin)).toEqual({ ok: true });
        await options.close();
        expect(await registeredFor(b, origin)).toEqual(['content/generic.js']);
      }
      let tab = await b.open(c.url);
      await tab.waitFor(() => window.__editorReady === true, undefined, { timeout: 15000 });
      if (c.enableAs) {
        const popup = await b.enableSiteThroughPopup(tab);
        expect(popup.before).toContain(`Webmail : ${c.enableAs}`);
        expect(popup.before).toContain('Activer sur ce site');
        expect(await registeredFor(b, origin)).toEqual([`content/${c.site}.js`]);
      }
      if (c.enableFromOptions) {
        // The generic script asked; the worker recognised the page and registered the site's own file there.
        await expect.poll(() => registeredFor(b, origin), { timeout: 15000 }).toEqual([`content/${c.site}.js`]);
        const settings = (await b.background(() => chrome.storage.local.get('settings'))) as { settings: { siteFiles: Record<string, string> } };
        expect(settings.settings.siteFiles[origin]).toBe(c.site);
        // From the next load on, only that file runs there.
        await tab.close();
        tab = await b.open(c.url);
        await tab.waitFor(() => window.__editorReady === true, undefined, { timeout: 15000 });
      }
      await tab.waitFor(() => document.querySelectorAll('[data-prospect-guard]').length === 1, undefined, { timeout: 15000 });
      expect(await tab.recipients()).toBe('0');

      // A private address (a consumer mailbox) → consent needed.
      await tab.evaluate(() => window.__addRecipient('to', 'Claire Bernard', 'claire.bernard@gmail.com'));
      await tab.waitForVerdict('opt-in', { timeout: 10000 });
      expect(await tab.recipients()).toBe('1');
      // Replaced by a professional at a company address → allowed unless they object.
      await tab.evaluate(() => {
        window.__clearRecipients();
        window.__addRecipient('to', 'Jean Dupont', 'jean.dupont@acme-industrie.fr');
      });
      await tab.waitForVerdict('opt-out', { timeout: 10000 });
      expect(await tab.recipients()).toBe('1');

      // The user writes, then clicks Insert.
      if (c.subject) {
        await tab.click(c.subject);
        await tab.press('Control+a');
        await tab.type('Aménagement de vos bureaux');
      }
      await tab.click(c.click ?? c.body);
      await tab.type('Bonjour Monsieur Dupont,');
      await tab.press('Enter');
      // A prospecting message (an ordinary one, a reply, gets the quiet state and no introduction).
      await tab.type(PITCH);
      await expect.poll(() => model(tab)).toContain(PITCH);
      const lines = () => (c.domLines === false ? Promise.resolve(null) : tab.lines(c.body));
      const before = await lines();
      const modelBefore = await model(tab);
      await expect.poll(async () => !!(await tab.find(overlay('[data-testid="intro"]'))), { timeout: 10000 }).toBe(true);
      const intro = await tab.text(overlay('[data-testid="intro"]'));
      const unsub = await tab.text(overlay('[data-testid="unsubscribe"]'));
      await tab.click(overlay('button[data-action="insert"]'));
      await expect.poll(() => tab.text(overlay('[data-testid="insert-feedback"]'))).toBe('Insérée — Ctrl+Z pour annuler');
      const inserted = squash(await model(tab));
      expect(inserted).toContain(squash(intro));
      expect(inserted).toContain(squash(unsub));
      expect(inserted).toContain('Bonjour Monsieur Dupont,');
      expect(inserted).toContain(PITCH);

      // One Ctrl+Z: back to what the user wrote, line for line.
      await tab.press('Control+z');
      await expect.poll(() => model(tab)).toBe(modelBefore);
      expect(await lines()).toEqual(before);
      expect(squash(await model(tab))).not.toContain(squash(unsub));
      expect(await tab.attr(host(), 'data-verdict')).toBe('opt-out');
      await tab.close();
    });
  }
});
