/**
 * The only code that writes Prospect Guard's records (settings, overrides, consent records): it runs in the service
 * worker, and every write goes through one queue, so two tabs recording at the same moment never read the same old
 * value and lose each other's record. Each write re-reads, validates and stores the whole value.
 */
import type { OverrideKind } from '../rules/types';
import { readAll as loadAll, readSettings as getSettings, type StorageArea } from '../storage/area';
import {
  LIMITS,
  STORAGE_KEYS,
  isConsentMethod,
  mergeSettings,
  normalizeRecipientKey,
  normalizeOrigin,
  normalizeOverrideKey,
  todayIso,
  validateConsentRecord,
  validateConsents,
  validateOverrides,
  validateSettings,
  type ConsentMethod,
  type ConsentRecord,
  type Overrides,
  type Settings,
  type SettingsPatch,
} from '../storage/schema';
import { migrateSettings, pullSettings, pushSettings, type SyncArea, type SyncStatus } from '../storage/settings-sync';

export class WriteError extends Error {}

export interface WriterOptions {
  now?: () => Date;
  /** Called after each write (the worker drops its cached copy, before any reader hears of the change). */
  afterWrite?: () => void;
  /** storage.sync: settings are mirrored there (src/storage/settings-sync.ts); none: this computer only. */
  sync?: SyncArea | null;
}

