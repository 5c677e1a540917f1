/**
 * The GENERIC adapter on a real webmail: Debian's Roundcube (Elastic skin) served on loopback by
 * e2e/roundcube/setup.sh (Apache 127.0.0.1:80, Dovecot 127.0.0.1:143). Nothing is mocked: the extension is a
 * test build that pre-grants http://127.0.0.1/* (standing in for the user's "yes" to the permission prompt),
 * the site is enabled through the real popup ("Activer sur ce site"), and the overlay must read Roundcube's
 * own recipient widget, in the HTML (TinyMCE iframe) editor and in the plain-text textarea.
 *
 *   sudo bash e2e/roundcube/setup.sh            # once per machine (~30 s fresh, <1 s after)
 *   npx vitest run --config e2e/vitest.config.ts e2e/roundcube.e2e.ts
 *
 * Without a reachable Roundcube the file is skipped locally (with a message) and fails in CI (CI=true).
 * RC_URL, RC_USER and RC_PASS override the defaults that setup.sh uses. The test builds the extension itself
 * (PG_TEST_BUILD=1 PG_OUT_DIR=.tmp/e2e-build PG_TEST_HOSTS='http://127.0.0.1/*' node scripts/build.js chrome, ~2 s).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, FrameLocator, Locator, Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchExtension, waitForVerdict, ROOT, type Launched } from './chromium-legacy';

const RC_URL = process.env.RC_URL ?? 'http://127.0.0.1/roundcube/';
const RC_USER = process.env.RC_USER ?? 'prospect';
const RC_PASS = process.env.RC_PASS ?? 'prospect-guard-test';
const ORIGIN = new URL(RC_URL).origin;
/** A private build that pre-grants the Roundcube origin; never dist/. */
const BUILD_DIR = '.tmp/e2e-build';
/** PG_RC_DIST=dir uses an extension already built with PG_TEST_HOSTS (skips the build step). */
const DIST = process.env.PG_RC_DIST ?? `${BUILD_DIR}/chrome`;

/** PG_SHOTS=dir saves screenshots of the compose with the overlay there. */
const SHOTS = process.env.PG_SHOTS ? resolve(ROOT, process.env.PG_SHOTS) : null;

const CONSUMER = 'jean.dupont@orange.fr';
const CORPORATE = 'm.martin@acme-industrie.fr';

/** Fresh settings; the browser runs in French (the harness sets its UI language), so the overlay speaks French. */
// The introduction is only offered once the activity and the contact source are set (rules/intro.ts: nothing unfinished is inserted).
const FRENCH = {
  settings: { ownDomains: [], jurisdiction: 'FR', intro: { activity: 'nous aménageons des bureaux pour les PME', contactSource: 'votre site internet' }, enabledSites: [] },
};

async function roundcubeUp(): Promise<string | null> {
  try {
    const res = await fetch(RC_URL, { signal: AbortSignal.timeout(4000) });
    const html = await res.text();
    if (!res.ok) return `HTTP ${res.status}`;
    if (!html.includes('name="_user"')) return 'the page is not a Roundcube login page';
    return null;
  } catch (e) {
    return e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
  }
}

const down = await roundcubeUp();
const CI = !!process.env.CI;
if (down && !CI) {
  console.warn(
    `[roundcube.e2e] SKIPPED: no Roundcube at ${RC_URL} (${down}). Start it with: sudo bash e2e/roundcube/setup.sh ` +
      '(in CI, with CI set, this file fails instead of skipping).',
  );
}

// In CI (which runs e2e/roundcube/setup.sh first) an unreachable Roundcube is a failure, not a skip.
if (down && CI) {
  describe('Roundcube for the generic-adapter test', () => {
    it('is reachable', () => {
      throw new Error(`Roundcube is not reachable at ${RC_URL} (${down}): run e2e/roundcube/setup.sh as root first`);
    });
  });
}

