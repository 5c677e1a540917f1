/**
 * What fits in storage.sync (the settings that follow the user to their other computers), pure.
 *
 * Chrome and Firefox give storage.sync the same quotas: 102,400 bytes in all, 8,192 bytes per item (the key's
 * length plus its value's JSON, in UTF-8), 512 items. Settings are split into items the caller gives in priority order
 * (the identity before the templates, one item per template); the items that fit go to sync, the rest stay local
 * and are listed, so that the options page can say which settings do not follow the user. Large data (overrides,
 * consent records, the suppression list) is never offered to sync.
 */

export const SYNC_QUOTA = Object.freeze({ total: 102_400, perItem: 8_192, items: 512 });

const utf8 = new TextEncoder();

/** An item's size as the browsers count it against the quota. */
export function itemBytes(key: string, value: unknown): number {
  return utf8.encode(key).length + utf8.encode(JSON.stringify(value) ?? '').length;
}

export interface SyncPlan {
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
  /** Bytes used in sync. */
  bytes: number;
  /** Keys that did not fit (too large alone, or past the total), in the order given. */
  overflow: string[];
}

export function planSync(items: ReadonlyArray<readonly [string, unknown]>, quota = SYNC_QUOTA): SyncPlan {
  const plan: SyncPlan = { sync: {}, local: {}, bytes: 0, overflow: [] };
  let count = 0;
  for (const [key, value] of items) {
    const size = itemBytes(key, value);
    if (size <= quota.perItem && plan.bytes + size <= quota.total && count < quota.items) {
      plan.sync[key] = value;
      plan.bytes += size;
      count++;
    } else {
      plan.local[key] = value;
      plan.overflow.push(key);
    }
  }
  return plan;
}
