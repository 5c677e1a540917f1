import { describe, expect, it } from 'vitest';
import { createClassifierClient, normalizeKey, withTimeout, TimeoutError } from './client';
import type { Send } from '../background/protocol';
import { fakeWorker, tick } from './test-support';

describe('classifier client', () => {
  it('classifies, caches per address and only asks for what it does not know', async () => {
    const w = fakeWorker();
    const c = createClassifierClient({ send: w.send, lang: 'fr' });
    expect(c.peek(['a@gmail.com'])).toBeNull();
    const first = await c.classify(['A@gmail.com ', 'b@acme.fr']);
    expect([...first.entries.keys()]).toEqual(['a@gmail.com', 'b@acme.fr']);
    // An opt-in leads: the message gets no introduction.
    expect(first.message?.wording.verdict).toBe('opt-in');
    expect(first.message?.introduction).toBeNull();
    await c.classify(['a@gmail.com', 'c@orange.fr']);
    const sent = w.calls.filter((m) => m.type === 'classify').map((m) => (m as { recipients: string[] }).recipients);
    expect(sent).toEqual([['a@gmail.com', 'b@acme.fr'], ['c@orange.fr']]);
    expect(c.peek(['c@orange.fr', 'b@acme.fr'])).toBeNull(); // that set's wording is not known yet
    const business = await c.classify(['b@acme.fr']);
    const intro = business.message?.introduction;
    expect(intro?.complete && intro.unsubscribe).toContain('STOP');
    // Every address was known: only the set's wording was asked.
    expect(w.calls.at(-1)).toEqual({ type: 'classify', recipients: [], message: ['b@acme.fr'] });
    expect(c.peek(['b@acme.fr'])?.entries.size).toBe(1);
  });

  it('classifies a list longer than one message carries: every address, in messages of at most 200', async () => {
    const w = fakeWorker();
    const c = createClassifierClient({ send: w.send, lang: 'fr' });
    const many = [...Array.from({ length: 449 }, (_, i) => `p${i}@acme.fr`), 'last@gmail.com'];
    const res = await c.classify(many);
    expect(res.entries.size).toBe(450);
    expect(res.entries.get('last@gmail.com')?.result.audience).toBe('private');
    const sizes = w.calls.filter((m) => m.type === 'classify').map((m) => (m as { recipients: string[] }).recipients.length);
    expect(sizes).toEqual([200, 200, 50]);
  });

  it('shares one round trip between concurrent requests for the same address', async () => {
    const w = fakeWorker();
    const c = createClassifierClient({ send: w.send, lang: 'fr' });
    await Promise.all([c.classify(['a@gmail.com']), c.classify(['a@gmail.com'])]);
    expect(w.calls.filter((m) => m.type === 'classify')).toHaveLength(1);
  });

  it('attaches consent records and forgets everything on invalidate', async () => {
    const w = fakeWorker();
    const c = createClassifierClient({ send: w.send, lang: 'fr' });
    expect((await c.classify(['a@gmail.com'])).entries.get('a@gmail.com')!.consent).toBeNull();
    const rec = { address: 'a@gmail.com', date: '2026-11-28', method: 'form' as const };
    w.consents['a@gmail.com'] = rec;
    c.invalidate();
    expect(c.peek(['a@gmail.com'])).toBeNull();
    expect((await c.classify(['a@gmail.com'])).entries.get('a@gmail.com')!.consent).toEqual(rec);
  });

  it('drops an answer that arrives after an invalidation and asks again', async () => {
    const w = fakeWorker();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let n = 0;
    const c = createClassifierClient({
      send: (async (m) => {
        if (m.type === 'classify' && n++ === 0) await gate;
        return w.send(m);
      }) as Send,
      lang: 'fr',
    });
    const p = c.classify(['a@gmail.com']);
    await tick();
    w.consents['a@gmail.com'] = { address: 'a@gmail.com', date: '2026-11-28', method: 'oral' };
    c.invalidate();
    release();
    const res = await p;
    expect(res.entries.get('a@gmail.com')!.consent).toMatchObject({ date: '2026-11-28', method: 'oral' });
  });

  it('times out, and rejects on error answers', async () => {
    const w = fakeWorker();
    w.silent = true;
    const c = createClassifierClient({ send: w.send, lang: 'fr', timeoutMs: 30 });
    await expect(c.classify(['a@gmail.com'])).rejects.toBeInstanceOf(TimeoutError);
    expect(await c.warm()).toBe(false);
    w.silent = false;
    w.failing = true;
    await expect(c.classify(['a@gmail.com'])).rejects.toThrow('boom');
    w.failing = false;
    expect(await c.warm()).toBe(true);
    await expect(withTimeout(Promise.resolve(1), 10)).resolves.toBe(1);
  });

  it('takes the language the worker answers with', async () => {
    const c = createClassifierClient({ send: (async () => ({ ok: true, lang: 'en', version: '1' })) as Send, lang: 'fr' });
    expect(c.lang).toBe('fr');
    await c.warm();
    expect(c.lang).toBe('en');
  });

  it('keys addresses by the rules engine’s normal form: IDN as the browser maps it, punycode TLDs kept whole and shown in Unicode', () => {
    expect(normalizeKey(' Jean@Gmail.COM ')).toBe('jean@gmail.com');
    expect(normalizeKey('jean@ｇｍａｉｌ.com')).toBe('jean@gmail.com');
    expect(normalizeKey('ivan@пример.xn--p1ai')).toBe('ivan@пример.рф');
    expect(normalizeKey('not an address')).toBe('not an address');
  });
});
