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

  /** The keys are input, email, domain, the shared run (+ ruleId), then anything else: the fast path. */
  const fast = (r: Record<string, unknown>, keys: readonly string[], prefix: string): boolean => {
    if (keys.length < 8 || keys[0] !== 'input' || keys[1] !== 'email' || keys[2] !== 'domain') return false;
    for (let i = 0; i < SHARED.length; i++) if (keys[3 + i] !== SHARED[i]) return false;
    if (!Array.isArray(r.flags) || !Array.isArray(r.reasons) || r.reasons.length === 0) return false;
    const input = r.input;
    const email = r.email;
    const domain = r.domain;
    if (typeof input !== 'string' || (email !== null && typeof email !== 'string') || (domain !== null && typeof domain !== 'string')) return false;
    let i = 3 + SHARED.length;
    const withRuleId = keys[i] === 'ruleId' && r.ruleId !== undefined;
    if (keys[i] === 'ruleId') i++;
    w.push('{' + prefix + ',"input":' + str(input) + ',"email":' + (email === null ? 'null' : str(email)) + ',"domain":' + (domain === null ? 'null' : str(domain)));
    w.pushBytes(segmentBytes(r, withRuleId));
    let tail = '';
    for (; i < keys.length; i++) {
      const k = keys[i]!;
      const x = r[k];
      const v = typeof x === 'string' ? str(x) : JSON.stringify(x);
      if (v !== undefined) tail += ',' + keyJson(k) + v;
    }
    w.push(tail + '}');
    return true;
  };

  return {
    items(items: readonly Item[]) {
      for (const it of items) {
        for (const e of it.entries) {
          let cj = columnJson.get(e.column);
          if (cj === undefined) {
            cj = str(e.column);
            columnJson.set(e.column, cj);
          }
          w.push(count++ === 0 ? '[\n' : ',\n');
          const prefix = `"row":${it.row},"column":${cj}`;
          const r = e.result as unknown as Record<string, unknown>;
          if (typeof r.toJSON === 'function' || !fast(r, Object.keys(r), prefix)) write(e.result, prefix);
        }
      }
    },
    end() {
      w.push(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}
