import { beforeEach, describe, expect, it, vi } from 'vitest';

const mem: Record<string, unknown> = {};
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: vi.fn(async (keys: string | string[]) => {
          const out: Record<string, unknown> = {};
          for (const k of Array.isArray(keys) ? keys : [keys]) if (k in mem) out[k] = structuredClone(mem[k]);
          return out;
        }),
        set: vi.fn(async (items: Record<string, unknown>) => {
          Object.assign(mem, structuredClone(items));
        }),
      },
    },
  },
}));

import * as storage from './index';
import {
  defaultSettings,
  isIsoDate,
  normalizeAddress,
  normalizeDomain,
  normalizeOrigin,
  todayIso,
  validateConsents,
  validateOverrides,
  validateSettings,
} from './schema';

beforeEach(() => {
  for (const k of Object.keys(mem)) delete mem[k];
});

describe('validation (pure)', () => {
  it('gives defaults for missing or junk settings', () => {
    expect(validateSettings(undefined)).toEqual(defaultSettings());
    expect(validateSettings('x')).toEqual(defaultSettings());
    expect(validateSettings([1, 2])).toEqual(defaultSettings());
    expect(validateSettings({ jurisdiction: 'DE', lang: 'de', ownDomains: 'moi.fr', intro: 5 })).toEqual(defaultSettings());
  });

  it('keeps valid settings, normalised', () => {
    const s = validateSettings({
      ownDomains: [' Moi.FR ', '@filiale.moi.fr', 'not a domain', 'moi.fr', 42],
      lang: 'en',
      intro: { senderName: '  Camille ', company: 'Exemple\u0000 SAS', activity: 'x'.repeat(600), contactSource: 3, extra: 'no' },
      enabledSites: ['https://Webmail.Example.com/path', 'ftp://x.y', 'javascript:alert(1)', 'http://intranet:8080/'],
    });
    expect(s.ownDomains).toEqual(['moi.fr', 'filiale.moi.fr']);
    expect(s.lang).toBe('en');
    expect(s.jurisdiction).toBe('FR');
    expect(s.intro).toEqual({ senderName: 'Camille', company: 'Exemple SAS', activity: 'x'.repeat(500), contactSource: '', unsubscribe: '' });
    expect(s.enabledSites).toEqual(['https://webmail.example.com', 'http://intranet:8080']);
  });

  it('validates overrides: lower-cased address or domain keys, business|private values', () => {
    expect(validateOverrides({ 'Jean@Gmail.com': 'business', 'ACME.fr': 'private', 'bad key': 'business', 'x@y.fr': 'maybe' })).toEqual({
      'jean@gmail.com': 'business',
      'acme.fr': 'private',
    });
    expect(validateOverrides(null)).toEqual({});
    expect(validateOverrides(['a'])).toEqual({});
  });

  it('validates consent records: real dates only, optional short note', () => {
    expect(
      validateConsents({
        'Jean@Gmail.com': { date: '2026-11-28', note: ' salon ' },
        'a@b.fr': { date: '2026-02-30' },
        'c@d.fr': { date: '28/11/2026' },
        'not-an-address': { date: '2026-11-28' },
        'e@f.fr': 'yes',
      }),
    ).toEqual({ 'jean@gmail.com': { date: '2026-11-28', note: 'salon' } });
  });

  it('normalises domains, addresses, origins and dates', () => {
    expect(normalizeDomain('Exemple.FR.')).toBe('exemple.fr');
    expect(normalizeDomain('société.fr')).toBe('société.fr');
    expect(normalizeDomain('localhost')).toBeNull();
    expect(normalizeAddress(' A.B@Exemple.fr ')).toBe('a.b@exemple.fr');
    expect(normalizeAddress('a@b@c.fr')).toBeNull();
    expect(normalizeOrigin('https://mail.example.com/x?y')).toBe('https://mail.example.com');
    expect(normalizeOrigin('chrome://settings')).toBeNull();
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});

describe('storage wrappers', () => {
  it('reads defaults from empty storage and junk as defaults', async () => {
    expect(await storage.getSettings()).toEqual(defaultSettings());
    mem.settings = 'garbage';
    mem.overrides = 7;
    mem.consents = { x: 1 };
    expect(await storage.loadAll()).toEqual({ settings: defaultSettings(), overrides: {}, consents: {} });
  });

  it('saves a partial settings update, validated', async () => {
    await storage.saveSettings({ ownDomains: ['Moi.fr', 'bad domain'] });
    await storage.saveSettings({ intro: { ...defaultSettings().intro, activity: 'Logiciels de paie' } });
    const s = await storage.getSettings();
    expect(s.ownDomains).toEqual(['moi.fr']);
    expect(s.intro.activity).toBe('Logiciels de paie');
    expect(mem.settings).toEqual(s);
  });

  it('sets and removes overrides', async () => {
    await storage.setOverride('Paul@Acme.fr', 'business');
    await storage.setOverride('acme.fr', 'private');
    expect(await storage.getOverrides()).toEqual({ 'paul@acme.fr': 'business', 'acme.fr': 'private' });
    await storage.setOverride('acme.fr', null);
    expect(await storage.getOverrides()).toEqual({ 'paul@acme.fr': 'business' });
    await expect(storage.setOverride('not valid', 'business')).rejects.toThrow();
    await expect(storage.setOverride('a@b.fr', 'maybe' as never)).rejects.toThrow();
  });

  it('records consent with today’s date by default, and removes it', async () => {
    const rec = await storage.recordConsent('Jean@Gmail.com');
    expect(rec.date).toBe(todayIso());
    await storage.recordConsent('marie@orange.fr', '2026-11-01', 'formulaire du salon');
    expect(await storage.getConsents()).toEqual({
      'jean@gmail.com': { date: todayIso() },
      'marie@orange.fr': { date: '2026-11-01', note: 'formulaire du salon' },
    });
    await storage.removeConsent('JEAN@gmail.com');
    expect(Object.keys(await storage.getConsents())).toEqual(['marie@orange.fr']);
    await expect(storage.recordConsent('x@y.fr', '2026-13-01')).rejects.toThrow();
    await expect(storage.recordConsent('nope')).rejects.toThrow();
  });

  it('adds and removes enabled sites once each', async () => {
    await storage.addEnabledSite('https://webmail.example/inbox');
    await storage.addEnabledSite('https://webmail.example');
    expect((await storage.getSettings()).enabledSites).toEqual(['https://webmail.example']);
    await storage.removeEnabledSite('https://webmail.example/');
    expect((await storage.getSettings()).enabledSites).toEqual([]);
    await expect(storage.addEnabledSite('javascript:alert(1)')).rejects.toThrow();
  });

  it('tells which storage changes affect classification', () => {
    expect(storage.affectsClassification({ consents: {} }, 'local')).toBe(true);
    expect(storage.affectsClassification({ consents: {} }, 'sync')).toBe(false);
    expect(storage.affectsClassification({ other: {} }, 'local')).toBe(false);
  });
});
