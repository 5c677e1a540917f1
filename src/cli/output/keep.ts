/**
 * --keep / --drop: the campaign-safe list. The rows that pass are written back as they were, in the
 * input's own format (same encoding and BOM, delimiter, line ends, header; a vCard's cards; a
 * workbook's sheet as a workbook), and stderr says how many rows were dropped and why.
 *
 * A row passes when every address in it passes: a contact whose work address is professional but
 * whose second address is a gmail.com one is dropped (the campaign tool might use either), and the
 * count says so. Rows on the suppression list are always dropped. A row without any address is
 * invalid.
 */
import type { FilterValue } from '../args';
import type { CliResult, Item } from '../audit';
import type { ByteWriter } from '../io';
import { MESSAGES, type Lang } from '../i18n';
import type { OutputContext } from './context';

export interface Filter {
  mode: 'keep' | 'drop';
  values: ReadonlySet<FilterValue>;
}

/** Why a result fails the filter (a word for the count), or null when it passes. */
export function failure(r: CliResult, f: Filter): FilterValue | null {
  if (r.flags.includes('suppressed')) return 'suppressed';
  const matches = f.values.has(r.audience) || (r.regime !== null && f.values.has(r.regime as FilterValue));
  if (f.mode === 'keep') return matches ? null : r.audience;
  if (!matches) return null;
  return f.values.has(r.audience) ? r.audience : (r.regime as FilterValue);
}

export interface KeepStats {
  rows: number;
  kept: number;
  /** Dropped rows per reason, in the order first met. */
  dropped: Map<FilterValue, number>;
  /** Dropped rows that also held an address that passes. */
  mixed: number;
}

export function newKeepStats(): KeepStats {
  return { rows: 0, kept: 0, dropped: new Map(), mixed: 0 };
}

/** Decides one row; counts it. */
export function judgeRow(it: Item, f: Filter, stats: KeepStats): boolean {
  stats.rows++;
  let why: FilterValue | null = null;
  let passing = 0;
  for (const e of it.entries) {
    const w = failure(e.result, f);
    if (w === null) passing++;
    else if (why === null || w === 'suppressed') why = w;
  }
  if (why === null) {
    stats.kept++;
    return true;
  }
  stats.dropped.set(why, (stats.dropped.get(why) ?? 0) + 1);
  if (passing > 0) stats.mixed++;
  return false;
}

export function keepSummary(stats: KeepStats, lang: Lang): string {
  const M = MESSAGES[lang];
  const label = (v: FilterValue, n: number): string => {
    const word = v === 'suppressed' ? M.flags.suppressed! : v in M.audience ? M.audience[v as keyof typeof M.audience] : (M.regime[v as keyof typeof M.regime] ?? v);
    return n > 1 ? (M.plural[word] ?? word) : word;
  };
  return M.keepSummary(stats.kept, stats.rows, [...stats.dropped].map(([v, n]) => [label(v, n), n] as [string, number]), stats.mixed, lang);
}

/** Writes kept CSV / text rows and vCards back in the input's encoding, delimiter and line ends. */
export function textKeepWriter(
  ctx: OutputContext & { sepLine: string | null; headerRaw: string | null },
  w: ByteWriter,
  f: Filter,
  stats: KeepStats,
): { items(items: readonly Item[]): void } {
  if (ctx.bom) w.bom();
  const nl = ctx.newline;
  if (ctx.sepLine) w.push(ctx.sepLine + nl);
  if (ctx.headerRaw !== null) w.push(ctx.headerRaw + nl);
  return {
    items(items) {
      for (const it of items) if (judgeRow(it, f, stats) && it.raw !== null) w.push(it.raw + nl);
    },
  };
}
