import { describe, expect, it } from 'vitest';
import { itemBytes, planSync, SYNC_QUOTA } from './sync-quota';

describe('storage.sync plan', () => {
  it('counts the key and the JSON value in UTF-8 bytes', () => {
    expect(itemBytes('a', 'é')).toBe(1 + 4); // "é" in quotes: 2 + 2 bytes
    expect(itemBytes('k', { x: [1, 2] })).toBe(1 + '{"x":[1,2]}'.length);
  });

  it('keeps the identity and as many templates as fit; the rest stays local and is listed', () => {
    const identity = ['identity', { senderName: 'Marie Martin', company: 'Exemple PME' }] as const;
    const templates = Array.from({ length: 30 }, (_, i) => [`template:${i}`, { text: 'é'.repeat(2000) }] as const);
    const huge = ['template:huge', { text: 'x'.repeat(SYNC_QUOTA.perItem) }] as const;
    const plan = planSync([identity, huge, ...templates]);
    expect(Object.keys(plan.sync)[0]).toBe('identity');
    expect(plan.overflow[0]).toBe('template:huge');
    expect(plan.bytes).toBeLessThanOrEqual(SYNC_QUOTA.total);
    const synced = Object.keys(plan.sync).length - 1;
    expect(synced).toBe(Math.floor((SYNC_QUOTA.total - itemBytes(...identity)) / itemBytes(...templates[0]!)));
    expect(plan.overflow).toHaveLength(1 + templates.length - synced);
    expect(Object.keys(plan.local).sort()).toEqual([...plan.overflow].sort());
  });

  it('respects the item count', () => {
    const plan = planSync(Array.from({ length: 600 }, (_, i) => [`k${i}`, 1] as const));
    expect(Object.keys(plan.sync)).toHaveLength(SYNC_QUOTA.items);
    expect(plan.overflow).toHaveLength(88);
  });
});
