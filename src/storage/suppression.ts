/**
 * The suppression list store: contacts who objected, kept only as truncated SHA-256 keys (suppression-core.ts) in
 * IndexedDB, in a few large chunks, loaded once into memory by its owner — the background worker, the only writer
 * (an extension page asks the worker; it never opens this store itself).
 *
 * Two lists: `user`, what the member imported (import adds to it, clear empties it), and `managed`, the list an
 * administrator pushes through enterprise policy (replaced whole whenever the policy changes; a member cannot
 * clear it). A recipient is suppressed when either list holds it.
 *
 * Database `prospect-guard-suppression`, version 1: object store `lists` (key: list id) holding
 * { id, count, chunks, littleEndian, keyBytes, updated, source? }, object store `chunks` (key: "<list>/<n>") holding
 * { id, bytes: ArrayBuffer of up to CHUNK_KEYS keys }. A list is rewritten whole in one transaction, so a reader
 * never sees half a list.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  CHUNK_KEYS,
  EMPTY_KEYS,
  KEY_BYTES,
  KeyBuilder,
  LITTLE_ENDIAN,
  SortedKeys,
  fromChunks,
  isSortedUnique,
  keyFromHex,
  sortUnique,
  toChunks,
  union,
} from './suppression-core';
import { sha256 } from './suppression-sha256';

export type ListId = 'user' | 'managed';
export const LIST_IDS: readonly ListId[] = ['user', 'managed'];
export const DB_NAME = 'prospect-guard-suppression';
/** An import session untouched for this long is dropped. */
export const IMPORT_SESSION_MS = 10 * 60 * 1000;

/** A digest of a managed list as the policy gives it (entries in order, and who manages it). */
export function listFingerprint(entries: readonly string[], source?: string): string {
  return Array.from(sha256(`${source ?? ''}\n${entries.join('\n')}`), (b) => b.toString(16).padStart(2, '0')).join('');
}

interface ListMeta {
  id: ListId;
  count: number;
  chunks: number;
  littleEndian: boolean;
  keyBytes: number;
  /** ISO date-time of the last change. */
  updated: string;
  /** Who manages it (managed list: the policy's "managed by" text). */
  source?: string;
  /** Managed list: a digest of the policy's entries, so that an unchanged policy is not imported again. */
  fingerprint?: string;
}

interface Schema extends DBSchema {
  lists: { key: ListId; value: ListMeta };
  chunks: { key: string; value: { id: string; bytes: ArrayBuffer } };
}

/** What an import did, for the options page to tell the user (nothing is dropped silently). */
export interface ImportReport {
  list: ListId;
  /** Cells read (rows of a CSV's address column, lines of a pasted list). */
  read: number;
  /** Readable addresses among them. */
  valid: number;
  /** Blank cells, skipped. */
  empty: number;
  /** Cells that are not an address, with the first ones (index among the cells read, 0-based) to show. */
  invalid: number;
  invalidSamples: Array<{ index: number; value: string }>;
  /** Addresses the list did not hold yet. */
  added: number;
  /** Entries in the list afterwards. */
  total: number;
}

export interface SuppressionCounts {
  user: number;
  managed: number;
  /** ISO date-time of each list's last change, when it has one. */
  updated: Partial<Record<ListId, string>>;
  managedBy?: string;
}

export interface SuppressionStoreOptions {
  /** Database name (tests and benchmarks use their own). */
  dbName?: string;
  /** Clock, for `updated`. */
  now?: () => Date;
}

