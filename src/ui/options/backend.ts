/**
 * The options page's backend: every read and write is a message to the service worker (the only writer), the
 * effective settings come with the team policy's locks. Mapping between the page's sections and the stored
 * settings lives here.
 */
import type { OptionsStateResponse, Request, ResponseFor } from '../../background/protocol';
import type { Settings, SettingsPatch } from '../../storage/schema';
import { validateConsents, validateOverrides, validateSettings } from '../../storage/schema';
import type { SuppressionRequest, SuppressionResponse } from '../../storage/suppression-service';
import { sendImport } from '../../storage/suppression-service';
import type { I18nApi } from '../overlay/i18n';
import type { Identity, IdentityField } from './IdentitySection';
import type { OptionsBackend, OptionsModel } from './OptionsPage';
import { exportSettingsFile, parseSettingsFile } from './settings-file';
import { unsubscribeFor, type UnsubscribeMethod } from './unsubscribe';

export interface BrowserLike {
  i18n: I18nApi;
  runtime: { sendMessage(m: unknown): Promise<unknown>; getManifest(): { version: string }; getURL(p: string): string };
  permissions: { request(p: { origins: string[] }): Promise<boolean>; contains(p: { origins: string[] }): Promise<boolean> };
  tabs: { create(p: { url: string }): Promise<unknown> };
  storage: { onChanged: { addListener(cb: (...a: unknown[]) => void): void; removeListener(cb: (...a: unknown[]) => void): void } };
}

