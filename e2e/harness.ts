/**
 * One browser-test harness for Chromium (Debian's `chromium`, driven by Playwright) and Firefox (Debian's
 * `firefox-esr`, driven by puppeteer-core over WebDriver BiDi). Tests are written once and run per browser:
 *
 *   describe.each(BROWSERS)('overlay on Gmail [%s]', (name) => {
 *     const b = useBrowser(name, { routes: [[GMAIL_ORIGIN, 'e2e/pages/gmail.html']] });
 *     it('…', async () => {
 *       const tab = await b.open(GMAIL);
 *       await tab.click('#pg-compose-button');
 *       await tab.waitForVerdict('none');
 *     });
 *   });
 *
 * BROWSERS is `chromium,firefox`, or what PG_BROWSERS says (`PG_BROWSERS=firefox npx vitest run -c e2e/vitest.config.ts`).
 *
 * ## Session (one browser, one launch per test file and browser)
 * - `useBrowser(name, opts)` — registers beforeAll (launch, install the extension, serve `opts.routes`), afterAll
 *   (close) and afterEach (closes the test's tabs; fails on any page error and any request that left the browser).
 *   `opts.extension`: a built extension folder (default `dist-test/<chrome|firefox>`) or `false` for a bare browser
 *   (tests that inject a bundle, e2e/bundle.ts); `opts.locale` (`fr-FR` default, `en-US`); `opts.allow`: origins
 *   whose requests really go out (the live Roundcube on loopback) and are not counted as external.
 * - `launch(name, opts)` — the same without the vitest hooks (the demo); `session.close()` ends it.
 * - `b.route(prefixOrRegExp, file | { html })` — serves a file at every document URL that matches (a real site URL);
 *   other matching requests are aborted. Requests that match no route and no `allow` are aborted too, and recorded.
 * - `b.open(url)` → Tab; `b.openExtensionPage(path, { background })` → Tab on the extension's own page
 *   (`chrome-extension://…` / `moz-extension://…`); `b.extensionId`, `b.extensionOrigin`.
 * - `b.background(fn, arg)` — runs `fn(arg)` with the extension's APIs (`chrome.*`): in Chromium inside the
 *   service worker; in Firefox in an extension page of the add-on (BiDi cannot evaluate inside the event page;
 *   storage, scripting, permissions and tabs are the same there, and `browser.runtime.getBackgroundPage()` gives
 *   the event page's own globals).
 * - `b.enableSiteThroughPopup(tab)` — opens the toolbar popup for `tab` and clicks "Activer sur ce site" with a real
 *   click (Chromium: `action.openPopup()` and the popup target over CDP; Firefox: the popup page in a background tab
 *   behind the site's tab, which is what it sees as the active tab). The popup asks the host permission itself.
 *   Resolves with the popup's text before the click and after (`{ before, after }`: the webmail it named).
 * - `b.externalRequests()` — requests that left (or tried to leave) the browser since the last `takeExternalRequests()`:
 *   Chromium: every request the context saw that was not a routed document nor `allow`ed. Firefox: the page's
 *   requests through interception, plus everything that reached the local proxy (an ephemeral port that records and
 *   refuses every request): the event page's requests and Firefox's own. `b.takeExternalRequests()` returns and
 *   clears them (tests that make a request on purpose).
 * - `b.requests()` — every URL recorded (routed documents included); `b.pageErrors()` — errors thrown in pages.
 * - `b.version()` — the browser's name and version ("Chromium 156.0.8078.114", "Firefox 153.8.0esr").
 *
 * ## Tab (one page)
 * A target is a CSS selector string, or `{ css, nth?, within?, frame? }` (`within`: a target to search inside;
 * `frame`: the selector of a same-origin iframe whose document holds it), or `overlay(css, nth?)` for an element
 * inside the nth overlay host's (open, test build) shadow root, or `host(nth?)` for the host itself.
 * - `tab.click(target)` — a real mouse click (trusted events) at the element's centre.
 * - `tab.type(text)` — real key presses into the focused element; `tab.press('Control+z')` — a key or chord;
 *   `tab.typeInto(target, text)` — click, then type; `tab.fill(target, text)` — focus, select its text, type.
 * - `tab.verdict(nth)`, `tab.recipients(nth)` — `data-verdict` / `data-recipients` of the nth `[data-prospect-guard]`;
 *   `tab.waitForVerdict(verdict, { nth, timeout })`; `tab.waitForHost(name, value, { timeout })` — the overlay host's
 *   test attribute (`data-guard`, `data-message` …) reaches a value.
 * - `tab.text(target)` — an editor's text: `value` of a textarea/input, `innerText` otherwise; `tab.lines(target)` —
 *   its lines as a reader sees them, blank ones kept (line structure; innerText doubles empty `<div><br></div>`);
 *   `tab.html(target)`;
 *   `tab.count(selector)`; `tab.visible(target)`; `tab.attr(target, name)`.
 * - `tab.evaluate(fn, arg)`, `tab.waitFor(fn, arg, { timeout })` — in the page's main world (polls every 25 ms).
 * - `tab.addScript(code)`, `tab.reload()`, `tab.front()`, `tab.screenshot(path)`, `tab.close()`, `tab.raw` (the
 *   Playwright or puppeteer page, for what no helper covers).
 */
