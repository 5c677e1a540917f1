/**
 * Output formats. Each returns the whole output as a list of string chunks (a few MB each),
 * so a million-row audit never builds one string past V8's limit yet is written in a few writes.
 */
import Papa from 'papaparse';
import type { Audience, Reason, RecipientResult, Regime } from '../rules/types';
import { MESSAGES, type Lang } from './i18n';

const CHUNK_CHARS = 4 << 20;

/** Collects strings into chunks of about CHUNK_CHARS characters. */
class ChunkWriter {
  readonly chunks: string[] = [];
  private parts: string[] = [];
  private size = 0;
  push(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= CHUNK_CHARS) this.flush();
  }
  flush(): void {
    if (this.parts.length) this.chunks.push(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  done(): string[] {
    this.flush();
    return this.chunks;
  }
}

// ---------------------------------------------------------------- json

/**
 * JSON of one reason list. The engine hands out the same Reason objects for many recipients,
 * so each object's JSON is computed once. Output equals JSON.stringify.
 */
function makeReasonsJson(): (reasons: readonly Reason[]) => string {
  const cache = new WeakMap<object, string>();
  return (reasons) => {
    let s = '[';
    for (let i = 0; i < reasons.length; i++) {
      const r = reasons[i]!;
      let j = typeof r === 'object' && r !== null ? cache.get(r) : undefined;
      if (j === undefined) {
        j = JSON.stringify(r) ?? 'null';
        // Safe even for unfrozen objects: nothing mutates results while one output is built.
        if (typeof r === 'object' && r !== null) cache.set(r, j);
      }
      s += i === 0 ? j : ',' + j;
    }
    return s + ']';
  };
}

/** JSON.stringify(result), reusing the cached JSON of shared reasons. */
function makeResultJson(): (r: RecipientResult) => string {
  const reasonsJson = makeReasonsJson();
  const keyJson = new Map<string, string>();
  return (r) => {
    let s = '{';
    let first = true;
    for (const k in r) {
      if (!Object.prototype.hasOwnProperty.call(r, k)) continue;
      const v = (r as unknown as Record<string, unknown>)[k];
      let vj: string | undefined;
      if (k === 'reasons' && Array.isArray(v)) vj = reasonsJson(v as Reason[]);
      else vj = JSON.stringify(v);
      if (vj === undefined) continue; // undefined, functions: skipped as JSON.stringify does
      let kj = keyJson.get(k);
      if (kj === undefined) {
        kj = JSON.stringify(k) + ':';
        keyJson.set(k, kj);
      }
      s += first ? kj + vj : ',' + kj + vj;
      first = false;
    }
    return s + '}';
  };
}

/** A JSON array of the results, one object per line. */
export function formatJson(results: readonly RecipientResult[]): string[] {
  if (results.length === 0) return ['[]\n'];
  const toJson = makeResultJson();
  const w = new ChunkWriter();
  w.push('[\n');
  for (let i = 0; i < results.length; i++) {
    w.push(i === 0 ? toJson(results[i]!) : ',\n' + toJson(results[i]!));
  }
  w.push('\n]\n');
  return w.done();
}

// ---------------------------------------------------------------- csv

export const CSV_FIELDS = ['input', 'email', 'domain', 'audience', 'regime', 'jurisdiction', 'flags', 'reasons'] as const;

/**
 * CSV: input,email,domain,audience,regime,jurisdiction,flags,reasons — flags and reason ids
 * joined by "|", null as an empty cell. Cells that a spreadsheet would run as a formula
 * (starting with = + - @) are prefixed with a quote (papaparse escapeFormulae).
 */
export function formatCsv(results: readonly RecipientResult[]): string[] {
  const w = new ChunkWriter();
  const config = { quotes: false, escapeFormulae: true, newline: '\n' };
  w.push(Papa.unparse({ fields: [...CSV_FIELDS], data: [] }, config) + '\n');
  const BATCH = 5000;
  for (let start = 0; start < results.length; start += BATCH) {
    const end = Math.min(results.length, start + BATCH);
    const data: string[][] = new Array(end - start);
    for (let i = start; i < end; i++) {
      const r = results[i]!;
      data[i - start] = [
        r.input,
        r.email ?? '',
        r.domain ?? '',
        r.audience,
        r.regime ?? '',
        r.jurisdiction,
        r.flags.join('|'),
        r.reasons.map((x) => x.id).join('|'),
      ];
    }
    w.push(Papa.unparse(data, config) + '\n');
  }
  return w.done();
}

// ---------------------------------------------------------------- table

export const AUDIENCES: readonly Audience[] = ['private', 'professional', 'organization', 'internal', 'unknown', 'invalid'];
export const REGIMES: readonly Regime[] = ['opt-in', 'opt-out', 'internal', 'banned'];

export interface Counts {
  total: number;
  audience: Record<Audience, number>;
  /** Key "none" counts results without a regime (invalid addresses). */
  regime: Record<Regime | 'none', number>;
}

export function countResults(results: readonly RecipientResult[]): Counts {
  const audience = Object.fromEntries(AUDIENCES.map((a) => [a, 0])) as Record<Audience, number>;
  const regime = Object.fromEntries([...REGIMES, 'none'].map((a) => [a, 0])) as Record<Regime | 'none', number>;
  for (const r of results) {
    audience[r.audience] = (audience[r.audience] ?? 0) + 1;
    const k = r.regime ?? 'none';
    regime[k] = (regime[k] ?? 0) + 1;
  }
  return { total: results.length, audience, regime };
}

// C0/C1 controls and bidi overrides would corrupt (or spoof) the terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function clean(s: string): string {
  return s.replace(UNSAFE, ' ');
}

