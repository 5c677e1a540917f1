/**
 * Output formats. Each encodes its output as UTF-8 into chunks of about 1 MiB handed to a sink:
 * few writes (never one per row), bounded memory, no string past V8's length limit even for a
 * million rows, and the long reason texts, shared by many rows, encoded once and copied as bytes.
 * The format* variants return the whole text (tests, small outputs).
 */
import Papa from 'papaparse';
import type { Audience, Reason, RecipientResult, Regime } from '../rules/types';
import { MESSAGES, type Lang } from './i18n';

export type Sink = (chunk: Uint8Array) => void;

const CHUNK_BYTES = 1 << 20;

/** Encodes strings (and copies ready-made bytes) into ~CHUNK_BYTES buffers handed to the sink. */
class ByteWriter {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private pos = 0;
  constructor(private readonly sink: Sink) {}
  push(s: string): void {
    // A UTF-16 code unit is at most 3 UTF-8 bytes.
    if (s.length * 3 > this.buf.length - this.pos) {
      this.flush();
      if (s.length * 3 > this.buf.length) {
        this.sink(Buffer.from(s, 'utf8'));
        return;
      }
    }
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }
  pushBytes(b: Uint8Array): void {
    if (b.length > this.buf.length - this.pos) {
      this.flush();
      if (b.length > this.buf.length) {
        this.sink(b);
        return;
      }
    }
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  flush(): void {
    if (this.pos === 0) return;
    // A fresh buffer each time: the sink may hold on to the one it was given (asynchronous writes).
    this.sink(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.pos = 0;
  }
}

function collect(write: (sink: Sink) => void): string {
  const chunks: Uint8Array[] = [];
  write((c) => chunks.push(c));
  return Buffer.concat(chunks).toString('utf8');
}

// ---------------------------------------------------------------- json

// Strings JSON.stringify leaves as they are (no quote, backslash, control or surrogate).
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

function str(v: string): string {
  return PLAIN.test(v) ? '"' + v + '"' : JSON.stringify(v);
}

/**
 * Writes JSON.stringify(result), faster: known fields written directly, each (shared, frozen)
 * Reason object of the engine serialised and encoded once, any other field through
 * JSON.stringify. Key order and skipped undefined values are those of JSON.stringify.
 */
function makeResultWriter(w: ByteWriter): (r: RecipientResult) => void {
  const reasonCache = new Map<object, Uint8Array>();
  const reasonBytes = (x: Reason): Uint8Array => {
    if (typeof x !== 'object' || x === null) return Buffer.from(JSON.stringify(x) ?? 'null');
    let b = reasonCache.get(x);
    if (b === undefined) {
      // Safe for unfrozen objects too: nothing mutates results while one output is built.
      b = Buffer.from(JSON.stringify(x), 'utf8');
      reasonCache.set(x, b);
    }
    return b;
  };
  const keyCache = new Map<string, string>();
  const keyJson = (k: string): string => {
    let kj = keyCache.get(k);
    if (kj === undefined) {
      kj = JSON.stringify(k) + ':';
      keyCache.set(k, kj);
    }
    return kj;
  };
  const value = (k: string, v: unknown): string | undefined => {
    if (typeof v === 'string') return str(v);
    if (v === null) return 'null';
    if (k === 'flags' && Array.isArray(v)) {
      let s = '[';
      for (let i = 0; i < v.length; i++) {
        const f = v[i];
        s += (i ? ',' : '') + (typeof f === 'string' ? str(f) : (JSON.stringify(f) ?? 'null'));
      }
      return s + ']';
    }
    return JSON.stringify(v); // undefined → undefined: skipped
  };
  return (r) => {
    if (typeof (r as { toJSON?: unknown }).toJSON === 'function') {
      w.push(JSON.stringify(r));
      return;
    }
    let s = '{';
    let first = true;
    const keys = Object.keys(r);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = (r as unknown as Record<string, unknown>)[k];
      if (k === 'reasons' && Array.isArray(v)) {
        w.push(s + (first ? '' : ',') + keyJson(k) + '[');
        for (let j = 0; j < v.length; j++) {
          if (j) w.push(',');
          w.pushBytes(reasonBytes(v[j] as Reason));
        }
        s = ']';
        first = false;
        continue;
      }
      const vj = value(k, v);
      if (vj === undefined) continue;
      s += (first ? '' : ',') + keyJson(k) + vj;
      first = false;
    }
    w.push(s + '}');
  };
}

/** A JSON array of the results, one object per line. */
export function writeJson(results: readonly RecipientResult[], sink: Sink): void {
  const w = new ByteWriter(sink);
  if (results.length === 0) {
    w.push('[]\n');
  } else {
    const write = makeResultWriter(w);
    for (let i = 0; i < results.length; i++) {
      w.push(i === 0 ? '[\n' : ',\n');
      write(results[i]!);
    }
    w.push('\n]\n');
  }
  w.flush();
}

export function formatJson(results: readonly RecipientResult[]): string {
  return collect((sink) => writeJson(results, sink));
}

// ---------------------------------------------------------------- csv

export const CSV_FIELDS = ['input', 'email', 'domain', 'audience', 'regime', 'jurisdiction', 'flags', 'reasons'] as const;

/**
 * CSV: input,email,domain,audience,regime,jurisdiction,flags,reasons — flags and reason ids
 * joined by "|", null as an empty cell. Cells that a spreadsheet would run as a formula
 * (starting with = + - @) are prefixed with a quote (papaparse escapeFormulae).
 */
export function writeCsv(results: readonly RecipientResult[], sink: Sink): void {
  const w = new ByteWriter(sink);
  const config = { quotes: false, escapeFormulae: true, newline: '\n' };
  w.push(Papa.unparse([[...CSV_FIELDS]], config) + '\n');
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
  w.flush();
}

export function formatCsv(results: readonly RecipientResult[]): string {
  return collect((sink) => writeCsv(results, sink));
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
export function writeTable(results: readonly RecipientResult[], lang: Lang, sink: Sink): void {
  const M = MESSAGES[lang];
  const w = new ByteWriter(sink);
  const counts = countResults(results);
  if (results.length === 0) {
    w.push(`${M.noAddress}\n${M.total}: 0\n`);
    w.flush();
    return;
  }
  /**
   * The reason that explains the row's regime: the audience reason, unless the recipient's country (read from
   * the domain) brings its own rule — then that rule (e.g. a .de business address is opt-in under UWG §7).
   */
  const mainReason = (r: RecipientResult) =>
    r.reasons.some((x) => x.id === 'jurisdiction-tld') ? r.reasons[r.reasons.length - 1] : r.reasons[0];
  const header = ['#', M.colInput, M.colAudience, M.colRegime, M.colJurisdiction, M.colFlags, M.colReason];
  const rows: string[][] = new Array(results.length);
  const widths = header.map(width);
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    const reason = mainReason(r);
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
  w.flush();
}

export function formatTable(results: readonly RecipientResult[], lang: Lang): string {
  return collect((sink) => writeTable(results, lang, sink));
}