import { chromium, type Browser as PwBrowser, type BrowserContext, type Page as PwPage, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage, type HTTPRequest } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

export type BrowserName = 'chromium' | 'firefox';
const ALL: BrowserName[] = ['chromium', 'firefox'];
/** The browsers the tests run in: both, or PG_BROWSERS (comma-separated). */
export const BROWSERS: BrowserName[] = (process.env.PG_BROWSERS ?? ALL.join(','))
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is BrowserName => (ALL as string[]).includes(s));

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_LOCALES = process.env.CHROMIUM_LOCALES ?? '/usr/lib/chromium/locales';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIR = process.env.FIREFOX_DIR ?? '/usr/lib/firefox-esr';
export const INSTALL_HINT: Record<BrowserName, string> = {
  chromium: 'sudo apt-get install -y chromium chromium-l10n',
  firefox: 'sudo apt-get install -y firefox-esr firefox-esr-l10n-fr',
};
export const LABEL: Record<BrowserName, string> = { chromium: 'Chromium', firefox: 'Firefox' };
/** The add-on id Firefox knows the extension by (vite.config.ts, browser_specific_settings). */
const GECKO_ID = 'prospect-guard@prospect-guard.eu';

/** Why `name` cannot run here (with the command that installs it), or null. */
export function browserMissingMessage(name: BrowserName): string | null {
  if (name === 'chromium') {
    if (!existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM}. Install Debian's packages: ${INSTALL_HINT.chromium} (or set CHROMIUM_PATH).`;
    if (!existsSync(join(CHROMIUM_LOCALES, 'fr.pak'))) return `Chromium's French locale is missing (${CHROMIUM_LOCALES}/fr.pak). Install: ${INSTALL_HINT.chromium}`;
    return null;
  }
  if (!existsSync(FIREFOX)) return `Firefox ESR not found at ${FIREFOX}. Install Debian's packages: ${INSTALL_HINT.firefox} (or set FIREFOX_PATH).`;
  if (!firefoxHasFrench()) return `Firefox's French language pack is missing (under ${FIREFOX_DIR}). Install: ${INSTALL_HINT.firefox}`;
  return null;
}

function firefoxHasFrench(): boolean {
  // Debian's firefox-esr-l10n-fr installs the language pack as a distribution add-on.
  for (const dir of [join(FIREFOX_DIR, 'browser/extensions'), join(FIREFOX_DIR, 'distribution/extensions'), '/usr/share/firefox-esr/browser/extensions']) {
    if (existsSync(join(dir, 'langpack-fr@firefox-esr.mozilla.org.xpi')) || existsSync(join(dir, 'langpack-fr@firefox.mozilla.org.xpi'))) return true;
  }
  return false;
}

