import { describe, expect, it } from 'vitest';
import { createWriter } from './writer';
import type { StorageArea } from '../storage/area';
import { defaultSettings } from '../storage/schema';

/**
 * An in-memory storage area whose reads and writes take a little while (like browser.storage), so writes that
 * were not serialised would read the same old value and lose each other's record.
 */
function slowArea(delayMs = 1) {
  const mem: Record<string, unknown> = {};
  const wait = () => new Promise((r) => setTimeout(r, delayMs * Math.random()));
  const area: StorageArea & { mem: typeof mem; sets: number } = {
    mem,
    sets: 0,
    async get(keys) {
      await wait();
      const out: Record<string, unknown> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) if (k in mem) out[k] = structuredClone(mem[k]);
      return out;
    },
    async set(items) {
      await wait();
      area.sets++;
      Object.assign(mem, structuredClone(items));
    },
  };
  return area;
}

const NOW = () => new Date(2026, 10, 28, 15, 0);

describe('the worker’s writer', () => {
  it('records 100 consents asked at the same moment (two tabs × 50): every one is stored', async () => {
    const area = slowArea();
    const w = createWriter(area, { now: NOW });
    const tab = (name: string) => Array.from({ length: 50 }, (_, i) => w.recordConsent(`${name}${i}@gmail.com`, 'form'));
    await Promise.all([...tab('tab-a-'), ...tab('tab-b-')]);
    const stored = area.mem.consents as Record<string, unknown>;
    expect(Object.keys(stored)).toHaveLength(100);
    expect(stored['tab-b-49@gmail.com']).toEqual({ address: 'tab-b-49@gmail.com', date: '2026-11-28', method: 'form' });
  });

  it('the same 100 writes without the queue lose records (what the queue prevents)', async () => {
    const area = slowArea();
    // One writer per write: nothing serialises them, as when each content script wrote storage itself.
    await Promise.all(Array.from({ length: 100 }, (_, i) => createWriter(area, { now: NOW }).recordConsent(`p${i}@gmail.com`, 'form')));
    expect(Object.keys(area.mem.consents as object).length).toBeLessThan(100);
  });

  it('a consent record holds the address, the worker’s date, how it was obtained and an optional proof note', async () => {
    const area = slowArea(0);
    const w = createWriter(area, { now: NOW });
    expect(await w.recordConsent(' Marie@Orange.FR ', 'written', '  e-mail du 3 mars ')).toEqual({
      address: 'marie@orange.fr',
      date: '2026-11-28',
      method: 'written',
      note: 'e-mail du 3 mars',
    });
    // A punycode TLD is not cut: the record is for the address the user saw.
    expect((await w.recordConsent('ivan@пример.xn--p1ai', 'oral')).address).toBe('ivan@пример.рф');
    await expect(w.recordConsent('nope', 'form')).rejects.toThrow('invalid address');
    await expect(w.recordConsent('a@b.fr', 'telepathy' as never)).rejects.toThrow('invalid method');
    await w.removeConsent('MARIE@orange.fr');
    expect(Object.keys(area.mem.consents as object)).toEqual(['ivan@пример.рф']);
  });

  it('a failed write does not stop the next ones', async () => {
    const area = slowArea(0);
    const w = createWriter(area, { now: NOW });
    const results = await Promise.allSettled([w.recordConsent('bad', 'form'), w.recordConsent('good@free.fr', 'form')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(Object.keys(area.mem.consents as object)).toEqual(['good@free.fr']);
  });

  it('sets and removes overrides', async () => {
    const area = slowArea(0);
    const w = createWriter(area);
    await Promise.all([w.setOverride('Paul@Acme.fr', 'business'), w.setOverride('acme.fr', 'private')]);
    expect(area.mem.overrides).toEqual({ 'paul@acme.fr': 'business', 'acme.fr': 'private' });
    await w.setOverride('acme.fr', null);
    expect(area.mem.overrides).toEqual({ 'paul@acme.fr': 'business' });
    await expect(w.setOverride('not valid', 'business')).rejects.toThrow();
    await expect(w.setOverride('a@b.fr', 'maybe' as never)).rejects.toThrow();
  });

  it('saves partial settings, validated; intro fields merge; lang null goes back to the browser’s', async () => {
    const area = slowArea(0);
    let writes = 0;
    const w = createWriter(area, { afterWrite: () => writes++ });
    await w.saveSettings({ ownDomains: ['Moi.fr', 'bad domain'], lang: 'en', topic: 'home-adaptation' });
    await w.saveSettings({ intro: { activity: 'Logiciels de paie' } });
    await w.saveSettings({ intro: { contactSource: 'le salon' }, lang: null });
    expect(area.mem.settings).toEqual({
      ...defaultSettings(),
      ownDomains: ['moi.fr'],
      topic: 'home-adaptation',
      intro: { ...defaultSettings().intro, activity: 'Logiciels de paie', contactSource: 'le salon' },
    });
    expect(writes).toBe(3);
  });

  it('adds and removes enabled sites once each, in the same queue as the other settings', async () => {
    const area = slowArea();
    const w = createWriter(area);
    await Promise.all([
      w.addEnabledSite('https://webmail.example/inbox'),
      w.saveSettings({ intro: { activity: 'Conseil' } }),
      w.addEnabledSite('https://webmail.example'),
    ]);
    const s = area.mem.settings as ReturnType<typeof defaultSettings>;
    expect(s.enabledSites).toEqual(['https://webmail.example']);
    expect(s.intro.activity).toBe('Conseil');
    await w.removeEnabledSite('https://webmail.example/');
    expect((area.mem.settings as typeof s).enabledSites).toEqual([]);
    await expect(w.addEnabledSite('javascript:alert(1)')).rejects.toThrow();
  });
});
