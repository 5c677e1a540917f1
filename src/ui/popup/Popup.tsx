/**
 * Popup: says whether Prospect Guard runs on the current site, and offers "enable on this site" for
 * any other webmail (host permission asked here, on the user's click; the worker registers the script).
 * Also what the compose window in this tab shows (recipients, the verdict), a quick on/off for the site, the
 * keyboard shortcut that inserts the introduction, and links to the options and to the rules page.
 */
import { useEffect, useState } from 'preact/hooks';
import { normalizeOrigin } from '../../storage/schema';
import { createT, langFromUi, type I18nApi, type MessageKey } from '../overlay/i18n';
import { siteById } from '../../sites/catalogue';
import type { SiteStatusResponse } from '../../background/protocol';
import { PAGE_CATALOGUES } from '../overlay/page-catalogues';

export interface PopupApi {
  i18n: I18nApi | null;
  /** The active tab (needs "activeTab" to see its URL on sites without a host permission). */
  activeTab(): Promise<{ id?: number; url?: string } | undefined>;
  requestPermission(origin: string): Promise<boolean>;
  send(msg: unknown): Promise<unknown>;
  openOptions(): void;
  /** Opens the rules page (src/ui/rules) in a tab. */
  openRules?(): void;
  /** What the compose windows of the tab show, or null when the tab has none (or Prospect Guard is not there). */
  composeStatus?(tabId: number): Promise<ComposeSummary | null>;
  /** The shortcut bound to the "insert the introduction" command, or null when the user unbound it. */
  shortcut?(): Promise<string | null>;
}

/** One compose window's state, as its overlay shows it. */
export interface ComposeSummary {
  /** The overlay's verdict (banned | opt-in | unknown | opt-out | organization | consent | internal | suppressed | unreadable | none). */
  verdict: string;
  recipients: number;
  /** Recipients on a suppression list. */
  suppressed: number;
  /** More compose windows open in the tab than this one. */
  others: number;
}

const VERDICT_KEYS: Record<string, MessageKey> = {
  banned: 'popupVerdict_banned',
  'opt-in': 'popupVerdict_opt_in',
  unknown: 'popupVerdict_unknown',
  'opt-out': 'popupVerdict_opt_out',
  organization: 'popupVerdict_organization',
  consent: 'popupVerdict_consent',
  internal: 'popupVerdict_internal',
  none: 'popupVerdict_none',
  unreadable: 'popupVerdict_unreadable',
  suppressed: 'popupVerdictSuppressed',
};

type Status = Omit<SiteStatusResponse, 'ok'>;