/** @deprecated-free alias kept for scripts that only need Chromium. */
export function chromiumMissingMessage(): string | null {
  return browserMissingMessage('chromium');
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const VIEWPORT = { width: 1280, height: 860 };

export interface LaunchOptions {
  /** Built extension folder (relative to the project), or false for none. Default dist-test/<chrome|firefox>. */
  extension?: string | false;
  headless?: boolean;
  locale?: string;
  /** Origins (e.g. http://127.0.0.1) whose requests go through for real and are not external. */
  allow?: string[];
  /**
   * Resources the fixture page itself references (a saved page's images on the site's CDN): aborted like every
   * unrouted request, but not counted as requests that left the browser.
   */
  pageResources?: (url: string) => boolean;
  /** [URL prefix or RegExp, file or { html }] served as documents. */
  routes?: Array<[string | RegExp, string | { html: string }]>;
}

export type Target = string | { css: string; nth?: number; within?: Target; frame?: string; shadow?: boolean };
/** The nth overlay host (`[data-prospect-guard]`), optionally inside `within`. */
export const host = (nth = 0, within?: Target): Target => ({ css: '[data-prospect-guard]', nth, within });
/** An element inside the nth overlay host's shadow root. */
export const overlay = (css: string, nth: number | Target = 0): Target => ({
  css,
  within: { ...(typeof nth === 'number' ? (host(nth) as object) : (nth as object)), shadow: true } as Target,
});

interface Step {
  css: string;
  nth: number;
  shadow: boolean;
}
/** Flattens a target into the chain the page walks (outermost first) and the iframe it lives in. */
function steps(t: Target): { frame?: string; chain: Step[] } {
  if (typeof t === 'string') return { chain: [{ css: t, nth: 0, shadow: false }] };
  const outer = t.within ? steps(t.within) : { chain: [] as Step[] };
  return { frame: t.frame ?? outer.frame, chain: [...outer.chain, { css: t.css, nth: t.nth ?? 0, shadow: !!t.shadow }] };
}
/** Runs in the page: resolves a chain to an element (or null). */
function resolveChain(chain: Step[]): Element | null {
  let root: ParentNode = document;
  let el: Element | null = null;
  for (const s of chain) {
    el = root.querySelectorAll(s.css)[s.nth] ?? null;
    if (!el) return null;
    root = s.shadow ? (el.shadowRoot as ParentNode) : el;
    if (!root) return null;
  }
  return el;
}

type AnyPage = PwPage | PpPage;
type Frameish = { evaluate: (...a: any[]) => Promise<any>; evaluateHandle: (...a: any[]) => Promise<any> };

export class Tab {
  readonly errors: string[] = [];
  constructor(
    readonly browser: BrowserName,
    readonly raw: AnyPage,
    private readonly session: Session,
  ) {
    (raw as PwPage).on('pageerror', (e: Error) => {
      this.errors.push(String(e));
      session.errors.push(String(e));
    });
  }

  private async frameOf(frameSel?: string): Promise<Frameish> {
    if (!frameSel) return this.raw.mainFrame() as unknown as Frameish;
    const el = await (this.raw as PwPage).$(frameSel);
    const f = el ? await (el as any).contentFrame() : null;
    if (!f) throw new Error(`no iframe ${frameSel}`);
    return f as Frameish;
  }

  /** An element handle for a target, or null when absent. */
  async find(t: Target) {
    const { frame, chain } = steps(t);
    const f = await this.frameOf(frame);
    const h = await f.evaluateHandle(resolveChain, chain);
    const el = h.asElement();
    if (!el) await h.dispose().catch(() => undefined);
    return el as (import('playwright-core').ElementHandle & import('puppeteer-core').ElementHandle) | null;
  }

  /** An element handle for a target (throws when absent). */
  async handle(t: Target) {
    const el = await this.find(t);
    if (!el) throw new Error(`no element for ${JSON.stringify(t)} in ${this.browser}`);
    return el;
  }

  /** Evaluates `fn(element, arg)` on a target; null when the element is absent. */
  async on<T, A = undefined>(t: Target, fn: (el: any, arg: A) => T, arg?: A): Promise<T | null> {
    const el = await this.find(t);
    if (!el) return null;
    try {
      return (await (el as any).evaluate(fn, arg)) as T;
    } finally {
      await el.dispose().catch(() => undefined);
    }
  }

  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return (this.raw as any).evaluate(fn, arg);
  }

  async waitFor<A>(fn: (arg: A) => unknown, arg?: A, opts: { timeout?: number } = {}): Promise<void> {
    const timeout = opts.timeout ?? 5000;
    if (this.browser === 'chromium') await (this.raw as PwPage).waitForFunction(fn as any, arg, { timeout, polling: 25 });
    else await (this.raw as PpPage).waitForFunction(fn as any, { timeout, polling: 25 }, arg);
  }

  async click(t: Target): Promise<void> {
    const el = await this.handle(t);
    await (el as any).click();
  }

  type(text: string): Promise<void> {
    return (this.raw as any).keyboard.type(text);
  }

  /** A key or a chord: 'Enter', 'Control+z', 'Control+Home'. */
  async press(chord: string): Promise<void> {
    const keys = chord.split('+');
    const last = keys.pop()!;
    const kb = (this.raw as any).keyboard;
    for (const k of keys) await kb.down(k);
    await kb.press(last);
    for (const k of keys.reverse()) await kb.up(k);
  }

  async typeInto(t: Target, text: string): Promise<void> {
    await this.click(t);
    await this.type(text);
  }

  /** Focuses the field, selects what it holds, types `text` over it (real key presses). */
  async fill(t: Target, text: string): Promise<void> {
    await this.click(t);
    await this.on(t, (el: HTMLInputElement) => {
      el.focus();
      if (typeof el.select === 'function') el.select();
    });
    if (text) await this.type(text);
    else await this.press('Delete');
  }

  text(t: Target): Promise<string> {
    return this.on(t, (el: HTMLElement) =>
      el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : el.innerText,
    ).then((v) => {
      if (v === null) throw new Error(`no element for ${JSON.stringify(t)}`);
      return v;
    });
  }

  /**
   * The editor's lines as a reader sees them, blank ones kept, trimmed, NBSPs as spaces: a textarea's value split
   * at newlines; in HTML a <br> ends a line (an empty one too) and a block's edge ends a line that has text
   * (innerText would count an empty <div><br></div> as two blank lines).
   */
  lines(t: Target): Promise<string[]> {
    return this.on(t, (root: HTMLElement) => {
      if (root instanceof HTMLTextAreaElement || root instanceof HTMLInputElement) return root.value.split('\n');
      const out: string[] = [];
      let cur = '';
      let open = false;
      const blocks = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TBODY|TD|TH|THEAD|TR|UL)$/;
      const walk = (n: Node): void => {
        for (const c of Array.from(n.childNodes)) {
          if (c.nodeType === 3) {
            if (/\S/.test(c.nodeValue ?? '') || open) {
              cur += c.nodeValue;
              open = true;
            }
          } else if (c.nodeType === 1) {
            const tag = (c as Element).tagName;
            if (tag === 'BR') {
              out.push(cur);
              cur = '';
              open = false;
            } else if (blocks.test(tag)) {
              if (open) out.push(cur);
              cur = '';
              open = false;
              walk(c);
              if (open) out.push(cur);
              cur = '';
              open = false;
            } else walk(c);
          }
        }
      };
      walk(root);
      if (open) out.push(cur);
      return out;
    }).then((v) => {
      if (v === null) throw new Error(`no element for ${JSON.stringify(t)}`);
      return v.map((l) => l.replace(/\u00a0/g, ' ').trim());
    });
  }

  html(t: Target): Promise<string> {
    return this.on(t, (el: Element) => el.innerHTML).then((v) => v ?? '');
  }

  attr(t: Target, name: string): Promise<string | null> {
    return this.on(t, (el: Element, n: string) => el.getAttribute(n), name);
  }

  /** Whether the element exists and takes room on screen. */
  async visible(t: Target): Promise<boolean> {
    return !!(await this.on(t, (el: HTMLElement) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    }));
  }

  count(css: string): Promise<number> {
    return this.evaluate((c) => document.querySelectorAll(c).length, css);
  }

  verdict(nth = 0): Promise<string | null> {
    return this.attr(host(nth), 'data-verdict');
  }

  recipients(nth = 0): Promise<string | null> {
    return this.attr(host(nth), 'data-recipients');
  }

  /** Waits until the nth overlay host has `verdict`; returns the elapsed ms. */
  async waitForVerdict(verdict: string, opts: { nth?: number; timeout?: number } = {}): Promise<number> {
    const t0 = Date.now();
    await this.waitFor(
      ([v, n]) => document.querySelectorAll('[data-prospect-guard]')[n as number]?.getAttribute('data-verdict') === v,
      [verdict, opts.nth ?? 0] as const,
      { timeout: opts.timeout ?? 5000 },
    ).catch(async (e: unknown) => {
      const now = await this.verdict(opts.nth ?? 0).catch(() => '?');
      throw new Error(`no verdict ${verdict} (now ${now}) in ${this.browser}: ${e instanceof Error ? e.message : e}`);
    });
    return Date.now() - t0;
  }

  /** Waits until the first overlay host's test attribute `name` (data-guard, data-message …) is `value`. */
  async waitForHost(name: string, value: string, opts: { timeout?: number } = {}): Promise<void> {
    await this.waitFor(([n, v]) => document.querySelector('[data-prospect-guard]')?.getAttribute(n as string) === v, [name, value] as const, {
      timeout: opts.timeout ?? 10000,
    }).catch(async () => {
      throw new Error(`${name} never ${value} in ${this.browser} (now ${await this.attr(host(), name)})`);
    });
  }

  async goto(url: string): Promise<void> {
    await (this.raw as any).goto(url);
  }

  url(): string {
    return (this.raw as any).url();
  }

  /** Waits until the tab's URL matches, then until its document has loaded. */
  async waitForUrl(re: RegExp, opts: { timeout?: number } = {}): Promise<void> {
    const end = Date.now() + (opts.timeout ?? 15000);
    while (!re.test(this.url())) {
      if (Date.now() > end) throw new Error(`URL ${this.url()} never matched ${re} in ${this.browser}`);
      await this.sleep(50);
    }
    await waitUntil(async () => (await this.evaluate(() => document.readyState)) === 'complete', `${this.url()} did not finish loading`);
  }

  /** Waits until no request has been in flight for half a second. */
  async networkIdle(): Promise<void> {
    if (this.browser === 'chromium') await (this.raw as PwPage).waitForLoadState('networkidle');
    else await (this.raw as PpPage).waitForNetworkIdle({ idleTime: 500, timeout: 30000 });
  }

  async addScript(content: string): Promise<void> {
    await (this.raw as any).addScriptTag({ content });
  }

  async reload(): Promise<void> {
    await (this.raw as any).reload();
  }

  async front(): Promise<void> {
    await (this.raw as any).bringToFront();
  }

  async screenshot(path: string): Promise<void> {
    await (this.raw as any).screenshot({ path });
  }

  async sleep(ms: number): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
  }

  async close(): Promise<void> {
    this.session.tabs.delete(this);
    await (this.raw as any).close().catch(() => undefined);
  }
}

