/**
 * Confirm before send on Outlook on the web, in each browser: Outlook's fixture page with its real roosterjs editor
 * (e2e/webmails/page.ts) at outlook.live.com, read by content/outlook.js. The fixture has no send handler of its own:
 * the page's stand-in counts each click that reaches Outlook's Send button (the primary half of the split button) and
 * each press of its menu half, which must never be taken for Send.
 *   npm run build:test && npx vitest run -c e2e/vitest.config.ts e2e/guard-outlook.e2e.ts
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, host, overlay, useBrowser, type Session, type Tab } from './harness';
import { webmailPage } from './webmails/page';

const OUTLOOK = 'https://outlook.live.com/mail/0/';
const PAGE = await webmailPage('outlook');
const SETTINGS = {
  settings: { ownDomains: [], jurisdiction: 'FR', intro: { activity: 'nous aménageons des bureaux pour les PME', contactSource: 'votre site internet' }, enabledSites: [] },
  consents: {},
};
const reset = (b: Session) => b.background((s) => chrome.storage.local.clear().then(() => chrome.storage.local.set(s)), SETTINGS);

const body = '#editorParent_1 [role=textbox]';
const send = 'button.fui-SplitButton__primaryActionButton[name=Send]';
const PITCH = 'Bonjour, je me permets de vous contacter pour vous présenter notre offre : une démonstration gratuite et un tarif préférentiel ce mois-ci.';

interface Counts {
  sent: number;
  menu: number;
}
const counts = (tab: Tab): Promise<Counts> => tab.evaluate(() => ({ ...(window as unknown as { __out: Counts }).__out }));

/** The page, its send stand-in (listeners on the buttons themselves, after ours at the document), one recipient. */
async function open(b: Session, to: string, verdict: string): Promise<Tab> {
  const tab = await b.open(OUTLOOK);
  await tab.waitFor(() => window.__editorReady === true, undefined, { timeout: 15000 });
  await tab.evaluate(() => {
    const out = { sent: 0, menu: 0 };
    (window as unknown as { __out: Counts }).__out = out;
    document.querySelector('button.fui-SplitButton__primaryActionButton')!.addEventListener('click', () => out.sent++);
    document.querySelector('button.fui-SplitButton__menuButton')!.addEventListener('click', () => out.menu++);
  });
  await tab.waitFor(() => document.querySelectorAll('[data-prospect-guard]').length === 1, undefined, { timeout: 15000 });
  await tab.evaluate((a) => window.__addRecipient('to', '', a), to);
  await tab.waitForVerdict(verdict, { timeout: 10000 });
  return tab;
}

/** A new message: what the fixture's body holds (a reply's quote) goes, through the editor (Ctrl+A, Delete), then `text`. */
async function writeNew(tab: Tab, text: string) {
  await tab.click(body);
  await tab.press('Control+a');
  await tab.press('Delete');
  await tab.type(text);
}

async function sentExactly(tab: Tab, n: number) {
  await tab.waitFor((k) => (window as unknown as { __out: Counts }).__out.sent >= (k as number), n, { timeout: 10000 });
  await tab.sleep(300);
  expect(await counts(tab)).toEqual({ sent: n, menu: 0 });
}

describe.each(BROWSERS)('confirm before send on Outlook [%s]', (name) => {
  const b = useBrowser(name, { routes: [[OUTLOOK, { html: PAGE }]] }, reset);

  it('a cold pitch to a private address is stopped at the Send click, and goes out exactly once after "send anyway" (never through the menu half)', async () => {
    const tab = await open(b, 'prospect.outlook@gmail.com', 'opt-in');
    await writeNew(tab, PITCH);
    await tab.waitForHost('data-message', 'prospecting');
    await tab.click(send);
    await tab.waitForHost('data-guard', 'ask');
    expect(await counts(tab)).toEqual({ sent: 0, menu: 0 });
    expect(await tab.text(overlay('[data-testid=guard] .addr'))).toBe('prospect.outlook@gmail.com');
    await tab.click(overlay('[data-action="guard-send"]'));
    await sentExactly(tab, 1);
  });

  it('Ctrl+Enter in the body is stopped too; "cancel" sends nothing and keeps the text', async () => {
    const tab = await open(b, 'prospect.outlook2@gmail.com', 'opt-in');
    await writeNew(tab, PITCH);
    await tab.waitForHost('data-message', 'prospecting');
    await tab.press('Control+Enter');
    await tab.waitForHost('data-guard', 'ask');
    await tab.click(overlay('[data-action="guard-cancel"]'));
    await tab.waitForHost('data-guard', '');
    await tab.sleep(300);
    expect(await counts(tab)).toEqual({ sent: 0, menu: 0 });
    expect((await tab.evaluate(() => window.__editorModel())).join('\n')).toContain(PITCH);
  });

  it('the same pitch to a professional goes at the first click', async () => {
    const tab = await open(b, 'jean.dupont@acme-industrie.fr', 'opt-out');
    await writeNew(tab, PITCH);
    await tab.waitForHost('data-message', 'prospecting');
    await tab.click(send);
    await sentExactly(tab, 1);
    expect(await tab.attr(host(), 'data-guard')).toBe('');
  });

  it('a reply (the fixture\'s quoted message kept) to a private address is not stopped', async () => {
    const tab = await open(b, 'jean.dupont@gmail.com', 'opt-in');
    await tab.click(body);
    await tab.press('Control+Home');
    await tab.type('Voici la présentation demandée, comme convenu. ');
    await tab.waitForHost('data-message', 'ordinary');
    await tab.click(send);
    await sentExactly(tab, 1);
  });
});
