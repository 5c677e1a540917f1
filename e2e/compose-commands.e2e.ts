/**
 * What the extension asks a compose tab, in each browser: the popup's "what does the compose show" and the keyboard
 * command's "insert the introduction" (the worker relays the command to the tab; a headless browser cannot press a
 * browser-level shortcut, so the test sends the tab the same message the worker sends).
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, useBrowser, type Session, type Tab } from './harness';

const GMAIL = 'https://mail.google.com/mail/u/0/';

async function tabIdOf(b: Session): Promise<number> {
  return b.background(async () => (await chrome.tabs.query({ url: 'https://mail.google.com/*' }))[0]!.id!);
}
async function toTab<T>(b: Session, msg: unknown): Promise<T> {
  const id = await tabIdOf(b);
  return b.background(async ([tabId, m]) => chrome.tabs.sendMessage(tabId as number, m), [id, msg] as const) as Promise<T>;
}
async function addRecipient(tab: Tab, address: string) {
  await tab.typeInto({ css: 'input[role=combobox]', within: '#pg-popups > .nH' }, address);
  await tab.press('Enter');
}

describe.each(BROWSERS)('compose status and the insert command [%s]', (name) => {
  const b = useBrowser(name, { routes: [['https://mail.google.com/', 'e2e/pages/gmail.html']] });

  it('tells the popup what the compose shows, and inserts the introduction into the focused compose', async () => {
    const options = await b.openExtensionPage('src/ui/options/index.html');
    const saved = await options.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'saveSettings',
        patch: { intro: { senderName: 'Marie Martin', company: 'Exemple PME', activity: 'le mobilier de bureau', contactSource: 'le salon Bureaux Expo 2026', unsubscribe: 'https://exemple-pme.fr/stop' } },
      }),
    );
    expect(saved).toMatchObject({ ok: true });
    await options.close();

    const gmail = await b.open(`${GMAIL}?compose=new`);
    await gmail.waitForVerdict('none');
    expect(await toTab(b, { type: 'composeStatus' })).toEqual({ verdict: 'none', recipients: 0, suppressed: 0, others: 0 });
    await addRecipient(gmail, 'claire.martin@acme-industrie.fr');
    await gmail.waitForVerdict('opt-out');
    expect(await toTab(b, { type: 'composeStatus' })).toEqual({ verdict: 'opt-out', recipients: 1, suppressed: 0, others: 0 });

    await gmail.click({ css: '[g_editable=true]', within: '#pg-popups > .nH' });
    await gmail.press('Control+Home');
    await gmail.type('Bonjour,');
    await gmail.front();
    expect(await toTab(b, { type: 'insertIntroduction' })).toMatchObject({ ok: true });
    const body = await gmail.text({ css: '[g_editable=true]', within: '#pg-popups > .nH' });
    expect(body).toContain('Bonjour,');
    expect(body).toContain('Exemple PME');
    expect(body).toContain('https://exemple-pme.fr/stop');
  });
});