interface Route {
  test: (url: string) => boolean;
  body: Buffer;
  type: string;
}

function matcher(p: string | RegExp): (url: string) => boolean {
  return typeof p === 'string' ? (u) => u.startsWith(p) : (u) => p.test(u);
}

function stripHash(u: string): string {
  const i = u.indexOf('#');
  return i < 0 ? u : u.slice(0, i);
}

const NETWORK = /^(https?|wss?):/i;

export class Session {
  readonly errors: string[] = [];
  readonly tabs = new Set<Tab>();
  extensionId = '';
  extensionOrigin = '';
  private readonly routes: Route[] = [];
  private readonly all: string[] = [];
  private external: string[] = [];
  private readonly cleanups: Array<() => Promise<unknown> | unknown> = [];
  // Chromium
  private context?: BrowserContext;
  private pwBrowser?: PwBrowser;
  // Firefox
  private ff?: PpBrowser;
  private bgTab?: Tab;
  /** Allowed requests page interception let through, not yet seen by the proxy. */
  private readonly passedOn: string[] = [];

  constructor(
    readonly name: BrowserName,
    readonly opts: LaunchOptions = {},
  ) {}

  get locale(): string {
    return this.opts.locale ?? 'fr-FR';
  }

  private allowed(url: string): boolean {
    return (this.opts.allow ?? []).some((o) => url.startsWith(o.endsWith('/') ? o : `${o}/`) || url === o);
  }

