import { describe, expect, it } from 'vitest';
import { builtInSite, contentFile, createSites, relativeFiles, siteOfFile, isBuiltIn, originFromPattern, type SitesEnv } from './sites';
import type { Manifest, Scripting } from 'webextension-polyfill';

const manifest = {
  manifest_version: 3,
  name: 'x',
  version: '1',
  content_scripts: [{ matches: ['https://mail.google.com/*'], js: ['content/gmail.js'] }],
} as unknown as Manifest.WebExtensionManifest;

/** The page markers each open tab's page carries (what document.querySelector finds there). */
type Pages = Record<number, string[]>;

function env(granted: string[] = [], openTabs: Array<{ id: number; url: string }> = [], pages: Pages = {}) {
  const registered = new Map<string, Scripting.RegisteredContentScript>();
  const sites: string[] = [];
  const files: Record<string, string> = {};
  const injected: unknown[] = [];
  const e: SitesEnv = {
    getManifest: () => manifest,
    permissions: {
      contains: async (p) => (p.origins ?? []).every((o) => granted.includes(o)),
      remove: async (p) => {
        for (const o of p.origins ?? []) granted.splice(granted.indexOf(o), 1);
        return true;
      },
    },
    scripting: {
      registerContentScripts: async (list) => {
        for (const s of list) {
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, s);
        }
      },
      unregisterContentScripts: async (f) => {
        for (const id of f?.ids ?? [...registered.keys()]) registered.delete(id);
      },
      getRegisteredContentScripts: async () => [...registered.values()],
      executeScript: async (i) => {
        const tabId = (i.target as { tabId: number }).tabId;
        if (i.func) {
          // The real detection function, on a page that has these markers.
          if (!(tabId in pages)) throw new Error('Cannot access contents of the page');
          const doc = { querySelector: (css: string) => (pages[tabId]!.includes(css) ? {} : null) } as unknown as Document;
          return [{ result: (i.func as (d: unknown, doc: Document) => unknown)((i.args as unknown[])[0], doc) }];
        }
        injected.push(i);
        return [];
      },
    },
    tabs: {
      query: async (q) =>
        openTabs.filter((t) => (q.url ?? []).some((p) => t.url.startsWith(p.replace(/\*$/, '')))),
    },
    getEnabledSites: async () => [...sites],
    getSiteFiles: async () => ({ ...files }),
    addEnabledSite: async (o, site) => {
      if (!sites.includes(o)) sites.push(o);
      if (site) files[o] = site;
      else delete files[o];
    },
    removeEnabledSite: async (o) => {
      const i = sites.indexOf(o);
      if (i >= 0) sites.splice(i, 1);
      delete files[o];
    },
  };
  return { e, registered, sites, files, granted, injected };
}

/** Roundcube's own script, on every page of it (login included): its site file's first marker. */
const ROUNDCUBE_PAGE = ['script[src*="program/js/app."]'];

