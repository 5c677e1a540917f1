/**
 * "Enable on this site": Prospect Guard on a webmail of the user's choosing (a self-hosted Roundcube, Zimbra, OX App
 * Suite, a company's Outlook Web App …). The popup (or the options page) asks for that one host; this module
 * recognises which webmail it is — from the page markers of each site file (src/sites/catalogue.ts), in the tab the
 * user is on — and registers that site's own content script for the origin (content/<site>.js), the generic one when
 * no site file knows the page. It keeps settings.enabledSites / siteFiles in step, re-registers at start-up, injects
 * each open tab's own content script after an update, and forgets a site whose permission was removed.
 */
import type { Manifest, Permissions, Scripting } from 'webextension-polyfill';
import { normalizeOrigin } from '../storage/schema';
import { DETECTORS, genericSite, siteById } from '../sites/catalogue';
import { detectInPage } from '../sites/detect';

export interface SitesEnv {
  getManifest(): Manifest.WebExtensionManifest;
  permissions: {
    contains(p: Permissions.Permissions): Promise<boolean>;
    remove(p: Permissions.Permissions): Promise<boolean>;
  };
  scripting: {
    registerContentScripts(scripts: Scripting.RegisteredContentScript[]): Promise<void>;
    unregisterContentScripts(filter?: Scripting.ContentScriptFilter): Promise<void>;
    getRegisteredContentScripts(filter?: Scripting.ContentScriptFilter): Promise<Scripting.RegisteredContentScript[]>;
    executeScript(injection: Scripting.ScriptInjection): Promise<unknown>;
  };
  tabs: {
    query(q: { url?: string[] }): Promise<Array<{ id?: number; url?: string }>>;
  };
  getEnabledSites(): Promise<string[]>;
  /** origin → the site file that reads it (enabled origins recognised as a known webmail). */
  getSiteFiles(): Promise<Record<string, string>>;
  addEnabledSite(origin: string, site?: string | null): Promise<unknown>;
  removeEnabledSite(origin: string): Promise<unknown>;
}

export const SCRIPT_PREFIX = 'site-';
/** The site file a domain the user enabled is read with when no dedicated one recognises it. */
export const GENERIC_SITE = genericSite.id;

export function scriptId(origin: string): string {
  return SCRIPT_PREFIX + origin;
}

