/**
 * Small string-keyed caches for the hot path of classify(), and the hashes they use. Pure JS, no
 * Node builtins.
 *
 * V8's Map hashes every fresh (sliced) string key on lookup and probes a large table; these caches
 * hash the characters in JS and probe a fixed, two-way set-associative table instead. A new key
 * enters the second way ("probation") and moves to the first way when it is hit again, so a stream
 * of one-off keys (one-off domains) never evicts the frequent ones (gmail.com …). They only
 * remember what a pure function returned: a miss recomputes, so results never depend on what is
 * cached.
 */

/** FNV-1a's offset basis (0x811c9dc5) as a signed 32-bit integer, and its prime. */
const FNV_OFFSET = -2128831035;
const FNV_PRIME = 0x01000193;

/** Last step of the hashes: 30 bits, so the value stays a small integer (V8 boxes larger ones). */
function hashFinish(h: number): number {
  return (h ^ (h >>> 15)) & 0x3fffffff;
}

/** FNV-1a over the UTF-16 code units of s[start, end), then hashFinish. */
export function hashRange(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return hashFinish(h);
}

/**
 * A cheaper hash of s[start, end) for the range caches: the length and five characters spread
 * over the range (first two, middle, last two). Equal ranges hash alike, which is all a cache
 * needs; the keys are compared in full.
 */
export function sampleHash(s: string, start: number, end: number): number {
  const n = end - start;
  let h = Math.imul(FNV_OFFSET ^ n, FNV_PRIME);
  h = Math.imul(h ^ s.charCodeAt(start), FNV_PRIME);
  h = Math.imul(h ^ s.charCodeAt(n > 1 ? start + 1 : start), FNV_PRIME);
  h = Math.imul(h ^ s.charCodeAt(start + (n >> 1)), FNV_PRIME);
  h = Math.imul(h ^ s.charCodeAt(n > 3 ? end - 2 : end - 1), FNV_PRIME);
  h = Math.imul(h ^ s.charCodeAt(end - 1), FNV_PRIME);
  return hashFinish(h);
}

export function hashString(s: string): number {
  return hashRange(s, 0, s.length);
}

/** Two-way set-associative cache: string → V. */
export class StringCache<V> {
  private readonly hashes: Int32Array;
  private readonly keys: string[];
  private readonly values: V[];
  private readonly mask: number;

  /** `bits`: log2 of the number of sets (2 entries per set). `empty`: filler value. */
  constructor(bits: number, empty: V) {
    const sets = 1 << bits;
    this.mask = sets - 1;
    this.hashes = new Int32Array(sets * 2);
    // '' is never a key: callers only cache non-empty strings
    this.keys = new Array<string>(sets * 2).fill('');
    this.values = new Array<V>(sets * 2).fill(empty);
  }

  /** Slot index of `key` (hash `h`, from hashString), or -1. A hit in the second way moves it to the first. */
  find(key: string, h: number): number {
    const i = (h & this.mask) << 1;
    const hashes = this.hashes;
    const keys = this.keys;
    if (hashes[i] === h && keys[i] === key) return i;
    if (hashes[i + 1] !== h || keys[i + 1] !== key) return -1;
    // promote: swap the two ways
    const values = this.values;
    const v = values[i + 1]!;
    hashes[i + 1] = hashes[i]!;
    keys[i + 1] = keys[i]!;
    values[i + 1] = values[i]!;
    hashes[i] = h;
    keys[i] = key;
    values[i] = v;
    return i;
  }

  value(slot: number): V {
    return this.values[slot]!;
  }

  /** Stores a key that `find` just missed (into the probation way). */
  add(key: string, h: number, value: V): void {
    const j = ((h & this.mask) << 1) + 1;
    this.hashes[j] = h;
    this.keys[j] = key;
    this.values[j] = value;
  }
}

/**
 * Two-way set-associative cache keyed by a range of a string, for short keys of Latin-1
 * characters (up to KEY_BYTES): each set keeps its two entries' hashes, lengths and two integers
 * (`a`, `b`) next to the keys' characters, in 96 bytes of one buffer, so a lookup reads one or two
 * cache lines instead of following pointers to strings and objects, and needs no substring.
 * Each entry also has one value. Same probation / promotion policy as StringCache.
 */
