/**
 * Membership in a sorted, newline-joined list of strings (each line ending with "\n"), by binary
 * search on the string itself: nothing is built at start (no Set of 150 000 strings), nothing is
 * allocated per lookup. Lines are compared by UTF-16 code unit, the order Array.prototype.sort
 * gives ASCII strings.
 */

/** Compares list[start, end) with key: negative, zero or positive. */
function compareLine(list: string, start: number, end: number, key: string): number {
  const n = end - start;
  const m = key.length;
  const k = n < m ? n : m;
  for (let i = 0; i < k; i++) {
    const d = list.charCodeAt(start + i) - key.charCodeAt(i);
    if (d !== 0) return d;
  }
  return n - m;
}

/** True when `key` is one of the lines of `list`. */
export function inSortedList(list: string, key: string): boolean {
  if (key.length === 0 || key.indexOf('\n') >= 0) return false;
  // lo and hi are always at the start of a line (or at the end of the list)
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : list.lastIndexOf('\n', mid - 1) + 1;
    let end = list.indexOf('\n', start);
    if (end < 0) end = list.length;
    const c = compareLine(list, start, end, key);
    if (c === 0) return true;
    if (c < 0) lo = end + 1;
    else hi = start;
  }
  return false;
}

/** Number of lines of a list built as sorted-list.ts expects. */
export function countLines(list: string): number {
  let n = 0;
  for (let i = list.indexOf('\n'); i >= 0; i = list.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A bit filter over the lines of a list (one bit per line hash, 2^bits bits), built in one pass
 * over the string when the module loads: a clear bit proves a key absent, so most lookups (an
 * organisation's own domain) skip the binary search. A set bit only means "search".
 */
export interface LineFilter {
  bits: Int32Array;
  mask: number;
}

function fnv(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function lineFilter(list: string, bits = 21): LineFilter {
  const f = new Int32Array(1 << (bits - 5));
  const mask = (1 << bits) - 1;
  let start = 0;
  for (let end = list.indexOf('\n'); end >= 0; end = list.indexOf('\n', start)) {
    const h = fnv(list, start, end) & mask;
    f[h >>> 5]! |= 1 << (h & 31);
    start = end + 1;
  }
  return { bits: f, mask };
}

/** False when `key` is certainly not a line of the filter's list. */
export function mayContain(filter: LineFilter, key: string): boolean {
  const h = fnv(key, 0, key.length) & filter.mask;
  return (filter.bits[h >>> 5]! & (1 << (h & 31))) !== 0;
}
