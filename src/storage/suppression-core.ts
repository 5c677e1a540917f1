/**
 * The pure part of the suppression list (contacts who objected: never prospect them again): addresses normalised
 * with the rules' parser, reduced to a truncated SHA-256, kept as one sorted array of 64-bit keys.
 *
 * ## Format
 * An entry is the first 64 bits (8 bytes) of SHA-256(UTF-8(normalised address)), where the normalised address is
 * `parseAddress(input).email` (src/rules/address.ts: lower case, display name and mailto: removed, IDN domain in
 * Unicode form, plus-tags kept). Entries are held in a BigUint64Array sorted ascending without duplicates, which the
 * store persists as a few large chunks and loads once into memory; a lookup is a binary search (20 steps for a
 * million) over a Uint32Array view of the same memory, without allocation.
 *
 * ## Size and false positives
 * 8 bytes an entry: 1,000,000 addresses take 8 MB (full 32-byte digests would take 32 MB). Truncating to 64 bits
 * means an address that is not in a list of n entries matches one by chance with probability n / 2^64 per lookup:
 * 5.4 × 10⁻¹⁴ for n = 1,000,000, i.e. one false "objected" flag every 18 trillion lookups of new addresses. Two
 * different listed addresses collide (the list counts one less) with probability about n² / 2^65: 2.7 × 10⁻⁸.
 * A false positive only ever makes the extension more cautious (it says "objected — do not contact").
 */
import { parseAddress } from '../rules/address';
import { sha256Prefix64 } from './suppression-sha256';

export const KEY_BYTES = 8;

/** Chance that a lookup of an address not in a list of `n` entries matches one (64-bit truncation). */
export function falsePositiveProbability(n: number): number {
  return n / 2 ** 64;
}

/** Byte order of this platform's typed arrays (every browser we target: little-endian). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Index of the high and low 32-bit word of a 64-bit key in a Uint32Array view. */
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

/** The normalised form of an address for the list, or null when it is not an email address. */
export function normalizeForSuppression(input: string): string | null {
  const p = parseAddress(input);
  return p.ok ? p.email : null;
}

const scratch = new Uint32Array(2);

/** Writes the key of an already normalised address into words[2i], words[2i+1] (platform order). */
function writeKey(normalised: string, words: Uint32Array, i: number): void {
  sha256Prefix64(normalised, scratch);
  words[2 * i + HI] = scratch[0]!;
  words[2 * i + LO] = scratch[1]!;
}

/** The 64-bit key of an address, or null when it is not an address (tests, tooling; the hot paths avoid BigInt). */
export function keyOf(input: string): bigint | null {
  const n = normalizeForSuppression(input);
  if (n === null) return null;
  sha256Prefix64(n, scratch);
  return (BigInt(scratch[0]!) << 32n) | BigInt(scratch[1]!);
}

/**
 * The key for a SHA-256 given in hexadecimal (an administrator may push the shared list already hashed, so that even
 * the policy holds no address): its first 16 hex digits. Null unless 16 to 64 hex digits.
 */
export function keyFromHex(hex: string): bigint | null {
  const h = hex.trim().toLowerCase();
  if (!/^[0-9a-f]{16,64}$/.test(h)) return null;
  return BigInt(`0x${h.slice(0, 16)}`);
}

/** Collects keys from address cells; counts what it could not read. */
export class KeyBuilder {
  private keys = new BigUint64Array(1024);
  private words = new Uint32Array(this.keys.buffer);
  size = 0;
  /** Cells that held something but not an address. */
  invalid = 0;
  /** Empty cells (blank lines, empty rows). */
  empty = 0;
  /** The first invalid cells, with their index among the cells given, for the import report. */
  readonly invalidSamples: Array<{ index: number; value: string }> = [];
  private seen = 0;

  private grow(): void {
    const next = new BigUint64Array(this.keys.length * 2);
    next.set(this.keys);
    this.keys = next;
    this.words = new Uint32Array(next.buffer);
  }

  /** Adds one cell (an address as typed or exported: "Name <a@b.fr>", "mailto:…", upper case …). */
  addCell(cell: string): boolean {
    const index = this.seen++;
    const normalised = normalizeForSuppression(cell);
    if (normalised === null) {
      if (cell.trim() === '') this.empty++;
      else {
        this.invalid++;
        if (this.invalidSamples.length < 20) this.invalidSamples.push({ index, value: cell.length > 120 ? `${cell.slice(0, 120)}…` : cell });
      }
      return false;
    }
    if (this.size === this.keys.length) this.grow();
    writeKey(normalised, this.words, this.size++);
    return true;
  }

  addKey(key: bigint): void {
    if (this.size === this.keys.length) this.grow();
    this.keys[this.size++] = key;
  }

  /** The keys, sorted and without duplicates. The builder must not be used afterwards. */
  finish(): BigUint64Array {
    return sortUnique(this.keys.subarray(0, this.size));
  }
}

