import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256, sha256Prefix64 } from './suppression-sha256';
import {
  CHUNK_KEYS,
  KeyBuilder,
  LITTLE_ENDIAN,
  SortedKeys,
  falsePositiveProbability,
  fromChunks,
  isSortedUnique,
  keyFromHex,
  keyOf,
  normalizeForSuppression,
  sortUnique,
  toChunks,
  union,
} from './suppression-core';
import { SuppressionStore } from './suppression';
import { addressCells, decodeListFile } from './suppression-import';

const hex = (b: ArrayBuffer | Uint8Array) => Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');
const webSha = async (s: string) => hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));

describe('SHA-256', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(hex(sha256(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with WebCrypto at every padding length (0–200 bytes), ASCII and not', async () => {
    for (let n = 0; n <= 200; n++) {
      const ascii = 'a'.repeat(n);
      expect(hex(sha256(ascii)), `length ${n}`).toBe(await webSha(ascii));
    }
    for (const s of ['\ud800@x.fr', 'a\udc00b', 'fin\ud83d', '\udbff\udfff', 'josé.garcía@exemple.fr', 'müller@bücher.de', '用户@例子.广告', '😀@x.fr', 'x'.repeat(3000)]) {
      expect(hex(sha256(s))).toBe(await webSha(s));
    }
  });

  it('agrees with WebCrypto on random strings (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (s) => {
        expect(hex(sha256(s))).toBe(await webSha(s));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the digest’s first 64 bits as two words', () => {
    const out = new Uint32Array(2);
    sha256Prefix64('abc', out);
    expect(out[0]!.toString(16).padStart(8, '0') + out[1]!.toString(16).padStart(8, '0')).toBe('ba7816bf8f01cfea');
  });
});

describe('suppression keys', () => {
  it('normalise with the rules’ parser: display names, mailto:, case, IDN all give one key', () => {
    const k = keyOf('jean.dupont@exemple.fr');
    expect(k).not.toBeNull();
    for (const form of ['Jean.Dupont@Exemple.FR', '"Dupont, Jean" <jean.dupont@exemple.fr>', 'mailto:jean.dupont@exemple.fr', '  jean.dupont@exemple.fr  ']) {
      expect(keyOf(form), form).toBe(k);
    }
    expect(keyOf('anne@xn--bcher-kva.de')).toBe(keyOf('anne@bücher.de'));
    expect(keyOf('jean.dupont+promo@exemple.fr')).not.toBe(k);
    expect(normalizeForSuppression('pas une adresse')).toBeNull();
    expect(keyOf('')).toBeNull();
  });

  it('are the first 64 bits of SHA-256 of the normalised address', async () => {
    const digest = await webSha('jean.dupont@exemple.fr');
    expect(keyOf('JEAN.DUPONT@EXEMPLE.FR')!.toString(16).padStart(16, '0')).toBe(digest.slice(0, 16));
    expect(keyFromHex(digest)).toBe(keyOf('jean.dupont@exemple.fr'));
    expect(keyFromHex(digest.slice(0, 16))).toBe(keyOf('jean.dupont@exemple.fr'));
    expect(keyFromHex('xyz')).toBeNull();
    expect(keyFromHex('abc')).toBeNull();
  });

  it('state their false-positive probability: n / 2^64', () => {
    expect(falsePositiveProbability(1_000_000)).toBeCloseTo(5.42e-14, 15);
  });

  it('sort, deduplicate, merge and find', () => {
    const b = new KeyBuilder();
    const addrs = Array.from({ length: 5000 }, (_, i) => `contact${i}@societe${i % 37}.fr`);
    for (const a of addrs) b.addCell(a);
    for (const a of addrs.slice(0, 100)) b.addCell(a.toUpperCase());
    b.addCell('');
    b.addCell('n’importe quoi');
    expect(b.size).toBe(5100);
    expect(b.empty).toBe(1);
    expect(b.invalid).toBe(1);
    expect(b.invalidSamples).toEqual([{ index: 5101, value: 'n’importe quoi' }]);
    const keys = b.finish();
    expect(keys.length).toBe(5000);
    expect(isSortedUnique(keys)).toBe(true);
    const set = new SortedKeys(keys.slice());
    for (const a of addrs) expect(set.hasAddress(a)).toBe(true);
    for (let i = 0; i < 2000; i++) expect(set.hasAddress(`other${i}@societe.fr`)).toBe(false);
    expect(set.hasAddress('not an address')).toBe(false);

    const more = new KeyBuilder();
    for (const a of ['nouveau@x.fr', addrs[0]!, addrs[1]!]) more.addCell(a);
    const u = union(keys, more.finish());
    expect(u.length).toBe(5001);
    expect(isSortedUnique(u)).toBe(true);
    expect(new SortedKeys(u).hasAddress('nouveau@x.fr')).toBe(true);
  });

  it('sortUnique handles keys that differ only in the low word', () => {
    const k = new BigUint64Array([5n << 32n, (5n << 32n) | 1n, 5n << 32n, 1n, 0xffffffffffffffffn]);
    expect([...sortUnique(k)]).toEqual([1n, 5n << 32n, (5n << 32n) | 1n, 0xffffffffffffffffn]);
    const s = new SortedKeys(sortUnique(new BigUint64Array([(5n << 32n) | 1n, 5n << 32n])));
    expect(s.hasKey(5n << 32n)).toBe(true);
    expect(s.hasKey((5n << 32n) | 2n)).toBe(false);
    expect(s.hasKey(0xffffffffffffffffn)).toBe(false);
  });

  it('round-trip through chunks, in either byte order', () => {
    const keys = sortUnique(BigUint64Array.from({ length: 1000 }, (_, i) => BigInt(i) * 0x9e3779b97f4a7c15n & 0xffffffffffffffffn)).slice();
    const chunks = toChunks(keys, 300);
    expect(chunks.map((c) => c.byteLength)).toEqual([2400, 2400, 2400, keys.length * 8 - 7200]);
    expect([...fromChunks(chunks, LITTLE_ENDIAN)]).toEqual([...keys]);
    // The same keys written on a platform of the other byte order.
    const swapped = chunks.map((c) => {
      const src = new DataView(c);
      const out = new ArrayBuffer(c.byteLength);
      const dst = new DataView(out);
      for (let i = 0; i < c.byteLength; i += 8) dst.setBigUint64(i, src.getBigUint64(i, LITTLE_ENDIAN), !LITTLE_ENDIAN);
      return out;
    });
    expect([...fromChunks(swapped, !LITTLE_ENDIAN)]).toEqual([...keys]);
    expect(() => fromChunks([new ArrayBuffer(7)], LITTLE_ENDIAN)).toThrow(/damaged/);
    expect(CHUNK_KEYS * 8).toBe(2 * 1024 * 1024);
  });
});

