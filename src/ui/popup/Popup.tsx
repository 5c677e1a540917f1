/**
 * Popup: says whether Prospect Guard runs on the current site, and offers "enable on this site" for
 * any other webmail (host permission asked here, on the user's click; the worker registers the script).
 */
import { useEffect, useState } from 'preact/hooks';
import { normalizeOrigin } from '../../storage/schema';
import { createT, langFromUi, type I18nApi } from '../overlay/i18n';
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
}

type Status = Omit<SiteStatusResponse, 'ok'>;

export function Popup({ api }: { api: PopupApi }) {
  const t = createT(langFromUi(api.i18n?.getUILanguage()), api.i18n, PAGE_CATALOGUES);
  const [tab, setTab] = useState<{ id?: number; origin: string | null } | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [message, setMessage] = useState<string>('');
  const [busy, setBusy] = useState(false);

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
        if (origin) return refresh(origin, tb?.id);
      })
      .catch((e: unknown) => setMessage(t('popupFailed', String(e))));
  }, []);

  const enable = async () => {
    if (!tab?.origin) return;
    setBusy(true);
    setMessage('');
    try {
      // Must run in the click's user gesture: request first, before any other await.
      const granted = await api.requestPermission(tab.origin);
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
      {status?.builtIn ? <p data-testid="site-status">{t('popupSiteSupported')}</p> : null}
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
      <p role="status" aria-live="polite">
        {message}
      </p>
      <p>
        <button type="button" class="link" onClick={() => api.openOptions()}>
          {t('popupOptions')}
        </button>
      </p>
    </main>
  );
}