/** Sorts in place and removes duplicates; returns the (shorter) sorted view. */
export function sortUnique(keys: BigUint64Array): BigUint64Array {
  keys.sort();
  const w = new Uint32Array(keys.buffer, keys.byteOffset, keys.length * 2);
  let out = 0;
  for (let i = 0; i < keys.length; i++) {
    if (out > 0 && w[2 * i + HI] === w[2 * (out - 1) + HI] && w[2 * i + LO] === w[2 * (out - 1) + LO]) continue;
    if (out !== i) {
      w[2 * out] = w[2 * i]!;
      w[2 * out + 1] = w[2 * i + 1]!;
    }
    out++;
  }
  return keys.subarray(0, out);
}

/** True when the keys are strictly ascending (what a stored list must be). */
export function isSortedUnique(keys: BigUint64Array): boolean {
  const w = new Uint32Array(keys.buffer, keys.byteOffset, keys.length * 2);
  for (let i = 1; i < keys.length; i++) {
    const ph = w[2 * (i - 1) + HI]!;
    const h = w[2 * i + HI]!;
    if (ph > h || (ph === h && w[2 * (i - 1) + LO]! >= w[2 * i + LO]!)) return false;
  }
  return true;
}

/** The union of two sorted unique key arrays, as a new sorted unique array. */
export function union(a: BigUint64Array, b: BigUint64Array): BigUint64Array {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const all = new BigUint64Array(a.length + b.length);
  all.set(a);
  all.set(b, a.length);
  return sortUnique(all).slice();
}

/** A sorted unique key array with its word view, ready for lookups. */
export class SortedKeys {
  readonly words: Uint32Array;
  constructor(readonly keys: BigUint64Array) {
    this.words = new Uint32Array(keys.buffer, keys.byteOffset, keys.length * 2);
  }

  get size(): number {
    return this.keys.length;
  }

  /** Binary search for the key (hi, lo). */
  hasWords(hi: number, lo: number): boolean {
    const w = this.words;
    let a = 0;
    let b = this.keys.length - 1;
    while (a <= b) {
      const m = (a + b) >>> 1;
      const mh = w[2 * m + HI]!;
      if (mh < hi) a = m + 1;
      else if (mh > hi) b = m - 1;
      else {
        const ml = w[2 * m + LO]!;
        if (ml < lo) a = m + 1;
        else if (ml > lo) b = m - 1;
        else return true;
      }
    }
    return false;
  }

  /** Is this address (any form the parser reads) in the list? False for a non-address. */
  hasAddress(input: string): boolean {
    if (this.keys.length === 0) return false;
    const n = normalizeForSuppression(input);
    if (n === null) return false;
    sha256Prefix64(n, scratch);
    return this.hasWords(scratch[0]!, scratch[1]!);
  }

  /**
   * Is this already normalised address (`parseAddress(x).email`, as the classifier's results carry it) in the list?
   * Skips the parse: the worker's path for a compose's recipients.
   */
  hasNormalised(email: string): boolean {
    if (this.keys.length === 0) return false;
    sha256Prefix64(email, scratch);
    return this.hasWords(scratch[0]!, scratch[1]!);
  }

  hasKey(key: bigint): boolean {
    return this.hasWords(Number(key >> 32n), Number(key & 0xffffffffn));
  }
}

export const EMPTY_KEYS = new SortedKeys(new BigUint64Array(0));

/** Keys per stored chunk: 2^18 keys = 2 MB, so a million addresses are 4 chunks. */
export const CHUNK_KEYS = 1 << 18;

/** Splits keys into chunk buffers (copies, each its own ArrayBuffer) for storage. */
export function toChunks(keys: BigUint64Array, chunkKeys = CHUNK_KEYS): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (let i = 0; i < keys.length; i += chunkKeys) out.push(keys.slice(i, Math.min(keys.length, i + chunkKeys)).buffer);
  return out;
}

/**
 * Joins stored chunks back into one sorted array. `littleEndian` is the byte order they were written in: swapped
 * when it is not this platform's. Throws on a chunk that is not a whole number of keys (the store then reports the
 * list as damaged instead of using it).
 */
export function fromChunks(chunks: readonly ArrayBuffer[], littleEndian: boolean): BigUint64Array {
  let total = 0;
  for (const c of chunks) {
    if (!(c instanceof ArrayBuffer) || c.byteLength % KEY_BYTES !== 0) throw new Error('damaged suppression chunk');
    total += c.byteLength / KEY_BYTES;
  }
  const keys = new BigUint64Array(total);
  let at = 0;
  for (const c of chunks) {
    keys.set(new BigUint64Array(c), at);
    at += c.byteLength / KEY_BYTES;
  }
  if (littleEndian !== LITTLE_ENDIAN) {
    const v = new DataView(keys.buffer);
    for (let i = 0; i < keys.length; i++) v.setBigUint64(i * 8, v.getBigUint64(i * 8, littleEndian), LITTLE_ENDIAN);
  }
  return keys;
}
