/**
 * Classifies every extracted address, in order, one result per entry. The classifier is
 * passed in (the rules engine in production, a stub in tests).
 */
import type { ClassifyOptions, Jurisdiction, RecipientResult } from '../rules/types';
import type { Progress } from './progress';

export type Classifier = (input: string, options?: ClassifyOptions) => RecipientResult;

const CHUNK = 1000;

/** What is reported for an entry the engine could not handle (it threw): invalid, never dropped. */
export function failedResult(input: string, jurisdiction: Jurisdiction, error: unknown): RecipientResult {
  const why = error instanceof Error ? error.message : String(error);
  return {
    input,
    email: null,
    domain: null,
    audience: 'invalid',
    regime: null,
    jurisdiction,
    flags: [],
    reasons: [
      {
        id: 'cli.classify-error',
        fr: `Adresse non analysable (${why}).`,
        en: `Address could not be analysed (${why}).`,
      },
    ],
  };
}

export function auditAddresses(
  addresses: readonly string[],
  options: ClassifyOptions,
  classify: Classifier,
  progress?: Progress,
): RecipientResult[] {
  const n = addresses.length;
  const out = new Array<RecipientResult>(n);
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    for (let i = start; i < end; i++) {
      const a = addresses[i]!;
      try {
        out[i] = classify(a, options);
      } catch (e) {
        out[i] = failedResult(a, options.jurisdiction ?? 'FR', e);
      }
    }
    progress?.update(end);
  }
  progress?.end();
  return out;
}