  private extensionDir(): string | null {
    if (this.opts.extension === false) return null;
    const dist = resolve(ROOT, this.opts.extension ?? process.env.PG_DIST ?? `dist-test/${this.name === 'chromium' ? 'chrome' : 'firefox'}`);
    if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`No built extension at ${dist}: run npm run build:test`);
    return dist;
  }

  async start(): Promise<this> {
    const missing = browserMissingMessage(this.name);
    if (missing) throw new Error(missing);
    for (const [p, f] of this.opts.routes ?? []) this.route(p, f);
    if (this.name === 'chromium') await this.startChromium();
    else await this.startFirefox();
    return this;
  }

  // ---- Chromium (Playwright) --------------------------------------------------------------------------

  private async startChromium(): Promise<void> {
    const locale = this.locale;
    const dist = this.extensionDir();
    const env = { ...process.env, ...chromiumLanguageEnv(locale) };
    const args = [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${locale}`,
    ];
    if (dist) {
      const userDir = mkdtempSync(join(tmpdir(), 'pg-e2e-'));
      this.cleanups.push(() => rmSync(userDir, { recursive: true, force: true }));
      this.context = await chromium.launchPersistentContext(userDir, {
        executablePath: CHROMIUM,
        env,
        headless: this.opts.headless ?? true,
        locale,
        viewport: VIEWPORT,
        args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...args],
      });
    } else {
      this.pwBrowser = await chromium.launch({ executablePath: CHROMIUM, headless: this.opts.headless ?? true, env, args });
      this.context = await this.pwBrowser.newContext({ locale, viewport: VIEWPORT });
    }
    const ctx = this.context;
    ctx.on('request', (r) => {
      const u = r.url();
      this.all.push(u);
      // The service worker's own requests are the extension's: external even to an allowed origin.
      if (r.serviceWorker() && NETWORK.test(u)) return void this.external.push(u);
      if (!NETWORK.test(u) || this.allowed(u) || this.opts.pageResources?.(u)) return;
      const routedDoc = r.resourceType() === 'document' && this.routes.some((x) => x.test(stripHash(u)));
      if (!routedDoc) this.external.push(u);
    });
    // Nothing reaches the network: routed documents are served, allowed origins pass, the rest is aborted.
    await ctx.route(
      (u) => NETWORK.test(u.href),
      async (route) => {
        const req = route.request();
        const u = req.url();
        if (this.allowed(u)) return route.continue();
        const r = this.routes.find((x) => x.test(stripHash(u)));
        if (r && req.resourceType() === 'document') return route.fulfill({ status: 200, body: r.body, headers: { 'content-type': r.type } });
        return route.abort();
      },
    );
    if (dist) {
      const worker = await this.worker();
      this.extensionId = new URL(worker.url()).host;
      this.extensionOrigin = `chrome-extension://${this.extensionId}`;
    }
  }

  /** The extension's service worker (Chromium), waiting for it if it was stopped. */
  async worker(): Promise<Worker> {
    const ctx = this.context!;
    return ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 15000 }));
  }

  // ---- Firefox (puppeteer-core over WebDriver BiDi) ------------------------------------------------------

  private async startFirefox(): Promise<void> {
    const dist = this.extensionDir();
    // Background and browser requests never pass through page interception: they go to this proxy, which records
    // and refuses every one of them.
    const proxy = await startRefusingProxy(
      (u) => {
        this.all.push(u);
        this.external.push(u);
      },
      // An allowed origin's request is forwarded; it is the page's when page interception let it through just
      // before, else (the event page's own) it counts as external.
      (u) => this.allowed(u),
      (u) => {
        const i = this.passedOn.indexOf(u);
        if (i >= 0) this.passedOn.splice(i, 1);
        else this.external.push(u);
      },
    );
    this.cleanups.push(() => new Promise((r) => proxy.server.close(r)));
    const scratch = mkdtempSync(join(tmpdir(), 'pg-e2e-ff-'));
    this.cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
    const uuid = randomUUID();
    const locale = this.locale;
    const lang = locale.split('-')[0]!;
    this.ff = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: this.opts.headless ?? true,
      defaultViewport: VIEWPORT,
      // moz-extension:// pages can only be scripted with system access.
      args: ['--remote-allow-system-access'],
      env: { ...process.env, HOME: scratch, TMPDIR: scratch, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        'intl.locale.requested': lang === 'en' ? 'en-US' : lang,
        'intl.accept_languages': lang === 'en' ? 'en-US, en' : `${locale}, ${lang}`,
        'browser.chrome.site_icons': false,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': true,
        // Loopback goes to the proxy too (it forwards the allowed origins: a live server the test talks to).
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.no_proxies_on': '',
      },
    });
    if (dist) {
      await this.ff.installExtension(dist);
      this.extensionId = uuid;
      this.extensionOrigin = `moz-extension://${uuid}`;
    }
  }

  private async firefoxPage(background = false): Promise<PpPage> {
    return this.ff!.newPage(background ? { background: true } : undefined);
  }

  private async interceptFirefox(page: PpPage): Promise<void> {
    await page.setRequestInterception(true);
    page.on('request', (req: HTTPRequest) => {
      const u = req.url();
      if (!NETWORK.test(u)) return void req.continue().catch(() => undefined);
      this.all.push(u);
      if (this.allowed(u)) {
        this.passedOn.push(u);
        return void req.continue().catch(() => undefined);
      }
      const r = this.routes.find((x) => x.test(stripHash(u)));
      if (r && req.isNavigationRequest()) {
        return void req.respond({ status: 200, body: r.body, headers: { 'content-type': r.type } }).catch(() => undefined);
      }
      if (!this.opts.pageResources?.(u)) this.external.push(u);
      void req.abort().catch(() => undefined);
    });
  }

  // ---- both ------------------------------------------------------------------------------------------

  route(pattern: string | RegExp, file: string | { html: string }): void {
    const body = typeof file === 'string' ? readFileSync(resolve(ROOT, file)) : Buffer.from(file.html);
    const type = typeof file === 'string' ? (MIME[extname(file)] ?? 'text/html; charset=utf-8') : MIME['.html']!;
    this.routes.unshift({ test: matcher(pattern), body, type });
  }

  private track(raw: AnyPage): Tab {
    const t = new Tab(this.name, raw, this);
    this.tabs.add(t);
    return t;
  }

  /** A new tab, without navigating. */
  async blank(): Promise<Tab> {
    if (this.name === 'chromium') return this.track(await this.context!.newPage());
    const p = await this.firefoxPage();
    await this.interceptFirefox(p);
    return this.track(p);
  }

  async open(url: string): Promise<Tab> {
    const t = await this.blank();
    await (t.raw as any).goto(url);
    return t;
  }

  /** The extension's own page at `path` (e.g. src/ui/options/index.html). */
  async openExtensionPage(path: string, opts: { background?: boolean } = {}): Promise<Tab> {
    if (!this.extensionOrigin) throw new Error('no extension loaded');
    const url = `${this.extensionOrigin}/${path}`;
    if (this.name === 'chromium') {
      const p = await this.context!.newPage();
      await p.goto(url);
      return this.track(p);
    }
    const p = await this.firefoxPage(opts.background);
    // page.goto never settles on moz-extension:// pages: navigate the BiDi browsing context itself.
    await (p.mainFrame() as unknown as { browsingContext: { navigate(u: string, wait: string): Promise<unknown> } }).browsingContext.navigate(url, 'complete');
    return this.track(p);
  }

  /** Runs `fn(arg)` with the extension's APIs: the service worker (Chromium) or an extension page (Firefox). */
  async background<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    if (this.name === 'chromium') return (await this.worker()).evaluate(fn as any, arg) as Promise<T>;
    if (!this.bgTab) {
      this.bgTab = await this.openExtensionPage('src/ui/options/index.html', { background: true });
      this.tabs.delete(this.bgTab); // kept across tests
    }
    return this.bgTab.evaluate(fn, arg);
  }

  /**
   * Runs `fn` (no arguments, result serialisable) in the extension's content-script world of `tab`: Chromium through
   * the isolated world's DevTools execution context, Firefox through scripting.executeScript (tab in front).
   */
  async inContentScript<T>(tab: Tab, fn: () => T | Promise<T>): Promise<T> {
    if (this.name === 'chromium') {
      const cdp = await this.chromiumContext.newCDPSession(tab.raw as PwPage);
      try {
        const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
        cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
        await cdp.send('Runtime.enable');
        const ctx = contexts.find((c) => c.origin === this.extensionOrigin && c.auxData?.type === 'isolated');
        if (!ctx) throw new Error('no content script in this tab');
        const r = await cdp.send('Runtime.evaluate', { expression: `(${fn.toString()})()`, contextId: ctx.id, awaitPromise: true, returnByValue: true });
        if (r.exceptionDetails) throw new Error(`content script: ${r.exceptionDetails.text}`);
        return r.result.value as T;
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    }
    await tab.front();
    await this.background(() => undefined); // the extension page that runs it
    const expression = `(async () => {
      const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const [r] = await chrome.scripting.executeScript({ target: { tabId: t.id }, func: ${fn.toString()} });
      return r && r.result;
    })()`;
    return (this.bgTab!.raw as PpPage).evaluate(expression) as Promise<T>;
  }

  async enableSiteThroughPopup(tab: Tab): Promise<PopupTexts> {
    if (this.name === 'chromium') return enableThroughChromiumPopup(this, tab);
    // What a toolbar popup sees is the active tab of its window: the site's tab stays in front, the popup page
    // opens in a background tab of the same window and gets a real click.
    await tab.front();
    const popup = await this.openExtensionPage('src/ui/popup/index.html', { background: true });
    try {
      await popup.waitFor(() => !!document.querySelector('[data-testid="enable"]'), undefined, { timeout: 10000 }).catch(async () => {
        throw new Error(`no "enable on this site" button in the popup: ${await popup.evaluate(() => document.body.innerText)}`);
      });
      const before = await popup.evaluate(() => document.body.innerText);
      await popup.click('[data-testid="enable"]');
      await popup
        .waitFor(() => !!document.querySelector('[data-testid="site-status"]') && !document.querySelector('[data-testid="enable"]'), undefined, { timeout: 10000 })
        .catch(async () => {
          throw new Error(`the popup did not enable the site: ${await popup.evaluate(() => document.body.innerText)}`);
        });
      return { before, after: await popup.evaluate(() => document.body.innerText) };
    } finally {
      await popup.close();
    }
  }

  requests(): string[] {
    return [...this.all];
  }

  externalRequests(): string[] {
    return [...this.external];
  }

  takeExternalRequests(): string[] {
    const out = this.external;
    this.external = [];
    return out;
  }

  pageErrors(): string[] {
    return [...this.errors];
  }

  /** Closes the tabs opened since the last call (the background helper's page stays). */
  async closeTabs(): Promise<void> {
    for (const t of [...this.tabs]) await t.close();
  }

  async close(): Promise<void> {
    if (this.context) await this.context.close().catch(() => undefined);
    if (this.pwBrowser) await this.pwBrowser.close().catch(() => undefined);
    if (this.ff) await this.ff.close().catch(() => undefined);
    for (const c of this.cleanups.reverse()) await c();
  }

  /** Resolves when the user closes the browser (headed runs: the demo). */
  closed(): Promise<void> {
    return new Promise((r) => {
      if (this.context) this.context.on('close', () => r());
      else this.ff?.on('disconnected', () => r());
    });
  }

  /** The browser's name and version as its binary reports them ("Chromium 156.0.8078.114", "Firefox 153.8.0esr"). */
  async version(): Promise<string> {
    const out = spawnSync(this.name === 'chromium' ? CHROMIUM : FIREFOX, ['--version'], { encoding: 'utf8' }).stdout ?? '';
    const v = out.replace(/^Mozilla\s+/, '').replace(/\s+built on .*$/s, '').trim();
    if (v) return v;
    return this.ff ? (await this.ff.version()).replace(/^firefox\//i, 'Firefox ') : LABEL[this.name];
  }

  /** Chromium only: the Playwright context (CDP access for the popup). */
  get chromiumContext(): BrowserContext {
    if (!this.context) throw new Error('not Chromium');
    return this.context;
  }
}

/**
 * A private test build for one browser with `hosts` pre-granted (PG_TEST_HOSTS, vite.config.ts): stands in for the
 * user's "yes" to the host-permission prompt. Chromium grants host_permissions at install; Firefox does too for a
 * temporary add-on (checked by enable-site.e2e.ts: permissions.contains is true before any request). Returns the
 * folder (relative to the project).
 *
 * Such a build differs from the test build only in its manifest's host_permissions, so when `dist-test/` exists (what
 * every other browser test runs; `npm test` builds it first) it is copied and its manifest given the hosts: the same
 * bytes as `PG_TEST_BUILD=1 PG_TEST_HOSTS=… node scripts/build.js`, without a build per test file and browser.
 * Without `dist-test/` (or with PG_TEST_REBUILD=1) it is built that way.
 */
export function buildWithHosts(name: BrowserName, hosts: string[], out: string): string {
  const target = name === 'chromium' ? 'chrome' : 'firefox';
  const base = join(ROOT, 'dist-test', target);
  if (existsSync(join(base, 'manifest.json')) && process.env.PG_TEST_REBUILD !== '1') {
    const dest = resolve(ROOT, out, target);
    rmSync(dest, { recursive: true, force: true });
    cpSync(base, dest, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dest, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
    manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
    writeFileSync(join(dest, 'manifest.json'), JSON.stringify(manifest, null, 2));
    return `${out}/${target}`;
  }
  const r = spawnSync(process.execPath, ['scripts/build.js', target], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PG_TEST_BUILD: '1', PG_OUT_DIR: out, PG_TEST_HOSTS: hosts.join(','), CI: '1' },
  });
  if (r.status !== 0) throw new Error(`test build failed:\n${r.stdout}\n${r.stderr}`);
  return `${out}/${target}`;
}

