/**
 * The options page: set up once in two minutes, then kept. Sections: the sender's identity (and how recipients
 * object), introduction templates, own domains, overrides, consent records (the user's proof), the suppression
 * list, sites, language, and all the settings as one JSON file. Every write goes to the background worker (the
 * only writer) through `backend`; values the team policy manages are shown locked with who manages them.
 */
import { PAGE_CATALOGUES } from '../overlay/page-catalogues';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { OverrideKind } from '../../rules/types';
import { createT, langFromUi, type I18nApi, type T } from '../overlay/i18n';
import { IdentitySection, identityProblems, type Identity, type IdentityField } from './IdentitySection';
import { RecordList, type RecordRow } from './RecordList';
import { SitesSection, type SiteRow, type SitesApi } from './SitesSection';
import { SuppressionPanel, type SuppressionApi } from './SuppressionPanel';
import { TemplatesEditor, type IntroTemplate } from './TemplatesEditor';
import { templateValues } from './templates';
import { REPLY_STOP_LINE, unsubscribeFor } from './unsubscribe';
import { exportFileName } from './csv-export';

export type UiLang = 'fr' | 'en';
export type ConsentMethod = 'form' | 'written' | 'oral' | 'other';

export interface ConsentRow {
  address: string;
  date: string;
  /** 'at-send': "I have their consent", answered in the confirm before send. */
  method: ConsentMethod | 'at-send';
  note?: string;
}

export interface OptionsModel {
  identity: Identity;
  templates: IntroTemplate[];
  ownDomains: string[];
  lang: UiLang | null;
  /** Confirm before send (on unless turned off). */
  sendGuard?: boolean;
  overrides: Array<{ key: string; kind: OverrideKind }>;
  consents: ConsentRow[];
  sites: SiteRow[];
  managedBy: string | null;
  locks: {
    identity: Partial<Record<IdentityField, string | null>>;
    /** Template ids the policy manages → who. */
    templates: Record<string, string | null>;
    /** Domains the policy manages → who. */
    ownDomains: Record<string, string | null>;
    lang?: string | null;
    managedSources: string[];
  };
  /** Settings too large for storage.sync, kept on this computer only. */
  notSynced: string[];
}

export interface OptionsBackend {
  i18n: I18nApi | null;
  version: string;
  today(): string;
  load(): Promise<OptionsModel>;
  onChange(cb: () => void): () => void;
  saveIdentity(identity: Identity): Promise<string | void>;
  saveTemplates(templates: IntroTemplate[]): Promise<string | void>;
  saveOwnDomains(domains: string[]): Promise<string | void>;
  saveLang(lang: UiLang | null): Promise<string | void>;
  saveSendGuard?(on: boolean): Promise<string | void>;
  setOverride(key: string, kind: OverrideKind | null): Promise<string | void>;
  saveConsent(record: ConsentRow): Promise<string | void>;
  removeConsent(address: string): Promise<string | void>;
  sites: SitesApi;
  suppression: SuppressionApi;
  exportSettings(): Promise<string>;
  /** Returns the text to show (what was imported, or why not). */
  importSettings(text: string): Promise<{ ok: boolean; text: string }>;
  openRules(): void;
}