export function createWriter(storage: StorageArea, opts: WriterOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const area: StorageArea = {
    get: (keys) => storage.get(keys),
    set: async (items) => {
      try {
        await storage.set(items);
      } finally {
        opts.afterWrite?.();
      }
    },
  };
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `fn` after every write queued before it, whether those succeeded or not. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const p = queue.then(fn, fn);
    queue = p.catch(() => undefined);
    return p;
  }

  const sync = opts.sync ?? null;
  /** What this worker last wrote to storage.sync: the change events it causes are not another computer's. */
  let pushed: Record<string, unknown> | null = null;
  const remember = (items: Record<string, unknown>) => {
    pushed = structuredClone(items);
  };
  /** The whole settings in storage.local (what every reader reads), then mirrored to storage.sync. */
  async function writeSettings(next: Settings): Promise<void> {
    await area.set({ [STORAGE_KEYS.settings]: next });
    if (sync) await pushSettings(storage, sync, next, remember);
  }

  async function saveSettingsNow(patch: SettingsPatch): Promise<Settings> {
    const current = await getSettings(area);
    const { lang, ...rest } = patch;
    // lang: null goes back to the browser's language (validation drops an undefined lang).
    const next = mergeSettings(current, lang !== undefined ? { ...rest, lang: lang ?? undefined } : rest);
    await writeSettings(next);
    return next;
  }

  return {
    /** Records that the recipient consented, today (the worker's clock), how, with an optional proof note. */
    recordConsent(address: string, method: ConsentMethod, note?: string): Promise<ConsentRecord> {
      return serial(async () => {
        const a = normalizeRecipientKey(address);
        if (!a) throw new WriteError('invalid address');
        if (!isConsentMethod(method)) throw new WriteError('invalid method');
        const rec = validateConsentRecord({ date: todayIso(now()), method, note }, a)!;
        const { consents } = await loadAll(area);
        if (!(a in consents) && Object.keys(consents).length >= LIMITS.consents) throw new WriteError('too many consent records');
        consents[a] = rec;
        await area.set({ [STORAGE_KEYS.consents]: consents });
        return rec;
      });
    },

    /**
     * "I have their consent", answered in the confirm before send: one record per address, dated today by the worker,
     * method 'at-send'. An address that already has a record keeps it (its method says more). One write.
     */
    recordConsentsAtSend(addresses: readonly string[]): Promise<ConsentRecord[]> {
      return serial(async () => {
        const list = [...new Set(addresses.map((x) => normalizeRecipientKey(x)).filter((x): x is string => !!x))];
        if (!list.length) throw new WriteError('invalid address');
        const { consents } = await loadAll(area);
        const out: ConsentRecord[] = [];
        for (const a of list) {
          if (!consents[a]) {
            if (Object.keys(consents).length >= LIMITS.consents) throw new WriteError('too many consent records');
            consents[a] = validateConsentRecord({ date: todayIso(now()), method: 'at-send' }, a)!;
          }
          out.push(consents[a]);
        }
        await area.set({ [STORAGE_KEYS.consents]: consents });
        return out;
      });
    },

    /** A consent record as the user edits it in the options page: its own date (not in the future), method and proof. */
    saveConsent(address: string, date: string, method: ConsentMethod | 'at-send', note?: string): Promise<ConsentRecord> {
      return serial(async () => {
        const a = normalizeRecipientKey(address);
        if (!a) throw new WriteError('invalid address');
        if (!isConsentMethod(method) && method !== 'at-send') throw new WriteError('invalid method');
        if (date > todayIso(now())) throw new WriteError('date in the future');
        const rec = validateConsentRecord({ date, method, note }, a);
        if (!rec) throw new WriteError('invalid date');
        const { consents } = await loadAll(area);
        if (!(a in consents) && Object.keys(consents).length >= LIMITS.consents) throw new WriteError('too many consent records');
        consents[a] = rec;
        await area.set({ [STORAGE_KEYS.consents]: consents });
        return rec;
      });
    },

    /** A settings file: each part validated, then written at once. */
    importAll(raw: { settings: unknown; overrides: unknown; consents: unknown }): Promise<void> {
      return serial(async () => {
        const settings = validateSettings(raw.settings);
        // This computer's sites stay as they are: a settings file from another computer has its own.
        const here = await getSettings(area);
        settings.enabledSites = here.enabledSites;
        settings.disabledSites = here.disabledSites;
        await area.set({
          [STORAGE_KEYS.overrides]: validateOverrides(raw.overrides),
          [STORAGE_KEYS.consents]: validateConsents(raw.consents),
        });
        await writeSettings(settings);
      });
    },

    removeConsent(address: string): Promise<void> {
      return serial(async () => {
        const a = normalizeRecipientKey(address);
        if (!a) throw new WriteError('invalid address');
        const { consents } = await loadAll(area);
        if (!(a in consents)) return;
        delete consents[a];
        await area.set({ [STORAGE_KEYS.consents]: consents });
      });
    },

    /** Marks an address or a domain as business or private; `null` removes the mark. */
    setOverride(key: string, kind: OverrideKind | null): Promise<Overrides> {
      return serial(async () => {
        const k = normalizeOverrideKey(key);
        if (!k) throw new WriteError('invalid address, domain or person');
        if (kind !== null && kind !== 'business' && kind !== 'private') throw new WriteError('invalid override');
        const { overrides } = await loadAll(area);
        if (kind === null) delete overrides[k];
        else {
          if (!(k in overrides) && Object.keys(overrides).length >= LIMITS.overrides) throw new WriteError('too many overrides');
          overrides[k] = kind;
        }
        await area.set({ [STORAGE_KEYS.overrides]: overrides });
        return overrides;
      });
    },

    saveSettings(patch: SettingsPatch): Promise<Settings> {
      return serial(() => saveSettingsNow(patch));
    },

    /** Enables an origin; `site`: the site file that reads it (none: the generic adapter). */
    addEnabledSite(origin: string, site?: string | null): Promise<Settings> {
      return serial(async () => {
        const o = normalizeOrigin(origin);
        if (!o) throw new WriteError('invalid origin');
        const s = await getSettings(area);
        const siteFiles = { ...s.siteFiles };
        if (site) siteFiles[o] = site;
        else delete siteFiles[o];
        if (s.enabledSites.includes(o) && s.siteFiles[o] === siteFiles[o]) return s;
        const enabledSites = s.enabledSites.includes(o) ? s.enabledSites : [...s.enabledSites, o];
        const next = mergeSettings(s, { enabledSites, siteFiles });
        await writeSettings(next);
        return next;
      });
    },

    removeEnabledSite(origin: string): Promise<Settings> {
      return serial(async () => {
        const o = normalizeOrigin(origin);
        const s = await getSettings(area);
        if (!o || !s.enabledSites.includes(o)) return s;
        const siteFiles = { ...s.siteFiles };
        delete siteFiles[o];
        const next = mergeSettings(s, { enabledSites: s.enabledSites.filter((x) => x !== o), siteFiles });
        await writeSettings(next);
        return next;
      });
    },

    /** A built-in site (Gmail) switched off or on, on this computer: its content script stays inert while off. */
    setBuiltInOff(origin: string, off: boolean): Promise<Settings> {
      return serial(async () => {
        const o = normalizeOrigin(origin);
        if (!o) throw new WriteError('invalid origin');
        const s = await getSettings(area);
        if (s.disabledSites.includes(o) === off) return s;
        const next = mergeSettings(s, { disabledSites: off ? [...s.disabledSites, o] : s.disabledSites.filter((x) => x !== o) });
        await writeSettings(next);
        return next;
      });
    },

    /** Once per computer, at the worker's start: this computer's settings go to storage.sync, or a fresh one takes them. */
    migrateSync(): Promise<SyncStatus | null> {
      return serial(async () => {
        if (!sync) return null;
        const { pulled, status } = await migrateSettings(storage, sync, remember);
        if (pulled) await area.set({ [STORAGE_KEYS.settings]: pulled });
        return status;
      });
    },

    /** storage.sync changed (another computer, or our own push): its settings taken in when they differ. */
    pullSync(): Promise<boolean> {
      return serial(async () => {
        if (!sync) return false;
        const next = await pullSettings(storage, sync, pushed);
        if (!next) return false;
        await area.set({ [STORAGE_KEYS.settings]: next });
        return true;
      });
    },
  };
}

export type Writer = ReturnType<typeof createWriter>;
