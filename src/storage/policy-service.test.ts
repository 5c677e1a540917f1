import { describe, expect, it, vi } from 'vitest';
import { createPolicyService } from './policy-service';

describe('policy service', () => {
  it('reads the managed area once, passes the shared suppression list on, and re-reads on a change', async () => {
    let raw: Record<string, unknown> = { managedBy: 'DSI', ownDomains: ['exemple.fr'], suppressionList: ['a@x.fr'] };
    const get = vi.fn(async () => raw);
    let changed: ((c: Record<string, unknown>, area: string) => void) | null = null;
    const setManagedSuppression = vi.fn(async () => null);
    const svc = createPolicyService({ managed: { get }, onChanged: { addListener: (cb) => (changed = cb) }, setManagedSuppression });
    const s = await svc.current();
    expect(s).toEqual({ policy: { managedBy: 'DSI', ownDomains: ['exemple.fr'], suppressionList: ['a@x.fr'] }, problems: [], present: true });
    await svc.current();
    expect(get).toHaveBeenCalledTimes(1);
    expect(setManagedSuppression).toHaveBeenCalledWith(['a@x.fr'], 'DSI');
    const updates: unknown[] = [];
    svc.onUpdate((u) => updates.push(u));
    raw = { ownDomains: ['autre.fr', 'pas un domaine'] };
    changed!({}, 'local');
    expect(get).toHaveBeenCalledTimes(1);
    changed!({}, 'managed');
    const next = await svc.current();
    expect(next.policy).toEqual({ ownDomains: ['autre.fr'] });
    expect(next.problems).toEqual([{ path: 'ownDomains[1]', code: 'not-a-domain' }]);
    expect(setManagedSuppression).toHaveBeenLastCalledWith([], undefined);
    await Promise.resolve();
    expect(updates).toHaveLength(1);
  });

  it('no managed storage, or a browser that refuses it: no policy', async () => {
    expect(await createPolicyService({ managed: undefined }).current()).toEqual({ policy: {}, problems: [], present: false });
    const refusing = { get: async () => Promise.reject(new Error('Managed storage manifest not found')) };
    expect(await createPolicyService({ managed: refusing }).current()).toEqual({ policy: {}, problems: [], present: false });
  });
});