describe('enable on this site', () => {
  it('registers the manifest’s content script for a granted origin, and runs it in the open tab', async () => {
    const t = env(['https://webmail.example/*']);
    const s = createSites(t.e);
    await s.enable('https://webmail.example/inbox', 7);
    expect([...t.registered.values()]).toEqual([
      { id: 'site-https://webmail.example', matches: ['https://webmail.example/*'], js: ['content/generic.js'], runAt: 'document_idle' },
    ]);
    expect(t.sites).toEqual(['https://webmail.example']);
    expect(t.injected).toEqual([{ target: { tabId: 7 }, files: ['content/generic.js'] }]);
    // Twice is fine (popup message + permissions.onAdded race).
    await Promise.all([s.enable('https://webmail.example'), s.onAdded({ origins: ['https://webmail.example/*'] })]);
    expect(t.registered.size).toBe(1);
    expect(await s.status('https://webmail.example')).toEqual({
      origin: 'https://webmail.example',
      builtIn: false,
      enabled: true,
      granted: true,
      registered: true,
      site: 'generic',
    });
  });

  it('refuses without the permission; Gmail is built in', async () => {
    const t = env();
    const s = createSites(t.e);
    await expect(s.enable('https://webmail.example')).rejects.toThrow('permission not granted');
    await expect(s.enable('javascript:alert(1)')).rejects.toThrow('invalid origin');
    await s.enable('https://mail.google.com');
    expect(t.registered.size).toBe(0);
    expect(isBuiltIn(manifest, 'https://mail.google.com')).toBe(true);
    expect(isBuiltIn(manifest, 'http://mail.google.com')).toBe(false);
  });

  it('disables: unregisters, forgets and drops the permission; onRemoved does the same', async () => {
    const t = env(['https://a.example/*', 'https://b.example/*']);
    const s = createSites(t.e);
    await s.enable('https://a.example');
    await s.enable('https://b.example');
    await s.disable('https://a.example');
    expect(t.sites).toEqual(['https://b.example']);
    expect(t.granted).toEqual(['https://b.example/*']);
    await s.onRemoved({ origins: ['https://b.example/*'] });
    expect(t.sites).toEqual([]);
    expect(t.registered.size).toBe(0);
  });

  it('re-registers at start-up, drops sites whose permission is gone and stale scripts', async () => {
    const t = env(['https://a.example/*']);
    t.sites.push('https://a.example', 'https://gone.example');
    t.registered.set('site-https://old.example', { id: 'site-https://old.example', matches: ['https://old.example/*'], js: ['x.js'] });
    const s = createSites(t.e);
    await s.sync();
    expect([...t.registered.keys()]).toEqual(['site-https://a.example']);
    expect(t.sites).toEqual(['https://a.example']);
    await s.sync();
    expect([...t.registered.keys()]).toEqual(['site-https://a.example']);
  });

  it('reads origins from permission patterns', () => {
    expect(originFromPattern('https://webmail.example/*')).toBe('https://webmail.example');
    expect(originFromPattern('https://*/*')).toBeNull();
    expect(originFromPattern('https://x.example/path/*')).toBeNull();
  });

  it('after install, update or reload: the new content script runs in the open tabs of supported and enabled sites only', async () => {
    const t = env(['https://webmail.example/*'], [
      { id: 1, url: 'https://mail.google.com/mail/u/0/' },
      { id: 2, url: 'https://webmail.example/?_task=mail' },
      { id: 3, url: 'https://other.example/' },
      { id: 4, url: 'https://gone.example/' },
    ]);
    t.sites.push('https://webmail.example', 'https://gone.example');
    const s = createSites(t.e);
    expect(await s.injectIntoOpenTabs()).toEqual([1, 2]);
    expect(t.injected).toEqual([
      { target: { tabId: 1 }, files: ['content/gmail.js'] },
      { target: { tabId: 2 }, files: ['content/generic.js'] },
    ]);
  });
});