describe.skipIf(!!down)(`generic adapter on real Roundcube (${RC_URL})`, () => {
  let ext: Launched;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    // The test build: the product's code, with the loopback host pre-granted (vite.config.ts, PG_TEST_HOSTS).
    if (!process.env.PG_RC_DIST) {
      const b = spawnSync(process.execPath, ['scripts/build.js', 'chrome'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, PG_TEST_BUILD: '1', PG_OUT_DIR: BUILD_DIR, PG_TEST_HOSTS: `${ORIGIN}/*` },
      });
      if (b.status !== 0) throw new Error(`test build failed:\n${b.stdout}\n${b.stderr}`);
    }
    if (!existsSync(join(ROOT, DIST, 'manifest.json'))) throw new Error(`no test build at ${DIST}`);
    ext = await launchExtension({ dist: DIST });
    await ext.worker.evaluate((s) => chrome.storage.local.set(s), FRENCH);

    // Log in, then enable the site the way a user does: the toolbar popup's "enable on this site" on the Roundcube tab.
    const inbox = await ext.newPage();
    await login(inbox);
    await enableSiteThroughPopup(ext, inbox);
    await inbox.close();
  }, 90000);

  afterAll(async () => {
    await ext?.close();
  });

  afterEach(async () => {
    await page?.close();
    // Errors thrown into Roundcube's page (ours would show here too).
    expect(pageErrors).toEqual([]);
  });

  it('the popup registered the content script for the Roundcube origin only', async () => {
    const scripts = await ext.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts.map((s) => s.matches)).toEqual([[`${ORIGIN}/*`]]);
    const settings = (await ext.worker.evaluate(() => chrome.storage.local.get('settings'))) as { settings: { enabledSites: string[] } };
    expect(settings.settings.enabledSites).toEqual([ORIGIN]);
  });

  for (const mode of ['html', 'plain'] as const) {
    it(`${mode === 'html' ? 'HTML (TinyMCE iframe)' : 'plain-text (textarea)'} editor: verdicts follow the chips; Insert, then Ctrl+Z`, async () => {
      page = await openCompose(ext, mode);
      pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      const editor = bodyOf(page, mode);

      // The overlay appears for the compose, before any recipient.
      await expect.poll(() => page.locator('[data-prospect-guard]').count(), { timeout: 10000 }).toBe(1);
      const host = page.locator('[data-prospect-guard]');
      expect(await host.getAttribute('data-recipients')).toBe('0');

      // A consumer address, typed and committed with Enter: Roundcube turns it into a chip.
      const to = page.locator('#_to + ul.recipient-input li.input input');
      await to.click();
      await to.pressSequentially(CONSUMER);
      await to.press('Enter');
      const chips = page.locator('#_to + ul.recipient-input li.recipient');
      await expect.poll(() => chips.allTextContents()).toEqual([`${CONSUMER},`]);
      await waitForVerdict(page, 'opt-in', { timeout: 10000 });
      expect(await host.getAttribute('data-recipients')).toBe('1');

      // A corporate address, committed with a comma: two chips, the stricter verdict stays.
      await to.pressSequentially(`Marc Martin <${CORPORATE}>,`);
      await expect.poll(() => chips.count()).toBe(2);
      await expect.poll(() => host.getAttribute('data-recipients')).toBe('2');
      expect(await host.getAttribute('data-verdict')).toBe('opt-in');

      // Remove the private chip with its × : only the corporate one is left → opt-out.
      await chips.filter({ hasText: CONSUMER }).locator('a.remove').click();
      await expect.poll(() => chips.count()).toBe(1);
      await waitForVerdict(page, 'opt-out', { timeout: 10000 });
      expect(await host.getAttribute('data-recipients')).toBe('1');
      expect(await page.locator('#_to').inputValue()).toContain(CORPORATE);
      await shot(page, `roundcube-${mode}-opt-out`);

      // The user writes something, then clicks Insert in the overlay (its open shadow root).
      await editor.click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('Bonjour Monsieur Martin,');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Voici notre proposition : 3 × 12 € « TTC ».');
      const before = await textOf(editor, mode);
      expect(before).toContain('Voici notre proposition');

      const intro = (await host.locator('[data-testid="intro"]').textContent())!;
      const unsub = (await host.locator('[data-testid="unsubscribe"]').textContent())!;
      expect(intro.length).toBeGreaterThan(20);
      expect(unsub.length).toBeGreaterThan(5);
      await host.locator('button[data-action="insert"]').click();
      await expect.poll(() => host.locator('[data-testid="insert-feedback"]').textContent()).toBe('Insérée — Ctrl+Z pour annuler');

      const after = await textOf(editor, mode);
      const flat = squash(after);
      expect(flat).toContain(squash(intro));
      expect(flat).toContain(squash(unsub));
      for (const line of ['Bonjour Monsieur Martin,', 'Voici notre proposition : 3 × 12 € « TTC ».']) expect(after).toContain(line);
      // What Roundcube will send is what its editor holds (TinyMCE's model, or the textarea's value).
      const model = await editorModel(page);
      expect(squash(model)).toContain(squash(intro));
      expect(squash(model)).toContain(squash(unsub));
      await shot(page, `roundcube-${mode}-inserted`);

      await page.keyboard.press('Control+z');
      await expect.poll(() => textOf(editor, mode)).toBe(before);
      expect(squash(await editorModel(page))).not.toContain(squash(unsub));
      expect(pageErrors).toEqual([]);
    });
  }

  it('sends nothing anywhere but to Roundcube on loopback', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const foreign = ext.externalRequests().filter((u) => !u.startsWith(RC_URL));
    expect(foreign).toEqual([]);
    // And the service worker made no network request at all (loading its own chrome-extension:// modules is not one).
    const fromWorker = ext.requests.filter((r) => r.serviceWorker() !== null && /^(https?|wss?):/i.test(r.url()));
    expect(fromWorker.map((r) => r.url())).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------

/** The text Roundcube would send: its editor's content (TinyMCE's model in HTML mode, the textarea in plain mode). */
function editorModel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const rc = (window as unknown as { rcmail: { editor: { get_content(): string } } }).rcmail;
    const content = rc.editor.get_content();
    const html = (document.querySelector('input[name=_is_html]') as HTMLInputElement | null)?.value === '1';
    return html ? (new DOMParser().parseFromString(content, 'text/html').body.textContent ?? '') : content;
  });
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

