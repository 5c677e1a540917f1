/**
 * Reads of browser.storage.local, every one validated (see schema.ts). Writes are the service worker's alone
 * (src/background/writer.ts, one at a time): content scripts and extension pages ask it by message.
 */
import browser from 'webextension-polyfill';
import { readAll, readSettings, type Stored } from './area';
import type { Settings } from './schema';

export * from './schema';
export type { Stored, StorageArea } from './area';
export { affectsClassification } from './area';

export function loadAll(): Promise<Stored> {
  return readAll(browser.storage.local);
}

export function getSettings(): Promise<Settings> {
  return readSettings(browser.storage.local);
}