/** Display width in code points (good enough for addresses; no East-Asian width tables). */
function width(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its high half
    if (c >= 0x300 && c <= 0x36f) continue; // combining accents
    n++;
  }
  return n;
}

function truncate(s: string, max: number): string {
  if (width(s) <= max) return s;
  const cps = Array.from(s);
  return cps.slice(0, max - 1).join('') + '…';
}

function pad(s: string, w: number): string {
  const d = w - width(s);
  return d > 0 ? s + ' '.repeat(d) : s;
}

const MAX_INPUT_WIDTH = 60;

/** Aligned text table (reason text in `lang`), then counts per audience and per regime. */
export function formatTable(results: readonly RecipientResult[], lang: Lang): string[] {
  const M = MESSAGES[lang];
  const w = new ChunkWriter();
  const counts = countResults(results);
  if (results.length === 0) {
    w.push(`${M.noAddress}\n${M.total}: 0\n`);
    return w.done();
  }
  const header = ['#', M.colInput, M.colAudience, M.colRegime, M.colJurisdiction, M.colFlags, M.colReason];
  const rows: string[][] = new Array(results.length);
  const widths = header.map(width);
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    const reason = r.reasons[0];
    const row = [
      String(i + 1),
      truncate(clean(r.input), MAX_INPUT_WIDTH),
      M.audience[r.audience] ?? r.audience,
      r.regime ? (M.regime[r.regime] ?? r.regime) : '—',
      r.jurisdiction,
      r.flags.length ? r.flags.join(',') : '',
      reason ? clean(reason[lang] ?? reason.en ?? reason.id) : '',
    ];
    for (let c = 0; c < row.length - 1; c++) {
      const x = width(row[c]!);
      if (x > widths[c]!) widths[c] = x;
    }
    rows[i] = row;
  }
  const line = (row: readonly string[]): string => {
    let s = row[0]!.padStart(widths[0]!);
    for (let c = 1; c < row.length - 1; c++) s += '  ' + pad(row[c]!, widths[c]!);
    const last = row[row.length - 1]!;
    s = last ? s + '  ' + last : s.trimEnd();
    return s + '\n';
  };
  w.push(line(header));
  w.push(line(header.map((h, c) => '-'.repeat(c === header.length - 1 ? width(h) : widths[c]!))));
  for (const row of rows) w.push(line(row));

  // Summary.
  const labels: [string, number][] = [];
  const aud = AUDIENCES.map((a) => [M.audience[a], counts.audience[a]] as [string, number]);
  const reg = [...REGIMES.map((g) => [M.regime[g], counts.regime[g]] as [string, number]), [M.none, counts.regime.none] as [string, number]];
  labels.push(...aud, ...reg);
  const lw = Math.max(...labels.map(([l]) => width(l)));
  const nw = String(counts.total).length;
  const block = (title: string, items: [string, number][]): string =>
    `${title}\n` + items.map(([l, n]) => `  ${pad(l, lw)}  ${String(n).padStart(nw)}\n`).join('');
  w.push(`\n${M.total}: ${counts.total}\n\n`);
  w.push(block(M.byAudience, aud));
  w.push('\n');
  w.push(block(M.byRegime, reg));
  return w.done();
}
