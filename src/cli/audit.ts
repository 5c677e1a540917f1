/**
 * Classifies every extracted address, in order, one result per entry. The classifier is
 * passed in (the rules engine in production, a stub in tests).
 */
import type { ClassifyOptions, Jurisdiction, RecipientResult } from '../rules/types';
import type { Progress } from './progress';

export type Classifier = (input: string, options?: ClassifyOptions) => RecipientResult;
export type ManyClassifier = (inputs: readonly string[], options?: ClassifyOptions) => RecipientResult[];

/** The engine's entry points the CLI uses; classifyMany (options read once per batch) is preferred. */
export interface Engine {
  classify: Classifier;
  classifyMany?: ManyClassifier;
}

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
  engine: Engine | Classifier,
  progress?: Progress,
): RecipientResult[] {
  const { classify, classifyMany } = typeof engine === 'function' ? { classify: engine, classifyMany: undefined } : engine;
  const n = addresses.length;
  const out = new Array<RecipientResult>(n);
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    let done = false;
    if (classifyMany) {
      try {
        const batch = classifyMany(addresses.slice(start, end), options);
        if (batch.length === end - start) {
          for (let i = start; i < end; i++) out[i] = batch[i - start]!;
          done = true;
        }
      } catch {
        // one bad entry must not sink its batch: redo it one by one below
      }
    }
    if (!done) {
      for (let i = start; i < end; i++) {
        const a = addresses[i]!;
        try {
          out[i] = classify(a, options);
        } catch (e) {
          out[i] = failedResult(a, options.jurisdiction ?? 'FR', e);
        }
      }
    }
    progress?.update(end);
  }
  progress?.end();
  return out;
}
