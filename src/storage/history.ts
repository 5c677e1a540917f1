/**
 * The first-contact history: the addresses this user already sent a prospecting message to, so that a follow-up is
 * not taken for a first contact. Nothing of a message is kept, and no address either: each one is stored as the
 * SHA-256 (WebCrypto) of the rules' normalised form with a random salt made once per install
 * (src/rules/message/history.ts `hashHistoryKey`), so the stored hashes cannot be matched against a list of known
 * addresses elsewhere. With the date of the first and the last prospecting send, and how many.
 *
 * Kept in the extension's own IndexedDB, opened by the service worker only (the only writer, one write at a time): a
 * web page or a content script has its page's origin and cannot open it.
 *
 * Database `prospect-guard-history`, version 1: object store `contacts` (key path `h`: the hex digest) holding
 * { h, first, last, n }, object store `meta` (key path `k`) holding { k: 'salt', v }. The salt is created in the
 * upgrade transaction, so two workers starting at once agree on it.
 */
import { hashHistoryKey, toHex } from '../rules/message/history';
import { todayIso } from './schema';

export const HISTORY_DB = 'prospect-guard-history';

export interface HistoryEntry {
  /** Hex SHA-256 of the salted, normalised address. */
  h: string;
  /** YYYY-MM-DD of the first prospecting send recorded, and of the last. */
  first: string;
  last: string;
  /** Prospecting sends recorded to this address. */
  n: number;
}

export interface HistoryStore {
  /** Each address's entry (null: never prospected, or not an address), in order. */
  lookup(addresses: readonly string[]): Promise<(HistoryEntry | null)[]>;
  /** Records a prospecting send to these addresses today; resolves with how many were new. */
  record(addresses: readonly string[]): Promise<number>;
  count(): Promise<number>;
  /** Forgets every entry (the salt stays). */
  clear(): Promise<void>;
  close(): void;
}

export interface HistoryOptions {
  indexedDB?: IDBFactory;
  /** WebCrypto's digest (crypto.subtle). */
  subtle?: SubtleCrypto;
  /** 16 random bytes for the salt (crypto.getRandomValues). */
  random?: () => Uint8Array;
  now?: () => Date;
  dbName?: string;
}

/** Addresses looked up or recorded per call at most (a compose's recipients). */
export const MAX_HISTORY_BATCH = 5000;

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function validEntry(v: unknown): v is HistoryEntry {
  if (!v || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  return typeof e.h === 'string' && typeof e.first === 'string' && typeof e.last === 'string' && typeof e.n === 'number';
}

export function createHistoryStore(opts: HistoryOptions = {}): HistoryStore {
  const idb = opts.indexedDB ?? globalThis.indexedDB;
  const subtle = opts.subtle ?? globalThis.crypto?.subtle;
  const random = opts.random ?? (() => globalThis.crypto.getRandomValues(new Uint8Array(16)));
  const now = opts.now ?? (() => new Date());
  const name = opts.dbName ?? HISTORY_DB;
  let db: Promise<IDBDatabase> | null = null;
  let salt: Promise<string> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  function open(): Promise<IDBDatabase> {
    if (db) return db;
    db = new Promise<IDBDatabase>((resolve, reject) => {
      if (!idb) throw new Error('IndexedDB is not available');
      const req = idb.open(name, 1);
      req.onupgradeneeded = () => {
        const d = req.result;
        d.createObjectStore('contacts', { keyPath: 'h' });
        const meta = d.createObjectStore('meta', { keyPath: 'k' });
        meta.put({ k: 'salt', v: toHex(random()) });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
      req.onblocked = () => reject(new Error('IndexedDB open blocked'));
    });
    // A failed open is tried again by the next call.
    db.catch(() => {
      db = null;
    });
    return db;
  }

  function getSalt(): Promise<string> {
    if (salt) return salt;
    salt = open().then(async (d) => {
      const tx = d.transaction('meta', 'readwrite');
      const meta = tx.objectStore('meta');
      const row = (await done(meta.get('salt'))) as { v?: unknown } | undefined;
      let v = typeof row?.v === 'string' && row.v.length >= 16 ? row.v : '';
      if (!v) {
        v = toHex(random());
        meta.put({ k: 'salt', v });
      }
      await finished(tx);
      return v;
    });
    salt.catch(() => {
      salt = null;
    });
    return salt;
  }

  const sha256 = async (text: string) => {
    if (!subtle) throw new Error('WebCrypto is not available');
    return toHex(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  };

  async function hashes(addresses: readonly string[]): Promise<(string | null)[]> {
    const s = await getSalt();
    return Promise.all(addresses.slice(0, MAX_HISTORY_BATCH).map((a) => (typeof a === 'string' ? hashHistoryKey(a, s, sha256) : null)));
  }

  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const p = queue.then(fn, fn);
    queue = p.catch(() => undefined);
    return p;
  }

  return {
    async lookup(addresses) {
      const hs = await hashes(addresses);
      const d = await open();
      const tx = d.transaction('contacts', 'readonly');
      const store = tx.objectStore('contacts');
      const out = await Promise.all(hs.map(async (h) => (h ? ((await done(store.get(h))) as unknown) : null)));
      return out.map((v) => (validEntry(v) ? v : null));
    },
    record(addresses) {
      return serial(async () => {
        const hs = [...new Set((await hashes(addresses)).filter((h): h is string => h !== null))];
        if (!hs.length) return 0;
        const today = todayIso(now());
        const d = await open();
        const tx = d.transaction('contacts', 'readwrite');
        const store = tx.objectStore('contacts');
        const olds = await Promise.all(hs.map((h) => done(store.get(h)) as Promise<unknown>));
        let fresh = 0;
        hs.forEach((h, i) => {
          const old = olds[i];
          if (validEntry(old)) store.put({ h, first: old.first, last: today, n: old.n + 1 });
          else {
            fresh++;
            store.put({ h, first: today, last: today, n: 1 });
          }
        });
        await finished(tx);
        return fresh;
      });
    },
    async count() {
      const d = await open();
      return done(d.transaction('contacts', 'readonly').objectStore('contacts').count());
    },
    clear() {
      return serial(async () => {
        const d = await open();
        const tx = d.transaction('contacts', 'readwrite');
        tx.objectStore('contacts').clear();
        await finished(tx);
      });
    },
    close() {
      void db?.then((d) => d.close()).catch(() => undefined);
      db = null;
      salt = null;
    },
  };
}
