/**
 * The verdict for a whole message: the strictest of its recipients' situations, counting the consent the
 * user recorded (a recorded consent satisfies an opt-in: CPCE art. L34-5 asks for prior consent, the user
 * says they have it and when they got it).
 */
import type { RecipientResult } from './types.js';

export type Verdict = 'banned' | 'opt-in' | 'unknown' | 'opt-out' | 'organization' | 'consent' | 'internal' | 'none';

/** One recipient's verdict (every verdict but 'none'). */
export type RecipientVerdict = Exclude<Verdict, 'none'>;

/** The part of a consent record the verdict needs: when the person said yes. */
export interface ConsentLike {
  date: string;
}

/**
 * From strictest to most relaxed; 'none' means no recipient at all. 'consent' (an opt-in whose consent is
 * recorded) ranks below the business verdicts, so a message that also reaches a business shows its introduction.
 */
export const VERDICT_ORDER: readonly Verdict[] = Object.freeze([
  'banned',
  'opt-in',
  'unknown',
  'opt-out',
  'organization',
  'consent',
  'internal',
  'none',
] as const);

const RANK: Record<Verdict, number> = {
  banned: 0,
  'opt-in': 1,
  unknown: 2,
  'opt-out': 3,
  organization: 4,
  consent: 5,
  internal: 6,
  none: 7,
};

/**
 * One recipient's verdict: banned regime → 'banned'; unknown or invalid audience → 'unknown';
 * opt-in → 'opt-in'; opt-out → 'organization' for a generic organisation address, else 'opt-out';
 * internal → 'internal'. With a consent record, an opt-in (or an address we cannot place) becomes 'consent';
 * a ban stays a ban.
 */
export function recipientVerdict(r: RecipientResult, consent?: ConsentLike | null): RecipientVerdict {
  const v = baseVerdict(r);
  if (consent && (v === 'opt-in' || v === 'unknown')) return 'consent';
  return v;
}

function baseVerdict(r: RecipientResult): RecipientVerdict {
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

/** The strictest of some verdicts, 'none' when there are none. */
export function strictest(verdicts: Iterable<Verdict>): Verdict {
  let best: Verdict = 'none';
  for (const v of verdicts) {
    const rank = RANK[v];
    if (rank !== undefined && rank < RANK[best]) best = v;
  }
  return best;
}

/** The strictest verdict over all recipients (no consent counted), 'none' when there are none. */
export function strictestVerdict(results: readonly RecipientResult[]): Verdict {
  let best: Verdict = 'none';
  if (!Array.isArray(results)) return best;
  for (let i = 0; i < results.length; i++) {
    const v = baseVerdict(results[i]!);
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

/** A consumer mailbox (free webmail, ISP, disposable, student): "the whole domain is a company" would be wrong. */
export function isConsumerMailbox(r: RecipientResult): boolean {
  return r.flags.some((f) => f === 'free-mail' || f === 'isp' || f === 'disposable' || f === 'student');
}
