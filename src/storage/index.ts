/**
 * Thin wrappers over browser.storage.local. Every read is validated (see schema.ts), every write
 * re-validates the whole value, so storage never holds a shape the rest of the extension cannot use.
 * Used by the worker (classification), the content script (the overlay's actions) and the options page.
 */
import browser from 'webextension-polyfill';
import type { OverrideKind } from '../rules/types';
import {
  LIMITS,
  STORAGE_KEYS,
  mergeSettings,
  normalizeAddress,
  normalizeOrigin,
  normalizeOverrideKey,
  todayIso,
  validateConsentRecord,
  validateConsents,
  validateOverrides,
  validateSettings,
  type ConsentRecord,
  type Consents,
  type Overrides,
  type Settings,
} from './schema';

export * from './schema';

export interface Stored {
  settings: Settings;
  overrides: Overrides;
  consents: Consents;
}

const ALL_KEYS = Object.values(STORAGE_KEYS);

export async function loadAll(): Promise<Stored> {
  const raw = await browser.storage.local.get(ALL_KEYS);
  return {
    settings: validateSettings(raw[STORAGE_KEYS.settings]),
    overrides: validateOverrides(raw[STORAGE_KEYS.overrides]),
    consents: validateConsents(raw[STORAGE_KEYS.consents]),
  };
}

export async function getSettings(): Promise<Settings> {
  const raw = await browser.storage.local.get(STORAGE_KEYS.settings);
  return validateSettings(raw[STORAGE_KEYS.settings]);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = mergeSettings(await getSettings(), patch);
  await browser.storage.local.set({ [STORAGE_KEYS.settings]: next });
  return next;
}

export async function getOverrides(): Promise<Overrides> {
  const raw = await browser.storage.local.get(STORAGE_KEYS.overrides);
  return validateOverrides(raw[STORAGE_KEYS.overrides]);
}

/** Marks an address or a domain as business or private; `null` removes the override. */
export async function setOverride(key: string, kind: OverrideKind | null): Promise<Overrides> {
  const k = normalizeOverrideKey(key);
  if (!k) throw new Error('invalid address or domain');
  if (kind !== null && kind !== 'business' && kind !== 'private') throw new Error('invalid override');
  const current = await getOverrides();
  if (kind === null) delete current[k];
  else {
    if (!(k in current) && Object.keys(current).length >= LIMITS.overrides) throw new Error('too many overrides');
    current[k] = kind;
  }
  await browser.storage.local.set({ [STORAGE_KEYS.overrides]: current });
  return current;
}

export async function getConsents(): Promise<Consents> {
  const raw = await browser.storage.local.get(STORAGE_KEYS.consents);
  return validateConsents(raw[STORAGE_KEYS.consents]);
}

/** Records that the recipient consented (today unless `date` is given). */
export async function recordConsent(address: string, date: string = todayIso(), note?: string): Promise<ConsentRecord> {
  const a = normalizeAddress(address);
  if (!a) throw new Error('invalid address');
  const rec = validateConsentRecord({ date, note });
  if (!rec) throw new Error('invalid date');
  const current = await getConsents();
  if (!(a in current) && Object.keys(current).length >= LIMITS.consents) throw new Error('too many consent records');
  current[a] = rec;
  await browser.storage.local.set({ [STORAGE_KEYS.consents]: current });
  return rec;
}

export async function removeConsent(address: string): Promise<void> {
  const a = normalizeAddress(address);
  if (!a) return;
  const current = await getConsents();
  if (!(a in current)) return;
  delete current[a];
  await browser.storage.local.set({ [STORAGE_KEYS.consents]: current });
}

export async function addEnabledSite(origin: string): Promise<Settings> {
  const o = normalizeOrigin(origin);
  if (!o) throw new Error('invalid origin');
  const s = await getSettings();
  if (s.enabledSites.includes(o)) return s;
  return saveSettings({ enabledSites: [...s.enabledSites, o] });
}

export async function removeEnabledSite(origin: string): Promise<Settings> {
  const o = normalizeOrigin(origin);
  const s = await getSettings();
  if (!o || !s.enabledSites.includes(o)) return s;
  return saveSettings({ enabledSites: s.enabledSites.filter((x) => x !== o) });
}

/** True when a storage.onChanged event touches anything classification depends on. */
export function affectsClassification(changes: Record<string, unknown>, areaName: string): boolean {
  return areaName === 'local' && ALL_KEYS.some((k) => k in changes);
}