describe('import parsing (the CLI’s table reader)', () => {
  it('takes the address column of a French Excel CSV, by its header', () => {
    const csv = 'Nom;Prénom;Courriel;Ville\r\nDupont;Jean;jean.dupont@exemple.fr;Lyon\r\nMartin;Claire;CLAIRE@ACME.FR;Paris\r\n;;;\r\n';
    const { cells, parsed } = addressCells(csv);
    expect(cells).toEqual(['jean.dupont@exemple.fr', 'CLAIRE@ACME.FR']);
    expect(parsed.columns).toEqual([2]);
    expect(parsed.header).toEqual(['Nom', 'Prénom', 'Courriel', 'Ville']);
  });

  it('takes a pasted list, one address a line, and splits a cell holding several', () => {
    expect(addressCells('a@x.fr\nb@y.fr\n\nc@z.fr; d@w.fr').cells).toEqual(['a@x.fr', 'b@y.fr', '', 'c@z.fr', 'd@w.fr']);
  });

  it('decodes Windows-1252 as French Excel writes it', () => {
    const bytes = new Uint8Array([...Buffer.from('Adresse\r\nh', 'latin1'), 0xe9, ...Buffer.from('l', 'latin1'), 0xe8, ...Buffer.from('ne@caf', 'latin1'), 0xe9, ...Buffer.from('.fr\r\n', 'latin1')]);
    expect(addressCells(decodeListFile(bytes)).cells).toEqual(['hélène@café.fr']);
  });
});