async function login(page: Page): Promise<void> {
  await page.goto(RC_URL);
  await page.fill('#rcmloginuser', RC_USER);
  await page.fill('#rcmloginpwd', RC_PASS);
  await Promise.all([page.waitForURL(/[?&]_task=mail/, { timeout: 20000 }), page.click('#rcmloginsubmit')]);
  // Let the message list's requests finish: Roundcube keeps compose state in the session, and a compose
  // opened while the list is still loading can lose it to a concurrent session write (error 450).
  await page.waitForLoadState('networkidle');
}

/** Opens Roundcube's compose screen from the mailbox's "Rédiger" button; `plain` switches the editor to plain text. */
async function openCompose(ext: Launched, mode: 'html' | 'plain'): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    const p = await ext.newPage();
    await p.goto(`${RC_URL}?_task=mail&_mbox=INBOX`);
    await p.waitForLoadState('networkidle');
    if (!p.url().includes('_task=mail')) {
      await p.close();
      throw new Error(`not logged in to Roundcube (landed on ${p.url()})`);
    }
    await Promise.all([p.waitForURL(/_action=compose/), p.locator('#layout-menu a.compose').click()]);
    // Either the compose form or Roundcube's error page (rcmail.env.server_error, e.g. 450 "invalid compose ID").
    const outcome = await p
      .waitForFunction(
        () => {
          const env = (window as unknown as { rcmail?: { env?: { server_error?: number } } }).rcmail?.env;
          if (env?.server_error) return `error ${env.server_error}`;
          return document.querySelector('#compose-subject') ? 'ok' : false;
        },
        undefined,
        { timeout: 15000 },
      )
      .then((h) => h.jsonValue())
      .catch((e: unknown) => String(e));
    if (outcome !== 'ok') {
      await p.close();
      if (attempt >= 3) throw new Error(`Roundcube did not show its compose screen (3 tries; last: ${outcome})`);
      console.warn(`[roundcube.e2e] compose screen did not open (try ${attempt}: ${outcome}), retrying`);
      continue;
    }
    // HTML is the configured default (htmleditor=1): wait for TinyMCE, then optionally switch with its own toolbar button.
    await p.frameLocator('#composebody_ifr').locator('body#tinymce').waitFor({ timeout: 15000 });
    if (mode === 'plain') {
      await p.locator('.tox-tinymce button[aria-label="Texte en clair"]').click();
      await p.locator('textarea#composebody').waitFor({ state: 'visible' });
      await expect.poll(() => p.locator('#editor-selector').inputValue()).toBe('plain');
    }
    return p;
  }
}