export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** "https://webmail.example/*" → "https://webmail.example"; null for wildcards or paths. */
export function originFromPattern(pattern: string): string | null {
  const m = /^(https?):\/\/([^/*]+)\/\*$/.exec(pattern);
  return m ? normalizeOrigin(`${m[1]}://${m[2]}`) : null;
}

/**
 * The built content script of one site (vite.config.ts builds `src/content/entries/<site>.ts` there): the shared
 * core and that site's file only.
 */
export function contentFile(site: string): string[] {
  if (!/^[a-z0-9-]+$/.test(site)) throw new Error(`bad site id ${site}`);
  return [`content/${site}.js`];
}

/** The site a built content script file belongs to ("content/outlook.js" → "outlook"). */
export function siteOfFile(file: string | undefined): string | null {
  const m = /^content\/([a-z0-9-]+)\.js$/.exec(file ?? '');
  return m ? m[1]! : null;
}

/**
 * A manifest content script's files as registerContentScripts and executeScript take them: Firefox's
 * runtime.getManifest() gives full moz-extension:// URLs, which they refuse ("must be a relative URL").
 */
export function relativeFiles(js: readonly string[] | undefined): string[] {
  return (js ?? []).map((f) => f.replace(/^[a-z-]+:\/\/[^/]+\//i, ''));
}

/** Whether a manifest match pattern covers every page of the origin. */
function patternCovers(pattern: string, origin: string): boolean {
  if (pattern === '<all_urls>') return true;
  const m = /^(\*|https?):\/\/([^/]+)\/(.*)$/.exec(pattern);
  if (!m || m[3] !== '*') return false;
  const u = new URL(origin);
  const scheme = u.protocol.slice(0, -1);
  if (m[1] !== '*' && m[1] !== scheme) return false;
  const host = m[2];
  if (host === '*') return true;
  if (host.startsWith('*.')) return u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1));
  return u.hostname === host;
}

/** The site whose content script the manifest itself runs on the origin (Gmail, Outlook …), or null. */
export function builtInSite(manifest: Manifest.WebExtensionManifest, origin: string): string | null {
  for (const cs of manifest.content_scripts ?? []) {
    if ((cs.matches ?? []).some((p) => patternCovers(p, origin))) return siteOfFile(relativeFiles(cs.js)[0]) ?? GENERIC_SITE;
  }
  return null;
}

/** The manifest's own content scripts already run there (e.g. Gmail). */
export function isBuiltIn(manifest: Manifest.WebExtensionManifest, origin: string): boolean {
  return builtInSite(manifest, origin) !== null;
}

/** A site file an enabled domain may be read with: a known one that is recognised by page markers, or the generic one. */
function usable(site: string | null | undefined): string | null {
  const s = siteById(site);
  if (!s) return null;
  return s.id === GENERIC_SITE || s.detect.length > 0 ? s.id : null;
}

export function createSites(env: SitesEnv) {
  // One change at a time: the popup's message and permissions.onAdded can race for the same origin.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const p = queue.then(fn, fn);
    queue = p.catch(() => undefined);
    return p;
  }

  async function registered(): Promise<Map<string, Scripting.RegisteredContentScript>> {
    const list = await env.scripting.getRegisteredContentScripts();
    return new Map(list.map((s) => [s.id, s]));
  }

  /** The site file an enabled origin is read with. */
  async function fileOf(origin: string): Promise<string> {
    return usable((await env.getSiteFiles())[origin]) ?? GENERIC_SITE;
  }

  /** Registers `site`'s content script for the origin (replacing another site's registration there). */
  async function register(origin: string, site: string, have?: Map<string, Scripting.RegisteredContentScript>): Promise<void> {
    const id = scriptId(origin);
    const js = contentFile(site);
    const current = (have ?? (await registered())).get(id);
    if (current) {
      if (relativeFiles(current.js).join() === js.join()) return;
      await env.scripting.unregisterContentScripts({ ids: [id] });
    }
    await env.scripting.registerContentScripts([{ id, matches: [originPattern(origin)], js, runAt: 'document_idle' }]);
  }

  async function unregister(origin: string): Promise<void> {
    const id = scriptId(origin);
    if ((await registered()).has(id)) await env.scripting.unregisterContentScripts({ ids: [id] });
  }

  /**
   * Which site file recognises the page in the tab (its markers, through scripting.executeScript: needs activeTab or
   * the host permission); null when none does or the page cannot be read.
   */
  async function detect(tabId: number): Promise<string | null> {
    try {
      const results = (await env.scripting.executeScript({ target: { tabId }, func: detectInPage, args: [DETECTORS] })) as Array<{ result?: unknown }> | undefined;
      const found = results?.[0]?.result;
      return typeof found === 'string' ? usable(found) : null;
    } catch {
      return null;
    }
  }

  async function inject(tabId: number, site: string): Promise<void> {
    // Run it in the page already open, so the user does not have to reload. The content script guards against
    // running twice, and replaces an instance of another site file.
    await env.scripting.executeScript({ target: { tabId }, files: contentFile(site) }).catch(() => undefined);
  }

  /**
   * Enables the origin (its host permission granted): with the tab the user is on, the site file that recognises the
   * page there (else the one recognised before, else the generic one) is registered and run in that tab. Without a
   * tab (the options page) the generic one is, and it asks the worker to look at its page (`recognise`).
   */
  async function enable(rawOrigin: string, tabId?: number): Promise<string | null> {
    const origin = normalizeOrigin(rawOrigin);
    if (!origin) throw new Error('invalid origin');
    const manifest = env.getManifest();
    const own = builtInSite(manifest, origin);
    if (own) return own;
    const detected = typeof tabId === 'number' ? await detect(tabId) : null;
    const site = await serial(async () => {
      if (!(await env.permissions.contains({ origins: [originPattern(origin)] }))) throw new Error('permission not granted');
      const chosen = detected ?? (await fileOf(origin));
      await register(origin, chosen);
      await env.addEnabledSite(origin, chosen === GENERIC_SITE ? null : chosen);
      return chosen;
    });
    if (typeof tabId === 'number') await inject(tabId, site);
    return site;
  }

  /**
   * The generic content script started on an enabled origin: when the page in its tab carries a self-hosted webmail's
   * markers, that site's file reads the origin from now on, and runs in the tab at once. Nothing for origins not
   * enabled, built-in sites, or an origin that already has its own file. Returns the site switched to, or null.
   */
  async function recognise(rawOrigin: string, tabId: number): Promise<string | null> {
    const origin = normalizeOrigin(rawOrigin);
    if (!origin || isBuiltIn(env.getManifest(), origin)) return null;
    if (!(await env.getEnabledSites()).includes(origin) || (await fileOf(origin)) !== GENERIC_SITE) return null;
    const found = await detect(tabId);
    if (!found || found === GENERIC_SITE) return null;
    const switched = await serial(async () => {
      if (!(await env.getEnabledSites()).includes(origin)) return false;
      if (!(await env.permissions.contains({ origins: [originPattern(origin)] }))) return false;
      if ((await fileOf(origin)) !== GENERIC_SITE) return false;
      await register(origin, found);
      await env.addEnabledSite(origin, found);
      return true;
    });
    if (!switched) return null;
    await inject(tabId, found);
    return found;
  }

  async function disable(rawOrigin: string, removePermission = true): Promise<void> {
    const origin = normalizeOrigin(rawOrigin);
    if (!origin) throw new Error('invalid origin');
    await serial(async () => {
      await unregister(origin);
      await env.removeEnabledSite(origin);
    });
    if (removePermission && !isBuiltIn(env.getManifest(), origin)) {
      await env.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
    }
  }

  /**
   * Where the origin stands, and which site reads it (`site`): the manifest's own for a built-in site, the registered
   * one for an enabled origin, else — given the tab the user is on — the one that recognises the page there (null: the
   * generic adapter would).
   */
  async function status(rawOrigin: string, tabId?: number) {
    const origin = normalizeOrigin(rawOrigin);
    if (!origin) throw new Error('invalid origin');
    const [sites, granted, ids] = await Promise.all([
      env.getEnabledSites(),
      env.permissions.contains({ origins: [originPattern(origin)] }),
      registered(),
    ]);
    const own = builtInSite(env.getManifest(), origin);
    const enabled = sites.includes(origin);
    let site: string | null = own;
    if (!site && enabled) site = await fileOf(origin);
    if (!site && typeof tabId === 'number') site = await detect(tabId);
    return { origin, builtIn: own !== null, enabled, granted, registered: ids.has(scriptId(origin)), site };
  }

  /** At start-up: every enabled site with its permission gets its own site's script; the rest is cleaned up. */
  function sync(): Promise<void> {
    return serial(async () => {
      const sites = await env.getEnabledSites();
      const files = await env.getSiteFiles();
      const have = await registered();
      for (const origin of sites) {
        const granted = await env.permissions.contains({ origins: [originPattern(origin)] });
        if (granted) await register(origin, usable(files[origin]) ?? GENERIC_SITE, have);
        else {
          if (have.has(scriptId(origin))) await env.scripting.unregisterContentScripts({ ids: [scriptId(origin)] });
          await env.removeEnabledSite(origin);
        }
      }
      const stale = [...have.keys()].filter((id) => id.startsWith(SCRIPT_PREFIX) && !sites.includes(id.slice(SCRIPT_PREFIX.length)));
      if (stale.length) await env.scripting.unregisterContentScripts({ ids: stale });
    });
  }

  /**
   * After an install, an update or a reload: the tabs already open on a supported or enabled site still hold the old
   * content script, whose context is gone (it removes its overlays). Run the new one there — each tab its own site's
   * file —, once per tab; it stops an old instance it finds in its world. Returns the tabs injected.
   */
  async function injectIntoOpenTabs(): Promise<number[]> {
    const manifest = env.getManifest();
    // Each site's own content script: the manifest's for the sites it runs on, the registered one for enabled domains.
    const groups: Array<{ patterns: string[]; files: string[] }> = [];
    for (const cs of manifest.content_scripts ?? []) {
      const files = relativeFiles(cs.js);
      if (cs.matches?.length && files.length) groups.push({ patterns: [...cs.matches], files });
    }
    const siteFiles = await env.getSiteFiles();
    for (const origin of await env.getEnabledSites()) {
      if (await env.permissions.contains({ origins: [originPattern(origin)] })) {
        groups.push({ patterns: [originPattern(origin)], files: contentFile(usable(siteFiles[origin]) ?? GENERIC_SITE) });
      }
    }
    const done = new Set<number>();
    for (const { patterns, files } of groups) {
      const tabs = await env.tabs.query({ url: patterns });
      await Promise.all(
        tabs.map(async (tab) => {
          if (typeof tab.id !== 'number' || done.has(tab.id)) return;
          try {
            await env.scripting.executeScript({ target: { tabId: tab.id }, files });
            done.add(tab.id);
          } catch {
            /* a tab that cannot take scripts (discarded, an error page): nothing to replace there */
          }
        }),
      );
    }
    return [...done].sort((a, b) => a - b);
  }

  /** permissions.onAdded: the user granted a site (maybe while the popup was closed by the prompt). */
  async function onAdded(p: Permissions.Permissions): Promise<void> {
    for (const pattern of p.origins ?? []) {
      const origin = originFromPattern(pattern);
      if (origin) await enable(origin);
    }
  }

  /** permissions.onRemoved: the user revoked a site in the browser's settings. */
  async function onRemoved(p: Permissions.Permissions): Promise<void> {
    for (const pattern of p.origins ?? []) {
      const origin = originFromPattern(pattern);
      if (origin) await disable(origin, false);
    }
  }

  return { enable, disable, status, sync, onAdded, onRemoved, injectIntoOpenTabs, recognise, detect };
}

export type Sites = ReturnType<typeof createSites>;
