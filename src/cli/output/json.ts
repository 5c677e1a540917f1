/**
 * JSON: an array, one object per address and one per line, written as the rows stream by (never the
 * whole array in memory). Each object is the engine's result with stable ids (audience, regime,
 * flags, reasons[].id — whatever --lang says), preceded by the source `row` and `column`.
 * Shared, frozen Reason objects are serialised and encoded once, then copied as bytes.
 */
import type { Reason } from '../../rules/types';
import type { CliResult, Item } from '../audit';
import type { ByteWriter } from '../io';
import type { Writer } from './context';

// Strings JSON.stringify leaves as they are (no quote, backslash, control or surrogate).
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** JSON.stringify(v) for a string; a plain one is only quoted (a JSON.stringify call costs more than the test). */
function str(v: string): string {
  return PLAIN.test(v) ? '"' + v + '"' : JSON.stringify(v);
}

/**
 * Writes JSON.stringify(result) with `prefix` (already serialised "key":value pairs) first, faster:
 * known fields written directly, each Reason serialised and encoded once, any other field through
 * JSON.stringify. Key order and skipped undefined values are those of JSON.stringify.
 */
export function makeResultWriter(w: ByteWriter): (r: CliResult, prefix?: string) => void {
  const reasonCache = new Map<object, Uint8Array>();
  const reasonBytes = (x: Reason): Uint8Array => {
    if (typeof x !== 'object' || x === null) return Buffer.from(JSON.stringify(x) ?? 'null');
    let b = reasonCache.get(x);
    if (b === undefined) {
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
  return (r, prefix = '') => {
    if (typeof (r as { toJSON?: unknown }).toJSON === 'function') {
      const j = JSON.stringify(r);
      w.push(prefix ? '{' + prefix + (j.length > 2 ? ',' : '') + j.slice(1) : j);
      return;
    }
    let s = '{' + prefix;
    let first = prefix === '';
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

/** The engine's usual run of shared fields, serialised once per verdict (see jsonWriter). */
const SHARED = ['audience', 'regime', 'jurisdiction', 'flags', 'reasons'] as const;

interface Segment {
  audience: unknown;
  regime: unknown;
  jurisdiction: unknown;
  flags: readonly unknown[];
  reasons: readonly unknown[];
  ruleId: unknown;
  withRuleId: boolean;
  bytes: Uint8Array;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One object per line. Most of a result — audience, regime, jurisdiction, flags, reasons and rule —
 * is shared by every recipient with the same verdict: when a result has these keys in the engine's
 * order, that run is serialised once and copied as bytes; the rest goes through makeResultWriter's
 * path (so the output is always JSON.stringify's, key for key).
 */
export function jsonWriter(w: ByteWriter): Writer {
  const write = makeResultWriter(w);
  const columnJson = new Map<string, string>();
  const segments = new Map<unknown, Segment[]>();
  const keyCache = new Map<string, string>();
  const keyJson = (k: string): string => {
    let kj = keyCache.get(k);
    if (kj === undefined) {
      kj = JSON.stringify(k) + ':';
      keyCache.set(k, kj);
    }
    return kj;
  };
  let count = 0;

  const segmentBytes = (r: Record<string, unknown>, withRuleId: boolean): Uint8Array => {
    const reasons = r.reasons as readonly unknown[];
    const flags = r.flags as readonly unknown[];
    const first = reasons[0];
    let list = segments.get(first);
    if (list === undefined) {
      if (segments.size > 10_000) segments.clear();
      list = [];
      segments.set(first, list);
    }
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      if (
        c.withRuleId === withRuleId &&
        c.audience === r.audience &&
        c.regime === r.regime &&
        c.jurisdiction === r.jurisdiction &&
        c.ruleId === r.ruleId &&
        sameList(c.flags, flags) &&
        sameList(c.reasons, reasons)
      ) {
        return c.bytes;
      }
    }
    const part: Record<string, unknown> = {};
    for (const k of SHARED) part[k] = r[k];
    if (withRuleId) part.ruleId = r.ruleId;
    const json = JSON.stringify(part);
    const bytes = Buffer.from(',' + json.slice(1, -1), 'utf8');
    if (list.length > 64) list.length = 0;
    list.push({ audience: r.audience, regime: r.regime, jurisdiction: r.jurisdiction, flags: flags.slice(), reasons: reasons.slice(), ruleId: r.ruleId, withRuleId, bytes });
    return bytes;
  };

  /**
   * The fast path's keys: input, email, domain, the shared run (+ ruleId), then anything else. The
   * index of the first key after the shared run (and ruleId), or -1 when the result has another shape.
   */
  const fastShape = (r: Record<string, unknown>, keys: readonly string[]): number => {
    if (keys.length < 8 || keys[0] !== 'input' || keys[1] !== 'email' || keys[2] !== 'domain') return -1;
    for (let i = 0; i < SHARED.length; i++) if (keys[3 + i] !== SHARED[i]) return -1;
    if (!Array.isArray(r.flags) || !Array.isArray(r.reasons) || r.reasons.length === 0) return -1;
    const email = r.email;
    const domain = r.domain;
    if (typeof r.input !== 'string' || (email !== null && typeof email !== 'string') || (domain !== null && typeof domain !== 'string')) return -1;
    const i = 3 + SHARED.length;
    return keys[i] === 'ruleId' ? i + 1 : i;
  };
  const utf8 = (t: string): Uint8Array => Buffer.from(t, 'utf8');
  const FIRST = utf8('[\n{"row":');
  const NEXT = utf8(',\n{"row":');
  const EMAIL = utf8(',"email":');
  const DOMAIN = utf8(',"domain":');
  const NULL = utf8('null');
  const CLOSE = utf8('}');
  /** `,"column":"…","input":` per column. */
  const columnBytes = new Map<string, Uint8Array>();
  /** `,"key":` per key after the shared run. */
  const keyBytes = new Map<string, Uint8Array>();
  /** JSON.stringify(s), the common strings copied straight into the output. */
  const quoted = (s: string): void => {
    if (!w.jsonAscii(s)) w.push(str(s));
  };

  /** The fast path: JSON.stringify's bytes, written piece by piece; `from` is fastShape's index. */
  const fast = (row: number, column: string, r: Record<string, unknown>, keys: readonly string[], from: number): void => {
    w.pushBytes(count++ === 0 ? FIRST : NEXT);
    w.digits(row);
    let cb = columnBytes.get(column);
    if (cb === undefined) {
      cb = utf8(',"column":' + str(column) + ',"input":');
      columnBytes.set(column, cb);
    }
    w.pushBytes(cb);
    quoted(r.input as string);
    w.pushBytes(EMAIL);
    if (r.email === null) w.pushBytes(NULL);
    else quoted(r.email as string);
    w.pushBytes(DOMAIN);
    if (r.domain === null) w.pushBytes(NULL);
    else quoted(r.domain as string);
    w.pushBytes(segmentBytes(r, from > 3 + SHARED.length && r.ruleId !== undefined));
    for (let i = from; i < keys.length; i++) {
      const k = keys[i]!;
      const x = r[k];
      if (typeof x === 'string') {
        let kb = keyBytes.get(k);
        if (kb === undefined) {
          kb = utf8(',' + keyJson(k));
          keyBytes.set(k, kb);
        }
        w.pushBytes(kb);
        quoted(x);
        continue;
      }
      const v = JSON.stringify(x);
      if (v !== undefined) w.push(',' + keyJson(k) + v);
    }
    w.pushBytes(CLOSE);
  };

  return {
    items(items: readonly Item[]) {
      for (const it of items) {
        const row = it.row;
        for (const e of it.entries) {
          const r = e.result as unknown as Record<string, unknown>;
          if (typeof r.toJSON !== 'function') {
            const keys = Object.keys(r);
            const from = fastShape(r, keys);
            if (from >= 0) {
              fast(row, e.column, r, keys, from);
              continue;
            }
          }
          let cj = columnJson.get(e.column);
          if (cj === undefined) {
            cj = str(e.column);
            columnJson.set(e.column, cj);
          }
          w.push(count++ === 0 ? '[\n' : ',\n');
          write(e.result, `"row":${row},"column":${cj}`);
        }
      }
    },
    end() {
      w.push(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}
