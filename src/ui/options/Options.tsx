/**
 * Options: the B2B introduction's wording, what the activity is about (subjects the law singles out), the user's own
 * domains, the language, and the choices the user recorded from the overlay (overrides, consents, enabled sites),
 * each removable. Every write is the service worker's: the page asks through `api`.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { buildIntroduction } from '../../rules/intro';
import {
  INTRO_FIELDS,
  TOPICS,
  defaultSettings,
  normalizeDomain,
  type ConsentMethod,
  type Consents,
  type IntroSettings,
  type Overrides,
  type Settings,
  type SettingsPatch,
  type UiLang,
} from '../../storage/schema';
import type { Topic } from '../../rules/types';
import { createT, langFromUi, type I18nApi, type MessageKey } from '../overlay/i18n';
import { PAGE_CATALOGUES } from '../overlay/page-catalogues';

export interface OptionsApi {
  i18n: I18nApi | null;
  version: string;
  load(): Promise<{ settings: Settings; overrides: Overrides; consents: Consents }>;
  saveSettings(patch: SettingsPatch): Promise<Settings>;
  setOverride(key: string, kind: null): Promise<unknown>;
  removeConsent(address: string): Promise<unknown>;
  disableSite(origin: string): Promise<unknown>;
  /** Subscribes to storage changes; returns an unsubscribe function. */
  onChange(cb: () => void): () => void;
}

const METHOD_LABELS: Record<ConsentMethod, MessageKey> = {
  form: 'ovMethodForm',
  written: 'ovMethodWritten',
  oral: 'ovMethodOral',
  other: 'ovMethodOther',
};

const TOPIC_LABELS: Record<Topic, MessageKey> = {
  'energy-renovation': 'optTopicEnergy',
  'home-adaptation': 'optTopicHome',
};

const FIELD_LABELS: Record<keyof IntroSettings, MessageKey> = {
  senderName: 'optSenderName',
  company: 'optCompany',
  activity: 'optActivity',
  contactSource: 'optContactSource',
  unsubscribe: 'optUnsubscribe',
};

export function parseDomains(text: string): { domains: string[]; invalid: string[] } {
  const domains: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    if (!raw) continue;
    const d = normalizeDomain(raw);
    if (d) {
      if (!domains.includes(d)) domains.push(d);
    } else invalid.push(raw);
  }
  return { domains, invalid };
}

