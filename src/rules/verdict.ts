/**
 * The verdict for a whole message: the strictest of its recipients' situations.
 */
import type { RecipientResult } from './types.js';

export type Verdict = 'banned' | 'opt-in' | 'unknown' | 'opt-out' | 'organization' | 'internal' | 'none';

/** From strictest to most relaxed; 'none' means no recipient at all. */
export const VERDICT_ORDER: readonly Verdict[] = Object.freeze([
  'banned',
  'opt-in',
  'unknown',
  'opt-out',
  'organization',
  'internal',
  'none',
] as const);

const RANK: Record<Verdict, number> = {
  banned: 0,
  'opt-in': 1,
  unknown: 2,
  'opt-out': 3,
  organization: 4,
  internal: 5,
  none: 6,
};

/**
 * One recipient's verdict: banned regime → 'banned'; unknown or invalid audience → 'unknown';
 * opt-in → 'opt-in'; opt-out → 'organization' for a generic organisation address, else 'opt-out';
 * internal → 'internal'.
 */
export function recipientVerdict(r: RecipientResult): Exclude<Verdict, 'none'> {
  if (r === null || typeof r !== 'object') return 'unknown';
  if (r.regime === 'banned') return 'banned';
  if (r.audience === 'invalid' || r.audience === 'unknown' || r.regime === null || r.regime === undefined) return 'unknown';
  switch (r.regime) {
    case 'opt-in':
      return 'opt-in';
    case 'opt-out':
      return r.audience === 'organization' ? 'organization' : 'opt-out';
    case 'internal':
      return 'internal';
    default:
      return 'unknown';
  }
}

/** The strictest verdict over all recipients, 'none' when there are none. */
export function strictestVerdict(results: readonly RecipientResult[]): Verdict {
  let best: Verdict = 'none';
  if (!Array.isArray(results)) return best;
  for (let i = 0; i < results.length; i++) {
    const v = recipientVerdict(results[i]!);
    if (RANK[v] < RANK[best]) {
      best = v;
      if (v === 'banned') break;
    }
  }
  return best;
}

/** Compare two verdicts: negative when `a` is stricter than `b`. */
export function compareVerdicts(a: Verdict, b: Verdict): number {
  return RANK[a] - RANK[b];
}
