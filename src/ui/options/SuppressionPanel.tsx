/**
 * The suppression list in the options page: counts (the member's list, the company's managed one), import from a
 * CSV file or a pasted list (the CLI's table reader, hashed by the worker in chunks, with progress and a report of
 * what could not be read), and clearing the member's own list after a confirmation.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ImportReport, SuppressionCounts } from '../../storage/suppression';
import { addressCells, decodeListFile } from '../../storage/suppression-import';
import type { T } from '../overlay/i18n';

export interface SuppressionApi {
  counts(): Promise<SuppressionCounts>;
  importCells(cells: readonly string[], onProgress: (read: number, total: number) => void): Promise<{ report: ImportReport; counts: SuppressionCounts }>;
  clear(): Promise<SuppressionCounts>;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; read: number; total: number }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'error'; text: string };

const fmt = (n: number, lang: string) => n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');

export function SuppressionPanel({ t, lang, api }: { t: T; lang: string; api: SuppressionApi }) {
  const [counts, setCounts] = useState<SuppressionCounts | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [pasted, setPasted] = useState('');
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    api.counts().then(setCounts, (e: unknown) => setStatus({ kind: 'error', text: t('optSuppFailed', String(e instanceof Error ? e.message : e)) }));
  }, []);

  const run = async (text: string) => {
    const { cells } = addressCells(text);
    if (cells.every((c) => c.trim() === '')) {
      setStatus({ kind: 'error', text: t('optSuppNothing') });
      return;
    }
    setStatus({ kind: 'working', read: 0, total: cells.length });
    try {
      const r = await api.importCells(cells, (read, total) => setStatus({ kind: 'working', read, total }));
      setCounts(r.counts);
      setStatus({ kind: 'done', report: r.report });
      setPasted('');
    } catch (e) {
      setStatus({ kind: 'error', text: t('optSuppFailed', e instanceof Error ? e.message : String(e)) });
    }
  };

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      await run(decodeListFile(new Uint8Array(await file.arrayBuffer())));
    } catch (err) {
      setStatus({ kind: 'error', text: t('optSuppUnreadable', [file.name, err instanceof Error ? err.message : String(err)]) });
    }
    input.value = '';
  };

  const clear = async () => {
    setConfirming(false);
    try {
      setCounts(await api.clear());
      setStatus({ kind: 'idle' });
    } catch (e) {
      setStatus({ kind: 'error', text: t('optSuppFailed', e instanceof Error ? e.message : String(e)) });
    }
  };

  const busy = status.kind === 'working';
  return (
    <section aria-labelledby="supp-h" data-testid="suppression">
      <h2 id="supp-h">{t('optSuppHeading')}</h2>
      <p class="help">{t('optSuppHelp')}</p>
      <p data-testid="supp-count">{counts ? t('optSuppCount', fmt(counts.user, lang)) : t('optSuppLoading')}</p>
      {counts && counts.managed > 0 && (
        <p data-testid="supp-managed" class="locked">
          <span aria-hidden="true">🔒 </span>
          {t('optSuppManaged', [fmt(counts.managed, lang), counts.managedBy ?? t('optManagedByAdmin')])}
        </p>
      )}
      <p>
        <label class="field">
          <span>{t('optSuppFile')}</span>
          <input type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" onChange={(e) => void onFile(e)} disabled={busy} data-testid="supp-file" />
        </label>
      </p>
      <label class="field">
        <span>{t('optSuppPaste')}</span>
        <textarea rows={4} value={pasted} onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)} disabled={busy} data-testid="supp-paste" />
      </label>
      <p>
        <button type="button" onClick={() => void run(pasted)} disabled={busy || pasted.trim() === ''} data-testid="supp-add">
          {t('optSuppAdd')}
        </button>{' '}
        {!confirming ? (
          <button type="button" onClick={() => setConfirming(true)} disabled={busy || !counts || counts.user === 0} data-testid="supp-clear">
            {t('optSuppClear')}
          </button>
        ) : (
          <>
            <button type="button" class="danger" onClick={() => void clear()} data-testid="supp-clear-confirm">
              {t('optSuppClearConfirm', fmt(counts?.user ?? 0, lang))}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('optCancel')}
            </button>
          </>
        )}
      </p>
      <div role="status" aria-live="polite" data-testid="supp-status">
        {status.kind === 'working' && (
          <p>
            <label>
              {t('optSuppProgress', [fmt(status.read, lang), fmt(status.total, lang)])}{' '}
              <progress max={status.total} value={status.read} />
            </label>
          </p>
        )}
        {status.kind === 'done' && (
          <div class="ok">
            <p>{t('optSuppReport', [fmt(status.report.added, lang), fmt(status.report.valid - status.report.added, lang), fmt(status.report.total, lang)])}</p>
            {status.report.invalid > 0 && (
              <>
                <p class="bad">{t('optSuppInvalid', fmt(status.report.invalid, lang))}</p>
                <ul data-testid="supp-invalid">
                  {status.report.invalidSamples.map((s) => (
                    <li key={s.index}>{s.value}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
      {status.kind === 'error' && (
        <p role="alert" class="bad" data-testid="supp-error">
          {status.text}
        </p>
      )}
    </section>
  );
}