export function Options({ api }: { api: OptionsApi }) {
  const uiLang = langFromUi(api.i18n?.getUILanguage());
  const [settings, setSettings] = useState<Settings>(defaultSettings());
  const [overrides, setOverrides] = useState<Overrides>({});
  const [consents, setConsents] = useState<Consents>({});
  const [intro, setIntro] = useState<IntroSettings>(defaultSettings().intro);
  const [domainsText, setDomainsText] = useState('');
  const [lang, setLang] = useState<'' | UiLang>('');
  const [topic, setTopic] = useState<'' | Topic>('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [loaded, setLoaded] = useState(false);

  const shownLang: UiLang = lang || uiLang;
  const t = useMemo(() => createT(shownLang, api.i18n, PAGE_CATALOGUES), [shownLang]);

  const reload = (initial: boolean) =>
    api.load().then((s) => {
      setSettings(s.settings);
      setOverrides(s.overrides);
      setConsents(s.consents);
      if (initial) {
        setIntro(s.settings.intro);
        setDomainsText(s.settings.ownDomains.join('\n'));
        setLang(s.settings.lang ?? '');
        setTopic(s.settings.topic ?? '');
      }
      setLoaded(true);
    });

  useEffect(() => {
    void reload(true).catch(() => setLoaded(true));
    return api.onChange(() => void reload(false).catch(() => undefined));
  }, []);

  useEffect(() => {
    document.documentElement.lang = shownLang;
  }, [shownLang]);

  const preview = buildIntroduction(intro, shownLang);

  const save = async (e: Event) => {
    e.preventDefault();
    const { domains, invalid } = parseDomains(domainsText);
    try {
      // lang: null clears the choice (back to the browser's language).
      await api.saveSettings({ intro, ownDomains: domains, lang: lang || null, topic: topic || null });
      setDomainsText(domains.join('\n'));
      setStatus({ ok: true, text: invalid.length ? `${t('optSaved')} ${t('optInvalidDomains', invalid.join(', '))}` : t('optSaved') });
    } catch (err) {
      setStatus({ ok: false, text: t('optSaveFailed', err instanceof Error ? err.message : String(err)) });
    }
  };

  return (
    <main aria-busy={loaded ? 'false' : 'true'}>
      <h1>{t('optionsTitle')}</h1>
      <p data-testid="version">{t('optionsVersion', api.version)}</p>

      <form onSubmit={save} data-testid="options-form">
        <section aria-labelledby="intro-h">
          <h2 id="intro-h">{t('optIntroHeading')}</h2>
          <p class="help">{t('optIntroHelp')}</p>
          {INTRO_FIELDS.map((k) => (
            <label key={k} class="field">
              <span>{t(FIELD_LABELS[k])}</span>
              {k === 'activity' || k === 'contactSource' ? (
                <textarea
                  name={k}
                  rows={2}
                  maxLength={500}
                  value={intro[k]}
                  onInput={(e) => setIntro({ ...intro, [k]: (e.currentTarget as HTMLTextAreaElement).value })}
                />
              ) : (
                <input
                  name={k}
                  type="text"
                  maxLength={500}
                  value={intro[k]}
                  onInput={(e) => setIntro({ ...intro, [k]: (e.currentTarget as HTMLInputElement).value })}
                />
              )}
            </label>
          ))}
          <h3>{t('optPreview')}</h3>
          <div class="preview" data-testid="preview">
            <p>{preview.intro}</p>
            <p>{preview.unsubscribe}</p>
          </div>
        </section>

        <section aria-labelledby="topic-h">
          <h2 id="topic-h">{t('optTopic')}</h2>
          <p class="help">{t('optTopicHelp')}</p>
          <select name="topic" aria-labelledby="topic-h" value={topic} onChange={(e) => setTopic((e.currentTarget as HTMLSelectElement).value as '' | Topic)}>
            <option value="">{t('optTopicNone')}</option>
            {TOPICS.map((k) => (
              <option key={k} value={k}>
                {t(TOPIC_LABELS[k])}
              </option>
            ))}
          </select>
        </section>

        <section aria-labelledby="domains-h">
          <h2 id="domains-h">{t('optOwnDomains')}</h2>
          <p class="help">{t('optOwnDomainsHelp')}</p>
          <textarea
            name="ownDomains"
            aria-labelledby="domains-h"
            rows={3}
            value={domainsText}
            onInput={(e) => setDomainsText((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </section>

        <section aria-labelledby="lang-h">
          <h2 id="lang-h">{t('optLanguage')}</h2>
          <select name="lang" aria-labelledby="lang-h" value={lang} onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as '' | UiLang)}>
            <option value="">{t('optLanguageAuto')}</option>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </section>

        <p>
          <button type="submit">{t('optSave')}</button>{' '}
          <span role="status" aria-live="polite" class={status ? (status.ok ? 'ok' : 'bad') : ''} data-testid="save-status">
            {status?.text ?? ''}
          </span>
        </p>
      </form>

      <section aria-labelledby="data-h">
        <h2 id="data-h">{t('optDataHeading')}</h2>
        <h3>{t('optOverridesCount', String(Object.keys(overrides).length))}</h3>
        <ul data-testid="overrides">
          {Object.entries(overrides).map(([k, v]) => (
            <li key={k}>
              {k} — {v === 'business' ? t('optBusiness') : t('optPrivate')}{' '}
              <button type="button" onClick={() => void api.setOverride(k, null)} aria-label={`${t('optRemove')} ${k}`}>
                {t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
        <h3>{t('optConsentsCount', String(Object.keys(consents).length))}</h3>
        <ul data-testid="consents">
          {Object.entries(consents).map(([k, v]) => (
            <li key={k}>
              {k} — {t('ovConsentOn', v.date)}
              {v.method !== 'unspecified' ? ` — ${t(METHOD_LABELS[v.method])}` : ''}
              {v.note ? ` (${v.note})` : ''}{' '}
              <button type="button" onClick={() => void api.removeConsent(k)} aria-label={`${t('optRemove')} ${k}`}>
                {t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
        <h3>{t('optSitesHeading')}</h3>
        {settings.enabledSites.length === 0 ? <p class="help">{t('optNoSites')}</p> : null}
        <ul data-testid="sites">
          {settings.enabledSites.map((o) => (
            <li key={o}>
              {o}{' '}
              <button type="button" onClick={() => void api.disableSite(o)} aria-label={`${t('optRemove')} ${o}`}>
                {t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