describe('SuppressionStore (IndexedDB)', () => {
  let n = 0;
  const stores: SuppressionStore[] = [];
  const fresh = () => {
    const s = new SuppressionStore({ dbName: `test-suppression-${process.pid}-${n++}`, now: () => new Date('2026-11-28T10:00:00Z') });
    stores.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });

  it('imports, reports, persists across a reload and finds addresses in any form', async () => {
    const s = fresh();
    const r = await s.importCells('user', ['jean.dupont@exemple.fr', 'Claire <claire@acme.fr>', 'jean.dupont@EXEMPLE.fr', '', 'bof']);
    expect(r).toEqual({
      list: 'user',
      read: 5,
      valid: 3,
      empty: 1,
      invalid: 1,
      invalidSamples: [{ index: 4, value: 'bof' }],
      added: 2,
      total: 2,
    });
    expect(await s.lookup(['JEAN.DUPONT@exemple.fr', 'claire@acme.fr', 'autre@acme.fr'])).toEqual([true, true, false]);
    expect(s.hasNormalisedLoaded('jean.dupont@exemple.fr')).toBe(true);
    expect(s.hasNormalisedLoaded('autre@acme.fr')).toBe(false);
    const name = (s as unknown as { dbName: string }).dbName;
    await s.close();
    const again = new SuppressionStore({ dbName: name });
    stores.push(again);
    expect(await again.counts()).toEqual({ user: 2, managed: 0, updated: { user: '2026-11-28T10:00:00.000Z' } });
    expect(await again.lookup(['mailto:claire@acme.fr'])).toEqual([true]);
    const r2 = await again.importCells('user', ['claire@acme.fr', 'nouveau@acme.fr']);
    expect(r2.added).toBe(1);
    expect(r2.total).toBe(3);
  });

  it('stores only hashes: no address, no full digest, in the database', async () => {
    const s = fresh();
    await s.importCells('user', ['jean.dupont@exemple.fr']);
    const name = (s as unknown as { dbName: string }).dbName;
    await s.close();
    const dump = await new Promise<unknown[]>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction(['lists', 'chunks']);
        const all: unknown[] = [];
        tx.objectStore('lists').getAll().onsuccess = (e) => all.push(...(e.target as IDBRequest).result);
        tx.objectStore('chunks').getAll().onsuccess = (e) => all.push(...(e.target as IDBRequest).result);
        tx.oncomplete = () => {
          db.close();
          resolve(all);
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const text = JSON.stringify(dump, (_k, v) => (v instanceof ArrayBuffer ? hex(v) : v));
    expect(text).not.toContain('dupont');
    expect(text).not.toContain(await webSha('jean.dupont@exemple.fr'));
    const chunk = dump.find((d) => (d as { id: string }).id === 'user/0') as { bytes: ArrayBuffer };
    expect(chunk.bytes.byteLength).toBe(8);
    expect(new BigUint64Array(chunk.bytes)[0]).toBe(keyOf('jean.dupont@exemple.fr'));
  });

  it('clears one list; the managed list is replaced whole and takes hashed entries', async () => {
    const s = fresh();
    await s.importCells('user', ['a@x.fr', 'b@x.fr']);
    const digest = await webSha('hashed@x.fr');
    const r = (await s.setManaged(['c@x.fr', digest, 'pas-une-adresse'], 'Service informatique'))!;
    expect(r).toMatchObject({ list: 'managed', read: 3, valid: 2, invalid: 1, total: 2 });
    expect(await s.lookup(['a@x.fr', 'c@x.fr', 'Hashed@X.fr', 'd@x.fr'])).toEqual([true, true, true, false]);
    expect(await s.counts()).toMatchObject({ user: 2, managed: 2, managedBy: 'Service informatique' });
    await s.setManaged(['d@x.fr'], 'Service informatique');
    expect(await s.lookup(['c@x.fr', 'd@x.fr'])).toEqual([false, true]);
    await s.clear('user');
    expect(await s.lookup(['a@x.fr', 'd@x.fr'])).toEqual([false, true]);
    expect((await s.counts()).user).toBe(0);
  });

  it('keeps a list of several chunks whole, and shrinking it drops the extra chunks', async () => {
    const s = fresh();
    const many = Array.from({ length: CHUNK_KEYS + 10 }, (_, i) => `p${i}@exemple.fr`);
    expect((await s.importCells('user', many)).total).toBe(CHUNK_KEYS + 10);
    expect(await s.lookup([many[0]!, many[CHUNK_KEYS + 9]!])).toEqual([true, true]);
    expect((await s.importCells('user', ['seul@exemple.fr'], { replace: true })).total).toBe(1);
    const name = (s as unknown as { dbName: string }).dbName;
    await s.close();
    const again = new SuppressionStore({ dbName: name });
    stores.push(again);
    expect(await again.lookup([many[0]!, 'seul@exemple.fr'])).toEqual([false, true]);
  });

  it('imports a large list in chunks through a session, written once at the end', async () => {
    const s = fresh();
    await s.importCells('user', ['deja@x.fr']);
    const id = s.beginImport('user');
    expect(s.addToImport(id, ['a@x.fr', 'deja@x.fr', 'bof'])).toEqual({ read: 3 });
    expect(s.addToImport(id, ['', 'b@x.fr'])).toEqual({ read: 5 });
    // Nothing is applied before the commit.
    expect(await s.lookup(['a@x.fr'])).toEqual([false]);
    const r = await s.commitImport(id);
    expect(r).toMatchObject({ read: 5, valid: 3, empty: 1, invalid: 1, added: 2, total: 3 });
    expect(r.invalidSamples).toEqual([{ index: 2, value: 'bof' }]);
    expect(await s.lookup(['a@x.fr', 'b@x.fr', 'deja@x.fr'])).toEqual([true, true, true]);
    expect(() => s.addToImport(id, ['c@x.fr'])).toThrow(/expired/);
    await expect(s.commitImport('nope')).rejects.toThrow(/expired/);
    const replace = s.beginImport('user', { replace: true });
    s.addToImport(replace, ['seul@x.fr']);
    expect((await s.commitImport(replace)).total).toBe(1);
  });

  it('does not import an unchanged managed list again', async () => {
    const s = fresh();
    expect(await s.setManaged([], 'IT')).toBeNull();
    expect((await s.setManaged(['a@x.fr', 'b@x.fr'], 'IT'))!.total).toBe(2);
    expect(await s.setManaged(['a@x.fr', 'b@x.fr'], 'IT')).toBeNull();
    expect((await s.setManaged(['a@x.fr'], 'IT'))!.total).toBe(1);
    expect((await s.setManaged([], 'IT'))!.total).toBe(0);
    expect((await s.counts()).managed).toBe(0);
  });

  it('serialises concurrent imports: none is lost', async () => {
    const s = fresh();
    await Promise.all(Array.from({ length: 5 }, (_, i) => s.importCells('user', [`c${i}@x.fr`])));
    expect((await s.counts()).user).toBe(5);
  });
});

