import { describe, expect, it } from 'vitest';
import { defaultSettings, validateConsents, validateOverrides, validateSettings } from '../../storage/schema';
import { exportSettingsFile, parseSettingsFile } from './settings-file';

const V = { settings: validateSettings, overrides: validateOverrides, consents: validateConsents };

describe('settings file', () => {
  it('round-trips the settings, overrides and consents', () => {
    const settings = { ...defaultSettings(), ownDomains: ['moi.fr'], intro: { ...defaultSettings().intro, company: 'Exemple PME' } };
    const text = exportSettingsFile({ settings, overrides: { 'paul@gmail.com': 'business' }, consents: { 'marie@orange.fr': { date: '2026-11-01' } } }, new Date('2026-11-28T10:00:00Z'));
    const r = parseSettingsFile(text, V);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.ownDomains).toEqual(['moi.fr']);
    expect(r.settings.intro.company).toBe('Exemple PME');
    expect(r.overrides).toEqual({ 'paul@gmail.com': 'business' });
    expect(r.counts).toEqual({ overrides: 1, consents: 1 });
    expect(r.exportedAt).toBe('2026-11-28T10:00:00.000Z');
  });

  it('says why a file cannot be imported, and drops what the validators refuse', () => {
    expect(parseSettingsFile('pas du json', V)).toEqual({ ok: false, problem: 'not-json' });
    expect(parseSettingsFile('{"a":1}', V)).toEqual({ ok: false, problem: 'not-ours' });
    expect(parseSettingsFile('{"format":"prospect-guard-settings","version":99}', V)).toEqual({ ok: false, problem: 'newer-version' });
    const r = parseSettingsFile('\uFEFF{"format":"prospect-guard-settings","version":1,"settings":{"ownDomains":["ok.fr","pas un domaine"]},"overrides":{"x":"weird"},"consents":null}', V);
    expect(r.ok && r.settings.ownDomains).toEqual(['ok.fr']);
    expect(r.ok && r.counts).toEqual({ overrides: 0, consents: 0 });
  });
});
