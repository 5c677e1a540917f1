/**
 * The settings in storage.sync, so that they follow the user to their other computers — within its quotas
 * (src/storage/sync-quota.ts: 8,192 bytes per item, 102,400 in all, 512 items). No extension API here: the worker's
 * writer gives the areas (tests give fakes).
 *
 * Layout in storage.sync: `settings` holds the identity, the unsubscribe method, own domains, language, topic, contact
 * sources and the order of the templates (their ids); each template is an item of its own, `tpl.<id>`, so that one
 * long template does not push the rest out. What is tied to this computer never goes there: the sites enabled here
 * (their host permission is this browser's) and the built-in sites switched off here. Large data — overrides, consent
 * records, the suppression list, the history — stays in storage.local / IndexedDB.
 *
 * storage.local keeps the whole settings as before (`settings`): every reader (the worker, the content scripts' change
 * events, the pages) reads it there, and nothing is lost when sync refuses a write (quota, rate limit, no sync at
 * all). The worker, the only writer, mirrors each settings write to sync (`pushSettings`) and takes in what another
 * computer wrote (`pullSettings`, on storage.onChanged for 'sync'). What did not fit is listed in `syncStatus` for the
 * options page. The first time (no `settingsInSync` mark), settings this computer already had are pushed once; a fresh
 * install takes the synced ones instead.
 */
import type { StorageArea } from './area';
import { defaultSettings, STORAGE_KEYS, validateSettings, type Settings } from './schema';
import { planSync, SYNC_QUOTA } from './sync-quota';

export interface SyncArea extends StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  remove(keys: string | string[]): Promise<void>;
}

export const SYNC_CORE_KEY = 'settings';
export const SYNC_TEMPLATE_PREFIX = 'tpl.';
/** storage.local: set once this computer's settings are in sync (the one-time migration is done). */
export const SYNC_MIGRATED_KEY = 'settingsInSync';
/** storage.local: what the last push left out, for the options page. */
export const SYNC_STATUS_KEY = 'syncStatus';

/** Settings that stay on this computer. */
const LOCAL_ONLY = ['enabledSites', 'disabledSites', 'siteFiles'] as const;

export interface SyncStatus {
  /** Names of what is kept on this computer only: 'settings' for the identity, else a template's name. */
  notSynced: string[];
  /** Why sync refused the write (its own message), when it did. */
  error?: string;
  /** Bytes used in storage.sync. */
  bytes: number;
}

/** The sync items for `s`, in priority order: the identity first, then the templates in their order. */
export function settingsItems(s: Settings): Array<[string, unknown]> {
  const core: Record<string, unknown> = { ...s, templates: s.templates.map((t) => t.id) };
  for (const k of LOCAL_ONLY) delete core[k];
  return [[SYNC_CORE_KEY, core], ...s.templates.map((t): [string, unknown] => [SYNC_TEMPLATE_PREFIX + t.id, t])];
}

/** The settings sync holds, with this computer's own (`local`) for what stays here; null when sync has none. */
export function assembleSettings(sync: Record<string, unknown>, local: Settings): Settings | null {
  const core = sync[SYNC_CORE_KEY];
  if (typeof core !== 'object' || core === null || Array.isArray(core)) return null;
  const c = core as Record<string, unknown>;
  const ids = Array.isArray(c.templates) ? c.templates.filter((x): x is string => typeof x === 'string') : [];
  // A template that did not fit in sync is still in this computer's copy (a template of another computer that did not
  // fit there is that computer's).
  const templates = ids.map((id) => sync[SYNC_TEMPLATE_PREFIX + id] ?? local.templates.find((t) => t.id === id)).filter(Boolean);
  const raw: Record<string, unknown> = { ...c, templates };
  for (const k of LOCAL_ONLY) raw[k] = local[k as keyof Settings];
  return validateSettings(raw);
}

/** JSON with object keys sorted: Chromium's storage gives objects back with their keys in another order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const isOurs = (k: string) => k === SYNC_CORE_KEY || k.startsWith(SYNC_TEMPLATE_PREFIX);

/** Our items among what storage.sync holds. */
export function syncedItems(all: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(all).filter(([k]) => isOurs(k)));
}