export async function launch(name: BrowserName, opts: LaunchOptions = {}): Promise<Session> {
  return new Session(name, opts).start();
}

/**
 * One browser for the enclosing describe: launched before its tests, closed after; after each test its tabs are
 * closed and the test fails on any page error or any request that left the browser.
 */
export function useBrowser(name: BrowserName, opts: LaunchOptions = {}, setup?: (s: Session) => Promise<void>): Session {
  const s = new Session(name, opts);
  beforeAll(async () => {
    await s.start();
    if (setup) await setup(s);
  }, 120000);
  afterAll(async () => {
    await s.close();
  });
  afterEach(async () => {
    await s.closeTabs();
    const errors = s.errors.splice(0);
    const external = s.takeExternalRequests();
    expect(errors, `page errors in ${LABEL[name]}`).toEqual([]);
    expect(external, `requests that left ${LABEL[name]}`).toEqual([]);
  });
  return s;
}

/**
 * Chromium on Linux takes its UI language (what chrome.i18n answers with) from LANGUAGE, not from --lang, and only
 * among the locale files installed (Debian's chromium-l10n); without them every extension page is in English.
 */
function chromiumLanguageEnv(locale: string): Record<string, string> {
  const lang = locale.split('-')[0];
  if (lang !== 'en' && !existsSync(join(CHROMIUM_LOCALES, `${locale}.pak`)) && !existsSync(join(CHROMIUM_LOCALES, `${lang}.pak`))) {
    throw new Error(`Chromium has no ${locale} locale (${CHROMIUM_LOCALES}): ${INSTALL_HINT.chromium}`);
  }
  return { LANGUAGE: locale.replace('-', '_'), LANG: `${locale.replace('-', '_')}.UTF-8` };
}

