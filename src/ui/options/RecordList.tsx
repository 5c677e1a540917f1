/**
 * A list of records the user keeps (own domains, overrides, consent records): searchable, each row editable in place
 * and deletable, the whole list exportable as a CSV that French Excel opens as a table (csv-export.ts). Accessible: a
 * real table with a caption and header cells, labelled inputs, buttons that name their row, errors announced.
 */
import { useMemo, useState } from 'preact/hooks';
import type { T } from '../overlay/i18n';
import { exportFileName, toExcelCsv } from './csv-export';

export interface Column {
  key: string;
  label: string;
  /** How the cell is edited; absent: not editable (the row's identity). */
  edit?: { kind: 'text'; maxLength?: number } | { kind: 'date' } | { kind: 'select'; options: Array<{ value: string; label: string }> };
  /** Shown text (defaults to the raw value). */
  show?: (value: string) => string;
}

export interface RecordRow {
  id: string;
  values: Record<string, string>;
  /** Locked by the team policy: shown, not editable, with who manages it. */
  lockedBy?: string | null;
}

export interface RecordListProps {
  t: T;
  testid: string;
  caption: string;
  columns: Column[];
  rows: RecordRow[];
  /** Returns an error text to show, or nothing when saved. */
  onSave?: (id: string, values: Record<string, string>) => Promise<string | void>;
  onDelete?: (id: string) => Promise<string | void>;
  /** File name part for the export ("consentements"); no export button without it. */
  exportAs?: string;
  today: string;
  /** Rows rendered at most (the search narrows the rest). */
  limit?: number;
}

/** Case- and accent-insensitive. */
export const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function RecordList({ t, testid, caption, columns, rows, onSave, onDelete, exportAs, today, limit = 200 }: RecordListProps) {
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<{ id: string; values: Record<string, string> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exportUrl, setExportUrl] = useState<string | null>(null);

  const shown = useMemo(() => {
    const q = fold(query.trim());
    return q ? rows.filter((r) => Object.values(r.values).some((v) => fold(v).includes(q))) : rows;
  }, [rows, query]);

  const save = async () => {
    if (!editing || !onSave) return;
    const err = await onSave(editing.id, editing.values).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    if (err) setError(err);
    else {
      setEditing(null);
      setError(null);
    }
  };
  const remove = async (id: string) => {
    if (!onDelete) return;
    const err = await onDelete(id).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    setError(err || null);
  };
  const exportCsv = () => {
    const csv = toExcelCsv(
      columns.map((c) => c.label),
      rows.map((r) => columns.map((c) => (c.show ? c.show(r.values[c.key] ?? '') : (r.values[c.key] ?? '')))),
    );
    if (exportUrl) URL.revokeObjectURL(exportUrl);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    setExportUrl(url);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(exportAs!, today);
    document.body.append(a);
    a.click();
    a.remove();
  };

  const searchId = `${testid}-search`;
  return (
    <div data-testid={testid} class="records">
      <p class="records-tools">
        <label for={searchId}>{t('optSearch')}</label>{' '}
        <input id={searchId} type="search" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} data-testid={`${testid}-search`} />{' '}
        <span aria-live="polite" data-testid={`${testid}-shown`}>
          {t('optShownOf', [String(Math.min(shown.length, limit)), String(rows.length)])}
        </span>{' '}
        {exportAs && rows.length > 0 && (
          <button type="button" onClick={exportCsv} data-testid={`${testid}-export`}>
            {t('optExportCsv')}
          </button>
        )}
      </p>
      {error && (
        <p role="alert" class="bad" data-testid={`${testid}-error`}>
          {error}
        </p>
      )}
      {rows.length > 0 && (
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={c.key}>
                  {c.label}
                </th>
              ))}
              {(onSave || onDelete) && (
                <th scope="col">
                  <span class="sr-only">{t('optActions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((r) => {
              const isEditing = editing?.id === r.id;
              const locked = r.lockedBy !== undefined;
              return (
                <tr key={r.id} data-id={r.id}>
                  {columns.map((c, i) => {
                    const v = (isEditing ? editing!.values[c.key] : r.values[c.key]) ?? '';
                    const cell =
                      isEditing && c.edit ? (
                        c.edit.kind === 'select' ? (
                          <select aria-label={`${c.label} — ${r.id}`} value={v} onChange={(e) => setEditing({ id: r.id, values: { ...editing!.values, [c.key]: (e.currentTarget as HTMLSelectElement).value } })}>
                            {c.edit.options.map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                        ) : c.edit.kind === 'date' ? (
                          <input
                            type="date"
                            aria-label={`${c.label} — ${r.id}`}
                            value={v}
                            onInput={(e) => setEditing({ id: r.id, values: { ...editing!.values, [c.key]: (e.currentTarget as HTMLInputElement).value } })}
                          />
                        ) : (
                          <input
                            type="text"
                            aria-label={`${c.label} — ${r.id}`}
                            maxLength={c.edit.maxLength ?? 300}
                            value={v}
                            onInput={(e) => setEditing({ id: r.id, values: { ...editing!.values, [c.key]: (e.currentTarget as HTMLInputElement).value } })}
                          />
                        )
                      ) : c.show ? (
                        c.show(v)
                      ) : (
                        v
                      );
                    return i === 0 ? (
                      <th scope="row" key={c.key}>
                        {cell}
                      </th>
                    ) : (
                      <td key={c.key}>{cell}</td>
                    );
                  })}
                  {(onSave || onDelete) && (
                    <td class="row-actions">
                      {locked ? (
                        <span class="locked">
                          <span aria-hidden="true">🔒 </span>
                          {t('optManagedBy', r.lockedBy ?? t('optManagedByAdmin'))}
                        </span>
                      ) : isEditing ? (
                        <>
                          <button type="button" onClick={() => void save()} aria-label={`${t('optSaveRow')} — ${r.id}`}>
                            {t('optSaveRow')}
                          </button>{' '}
                          <button type="button" onClick={() => (setEditing(null), setError(null))}>
                            {t('optCancel')}
                          </button>
                        </>
                      ) : (
                        <>
                          {onSave && columns.some((c) => c.edit) && (
                            <button type="button" onClick={() => setEditing({ id: r.id, values: { ...r.values } })} aria-label={`${t('optEdit')} — ${r.id}`} data-action="edit">
                              {t('optEdit')}
                            </button>
                          )}{' '}
                          {onDelete && (
                            <button type="button" onClick={() => void remove(r.id)} aria-label={`${t('optRemove')} — ${r.id}`} data-action="delete">
                              {t('optRemove')}
                            </button>
                          )}
                        </>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown.length > limit && <p class="help">{t('optRefineSearch', String(limit))}</p>}
    </div>
  );
}