const METHODS: ConsentMethod[] = ['form', 'written', 'oral', 'other'];

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function OptionsPage({ backend }: { backend: OptionsBackend }) {
  const uiLang = langFromUi(backend.i18n?.getUILanguage());
  const [model, setModel] = useState<OptionsModel | null>(null);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [identityStatus, setIdentityStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [domainInput, setDomainInput] = useState('');
  const [consentDraft, setConsentDraft] = useState<ConsentRow>({ address: '', date: backend.today(), method: 'form', note: '' });
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const lang: UiLang = model?.lang ?? uiLang;
  const t: T = useMemo(() => createT(lang, backend.i18n, PAGE_CATALOGUES), [lang]);

  const reload = (first: boolean) =>
    backend.load().then(
      (m) => {
        setModel(m);
        if (first) setIdentity(m.identity);
        setLoadError(null);
      },
      (e: unknown) => setLoadError(String(e instanceof Error ? e.message : e)),
    );

  useEffect(() => {
    void reload(true);
    return backend.onChange(() => void reload(false));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('optionsTitle');
  }, [lang]);

  if (!model || !identity) {
    return (
      <main aria-busy="true">
        <h1>{t('optionsTitle')}</h1>
        {loadError ? (
          <p role="alert" class="bad">
            {t('optLoadFailed', loadError)}
          </p>
        ) : (
          <p>{t('optSuppLoading')}</p>
        )}
      </main>
    );
  }

  const by = (who: string | null | undefined) => t('optManagedBy', who ?? t('optManagedByAdmin'));
  const saveIdentity = async (e: Event) => {
    e.preventDefault();
    if (Object.keys(identityProblems(identity)).length) {
      setIdentityStatus({ ok: false, text: t('optIdentityFix') });
      return;
    }
    const err = await backend.saveIdentity(identity).catch((x: unknown) => String(x));
    setIdentityStatus(err ? { ok: false, text: t('optSaveFailed', err) } : { ok: true, text: t('optSaved') });
  };

  const unsubscribeLine = (recipient?: string) => {
    const link = unsubscribeFor(identity.unsubscribe, recipient);
    return link ? t('optUnsubLine', link) : REPLY_STOP_LINE[lang];
  };
  const sample = templateValues({
    sender: { name: identity.senderName, company: identity.company, activity: identity.activity },
    source: identity.contactSources[0] ?? '',
    unsubscribeLine: unsubscribeLine('jean.dupont@acme-industrie.fr'),
    recipient: { address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont', domain: 'acme-industrie.fr' },
  });

  const domainRows: RecordRow[] = model.ownDomains.map((d) => ({ id: d, values: { domain: d }, ...(d in model.locks.ownDomains ? { lockedBy: model.locks.ownDomains[d] ?? null } : {}) }));
  const overrideRows: RecordRow[] = model.overrides.map((o) => ({ id: o.key, values: { key: o.key, kind: o.kind } }));
  const consentRows: RecordRow[] = model.consents.map((c) => ({ id: c.address, values: { address: c.address, date: c.date, method: c.method, note: c.note ?? '' } }));
  const METHOD_KEYS: Record<string, string> = { form: 'ovMethodForm', written: 'ovMethodWritten', oral: 'ovMethodOral', other: 'ovMethodOther', 'at-send': 'ovMethodAtSend' };
  const methodLabel = (m: string) => {
    const k = METHOD_KEYS[m];
    const s = k ? t(k as never) : m;
    return s && s !== k ? s : m;
  };

  const addDomain = async (e: Event) => {
    e.preventDefault();
    const d = domainInput.trim().toLowerCase().replace(/^@/, '');
    if (!d) return;
    const err = await backend.saveOwnDomains([...model.ownDomains.filter((x) => !(x in model.locks.ownDomains)), d]);
    if (err) setNotice({ ok: false, text: err });
    else setDomainInput('');
  };
  const addConsent = async (e: Event) => {
    e.preventDefault();
    const err = await backend.saveConsent({ ...consentDraft, note: consentDraft.note?.trim() || undefined } as ConsentRow);
    if (err) setNotice({ ok: false, text: err });
    else setConsentDraft({ address: '', date: backend.today(), method: 'form', note: '' });
  };
  const exportAll = async () => download(exportFileName('reglages', backend.today(), 'json'), await backend.exportSettings(), 'application/json');
  const importAll = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const f = input.files?.[0];
    if (!f) return;
    setNotice(await backend.importSettings(await f.text()));
    input.value = '';
    void reload(true);
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p data-testid="version">{t('optionsVersion', backend.version)}</p>
      {model.managedBy && (
        <p class="locked" data-testid="managed-banner">
          <span aria-hidden="true">🔒 </span>
          {t('optManagedBanner', model.managedBy)}
        </p>
      )}
      <p>
        <button type="button" class="link" onClick={() => backend.openRules()} data-testid="open-rules">
          {t('popupRules')}
        </button>
      </p>

      <form onSubmit={saveIdentity} data-testid="identity-form">
        <IdentitySection t={t} value={identity} onChange={setIdentity} locked={model.locks.identity} managedSources={model.locks.managedSources} />
        <p>
          <button type="submit" class="primary" data-testid="identity-save">
            {t('optSave')}
          </button>{' '}
          <span role="status" aria-live="polite" class={identityStatus ? (identityStatus.ok ? 'ok' : 'bad') : ''} data-testid="save-status">
            {identityStatus?.text ?? ''}
          </span>
        </p>
      </form>

      <TemplatesEditor t={t} templates={model.templates} lockedBy={model.locks.templates} sample={sample} onSave={(list) => backend.saveTemplates(list)} />

      <section aria-labelledby="domains-h">
        <h2 id="domains-h">{t('optOwnDomains')}</h2>
        <p class="help">{t('optOwnDomainsHelp')}</p>
        <RecordList
          t={t}
          testid="domains"
          caption={t('optOwnDomains')}
          columns={[{ key: 'domain', label: t('optDomain') }]}
          rows={domainRows}
          onDelete={(d) => backend.saveOwnDomains(model.ownDomains.filter((x) => x !== d && !(x in model.locks.ownDomains)))}
          today={backend.today()}
        />
        <form onSubmit={addDomain}>
          <label class="field">
            <span>{t('optDomainAdd')}</span>
            <input type="text" name="ownDomain" placeholder="exemple-pme.fr" value={domainInput} onInput={(e) => setDomainInput((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <button type="submit">{t('optAdd')}</button>
        </form>
      </section>

      <section aria-labelledby="overrides-h">
        <h2 id="overrides-h">{t('optOverridesHeading')}</h2>
        <p class="help">{t('optOverridesHelp')}</p>
        <RecordList
          t={t}
          testid="overrides"
          caption={t('optOverridesHeading')}
          columns={[
            { key: 'key', label: t('optOverrideKey') },
            { key: 'kind', label: t('optOverrideKind'), edit: { kind: 'select', options: [{ value: 'business', label: t('optBusiness') }, { value: 'private', label: t('optPrivate') }] }, show: (v) => (v === 'business' ? t('optBusiness') : t('optPrivate')) },
          ]}
          rows={overrideRows}
          onSave={(id, v) => backend.setOverride(id, v.kind as OverrideKind)}
          onDelete={(id) => backend.setOverride(id, null)}
          exportAs="exceptions"
          today={backend.today()}
        />
      </section>

      <section aria-labelledby="consents-h">
        <h2 id="consents-h">{t('optConsentsHeading')}</h2>
        <p class="help">{t('optConsentsHelp')}</p>
        <RecordList
          t={t}
          testid="consents"
          caption={t('optConsentsHeading')}
          columns={[
            { key: 'address', label: t('optConsentAddress') },
            { key: 'date', label: t('optConsentDate'), edit: { kind: 'date' } },
            { key: 'method', label: t('optConsentMethod'), edit: { kind: 'select', options: METHODS.map((m) => ({ value: m, label: methodLabel(m) })) }, show: methodLabel },
            { key: 'note', label: t('optConsentNote'), edit: { kind: 'text', maxLength: 300 } },
          ]}
          rows={consentRows}
          onSave={(id, v) => backend.saveConsent({ address: id, date: v.date!, method: v.method as ConsentMethod, note: v.note || undefined })}
          onDelete={(id) => backend.removeConsent(id)}
          exportAs="consentements"
          today={backend.today()}
        />
        <form onSubmit={addConsent} data-testid="consent-add">
          <fieldset>
            <legend>{t('optConsentAdd')}</legend>
            <label class="field">
              <span>{t('optConsentAddress')}</span>
              <input type="text" inputMode="email" spellcheck={false} autoComplete="off" name="consentAddress" required value={consentDraft.address} onInput={(e) => { const v = (e.currentTarget as HTMLInputElement).value; setConsentDraft((d) => ({ ...d, address: v })); }} />
            </label>
            <label class="field">
              <span>{t('optConsentDate')}</span>
              <input type="date" name="consentDate" required value={consentDraft.date} onInput={(e) => { const v = (e.currentTarget as HTMLInputElement).value; setConsentDraft((d) => ({ ...d, date: v })); }} />
            </label>
            <label class="field">
              <span>{t('optConsentMethod')}</span>
              <select name="consentMethod" value={consentDraft.method} onChange={(e) => { const v = (e.currentTarget as HTMLSelectElement).value as ConsentMethod; setConsentDraft((d) => ({ ...d, method: v })); }}>
                {METHODS.map((m) => (
                  <option key={m} value={m}>
                    {methodLabel(m)}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span>{t('optConsentNote')}</span>
              <input type="text" name="consentNote" maxLength={300} placeholder={t('ovConsentNoteExample' as never)} value={consentDraft.note ?? ''} onInput={(e) => { const v = (e.currentTarget as HTMLInputElement).value; setConsentDraft((d) => ({ ...d, note: v })); }} />
            </label>
            <button type="submit">{t('optAdd')}</button>
          </fieldset>
        </form>
      </section>

      <SuppressionPanel t={t} lang={lang} api={backend.suppression} />

      <SitesSection t={t} sites={model.sites} api={backend.sites} />

      {backend.saveSendGuard ? (
        <section aria-labelledby="guard-h">
          <h2 id="guard-h">{t('optSendGuard')}</h2>
          <label class="choice">
            <input
              type="checkbox"
              name="sendGuard"
              data-testid="send-guard"
              checked={model.sendGuard !== false}
              onChange={(e) => void backend.saveSendGuard!((e.currentTarget as HTMLInputElement).checked).then(() => reload(false))}
            />{' '}
            {t('optSendGuardLabel')}
          </label>
          <p class="help">{t('optSendGuardHelp')}</p>
        </section>
      ) : null}

      <section aria-labelledby="lang-h">
        <h2 id="lang-h">{t('optLanguage')}</h2>
        {model.locks.lang !== undefined && <p class="locked">{by(model.locks.lang)}</p>}
        <select
          name="lang"
          aria-labelledby="lang-h"
          value={model.lang ?? ''}
          disabled={model.locks.lang !== undefined}
          onChange={(e) => void backend.saveLang((((e.currentTarget as HTMLSelectElement).value || null) as UiLang | null)).then(() => reload(false))}
        >
          <option value="">{t('optLanguageAuto')}</option>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
      </section>

      <section aria-labelledby="backup-h">
        <h2 id="backup-h">{t('optBackupHeading')}</h2>
        <p class="help">{t('optBackupHelp')}</p>
        {model.notSynced.length > 0 && <p class="help" data-testid="not-synced">{t('optNotSynced', model.notSynced.join(', '))}</p>}
        <p>
          <button type="button" onClick={() => void exportAll()} data-testid="settings-export">
            {t('optExportJson')}
          </button>
        </p>
        <label class="field">
          <span>{t('optImportJson')}</span>
          <input type="file" accept=".json,application/json" onChange={(e) => void importAll(e)} data-testid="settings-import" />
        </label>
      </section>
      <p role="status" aria-live="polite" class={notice ? (notice.ok ? 'ok' : 'bad') : ''} data-testid="notice">
        {notice?.text ?? ''}
      </p>
    </main>
  );
}