describe('suppression messages (worker side and page side)', () => {
  it('import a list in chunks, count, look up, clear; refuse malformed messages', async () => {
    const { handleSuppression, sendImport, CHUNK_CELLS } = await import('./suppression-service');
    const store = new SuppressionStore({ dbName: `test-service-${process.pid}` });
    const send = (m: unknown) => handleSuppression(store, JSON.parse(JSON.stringify(m)));
    const cells = Array.from({ length: CHUNK_CELLS * 2 + 5 }, (_, i) => (i === 7 ? 'pas une adresse' : `p${i}@exemple.fr`));
    const progress: number[] = [];
    const done = await sendImport(send as never, cells, { onProgress: (r) => progress.push(r) });
    expect(progress).toEqual([CHUNK_CELLS, CHUNK_CELLS * 2, CHUNK_CELLS * 2 + 5]);
    expect(done.report).toMatchObject({ read: cells.length, invalid: 1, total: cells.length - 1 });
    expect(done.counts.user).toBe(cells.length - 1);
    expect(await send({ type: 'suppression.lookup', addresses: ['P0@exemple.fr', 'autre@x.fr'] })).toEqual({ ok: true, suppressed: [true, false] });
    expect(await send({ type: 'suppression.add', id: 'nope', cells: [] })).toMatchObject({ ok: false, error: 'expired' });
    expect(await send({ type: 'suppression.add', id: 'x', cells: [1, 2] })).toMatchObject({ ok: false, error: 'bad-request' });
    expect(await send({ type: 'suppression.add', id: 'x', cells: Array(CHUNK_CELLS + 1).fill('a@b.fr') })).toMatchObject({ ok: false, error: 'bad-request' });
    expect(await send({ type: 'suppression.lookup', addresses: 'a@b.fr' })).toMatchObject({ ok: false, error: 'bad-request' });
    expect(await send({ type: 'other' })).toMatchObject({ ok: false, error: 'bad-request' });
    expect(await send({ type: 'suppression.clear' })).toMatchObject({ ok: true, counts: { user: 0 } });
    await store.close();
  });
});