export function Popup({ api }: { api: PopupApi }) {
  const t = createT(langFromUi(api.i18n?.getUILanguage()), api.i18n, PAGE_CATALOGUES);
  const [tab, setTab] = useState<{ id?: number; origin: string | null } | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [message, setMessage] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [compose, setCompose] = useState<ComposeSummary | null | undefined>(undefined);
  const [shortcut, setShortcut] = useState<string | null>(null);

  // With the tab: the worker also says which webmail the page is (its site file), which the popup names.
  const refresh = async (origin: string, tabId?: number) => {
    const msg = typeof tabId === 'number' ? { type: 'siteStatus', origin, tabId } : { type: 'siteStatus', origin };
    const res = (await api.send(msg)) as SiteStatusResponse | { ok: false; error: string };
    if (res && res.ok) setStatus(res);
    else setMessage(t('popupFailed', (res as { error?: string })?.error ?? '?'));
  };

  useEffect(() => {
    void api
      .activeTab()
      .then((tb) => {
        const origin = normalizeOrigin(tb?.url ?? '');
        setTab({ id: tb?.id, origin });
        if (origin && tb?.id !== undefined && api.composeStatus) void api.composeStatus(tb.id).then(setCompose, () => setCompose(null));
        if (origin) return refresh(origin, tb?.id);
      })
      .catch((e: unknown) => setMessage(t('popupFailed', String(e))));
    void api.shortcut?.().then(setShortcut, () => undefined);
  }, []);

  const enable = async () => {
    if (!tab?.origin) return;
    setBusy(true);
    setMessage('');
    try {
      // Must run in the click's user gesture: request first, before any other await. A built-in site has its permission.
      const granted = status?.builtIn ? true : await api.requestPermission(tab.origin);
      if (!granted) {
        setMessage(t('popupDenied'));
        return;
      }
      const res = (await api.send({ type: 'enableSite', origin: tab.origin, tabId: tab.id })) as { ok: boolean; error?: string };
      if (!res?.ok) setMessage(t('popupFailed', res?.error ?? '?'));
      await refresh(tab.origin, tab.id);
    } catch (e) {
      setMessage(t('popupFailed', e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };

  const disable = async () => {
    if (!tab?.origin) return;
    setBusy(true);
    try {
      await api.send({ type: 'disableSite', origin: tab.origin });
      await refresh(tab.origin, tab.id);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      {tab && !tab.origin ? <p>{t('popupNoSite')}</p> : null}
      {status?.builtIn ? (
        <>
          <p data-testid="site-status">{t(status.enabled ? 'popupSiteSupported' : 'popupSiteSupportedOff')}</p>
          {status.enabled ? (
            <button type="button" disabled={busy} onClick={disable} data-testid="disable">
              {t('popupDisable')}
            </button>
          ) : (
            <button type="button" class="primary" data-testid="enable" disabled={busy} onClick={enable}>
              {t('popupEnable')}
            </button>
          )}
        </>
      ) : null}
      {status?.site && status.site !== 'generic' && siteById(status.site) ? <p data-testid="site-kind">{t('popupSiteKind', t(siteById(status.site)!.label))}</p> : null}
      {status && !status.builtIn && status.enabled && status.granted ? (
        <>
          <p data-testid="site-status">{t('popupSiteEnabled', status.origin)}</p>
          <button type="button" disabled={busy} onClick={disable}>
            {t('popupDisable')}
          </button>
        </>
      ) : null}
      {status && !status.builtIn && !(status.enabled && status.granted) ? (
        <>
          <p data-testid="site-status">{t('popupSiteDisabled', status.origin)}</p>
          <button type="button" class="primary" data-testid="enable" disabled={busy} onClick={enable}>
            {t('popupEnable')}
          </button>
        </>
      ) : null}
      {compose !== undefined && status?.enabled && (status.builtIn || status.granted) ? (
        <section aria-labelledby="compose-h" data-testid="compose-status">
          <h2 id="compose-h">{t('popupComposeHeading')}</h2>
          {compose === null ? (
            <p>{t('popupNoCompose')}</p>
          ) : (
            <>
              <p data-verdict={compose.verdict}>
                <strong>{t(VERDICT_KEYS[compose.verdict] ?? 'popupVerdict_unknown')}</strong>
              </p>
              <p>{t('popupComposeRecipients', String(compose.recipients))}</p>
              {compose.suppressed > 0 && <p class="bad">{t('popupComposeSuppressed', String(compose.suppressed))}</p>}
              {compose.others > 0 && <p class="help">{t('popupComposeOthers', String(compose.others))}</p>}
            </>
          )}
        </section>
      ) : null}
      {shortcut ? <p class="help" data-testid="shortcut">{t('popupShortcut', shortcut)}</p> : null}
      <p role="status" aria-live="polite">
        {message}
      </p>
      <p>
        <button type="button" class="link" onClick={() => api.openOptions()}>
          {t('popupOptions')}
        </button>
        {api.openRules ? (
          <>
            {' · '}
            <button type="button" class="link" onClick={() => api.openRules!()} data-testid="open-rules">
              {t('popupRules')}
            </button>
          </>
        ) : null}
      </p>
    </main>
  );
}
