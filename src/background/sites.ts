/**
 * "Enable on this site": the generic adapter runs on a webmail the user chose. The popup asks for the
 * host permission; this module registers the content script for that origin, keeps settings.enabledSites
 * in step, re-registers at start-up and forgets a site whose permission was removed.
 */
import type { Manifest, Permissions, Scripting } from 'webextension-polyfill';
import { normalizeOrigin } from '../storage/schema';

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
  addEnabledSite(origin: string): Promise<unknown>;
  removeEnabledSite(origin: string): Promise<unknown>;
}

export const SCRIPT_PREFIX = 'site-';

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

/** The site file a domain the user enabled is read with when no dedicated one is known for it. */
export const GENERIC_SITE = 'generic';

/**
 * The built content script of one site (vite.config.ts builds `src/content/entries/<site>.ts` there): the shared
 * core and that site's file only.
 */
export function contentFile(site: string): string[] {
  if (!/^[a-z0-9-]+$/.test(site)) throw new Error(`bad site id ${site}`);
  return [`content/${site}.js`];
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

/** The manifest's own content scripts already run there (e.g. Gmail). */
export function isBuiltIn(manifest: Manifest.WebExtensionManifest, origin: string): boolean {
  return (manifest.content_scripts ?? []).some((cs) => (cs.matches ?? []).some((p) => patternCovers(p, origin)));
}

export function createSites(env: SitesEnv) {
  // One change at a time: the popup's message and permissions.onAdded can race for the same origin.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const p = queue.then(fn, fn);
    queue = p.catch(() => undefined);
    return p;
  }

  async function registeredIds(): Promise<Set<string>> {
    const list = await env.scripting.getRegisteredContentScripts();
    return new Set(list.map((s) => s.id));
  }

  async function register(origin: string, ids?: Set<string>): Promise<void> {
    const id = scriptId(origin);
    const have = ids ?? (await registeredIds());
    if (have.has(id)) return;
    await env.scripting.registerContentScripts([
      {
        id,
        matches: [originPattern(origin)],
        js: contentFile(GENERIC_SITE),
        runAt: 'document_idle',
      },
    ]);
  }

  async function unregister(origin: string): Promise<void> {
    const id = scriptId(origin);
    if ((await registeredIds()).has(id)) await env.scripting.unregisterContentScripts({ ids: [id] });
  }

  async function enable(rawOrigin: string, tabId?: number): Promise<void> {
    const origin = normalizeOrigin(rawOrigin);
    if (!origin) throw new Error('invalid origin');
    if (isBuiltIn(env.getManifest(), origin)) return;
    await serial(async () => {
      if (!(await env.permissions.contains({ origins: [originPattern(origin)] }))) throw new Error('permission not granted');
      await register(origin);
      await env.addEnabledSite(origin);
    });
    if (typeof tabId === 'number') {
      // Run it in the page already open, so the user does not have to reload. The content script
      // guards against running twice.
      await env.scripting
        .executeScript({ target: { tabId }, files: contentFile(GENERIC_SITE) })
        .catch(() => undefined);
    }
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

  async function status(rawOrigin: string) {
    const origin = normalizeOrigin(rawOrigin);
    if (!origin) throw new Error('invalid origin');
    const [sites, granted, ids] = await Promise.all([
      env.getEnabledSites(),
      env.permissions.contains({ origins: [originPattern(origin)] }),
      registeredIds(),
    ]);
    return {
      origin,
      builtIn: isBuiltIn(env.getManifest(), origin),
      enabled: sites.includes(origin),
      granted,
      registered: ids.has(scriptId(origin)),
    };
  }

  /** At start-up: every enabled site with its permission gets its script; the rest is cleaned up. */
  function sync(): Promise<void> {
    return serial(async () => {
      const sites = await env.getEnabledSites();
      const ids = await registeredIds();
      for (const origin of sites) {
        const granted = await env.permissions.contains({ origins: [originPattern(origin)] });
        if (granted) await register(origin, ids);
        else {
          if (ids.has(scriptId(origin))) await env.scripting.unregisterContentScripts({ ids: [scriptId(origin)] });
          await env.removeEnabledSite(origin);
        }
      }
      const stale = [...ids].filter((id) => id.startsWith(SCRIPT_PREFIX) && !sites.includes(id.slice(SCRIPT_PREFIX.length)));
      if (stale.length) await env.scripting.unregisterContentScripts({ ids: stale });
    });
  }

  /**
   * After an install, an update or a reload: the tabs already open on a supported or enabled site still hold the old
   * content script, whose context is gone (it removes its overlays). Run the new one there, once per tab; it stops an
   * old instance it finds in its world. Returns the tabs injected.
   */
  async function injectIntoOpenTabs(): Promise<number[]> {
    const manifest = env.getManifest();
    // Each site's own content script: the manifest's for the sites it runs on, the registered one for enabled domains.
    const groups: Array<{ patterns: string[]; files: string[] }> = [];
    for (const cs of manifest.content_scripts ?? []) {
      const files = relativeFiles(cs.js);
      if (cs.matches?.length && files.length) groups.push({ patterns: [...cs.matches], files });
    }
    for (const origin of await env.getEnabledSites()) {
      if (await env.permissions.contains({ origins: [originPattern(origin)] })) {
        groups.push({ patterns: [originPattern(origin)], files: contentFile(GENERIC_SITE) });
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

  return { enable, disable, status, sync, onAdded, onRemoved, injectIntoOpenTabs };
}

export type Sites = ReturnType<typeof createSites>;