export class SuppressionStore {
  private db: Promise<IDBPDatabase<Schema>> | null = null;
  private loaded: Promise<void> | null = null;
  private lists: Record<ListId, SortedKeys> = { user: EMPTY_KEYS, managed: EMPTY_KEYS };
  private meta: Partial<Record<ListId, ListMeta>> = {};
  private sessions = new Map<string, { list: ListId; builder: KeyBuilder; read: number; replace: boolean; touched: number }>();
  private sessionCounter = 0;
  /** Writes run one after the other. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly dbName: string;
  private readonly now: () => Date;

  constructor(opts: SuppressionStoreOptions = {}) {
    this.dbName = opts.dbName ?? DB_NAME;
    this.now = opts.now ?? (() => new Date());
  }

  private open(): Promise<IDBPDatabase<Schema>> {
    this.db ??= openDB<Schema>(this.dbName, 1, {
      upgrade(db) {
        db.createObjectStore('lists', { keyPath: 'id' });
        db.createObjectStore('chunks', { keyPath: 'id' });
      },
    });
    return this.db;
  }

  /** Loads both lists into memory (once; later calls wait for the first). */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      const db = await this.open();
      const tx = db.transaction(['lists', 'chunks'], 'readonly');
      for (const id of LIST_IDS) {
        const meta = await tx.objectStore('lists').get(id);
        if (!meta) continue;
        const chunks: ArrayBuffer[] = [];
        for (let i = 0; i < meta.chunks; i++) {
          const c = await tx.objectStore('chunks').get(`${id}/${i}`);
          if (!c) throw new Error(`suppression list ${id}: chunk ${i} missing`);
          chunks.push(c.bytes);
        }
        let keys = fromChunks(chunks, meta.littleEndian);
        if (!isSortedUnique(keys)) keys = sortUnique(keys).slice();
        this.lists[id] = new SortedKeys(keys);
        this.meta[id] = meta;
      }
      await tx.done;
    })();
    // A failed load is retried by the next call instead of sticking.
    this.loaded.catch(() => {
      this.loaded = null;
    });
    return this.loaded;
  }

  /** Synchronous lookup once loaded (`load()` first): is the address in the user's or the managed list? */
  hasLoaded(address: string): boolean {
    return this.lists.user.hasAddress(address) || this.lists.managed.hasAddress(address);
  }

  /** Synchronous lookup of an already normalised address (a classifier result's `email`), once loaded. */
  hasNormalisedLoaded(email: string): boolean {
    return this.lists.user.hasNormalised(email) || this.lists.managed.hasNormalised(email);
  }

  /** Which of these addresses are suppressed (one answer per address, in order). */
  async lookup(addresses: readonly string[]): Promise<boolean[]> {
    await this.load();
    return addresses.map((a) => this.hasLoaded(a));
  }

  async counts(): Promise<SuppressionCounts> {
    await this.load();
    const updated: Partial<Record<ListId, string>> = {};
    for (const id of LIST_IDS) if (this.meta[id]) updated[id] = this.meta[id]!.updated;
    const out: SuppressionCounts = { user: this.lists.user.size, managed: this.lists.managed.size, updated };
    if (this.meta.managed?.source) out.managedBy = this.meta.managed.source;
    return out;
  }

  /** Bytes of keys held (8 an entry), both lists. */
  keyBytes(): number {
    return (this.lists.user.size + this.lists.managed.size) * KEY_BYTES;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Adds address cells (as read from a CSV's address column or a pasted list) to a list; `replace` empties it first.
   * Cells that are not addresses are counted and sampled in the report, never stored.
   */
  importCells(list: ListId, cells: Iterable<string>, opts: { replace?: boolean; source?: string } = {}): Promise<ImportReport> {
    const b = new KeyBuilder();
    let read = 0;
    for (const cell of cells) {
      read++;
      b.addCell(cell);
    }
    return this.commitBuilder(list, b, read, opts);
  }

  /**
   * A large import in pieces (an extension page sends a million-row file in chunks of cells, each message small):
   * `beginImport`, then `addToImport` per chunk (hashing only, nothing written), then `commitImport`, which writes the
   * list once. A session the page abandons is dropped by the next `beginImport` after IMPORT_SESSION_MS.
   */
  beginImport(list: ListId, opts: { replace?: boolean } = {}): string {
    const now = Date.now();
    for (const [id, s] of this.sessions) if (now - s.touched > IMPORT_SESSION_MS) this.sessions.delete(id);
    const id = `${list}-${now.toString(36)}-${(this.sessionCounter++).toString(36)}`;
    this.sessions.set(id, { list, builder: new KeyBuilder(), read: 0, replace: opts.replace === true, touched: now });
    return id;
  }

  /** Hashes a chunk of cells into the session; returns the cells read so far. Throws for an unknown session. */
  addToImport(id: string, cells: readonly string[]): { read: number } {
    const s = this.sessions.get(id);
    if (!s) throw new Error('suppression import session expired');
    for (const cell of cells) s.builder.addCell(typeof cell === 'string' ? cell : '');
    s.read += cells.length;
    s.touched = Date.now();
    return { read: s.read };
  }

  commitImport(id: string): Promise<ImportReport> {
    const s = this.sessions.get(id);
    if (!s) return Promise.reject(new Error('suppression import session expired'));
    this.sessions.delete(id);
    return this.commitBuilder(s.list, s.builder, s.read, { replace: s.replace });
  }

  abortImport(id: string): void {
    this.sessions.delete(id);
  }

  private commitBuilder(list: ListId, b: KeyBuilder, read: number, opts: { replace?: boolean; source?: string; fingerprint?: string }): Promise<ImportReport> {
    return this.serial(async () => {
      await this.load();
      const valid = b.size;
      const fresh = b.finish();
      const before = opts.replace ? EMPTY_KEYS : this.lists[list];
      const merged = opts.replace ? fresh.slice() : union(before.keys, fresh);
      await this.write(list, merged, opts.source, opts.fingerprint);
      return {
        list,
        read,
        valid,
        empty: b.empty,
        invalid: b.invalid,
        invalidSamples: b.invalidSamples,
        added: Math.max(0, merged.length - before.size),
        total: merged.length,
      };
    });
  }

  /**
   * Replaces the managed list with what the policy gives: addresses, or SHA-256 digests in hexadecimal (16 to 64
   * digits, the first 16 are used) for an administrator who hashes the list before pushing it. Does nothing (and
   * returns null) when the policy's list is the one already stored — the worker calls it at every start.
   */
  async setManaged(entries: readonly string[], source?: string): Promise<ImportReport | null> {
    await this.load();
    const fingerprint = listFingerprint(entries, source);
    if (this.meta.managed?.fingerprint === fingerprint || (entries.length === 0 && !this.meta.managed)) return null;
    const b = new KeyBuilder();
    for (const e of entries) {
      const k = e.includes('@') ? null : keyFromHex(e);
      if (k !== null) b.addKey(k);
      else b.addCell(e);
    }
    return this.commitBuilder('managed', b, entries.length, { replace: true, source, fingerprint });
  }

  /** Empties a list. */
  clear(list: ListId): Promise<void> {
    return this.serial(async () => {
      await this.load();
      await this.write(list, new BigUint64Array(0));
    });
  }

  private async write(list: ListId, keys: BigUint64Array, source?: string, fingerprint?: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(['lists', 'chunks'], 'readwrite');
    const old = this.meta[list]?.chunks ?? 0;
    const chunks = toChunks(keys, CHUNK_KEYS);
    const lists = tx.objectStore('lists');
    const store = tx.objectStore('chunks');
    const meta: ListMeta = {
      id: list,
      count: keys.length,
      chunks: chunks.length,
      littleEndian: LITTLE_ENDIAN,
      keyBytes: KEY_BYTES,
      updated: this.now().toISOString(),
    };
    if (source) meta.source = source;
    if (fingerprint) meta.fingerprint = fingerprint;
    const ops: Promise<unknown>[] = [];
    chunks.forEach((bytes, i) => ops.push(store.put({ id: `${list}/${i}`, bytes })));
    for (let i = chunks.length; i < old; i++) ops.push(store.delete(`${list}/${i}`));
    if (keys.length === 0) ops.push(lists.delete(list));
    else ops.push(lists.put(meta));
    await Promise.all([...ops, tx.done]);
    this.lists[list] = keys.length ? new SortedKeys(keys) : EMPTY_KEYS;
    if (keys.length) this.meta[list] = meta;
    else delete this.meta[list];
  }

  /** Closes the database (tests, benchmarks). */
  async close(): Promise<void> {
    if (this.db) (await this.db).close();
    this.db = null;
    this.loaded = null;
    this.lists = { user: EMPTY_KEYS, managed: EMPTY_KEYS };
    this.meta = {};
  }
}