function bodyOf(page: Page, mode: 'html' | 'plain'): Locator {
  return mode === 'html' ? (page.frameLocator('#composebody_ifr') as FrameLocator).locator('body#tinymce') : page.locator('textarea#composebody');
}

async function textOf(editor: Locator, mode: 'html' | 'plain'): Promise<string> {
  return mode === 'html' ? editor.innerText() : editor.inputValue();
}

/**
 * Opens the toolbar popup on `tab` (chrome.action.openPopup from the worker) and clicks its "enable on this
 * site" button with a real user gesture. Playwright does not list action popups as pages, so this drives the
 * popup target through the browser's DevTools protocol.
 */
async function enableSiteThroughPopup(ext: Launched, tab: Page): Promise<void> {
  await tab.bringToFront();
  await ext.worker.evaluate(() => chrome.action.openPopup());
  const browser = ext.context.browser();
  if (!browser) throw new Error('no browser handle for the DevTools protocol');
  const cdp = await browser.newBrowserCDPSession();
  try {
    let targetId = '';
    await waitUntil(
      async () => {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
        targetId = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(`chrome-extension://${ext.extensionId}/src/ui/popup/`))?.targetId ?? '';
        return targetId !== '';
      },
      'the action popup did not open',
    );
    const popup = await attach(cdp, targetId);
    // The button appears once the popup has asked the worker for the site's status.
    await waitUntil(async () => (await popup.evaluate('!!document.querySelector(\'[data-testid="enable"]\')')) === true, 'no "enable on this site" button in the popup', async () =>
      String(await popup.evaluate('document.body.innerText').catch(() => '?')),
    );
    await popup.evaluate('document.querySelector(\'[data-testid="enable"]\').click()');
    await waitUntil(
      async () => (await ext.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).length === 1,
      'the popup did not register a content script',
      async () => String(await popup.evaluate('document.body.innerText').catch(() => '?')),
    );
    await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Polls `check` every 100 ms (expect.poll only works inside a test, this also runs in beforeAll). */
async function waitUntil(check: () => Promise<boolean>, message: string, detail?: () => Promise<string>, timeout = 10000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`${message}${detail ? `: ${await detail().catch(() => '?')}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A minimal DevTools session on another target (non-flat mode: messages wrapped by the browser session). */
async function attach(cdp: CDPSession, targetId: string) {
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  let next = 0;
  const waiting = new Map<number, (m: { result?: { result?: { value?: unknown }; exceptionDetails?: unknown } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message);
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  return {
    /** Evaluates in the popup as if the user did it (user gesture: permissions.request needs one). */
    async evaluate(expression: string): Promise<unknown> {
      const id = ++next;
      const reply = new Promise<{ result?: { result?: { value?: unknown }; exceptionDetails?: unknown } }>((r) => waiting.set(id, r));
      const method = 'Runtime.evaluate';
      const params = { expression, awaitPromise: true, userGesture: true, returnByValue: true };
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      const m = await reply;
      if (m.result?.exceptionDetails) throw new Error(`popup: ${JSON.stringify(m.result.exceptionDetails)}`);
      return m.result?.result?.value;
    },
  };
}
