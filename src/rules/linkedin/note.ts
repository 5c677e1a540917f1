/**
 * The invitation note's limit and which short introduction fits what is left in it. Small and pure: the content
 * script uses it when the user clicks Insert (the text may have changed since the overlay was drawn).
 *
 * Limits: 200 characters on a free account, 300 with Premium or Sales Navigator (career-ops-hq/career-ops PR #2951,
 * 2026-08, in the project's DOM evidence notes); when the page does not show which, 200 is assumed.
 */

export const NOTE_LIMIT_FREE = 200;
export const NOTE_LIMIT_PREMIUM = 300;

/** What the insertion may add around the note's paragraph in a field that already holds text: "\n\n" above, "\n" below. */
export const NOTE_SEPARATOR = 3;

export interface NoteFit {
  /** The longest variant that fits, or null when none does. */
  text: string | null;
  /** Characters left once it is inserted (or left now, when none fits). */
  left: number;
  limit: number;
}

/** The longest of `variants` that fits a note of `limit` characters already holding `used`. */
export function fitNote(variants: readonly string[], limit: number, used: number): NoteFit {
  const room = limit - used - (used > 0 ? NOTE_SEPARATOR : 0);
  let best: string | null = null;
  for (const v of variants) if (v.length <= room && (best === null || v.length > best.length)) best = v;
  return { text: best, left: best === null ? Math.max(0, limit - used) : room - best.length, limit };
}
