/**
 * Keeps the heap near its live size while a long list streams through. Left to itself V8 lets the old
 * generation grow to a few times the live set before collecting it: a list where every row has a
 * domain of its own (the classifier's domain memo turning over) peaks at ~270 MB RSS over 1 M rows.
 * A full collection at a fixed cadence (every 50,000 rows) held that to ~150 MB but cost ~0.9 s of
 * CPU on every 1 M-row list (20 collections of ~40 ms), even where the heap never grew. Here the old
 * generation in use is looked at after each chunk (a few microseconds) and a full collection runs
 * only once it exceeds what the last one left by HEADROOM: a list whose heap stays flat (the bench's,
 * ~30 k domains) is rarely collected by hand. (The young generation is left out: it fills and empties
 * all the time, and its size is fixed.)
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Growth of the old generation, over what the last full collection left, that triggers the next one. */
const HEADROOM = 16 << 20;

/** Bytes in use outside the young generation. */
function oldUsed(): number {
  let n = 0;
  for (const s of v8.getHeapSpaceStatistics()) if (!s.space_name.startsWith('new_')) n += s.space_used_size;
  return n;
}

/** V8's gc(), exposed at run time; null where it cannot be. */
function fullCollector(): (() => void) | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? () => (gc as () => void)() : null;
  } catch {
    return null;
  }
}

/** A function to call between chunks: collects when the old generation grew HEADROOM past the last live size. */
export function heapGuard(): () => void {
  const collect = fullCollector();
  if (collect === null) return () => {};
  let limit = oldUsed() + HEADROOM;
  return () => {
    if (oldUsed() <= limit) return;
    collect();
    limit = oldUsed() + HEADROOM;
  };
}