describe('the right site file for a self-hosted webmail', () => {
  it('recognises the webmail in the tab the user is on and registers its own site file there', async () => {
    const t = env(['https://mail.exemple-pme.fr/*'], [], { 7: ROUNDCUBE_PAGE });
    const s = createSites(t.e);
    // The popup names it before anything is enabled (activeTab lets the worker look at the page).
    expect(await s.status('https://mail.exemple-pme.fr', 7)).toMatchObject({ enabled: false, site: 'roundcube' });
    expect(await s.enable('https://mail.exemple-pme.fr', 7)).toBe('roundcube');
    expect([...t.registered.values()]).toEqual([
      { id: 'site-https://mail.exemple-pme.fr', matches: ['https://mail.exemple-pme.fr/*'], js: ['content/roundcube.js'], runAt: 'document_idle' },
    ]);
    expect(t.files).toEqual({ 'https://mail.exemple-pme.fr': 'roundcube' });
    expect(t.injected).toEqual([{ target: { tabId: 7 }, files: ['content/roundcube.js'] }]);
    expect(await s.status('https://mail.exemple-pme.fr')).toMatchObject({ enabled: true, registered: true, site: 'roundcube' });
  });

  it('a page no site file knows gets the generic one; a page that cannot be read too', async () => {
    const t = env(['https://a.example/*', 'https://b.example/*'], [], { 1: ['div.some-webmail'] });
    const s = createSites(t.e);
    expect(await s.status('https://a.example', 1)).toMatchObject({ site: null });
    expect(await s.enable('https://a.example', 1)).toBe('generic');
    expect(await s.enable('https://b.example', 2)).toBe('generic'); // tab 2: "Cannot access contents of the page"
    expect([...t.registered.values()].map((r) => r.js)).toEqual([['content/generic.js'], ['content/generic.js']]);
    expect(t.files).toEqual({});
  });

  it('enabled without a tab (options page): the generic file first, then the worker looks at the page it runs on', async () => {
    const t = env(['https://webmail.exemple.fr/*', 'https://other.example/*'], [], { 12: ROUNDCUBE_PAGE, 13: ['div.nothing'], 14: ROUNDCUBE_PAGE });
    const s = createSites(t.e);
    expect(await s.enable('https://webmail.exemple.fr')).toBe('generic');
    expect(await s.recognise('https://webmail.exemple.fr', 12)).toBe('roundcube');
    expect([...t.registered.values()].map((r) => r.js)).toEqual([['content/roundcube.js']]);
    expect(t.files).toEqual({ 'https://webmail.exemple.fr': 'roundcube' });
    expect(t.injected).toEqual([{ target: { tabId: 12 }, files: ['content/roundcube.js'] }]);
    // Asked again: it has its own file now. Not enabled, built in: nothing. A page no site file knows: stays generic.
    expect(await s.recognise('https://webmail.exemple.fr', 12)).toBeNull();
    expect(await s.recognise('https://other.example', 14)).toBeNull();
    expect(await s.recognise('https://mail.google.com', 14)).toBeNull();
    await s.enable('https://other.example');
    expect(await s.recognise('https://other.example', 13)).toBeNull();
    expect(t.files).toEqual({ 'https://webmail.exemple.fr': 'roundcube' });
    expect(t.injected).toHaveLength(1);
    // Disabled: forgotten, file and all.
    await s.disable('https://webmail.exemple.fr');
    expect(t.files).toEqual({});
    expect([...t.registered.keys()]).toEqual(['site-https://other.example']);
  });

  it('at start-up and after an update each enabled domain gets its own file back, each open tab its own script', async () => {
    const t = env(['https://rc.example/*', 'https://other.example/*'], [
      { id: 1, url: 'https://mail.google.com/mail/u/0/' },
      { id: 2, url: 'https://rc.example/?_task=mail' },
      { id: 3, url: 'https://other.example/' },
    ]);
    t.sites.push('https://rc.example', 'https://other.example');
    t.files['https://rc.example'] = 'roundcube';
    // A registration left with the wrong file (an older version registered the generic one everywhere).
    t.registered.set('site-https://rc.example', { id: 'site-https://rc.example', matches: ['https://rc.example/*'], js: ['content/generic.js'] });
    const s = createSites(t.e);
    await s.sync();
    expect(Object.fromEntries([...t.registered.values()].map((r) => [r.id, r.js]))).toEqual({
      'site-https://rc.example': ['content/roundcube.js'],
      'site-https://other.example': ['content/generic.js'],
    });
    expect(await s.injectIntoOpenTabs()).toEqual([1, 2, 3]);
    expect(t.injected).toEqual([
      { target: { tabId: 1 }, files: ['content/gmail.js'] },
      { target: { tabId: 2 }, files: ['content/roundcube.js'] },
      { target: { tabId: 3 }, files: ['content/generic.js'] },
    ]);
  });

  it('built-in sites are named by the manifest’s own content script', async () => {
    const t = env();
    const s = createSites(t.e);
    expect(await s.status('https://mail.google.com', 4)).toMatchObject({ builtIn: true, site: 'gmail' });
    expect(builtInSite(manifest, 'https://mail.google.com')).toBe('gmail');
    expect(builtInSite(manifest, 'https://webmail.example')).toBeNull();
    expect(siteOfFile('content/outlook.js')).toBe('outlook');
    expect(siteOfFile('src/content/main.js')).toBeNull();
  });
});

describe('content script files', () => {
  it('one file per site; paths inside the extension, also from the full URLs Firefox’s getManifest() returns', () => {
    expect(contentFile('generic')).toEqual(['content/generic.js']);
    expect(() => contentFile('../x')).toThrow();
    expect(relativeFiles(manifest.content_scripts![0]!.js)).toEqual(['content/gmail.js']);
    expect(relativeFiles(['moz-extension://6f1c4f1e-7d0b-4c2a-9a53-2f0b3e1d9c11/content/gmail.js'])).toEqual(['content/gmail.js']);
  });
});
