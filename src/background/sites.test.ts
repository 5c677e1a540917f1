import { describe, expect, it } from 'vitest';
import { contentFile, createSites, relativeFiles, isBuiltIn, originFromPattern, type SitesEnv } from './sites';
import type { Manifest, Scripting } from 'webextension-polyfill';

const manifest = {
  manifest_version: 3,
  name: 'x',
  version: '1',
  content_scripts: [{ matches: ['https://mail.google.com/*'], js: ['content/gmail.js'] }],
} as unknown as Manifest.WebExtensionManifest;

function env(granted: string[] = [], openTabs: Array<{ id: number; url: string }> = []) {
  const registered = new Map<string, Scripting.RegisteredContentScript>();
  const sites: string[] = [];
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
        injected.push(i);
        return [];
      },
    },
    tabs: {
      query: async (q) =>
        openTabs.filter((t) => (q.url ?? []).some((p) => t.url.startsWith(p.replace(/\*$/, '')))),
    },
    getEnabledSites: async () => [...sites],
    addEnabledSite: async (o) => {
      if (!sites.includes(o)) sites.push(o);
    },
    removeEnabledSite: async (o) => {
      const i = sites.indexOf(o);
      if (i >= 0) sites.splice(i, 1);
    },
  };
  return { e, registered, sites, granted, injected };
}

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

describe('content script files', () => {
  it('one file per site; paths inside the extension, also from the full URLs Firefox’s getManifest() returns', () => {
    expect(contentFile('generic')).toEqual(['content/generic.js']);
    expect(() => contentFile('../x')).toThrow();
    expect(relativeFiles(manifest.content_scripts![0]!.js)).toEqual(['content/gmail.js']);
    expect(relativeFiles(['moz-extension://6f1c4f1e-7d0b-4c2a-9a53-2f0b3e1d9c11/content/gmail.js'])).toEqual(['content/gmail.js']);
  });
});
