/**
 * Sites: where Prospect Guard reads the compose window. Built-in sites (Gmail) and the webmails the user added,
 * each switched on or off; a self-hosted webmail is added by its address, and the browser asks the user for access
 * to that one site (a runtime host permission, requested in the click itself).
 */
import { useState } from 'preact/hooks';
import { normalizeOrigin } from '../../storage/schema';
import type { T } from '../overlay/i18n';

export interface SiteRow {
  origin: string;
  builtIn: boolean;
  /** The user's on/off. */
  on: boolean;
  /** Host permission granted (built-in sites: always). */
  granted: boolean;
  lockedBy?: string | null;
}

export interface SitesApi {
  /** Must be called synchronously from the click (the browser needs the user gesture). */
  requestPermission(origin: string): Promise<boolean>;
  add(origin: string): Promise<string | void>;
  setOn(origin: string, on: boolean): Promise<string | void>;
  remove(origin: string): Promise<string | void>;
}

export function SitesSection({ t, sites, api }: { t: T; sites: SiteRow[]; api: SitesApi }) {
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const add = (e: Event) => {
    e.preventDefault();
    const raw = address.trim();
    const origin = normalizeOrigin(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
    if (!origin) {
      setMessage({ ok: false, text: t('optSiteBad', raw) });
      return;
    }
    if (sites.some((s) => s.origin === origin)) {
      setMessage({ ok: false, text: t('optSiteKnown', origin) });
      return;
    }
    // The permission request first, in the gesture; nothing awaited before it.
    void api
      .requestPermission(origin)
      .then(async (granted) => {
        if (!granted) return setMessage({ ok: false, text: t('optSiteDenied', origin) });
        const err = await api.add(origin);
        if (err) return setMessage({ ok: false, text: err });
        setAddress('');
        setMessage({ ok: true, text: t('optSiteAdded', origin) });
      })
      .catch((err: unknown) => setMessage({ ok: false, text: String(err instanceof Error ? err.message : err) }));
  };
  const act = (p: Promise<string | void>) => void p.then((err) => err && setMessage({ ok: false, text: err }), (err: unknown) => setMessage({ ok: false, text: String(err) }));

  return (
    <section aria-labelledby="sites-h" data-testid="sites-section">
      <h2 id="sites-h">{t('optSitesHeading')}</h2>
      <ul class="sites" data-testid="sites">
        {sites.map((s) => (
          <li key={s.origin} data-origin={s.origin}>
            <label>
              <input
                type="checkbox"
                checked={s.on}
                disabled={s.lockedBy !== undefined || (!s.builtIn && !s.granted && !s.on)}
                onChange={(e) => act(api.setOn(s.origin, (e.currentTarget as HTMLInputElement).checked))}
              />{' '}
              {s.origin}
            </label>{' '}
            <span class="help">
              {s.builtIn ? t('optSiteBuiltIn') : !s.granted ? t('optSiteNoPermission') : s.on ? t('optSiteOn') : t('optSiteOff')}
            </span>
            {s.lockedBy !== undefined && (
              <span class="locked">
                {' '}
                <span aria-hidden="true">🔒 </span>
                {t('optManagedBy', s.lockedBy ?? t('optManagedByAdmin'))}
              </span>
            )}{' '}
            {!s.builtIn && s.lockedBy === undefined && (
              <button type="button" onClick={() => act(api.remove(s.origin))} aria-label={`${t('optRemove')} — ${s.origin}`}>
                {t('optRemove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={add}>
        <label class="field">
          <span>{t('optSiteAdd')}</span>
          <input type="text" name="siteAddress" placeholder="https://webmail.exemple.fr" value={address} onInput={(e) => setAddress((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit" data-testid="site-add">
          {t('optSiteAddButton')}
        </button>
      </form>
      <p role="status" aria-live="polite" class={message ? (message.ok ? 'ok' : 'bad') : ''} data-testid="site-message">
        {message?.text ?? ''}
      </p>
    </section>
  );
}
