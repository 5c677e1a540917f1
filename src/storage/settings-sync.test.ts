import { describe, expect, it } from 'vitest';
import { createWriter } from '../background/writer';
import { defaultSettings, type IntroTemplate, type Settings } from './schema';
import { itemBytes, SYNC_QUOTA } from './sync-quota';
import { SYNC_MIGRATED_KEY, SYNC_STATUS_KEY, type SyncArea } from './settings-sync';
import type { StorageArea } from './area';

/** storage.local as the browsers keep it. */
function localArea(init: Record<string, unknown> = {}): StorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(init);
  return {
    data,
    get: async (keys) => Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

/** storage.sync with the browsers' quotas: a write over one of them is refused whole, as Chrome and Firefox do. */
function syncArea(init: Record<string, unknown> = {}, opts: { broken?: boolean } = {}): SyncArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(init);
  return {
    data,
    get: async (keys) => {
      if (opts.broken) throw new Error('sync is off');
      const ks = keys === null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(ks.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    set: async (items) => {
      if (opts.broken) throw new Error('sync is off');
      // Kept with their keys sorted, as Chromium gives them back.
      items = JSON.parse(JSON.stringify(items, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v)));
      const next = { ...data, ...items };
      for (const [k, v] of Object.entries(items)) if (itemBytes(k, v) > SYNC_QUOTA.perItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      if (Object.keys(next).length > SYNC_QUOTA.items) throw new Error('MAX_ITEMS quota exceeded');
      if (Object.entries(next).reduce((n, [k, v]) => n + itemBytes(k, v), 0) > SYNC_QUOTA.total) throw new Error('QUOTA_BYTES quota exceeded');
      Object.assign(data, structuredClone(items));
    },
    remove: async (keys) => {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
    },
  };
}

const tpl = (id: string, text: string): IntroTemplate => ({ id, name: `Modèle ${id}`, lang: 'fr', text });
const identity = { senderName: 'Marie Martin', company: 'Exemple PME', activity: 'des bureaux', contactSource: 'le salon', unsubscribe: '' };

describe('settings in storage.sync', () => {
  it('mirrors each settings write: the identity and each template as items, this computer’s sites kept out', async () => {
    const local = localArea();
    const sync = syncArea();
    const w = createWriter(local, { sync });
    await w.saveSettings({ intro: identity, templates: [tpl('a', 'Bonjour {firstName}'), tpl('b', 'Hello')], ownDomains: ['moi.fr'] });
    await w.addEnabledSite('https://webmail.moi.fr');
    expect(Object.keys(sync.data).sort()).toEqual(['settings', 'tpl.a', 'tpl.b']);
    expect(sync.data.settings).toMatchObject({ intro: identity, ownDomains: ['moi.fr'], templates: ['a', 'b'] });
    expect(sync.data.settings).not.toHaveProperty('enabledSites');
    expect((local.data.settings as Settings).enabledSites).toEqual(['https://webmail.moi.fr']);
    expect(local.data[SYNC_STATUS_KEY]).toMatchObject({ notSynced: [] });
    // A template removed: its item goes from sync too.
    await w.saveSettings({ templates: [tpl('b', 'Hello')] });
    expect(Object.keys(sync.data).sort()).toEqual(['settings', 'tpl.b']);
  });

  it('stays within the quotas: a template too large for an item, or past the total, stays local and is listed; nothing lost', async () => {
    const local = localArea();
    const sync = syncArea();
    const w = createWriter(local, { sync });
    // 4,900 characters of "é" with newlines: over 8,192 bytes as JSON in UTF-8.
    const huge = tpl('huge', ('é'.repeat(48) + '\n').repeat(100));
    const many = Array.from({ length: 25 }, (_, i) => tpl(`m${i}`, 'é'.repeat(2400)));
    const saved = await w.saveSettings({ intro: identity, templates: [huge, ...many] });
    expect(saved.templates).toHaveLength(26);
    const status = local.data[SYNC_STATUS_KEY] as { notSynced: string[]; bytes: number };
    expect(status.notSynced[0]).toBe('Modèle huge');
    expect(status.notSynced.length).toBeGreaterThan(1); // the total quota too
    expect(status.bytes).toBeLessThanOrEqual(SYNC_QUOTA.total);
    const used = Object.entries(sync.data).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    expect(used).toBeLessThanOrEqual(SYNC_QUOTA.total);
    for (const [k, v] of Object.entries(sync.data)) expect(itemBytes(k, v)).toBeLessThanOrEqual(SYNC_QUOTA.perItem);
    // Every template is still on this computer, in order.
    expect((local.data.settings as Settings).templates.map((t) => t.id)).toEqual(['huge', ...many.map((t) => t.id)]);
  });

  it('sync refuses (off, rate limit): everything is kept locally and the reason is shown', async () => {
    const local = localArea();
    const w = createWriter(local, { sync: syncArea({}, { broken: true }) });
    await w.saveSettings({ intro: identity });
    expect((local.data.settings as Settings).intro).toEqual(identity);
    expect(local.data[SYNC_STATUS_KEY]).toMatchObject({ error: 'sync is off', notSynced: ['settings'] });
  });

  it('takes in what another computer wrote, keeping this computer’s sites and its own unsynced templates', async () => {
    const local = localArea();
    const sync = syncArea();
    const w = createWriter(local, { sync });
    await w.saveSettings({ intro: identity, templates: [tpl('a', 'A')] });
    await w.addEnabledSite('https://webmail.moi.fr');
    // The other computer changes the company and adds a template.
    sync.data.settings = { ...(sync.data.settings as object), intro: { ...identity, company: 'Nouvelle SAS' }, templates: ['a', 'c'] };
    sync.data['tpl.c'] = tpl('c', 'C');
    expect(await w.pullSync()).toBe(true);
    const s = local.data.settings as Settings;
    expect(s.intro.company).toBe('Nouvelle SAS');
    expect(s.templates.map((t) => t.id)).toEqual(['a', 'c']);
    expect(s.enabledSites).toEqual(['https://webmail.moi.fr']);
    expect(await w.pullSync()).toBe(false); // nothing new: no write
  });

  it('migrates this computer’s existing settings once; a fresh install takes the synced ones', async () => {
    const old: Settings = { ...defaultSettings(), intro: identity, templates: [tpl('a', 'A')], enabledSites: ['https://webmail.moi.fr'] };
    const local = localArea({ settings: old });
    const sync = syncArea();
    const w = createWriter(local, { sync });
    await w.migrateSync();
    expect(local.data[SYNC_MIGRATED_KEY]).toBe(true);
    expect(sync.data.settings).toMatchObject({ intro: identity, templates: ['a'] });
    expect(sync.data['tpl.a']).toEqual(tpl('a', 'A'));
    // Once: a later start does not push again over what another computer wrote meanwhile.
    sync.data.settings = { ...(sync.data.settings as object), intro: { ...identity, senderName: 'Paul' } };
    await w.migrateSync();
    expect((sync.data.settings as Settings).intro.senderName).toBe('Paul');
    // Another computer, fresh: it takes them.
    const local2 = localArea();
    await createWriter(local2, { sync }).migrateSync();
    expect((local2.data.settings as Settings).intro.senderName).toBe('Paul');
    expect((local2.data.settings as Settings).templates).toEqual([tpl('a', 'A')]);
    expect((local2.data.settings as Settings).enabledSites).toEqual([]);
  });
});

describe('the change events of our own writes', () => {
  it('are not taken for another computer’s: settings written here meanwhile are kept', async () => {
    const local = localArea();
    const sync = syncArea();
    const w = createWriter(local, { sync });
    await w.saveSettings({ intro: identity });
    // Written to this computer's settings by something else than the writer (a test, a demo set-up) after the push.
    local.data.settings = { ...(local.data.settings as Settings), intro: { ...identity, activity: 'autre chose' } };
    expect(await w.pullSync()).toBe(false); // the echo of our own push
    expect((local.data.settings as Settings).intro.activity).toBe('autre chose');
    // Another computer's change is still taken in.
    sync.data.settings = { ...(sync.data.settings as object), intro: { ...identity, company: 'Nouvelle SAS' } };
    expect(await w.pullSync()).toBe(true);
    expect((local.data.settings as Settings).intro.company).toBe('Nouvelle SAS');
  });
});