/** Whether sync holds exactly `pushed` (what this computer last wrote there): then a change event is our own echo. */
export function isOwnEcho(all: Record<string, unknown>, pushed: Record<string, unknown> | null): boolean {
  if (!pushed) return false;
  const ours = syncedItems(all);
  const keys = Object.keys(ours);
  return keys.length === Object.keys(pushed).length && keys.every((k) => same(ours[k], pushed[k]));
}

/**
 * Mirrors `next` to sync: the items that fit are written, the ones sync no longer needs removed; what does not fit is
 * listed in the status (kept in storage.local, as everything is). Never throws: a refusal is reported in the status.
 */
export async function pushSettings(local: StorageArea, sync: SyncArea, next: Settings, onSynced?: (items: Record<string, unknown>) => void): Promise<SyncStatus> {
  const items = settingsItems(next);
  const plan = planSync(items, SYNC_QUOTA);
  const nameOf = (key: string) => (key === SYNC_CORE_KEY ? 'settings' : (next.templates.find((t) => SYNC_TEMPLATE_PREFIX + t.id === key)?.name ?? key));
  let status: SyncStatus = { notSynced: plan.overflow.map(nameOf), bytes: plan.bytes };
  try {
    // The identity did not fit (it cannot, in practice: its fields are bounded): nothing half-synced.
    if (!(SYNC_CORE_KEY in plan.sync)) throw new Error('settings too large for storage.sync');
    const have = await sync.get(null);
    const changed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(plan.sync)) if (!same(have[k], v)) changed[k] = v;
    const stale = Object.keys(have).filter((k) => isOurs(k) && !(k in plan.sync));
    // Known before the writes land: their storage.onChanged echo must not be taken for another computer's change.
    onSynced?.(plan.sync);
    if (Object.keys(changed).length) await sync.set(changed);
    if (stale.length) await sync.remove(stale);
  } catch (e) {
    status = { notSynced: items.map(([k]) => nameOf(k)), bytes: 0, error: e instanceof Error ? e.message : String(e) };
  }
  await local.set({ [SYNC_STATUS_KEY]: status, [SYNC_MIGRATED_KEY]: true });
  return status;
}

/**
 * What another computer wrote to sync, taken into this computer's settings (its own sites kept). Returns the new
 * settings when they changed (the caller writes them to storage.local), else null.
 */
export async function pullSettings(local: StorageArea, sync: SyncArea, pushed: Record<string, unknown> | null = null): Promise<Settings | null> {
  const all = await sync.get(null);
  // What this computer wrote itself (storage.onChanged fires for our own writes too): nothing to take in.
  if (isOwnEcho(all, pushed)) return null;
  const raw = await local.get([STORAGE_KEYS.settings]);
  const current = validateSettings(raw[STORAGE_KEYS.settings]);
  const next = assembleSettings(all, current);
  return next && !same(next, current) ? next : null;
}

/**
 * Once per computer: settings this computer already had go to sync (pushed); a fresh install with nothing of its own
 * takes what sync holds. Returns the settings to write locally when it took them from sync, else null.
 */
export async function migrateSettings(
  local: StorageArea,
  sync: SyncArea,
  onSynced?: (items: Record<string, unknown>) => void,
): Promise<{ pulled: Settings | null; status: SyncStatus | null }> {
  const raw = await local.get([STORAGE_KEYS.settings, SYNC_MIGRATED_KEY]);
  if (raw[SYNC_MIGRATED_KEY] === true) return { pulled: null, status: null };
  const current = validateSettings(raw[STORAGE_KEYS.settings]);
  const fresh = same({ ...current, enabledSites: [], siteFiles: {} }, { ...defaultSettings(), enabledSites: [], siteFiles: {} });
  if (fresh) {
    const pulled = assembleSettings(await sync.get(null), current);
    if (pulled) {
      await local.set({ [SYNC_MIGRATED_KEY]: true });
      return { pulled, status: null };
    }
  }
  return { pulled: null, status: await pushSettings(local, sync, current, onSynced) };
}

export function validateSyncStatus(raw: unknown): SyncStatus {
  if (typeof raw !== 'object' || raw === null) return { notSynced: [], bytes: 0 };
  const r = raw as Record<string, unknown>;
  const out: SyncStatus = {
    notSynced: Array.isArray(r.notSynced) ? r.notSynced.filter((x): x is string => typeof x === 'string').slice(0, 100) : [],
    bytes: typeof r.bytes === 'number' ? r.bytes : 0,
  };
  if (typeof r.error === 'string') out.error = r.error.slice(0, 300);
  return out;
}
