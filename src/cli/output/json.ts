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

export function jsonWriter(w: ByteWriter): Writer {
  const write = makeResultWriter(w);
  const columnJson = new Map<string, string>();
  let count = 0;
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
          write(e.result, `"row":${it.row},"column":${cj}`);
        }
      }
    },
    end() {
      w.push(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}
