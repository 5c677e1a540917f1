/**
 * Validated reads of a storage area (browser.storage.local in the extension, a fake in tests): no extension API
 * imported here, so the worker's writer and its tests share it.
 */
import { STORAGE_KEYS, validateConsents, validateOverrides, validateSettings, type Consents, type Overrides, type Settings } from './schema';

export interface Stored {
  settings: Settings;
  overrides: Overrides;
  consents: Consents;
}

/** The part of browser.storage.local the extension uses. */
export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const ALL_KEYS: readonly string[] = Object.values(STORAGE_KEYS);

export async function readAll(area: StorageArea): Promise<Stored> {
  const raw = await area.get([...ALL_KEYS]);
  return {
    settings: validateSettings(raw[STORAGE_KEYS.settings]),
    overrides: validateOverrides(raw[STORAGE_KEYS.overrides]),
    consents: validateConsents(raw[STORAGE_KEYS.consents]),
  };
}

export async function readSettings(area: StorageArea): Promise<Settings> {
  const raw = await area.get(STORAGE_KEYS.settings);
  return validateSettings(raw[STORAGE_KEYS.settings]);
}

/** True when a storage.onChanged event touches anything classification depends on. */
export function affectsClassification(changes: Record<string, unknown>, areaName: string): boolean {
  return areaName === 'local' && (ALL_KEYS.some((k) => k in changes) || SUPPRESSION_VERSION_KEY in changes);
}

/** Bumped by the worker after the suppression list (IndexedDB) changed, so that compose windows ask again. */
export const SUPPRESSION_VERSION_KEY = 'suppressionVersion';