/** The unsubscribe method the settings hold, else the one their unsubscribe text implies. */
export function methodOf(s: Settings): UnsubscribeMethod {
  if (s.unsubscribeMethod) return s.unsubscribeMethod;
  const u = s.intro.unsubscribe.trim();
  if (/^mailto:/i.test(u)) {
    const [addr, query] = u.slice(7).split('?');
    const subject = new URLSearchParams(query ?? '').get('subject') ?? undefined;
    return subject ? { method: 'mailto', mailto: addr!, subject } : { method: 'mailto', mailto: addr! };
  }
  if (/^https?:\/\//i.test(u)) return { method: 'url', url: u };
  return { method: 'url', url: '' };
}

const IDENTITY_PATHS: Record<string, IdentityField> = {
  'intro.senderName': 'senderName',
  'intro.company': 'company',
  'intro.activity': 'activity',
  topic: 'topic',
  unsubscribe: 'unsubscribe',
  unsubscribeMethod: 'unsubscribe',
  'intro.unsubscribe': 'unsubscribe',
};

export function modelOf(st: OptionsStateResponse, granted: Record<string, boolean>): OptionsModel {
  const s = st.settings;
  const identityLocks: OptionsModel['locks']['identity'] = {};
  for (const [path, lock] of Object.entries(st.locks)) {
    const f = IDENTITY_PATHS[path];
    if (f && !lock.items) identityLocks[f] = lock.by;
  }
  const itemsOf = (path: string) => (st.locks[path]?.items ?? []) as unknown[];
  const by = (path: string) => st.locks[path]?.by ?? null;
  const templateLocks: Record<string, string | null> = {};
  for (const t of itemsOf('templates')) if (t && typeof t === 'object' && 'id' in t) templateLocks[String((t as { id: string }).id)] = by('templates');
  const domainLocks: Record<string, string | null> = {};
  for (const d of itemsOf('ownDomains')) domainLocks[String(d)] = by('ownDomains');
  const siteLocks = new Set(itemsOf('enabledSites').map(String));
  return {
    identity: {
      senderName: s.intro.senderName,
      company: s.intro.company,
      activity: s.intro.activity,
      topic: s.topic,
      contactSources: s.contactSources.length ? s.contactSources : s.intro.contactSource ? [s.intro.contactSource] : [],
      unsubscribe: methodOf(s),
    },
    templates: s.templates,
    ownDomains: s.ownDomains,
    lang: st.stored.lang ?? null,
    sendGuard: s.sendGuard !== false,
    overrides: Object.entries(st.overrides).map(([key, kind]) => ({ key, kind })),
    consents: Object.values(st.consents).map((c) => ({ address: c.address, date: c.date, method: c.method === 'unspecified' ? 'other' : c.method, ...(c.note ? { note: c.note } : {}) })),
    sites: [
      ...st.builtIn.map((origin) => ({ origin, builtIn: true, on: true, granted: true })),
      ...s.enabledSites.map((origin) => ({ origin, builtIn: false, on: true, granted: granted[origin] ?? false, ...(siteLocks.has(origin) ? { lockedBy: by('enabledSites') } : {}) })),
    ],
    managedBy: st.managedBy,
    locks: {
      identity: identityLocks,
      templates: templateLocks,
      ownDomains: domainLocks,
      ...(st.locks.lang ? { lang: st.locks.lang.by } : {}),
      managedSources: itemsOf('contactSources').map(String),
    },
    notSynced: [],
  };
}

/** The settings patch for the identity section, without the fields the policy manages (the worker refuses those). */
export function identityPatch(i: Identity, locked: Partial<Record<IdentityField, unknown>>, managedSources: readonly string[]): SettingsPatch {
  const intro: NonNullable<SettingsPatch['intro']> = {};
  if (!('senderName' in locked)) intro.senderName = i.senderName;
  if (!('company' in locked)) intro.company = i.company;
  if (!('activity' in locked)) intro.activity = i.activity;
  const own = i.contactSources.filter((x) => !managedSources.includes(x));
  intro.contactSource = i.contactSources[0] ?? '';
  const patch: SettingsPatch = { intro, contactSources: own };
  if (!('topic' in locked)) patch.topic = i.topic;
  if (!('unsubscribe' in locked)) {
    patch.unsubscribeMethod = i.unsubscribe;
    intro.unsubscribe = unsubscribeFor(i.unsubscribe) ?? '';
  }
  return patch;
}

export function createBackend(b: BrowserLike, today: () => string): OptionsBackend {
  async function ask<R extends Request>(msg: R): Promise<Exclude<ResponseFor<R['type']>, { ok: false }>> {
    const res = (await b.runtime.sendMessage(msg)) as ResponseFor<R['type']> | undefined;
    if (!res || res.ok !== true) throw new Error(res && 'error' in res ? res.error : 'no answer');
    return res as Exclude<ResponseFor<R['type']>, { ok: false }>;
  }
  const sendS = (m: SuppressionRequest) => b.runtime.sendMessage(m) as Promise<SuppressionResponse>;
  const err = (e: unknown) => (e instanceof Error ? e.message : String(e));
  const attempt = async (fn: () => Promise<unknown>): Promise<string | void> => {
    try {
      await fn();
    } catch (e) {
      return err(e);
    }
  };
  let last: OptionsModel | null = null;
  const save = (patch: SettingsPatch) => attempt(() => ask({ type: 'saveSettings', patch }));

  return {
    i18n: b.i18n,
    version: b.runtime.getManifest().version,
    today,
    async load() {
      const st = await ask({ type: 'optionsState' });
      const granted: Record<string, boolean> = {};
      for (const o of st.settings.enabledSites) granted[o] = await b.permissions.contains({ origins: [`${o}/*`] }).catch(() => false);
      last = modelOf(st, granted);
      return last;
    },
    onChange(cb) {
      const l = () => cb();
      b.storage.onChanged.addListener(l);
      return () => b.storage.onChanged.removeListener(l);
    },
    saveIdentity: (i) => save(identityPatch(i, last?.locks.identity ?? {}, last?.locks.managedSources ?? [])),
    saveTemplates: (templates) => save({ templates }),
    saveOwnDomains: (ownDomains) => save({ ownDomains }),
    saveLang: (lang) => save({ lang }),
    saveSendGuard: (sendGuard) => save({ sendGuard }),
    setOverride: (key, kind) => attempt(() => (kind ? ask({ type: 'setOverride', key, kind }) : ask({ type: 'removeOverride', key }))),
    saveConsent: (r) => attempt(() => ask(r.note ? { type: 'saveConsent', address: r.address, date: r.date, method: r.method, note: r.note } : { type: 'saveConsent', address: r.address, date: r.date, method: r.method })),
    removeConsent: (address) => attempt(() => ask({ type: 'removeConsent', address })),
    sites: {
      requestPermission: (origin) => b.permissions.request({ origins: [`${origin}/*`] }),
      add: (origin) => attempt(() => ask({ type: 'enableSite', origin })),
      setOn: (origin, on) => attempt(() => (on ? ask({ type: 'enableSite', origin }) : ask({ type: 'disableSite', origin }))),
      remove: (origin) => attempt(() => ask({ type: 'disableSite', origin })),
    },
    suppression: {
      async counts() {
        const r = await sendS({ type: 'suppression.counts' });
        if (!r.ok || !('counts' in r)) throw new Error(JSON.stringify(r));
        return r.counts;
      },
      async importCells(cells, onProgress) {
        const r = await sendImport(sendS, cells, { onProgress });
        return { report: r.report, counts: r.counts };
      },
      async clear() {
        const r = await sendS({ type: 'suppression.clear' });
        if (!r.ok || !('counts' in r)) throw new Error(JSON.stringify(r));
        return r.counts;
      },
    },
    async exportSettings() {
      const st = await ask({ type: 'optionsState' });
      return exportSettingsFile({ settings: st.stored, overrides: st.overrides, consents: st.consents });
    },
    async importSettings(text) {
      const parsed = parseSettingsFile(text, { settings: validateSettings, overrides: validateOverrides, consents: validateConsents });
      if (!parsed.ok) return { ok: false, text: b.i18n.getMessage(`optImport_${parsed.problem.replace(/-/g, '_')}`) || parsed.problem };
      const e = await attempt(() => ask({ type: 'importSettings', settings: parsed.settings, overrides: parsed.overrides, consents: parsed.consents }));
      if (e) return { ok: false, text: e };
      return { ok: true, text: b.i18n.getMessage('optImported', [String(parsed.counts.overrides), String(parsed.counts.consents)]) || 'ok' };
    },
    openRules: () => void b.tabs.create({ url: b.runtime.getURL('src/ui/rules/index.html') }),
  };
}
