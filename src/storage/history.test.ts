import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createHistoryStore, HISTORY_DB } from './history';
import { hashHistoryKey, toHex } from '../rules/message/history';

const sha256 = async (s: string) => toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));

function store(factory = new IDBFactory(), day = '2026-12-01') {
  let today = new Date(`${day}T12:00:00`);
  const s = createHistoryStore({ indexedDB: factory, now: () => today });
  return { s, factory, setDay: (d: string) => (today = new Date(`${d}T12:00:00`)) };
}

async function rawRows(factory: IDBFactory): Promise<{ contacts: unknown[]; meta: unknown[] }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = factory.open(HISTORY_DB, 1);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const all = (name: string) =>
    new Promise<unknown[]>((resolve, reject) => {
      const r = db.transaction(name, 'readonly').objectStore(name).getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const out = { contacts: await all('contacts'), meta: await all('meta') };
  db.close();
  return out;
}

describe('first-contact history store', () => {
  it('records prospected addresses and finds them again, whatever the spelling', async () => {
    const { s } = store();
    expect(await s.lookup(['jean.dupont@acme-industrie.fr'])).toEqual([null]);
    expect(await s.record(['Jean.Dupont@ACME-industrie.fr', 'paul@exemple.fr', 'pas une adresse'])).toBe(2);
    const [jean, paul, other, gmail] = await s.lookup(['"Jean Dupont" <jean.dupont@acme-industrie.fr>', 'paul@exemple.fr', 'claire@exemple.fr', 'x@gmail.com']);
    expect(jean).toMatchObject({ first: '2026-12-01', last: '2026-12-01', n: 1 });
    expect(paul).toMatchObject({ n: 1 });
    expect(other).toBeNull();
    expect(gmail).toBeNull();
    expect(await s.count()).toBe(2);
  });

  it('keeps the first date and counts the follow-ups', async () => {
    const { s, setDay } = store();
    await s.record(['jean@acme.fr']);
    setDay('2026-12-09');
    expect(await s.record(['JEAN@acme.fr', 'jean@acme.fr'])).toBe(0);
    const [e] = await s.lookup(['jean@acme.fr']);
    expect(e).toMatchObject({ first: '2026-12-01', last: '2026-12-09', n: 2 });
  });

  it('stores salted SHA-256 hashes only: no address, no domain, in any record', async () => {
    const { s, factory } = store();
    await s.record(['jean.dupont@acme-industrie.fr']);
    const { contacts, meta } = await rawRows(factory);
    const dump = JSON.stringify({ contacts, meta });
    expect(dump).not.toContain('jean');
    expect(dump).not.toContain('acme');
    expect(contacts).toHaveLength(1);
    const row = contacts[0] as { h: string };
    expect(row.h).toMatch(/^[0-9a-f]{64}$/);
    const salt = (meta.find((m) => (m as { k: string }).k === 'salt') as { v: string }).v;
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    // The digest is the rules' hash of the salted address, and an unsalted one does not match it.
    expect(row.h).toBe(await hashHistoryKey('jean.dupont@acme-industrie.fr', salt, sha256));
    expect(row.h).not.toBe(await hashHistoryKey('jean.dupont@acme-industrie.fr', '', sha256));
  });

  it('each install has its own salt, kept across restarts of the worker', async () => {
    const a = store();
    const b = store();
    await a.s.record(['jean@acme.fr']);
    await b.s.record(['jean@acme.fr']);
    const ha = ((await rawRows(a.factory)).contacts[0] as { h: string }).h;
    const hb = ((await rawRows(b.factory)).contacts[0] as { h: string }).h;
    expect(ha).not.toBe(hb);
    a.s.close();
    const again = createHistoryStore({ indexedDB: a.factory });
    expect((await again.lookup(['jean@acme.fr']))[0]).not.toBeNull();
  });

  it('serialises writes: concurrent sends to the same address are all counted', async () => {
    const { s } = store();
    await Promise.all([s.record(['jean@acme.fr']), s.record(['jean@acme.fr']), s.record(['jean@acme.fr', 'paul@acme.fr'])]);
    const [j, p] = await s.lookup(['jean@acme.fr', 'paul@acme.fr']);
    expect(j?.n).toBe(3);
    expect(p?.n).toBe(1);
  });

  it('clear forgets every entry', async () => {
    const { s } = store();
    await s.record(['jean@acme.fr']);
    await s.clear();
    expect(await s.count()).toBe(0);
    expect(await s.lookup(['jean@acme.fr'])).toEqual([null]);
  });

  it("fails with a clear error without IndexedDB", async () => {
    const s = createHistoryStore({ indexedDB: undefined as unknown as IDBFactory, dbName: 'none' });
    // globalThis.indexedDB does not exist in Node
    await expect(s.lookup(['jean@acme.fr'])).rejects.toThrow(/IndexedDB/);
  });
});
