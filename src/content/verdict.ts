/**
 * The overlay's effective verdict: the rules engine's verdict for each recipient, plus what the user
 * recorded (a consent record satisfies an opt-in). Pure. Imports src/rules/verdict directly, never
 * src/rules/index (whose domain lists must stay out of the content script).
 */
import type { RecipientResult } from '../rules/types';
import { recipientVerdict as rulesRecipientVerdict } from '../rules/verdict';
import type { ConsentRecord } from '../storage/schema';

/** Per-recipient verdict. `consent`: opt-in whose consent the user recorded. */
export type RecipientVerdict = 'banned' | 'opt-in' | 'unknown' | 'consent' | 'opt-out' | 'organization' | 'internal';

/** The compose's verdict, as shown on the overlay host's `data-verdict`. */
export type Verdict = RecipientVerdict | 'none';

/** Strictest first: the overlay leads with the first verdict of this list that occurs. */
export const VERDICT_ORDER: readonly Verdict[] = [
  'banned',
  'opt-in',
  'unknown',
  'opt-out',
  'organization',
  'consent',
  'internal',
  'none',
];

export function recipientVerdict(r: RecipientResult, consent?: ConsentRecord | null): RecipientVerdict {
  const v = rulesRecipientVerdict(r);
  // A recorded consent satisfies the opt-in, and settles an undetermined address either way.
  if (consent && (v === 'opt-in' || v === 'unknown')) return 'consent';
  return v;
}

export function strictest(verdicts: Iterable<Verdict>): Verdict {
  let best = VERDICT_ORDER.length - 1;
  for (const v of verdicts) {
    const i = VERDICT_ORDER.indexOf(v);
    if (i >= 0 && i < best) best = i;
  }
  return VERDICT_ORDER[best];
}

/** Consumer mailboxes: offering "the whole domain is a company" would be wrong there. */
export function isConsumerDomain(r: RecipientResult): boolean {
  return r.flags.some((f) => f === 'free-mail' || f === 'isp' || f === 'disposable' || f === 'student');
}

/** Whether the B2B introduction is worth suggesting for this verdict. */
export function suggestsIntroduction(v: Verdict): boolean {
  return v === 'opt-out' || v === 'organization' || v === 'consent';
}