/**
 * An HTTP proxy on an ephemeral loopback port that records every request (and CONNECT) and refuses it — except plain
 * http requests to an allowed origin, which it forwards (and reports through `forwarded`).
 */
async function startRefusingProxy(
  record: (url: string) => void,
  allowed: (url: string) => boolean = () => false,
  forwarded: (url: string) => void = () => undefined,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const url = req.url ?? '?';
    if (/^http:\/\//.test(url) && allowed(url)) {
      forwarded(url);
      const u = new URL(url);
      const out = httpRequest(
        { host: u.hostname, port: u.port || 80, path: u.pathname + u.search, method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      out.on('error', () => res.destroy());
      req.pipe(out);
      return;
    }
    record(url);
    res.writeHead(403, { connection: 'close' });
    res.end();
  });
  server.on('connect', (req, socket) => {
    const target = req.url ?? '?';
    record(`https://${target.replace(/:443$/, '')}/ (CONNECT ${target})`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('upgrade', (req, socket) => {
    record(req.url ?? '?');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port };
}

/**
 * Chromium: opens the toolbar popup on `tab` (chrome.action.openPopup from the worker) and clicks its "enable on
 * this site" button with a user gesture. Playwright does not list action popups as pages, so this drives the popup
 * target through the browser's DevTools protocol.
 */
/** What the popup said before the click on "Activer sur ce site" and once the site was enabled. */
export interface PopupTexts {
  before: string;
  after: string;
}

async function enableThroughChromiumPopup(s: Session, tab: Tab): Promise<PopupTexts> {
  await tab.front();
  await s.background(() => chrome.action.openPopup());
  const browser = s.chromiumContext.browser();
  if (!browser) throw new Error('no browser handle for the DevTools protocol');
  const cdp = await browser.newBrowserCDPSession();
  try {
    let targetId = '';
    await waitUntil(async () => {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
      targetId = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(`${s.extensionOrigin}/src/ui/popup/`))?.targetId ?? '';
      return targetId !== '';
    }, 'the action popup did not open');
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
    let next = 0;
    const waiting = new Map<number, (m: { result?: { result?: { value?: unknown }; exceptionDetails?: unknown } }) => void>();
    cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message);
      waiting.get(m.id)?.(m);
      waiting.delete(m.id);
    });
    /** Evaluates in the popup as if the user did it (user gesture: permissions.request needs one). */
    const evaluate = async (expression: string): Promise<unknown> => {
      const id = ++next;
      const reply = new Promise<{ result?: { result?: { value?: unknown }; exceptionDetails?: unknown } }>((r) => waiting.set(id, r));
      const params = { expression, awaitPromise: true, userGesture: true, returnByValue: true };
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params }) });
      const m = await reply;
      if (m.result?.exceptionDetails) throw new Error(`popup: ${JSON.stringify(m.result.exceptionDetails)}`);
      return m.result?.result?.value;
    };
    const text = async () => String(await evaluate('document.body.innerText').catch(() => '?'));
    await waitUntil(async () => (await evaluate('!!document.querySelector(\'[data-testid="enable"]\')')) === true, 'no "enable on this site" button in the popup', text);
    const before = await text();
    await evaluate('document.querySelector(\'[data-testid="enable"]\').click()');
    await waitUntil(async () => (await evaluate('!!document.querySelector(\'[data-testid="site-status"]\') && !document.querySelector(\'[data-testid="enable"]\')')) === true, 'the popup did not enable the site', text);
    const after = await text();
    await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
    return { before, after };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Polls `check` every 100 ms (expect.poll only works inside a test; this also runs in beforeAll). */
export async function waitUntil(check: () => Promise<boolean>, message: string, detail?: () => Promise<string>, timeout = 10000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`${message}${detail ? `: ${await detail().catch(() => '?')}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