export class RangeCache<V> {
  static readonly KEY_BYTES = 32;
  /** Per set, in 32-bit words: [hash (-1 when empty), key length, a, b] × 2, then the two keys' bytes. */
  private readonly meta: Int32Array;
  private readonly bytes: Uint8Array;
  private readonly values: V[];
  private readonly mask: number;

  constructor(bits: number, empty: V) {
    const sets = 1 << bits;
    this.mask = sets - 1;
    const buffer = new ArrayBuffer(sets * SET_BYTES);
    this.meta = new Int32Array(buffer);
    for (let k = 0; k < this.meta.length; k += SET_WORDS) this.meta[k] = this.meta[k + 4] = -1;
    this.bytes = new Uint8Array(buffer);
    this.values = new Array<V>(sets * 2).fill(empty);
  }

  /** Can s[start, end) be a key? (length 1 to KEY_BYTES; the caller guarantees Latin-1.) */
  static fits(start: number, end: number): boolean {
    return end > start && end - start <= RangeCache.KEY_BYTES;
  }

  /** Entry `e` (set × 2 + way) holds s[start, end)? */
  private same(e: number, s: string, start: number, end: number): boolean {
    if (this.meta[metaIndex(e) + 1] !== end - start) return false;
    const bytes = this.bytes;
    const o = keyOffset(e) - start;
    for (let i = start; i < end; i++) if (bytes[o + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  /** Entry of s[start, end) (hash `h` = sampleHash(s, start, end)), or -1. A hit in the second way moves it to the first. */
  find(s: string, start: number, end: number, h: number): number {
    const e = (h & this.mask) << 1;
    const meta = this.meta;
    const m = metaIndex(e);
    if (meta[m] === h && this.same(e, s, start, end)) return e;
    if (meta[m + 4] !== h || !this.same(e + 1, s, start, end)) return -1;
    this.swap(e);
    return e;
  }

  /** Swaps the two entries of the set whose first entry is `e`. */
  private swap(e: number): void {
    const meta = this.meta;
    const m = metaIndex(e);
    for (let k = m; k < m + 4; k++) {
      const t = meta[k]!;
      meta[k] = meta[k + 4]!;
      meta[k + 4] = t;
    }
    // the keys, 32 bytes each: as 32-bit words
    const w = m + 8;
    for (let k = w; k < w + 8; k++) {
      const t = meta[k]!;
      meta[k] = meta[k + 8]!;
      meta[k + 8] = t;
    }
    const values = this.values;
    const v = values[e]!;
    values[e] = values[e + 1]!;
    values[e + 1] = v;
  }

  /** Stores s[start, end) (which `find` just missed; `fits` and Latin-1) in the probation way; returns its entry. */
  add(s: string, start: number, end: number, h: number, a: number, b: number, value: V): number {
    const e = ((h & this.mask) << 1) + 1;
    const meta = this.meta;
    const m = metaIndex(e);
    meta[m] = h;
    meta[m + 1] = end - start;
    meta[m + 2] = a;
    meta[m + 3] = b;
    const bytes = this.bytes;
    const o = keyOffset(e) - start;
    for (let i = start; i < end; i++) bytes[o + i] = s.charCodeAt(i);
    this.values[e] = value;
    return e;
  }

  a(e: number): number {
    return this.meta[metaIndex(e) + 2]!;
  }

  b(e: number): number {
    return this.meta[metaIndex(e) + 3]!;
  }

  setB(e: number, b: number): void {
    this.meta[metaIndex(e) + 3] = b;
  }

  value(e: number): V {
    return this.values[e]!;
  }

  /** Sets every entry's `b` to `b` (e.g. to drop memos). */
  resetB(b: number): void {
    const meta = this.meta;
    for (let k = 0; k < meta.length; k += SET_WORDS) meta[k + 3] = meta[k + 7] = b;
  }
}

const SET_BYTES = 96;
const SET_WORDS = SET_BYTES / 4;

/** Index in `meta` of entry e's [hash, length, a, b]. */
function metaIndex(e: number): number {
  return (e >> 1) * SET_WORDS + (e & 1) * 4;
}

/** Byte offset of entry e's key. */
function keyOffset(e: number): number {
  return (e >> 1) * SET_BYTES + 32 + (e & 1) * 32;
}
