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
      topic: 'energy-renovation',
      intro: { senderName: '  Camille ', company: 'Exemple\u0000 SAS', activity: 'x'.repeat(600), contactSource: 3, extra: 'no' },
      enabledSites: ['https://Webmail.Example.com/path', 'ftp://x.y', 'javascript:alert(1)', 'http://intranet:8080/'],
    });
    expect(s.ownDomains).toEqual(['moi.fr', 'filiale.moi.fr']);
    expect(s.lang).toBe('en');
    expect(s.topic).toBe('energy-renovation');
    expect(validateSettings({ topic: 'solar' }).topic).toBeNull();
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

  it('validates consent records: address, real date, how it was obtained, optional short note', () => {
    expect(
      validateConsents({
        'Jean@Gmail.com': { date: '2026-11-28', method: 'written', note: ' salon ' },
        'old@free.fr': { date: '2026-10-01' },
        'x@y.fr': { date: '2026-10-01', method: 'telepathy' },
        'a@b.fr': { date: '2026-02-30', method: 'form' },
        'c@d.fr': { date: '28/11/2026', method: 'form' },
        'not-an-address': { date: '2026-11-28', method: 'form' },
        'e@f.fr': 'yes',
      }),
    ).toEqual({
      'jean@gmail.com': { address: 'jean@gmail.com', date: '2026-11-28', method: 'written', note: 'salon' },
      // Recorded before the method was asked: kept, and said to be unspecified.
      'old@free.fr': { address: 'old@free.fr', date: '2026-10-01', method: 'unspecified' },
      'x@y.fr': { address: 'x@y.fr', date: '2026-10-01', method: 'unspecified' },
    });
  });

  it('normalises domains, addresses, origins and dates', () => {
    expect(normalizeDomain('Exemple.FR.')).toBe('exemple.fr');
    expect(normalizeDomain('société.fr')).toBe('société.fr');
    expect(normalizeDomain('localhost')).toBeNull();
    expect(normalizeAddress(' A.B@Exemple.fr ')).toBe('a.b@exemple.fr');
    expect(normalizeAddress('a@b@c.fr')).toBeNull();
    // The rules engine's parser decides: a punycode TLD is kept whole (not cut to "xn"), shown in Unicode.
    expect(normalizeAddress('ivan@Пример.xn--p1ai')).toBe('ivan@пример.рф');
    expect(normalizeAddress('Jean <jean@acme.fr>')).toBeNull();
    expect(normalizeDomain('xn--80akhbyknj4f.xn--p1ai')).toBe('испытание.рф');
    expect(normalizeDomain('a@b.fr')).toBeNull();
    expect(normalizeOrigin('https://mail.example.com/x?y')).toBe('https://mail.example.com');
    expect(normalizeOrigin('chrome://settings')).toBeNull();
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});

describe('storage reads', () => {
  it('reads defaults from empty storage and junk as defaults', async () => {
    expect(await storage.getSettings()).toEqual(defaultSettings());
    mem.settings = 'garbage';
    mem.overrides = 7;
    mem.consents = { x: 1 };
    expect(await storage.loadAll()).toEqual({ settings: defaultSettings(), overrides: {}, consents: {} });
  });

  it('offers no write: records are written by the service worker only', () => {
    for (const name of ['saveSettings', 'setOverride', 'recordConsent', 'removeConsent', 'addEnabledSite', 'removeEnabledSite']) {
      expect(name in storage).toBe(false);
    }
  });

  it('tells which storage changes affect classification', () => {
    expect(storage.affectsClassification({ consents: {} }, 'local')).toBe(true);
    expect(storage.affectsClassification({ consents: {} }, 'sync')).toBe(false);
    expect(storage.affectsClassification({ other: {} }, 'local')).toBe(false);
  });
});
