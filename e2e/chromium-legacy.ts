/**
 * TRANSITIONAL: the former Chromium-only harness, kept only for the browser tests not yet moved to e2e/harness.ts
 * (which runs every test in Chromium and Firefox). Removed once they are.
 *
 * Loads the built extension in Debian's Chromium with Playwright, serves fixture pages at real site URLs,
 * and records every request so each browser test can assert the extension sent none of its own.
 */
import { chromium, type Browser, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every request the browser made, in order. */
  requests: Request[];
  /**
   * http(s) requests that were not for a page or resource the test itself routed: what the extension
   * (or anything else) sent to the network. Every browser test asserts this stays empty.
   */
  externalRequests(): string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export const CHROMIUM_LOCALES = process.env.CHROMIUM_LOCALES ?? '/usr/lib/chromium/locales';
export const INSTALL_HINT = 'sudo apt-get install -y chromium chromium-l10n';

export function chromiumMissingMessage(): string | null {
  if (!existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM}. Install Debian's packages: ${INSTALL_HINT} (or set CHROMIUM_PATH).`;
  if (!existsSync(join(CHROMIUM_LOCALES, 'fr.pak'))) return `Chromium's French locale is missing (${CHROMIUM_LOCALES}/fr.pak). Install: ${INSTALL_HINT}`;
  return null;
}

/**
 * Chromium on Linux takes its UI language (what chrome.i18n answers with) from LANGUAGE, not from --lang, and only
 * among the locale files installed (Debian's chromium-l10n); without them every extension page is in English.
 */
function uiLanguageEnv(locale: string): Record<string, string> {
  const lang = locale.split('-')[0];
  if (lang !== 'en' && !existsSync(join(CHROMIUM_LOCALES, `${locale}.pak`)) && !existsSync(join(CHROMIUM_LOCALES, `${lang}.pak`))) {
    throw new Error(`Chromium has no ${locale} locale (${CHROMIUM_LOCALES}): ${INSTALL_HINT}`);
  }
  return { LANGUAGE: locale.replace('-', '_'), LANG: `${locale.replace('-', '_')}.UTF-8` };
}

const VIEWPORT = { width: 1280, height: 860 };
/** Pages served by routePage, per context: what externalRequests() does not count. */
const ROUTED = new WeakMap<BrowserContext, Set<string>>();

/** Chromium without its own background traffic (this machine has no network: it would only fail). */
function quietArgs(locale: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--lang=${locale}`,
  ];
}

/**
 * Chromium without the extension, for tests that inject a bundle of project modules into a page (e2e/bundle.ts).
 * Closing the returned browser ends it.
 */
export async function launchBrowser(opts: { locale?: string } = {}): Promise<{ browser: Browser; context: BrowserContext }> {
  const missing = chromiumMissingMessage();
  if (missing) throw new Error(missing);
  const locale = opts.locale ?? 'fr-FR';
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, ...uiLanguageEnv(locale) },
    args: quietArgs(locale),
  });
  const context = await browser.newContext({ locale, viewport: VIEWPORT });
  return { browser, context };
}

export async function launchExtension(opts: { dist?: string; headless?: boolean; locale?: string } = {}): Promise<Launched> {
  const missing = chromiumMissingMessage();
  if (missing) throw new Error(missing);
  const dist = resolve(ROOT, opts.dist ?? process.env.PG_DIST ?? 'dist-test/chrome');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`No built extension at ${dist}: run npm run build:test`);
  const userDir = mkdtempSync(join(tmpdir(), 'pg-e2e-'));
  const locale = opts.locale ?? 'fr-FR';
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    env: { ...process.env, ...uiLanguageEnv(locale) },
    headless: opts.headless ?? true,
    locale,
    viewport: VIEWPORT,
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...quietArgs(locale)],
  });
  const requests: Request[] = [];
  const routed = new Set<string>();
  context.on('request', (r) => requests.push(r));
  ROUTED.set(context, routed);

  let worker = context.serviceWorkers()[0];
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    extensionId,
    worker,
    requests,
    externalRequests: () =>
      requests
        .map((r) => r.url())
        .filter((u) => /^(https?|wss?):/i.test(u) && !routed.has(stripHash(u))),
    newPage: () => context.newPage(),
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDir, { recursive: true, force: true });
    },
  };
}

function stripHash(u: string): string {
  const i = u.indexOf('#');
  return i < 0 ? u : u.slice(0, i);
}

/**
 * Serves a project file at a real URL (e.g. https://mail.google.com/mail/u/0/ → e2e/pages/gmail.html).
 * Every URL matching the glob gets that file; other matching requests are aborted, so nothing reaches the network.
 */
export async function routePage(context: BrowserContext, urlGlob: string, file: string): Promise<void> {
  const body = readFileSync(resolve(ROOT, file));
  const routed = ROUTED.get(context);
  await context.route(urlGlob, async (route) => {
    const req = route.request();
    if (req.resourceType() === 'document') {
      routed?.add(stripHash(req.url()));
      await route.fulfill({ status: 200, body, headers: { 'content-type': MIME[extname(file)] ?? 'text/html' } });
    } else {
      await route.abort();
    }
  });
}

/** Waits until the extension's overlay host in `page` has the given data-verdict; returns the elapsed ms. */
export async function waitForVerdict(page: Page, verdict: string, opts: { nth?: number; timeout?: number } = {}) {
  const t0 = Date.now();
  await page.waitForFunction(
    ([v, n]) => {
      const hosts = document.querySelectorAll('[data-prospect-guard]');
      const h = hosts[n as number];
      return !!h && h.getAttribute('data-verdict') === v;
    },
    [verdict, opts.nth ?? 0] as const,
    { timeout: opts.timeout ?? 5000, polling: 'raf' },
  );
  return Date.now() - t0;
}
