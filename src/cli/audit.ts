/**
 * What the audit produces, row by row: each row of the list (a CSV line, a spreadsheet row, a vCard)
 * becomes an Item holding one result per address found in it, in order — or one invalid result when
 * it holds none, so that no row vanishes. The classifier is passed in (the rules engine in
 * production, a stub in tests).
 */
import type { Audience, ClassifyOptions, Flag, Jurisdiction, Reason, RecipientResult, Regime } from '../rules/types';

export type Classifier = (input: string, options?: ClassifyOptions) => RecipientResult;
export type ManyClassifier = (inputs: readonly string[], options?: ClassifyOptions) => RecipientResult[];

/** The engine's entry points the CLI uses; classifyMany (options read once per batch) is preferred. */
export interface Engine {
  classify: Classifier;
  classifyMany?: ManyClassifier;
}

/** The engine's flags, plus the CLI's own: on the --suppression list. */
export type CliFlag = Flag | 'suppressed';
export type CliResult = Omit<RecipientResult, 'flags'> & { flags: CliFlag[] };

export interface Entry {
  /** The column (header name, letter, or vCard property) the address came from. */
  column: string;
  result: CliResult;
  /** While the entry waits for the classifier: the text to classify (null once classified). */
  input: string | null;
}

export interface Item {
  /** 1-based row number in the input (spreadsheet row, CSV record, vCard number). */
  row: number;
  /** The row's cells (for a vCard: name and organisation). */
  readonly cells: readonly string[];
  /** Number of cells (without splitting a CSV line). */
  readonly count: number;
  /** The row's text as read, to write it back unchanged; null when there is none (spreadsheets). */
  raw: string | null;
  /** Name and company, for the table. */
  contact: string;
  entries: Entry[];
}

const CHUNK = 1000;

const cliReason = (id: string, fr: string, en: string, source?: Reason['source']): Reason => Object.freeze({ id, fr, en, ...(source ? { source: Object.freeze(source) } : {}) });

export const SUPPRESSED_REASON = cliReason(
  'cli.suppressed',
  'Adresse sur votre liste d’opposition (--suppression) : ne pas la contacter. (source : RGPD art. 21(3) ; CPCE art. L34-5)',
  'Address on your suppression list (--suppression): do not contact it. (source: GDPR art. 21(3); CPCE art. L34-5)',
  { ref: { fr: 'RGPD art. 21(3) ; CPCE art. L34-5', en: 'GDPR art. 21(3); CPCE art. L34-5' }, confidence: 'P' },
);

export function noAddressReason(columns: readonly string[]): Reason {
  const list = columns.map((c) => `« ${c} »`).join(', ');
  const listEn = columns.map((c) => `"${c}"`).join(', ');
  return cliReason(
    'cli.no-address',
    columns.length ? `Aucune adresse dans ${columns.length > 1 ? 'les colonnes' : 'la colonne'} ${list}.` : 'Aucune adresse sur cette ligne.',
    columns.length ? `No address in ${columns.length > 1 ? 'columns' : 'column'} ${listEn}.` : 'No address in this row.',
  );
}

export const NO_EMAIL_IN_CARD = cliReason('cli.no-address', 'Aucune propriété EMAIL dans cette fiche.', 'No EMAIL property in this card.');
export const EMPTY_ROW = cliReason('cli.empty-row', 'Ligne vide.', 'Empty row.');

function reasonResult(input: string, jurisdiction: Jurisdiction, reason: Reason): CliResult {
  return { input, email: null, domain: null, audience: 'invalid', regime: null, jurisdiction, flags: [], reasons: [reason] };
}

export function noAddressResult(jurisdiction: Jurisdiction, reason: Reason): CliResult {
  return reasonResult('', jurisdiction, reason);
}

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
  }
  return out;
}

/** Marks a result found on the suppression list (a new object: engine results may be shared). */
export function suppress(r: RecipientResult | CliResult): CliResult {
  return { ...r, flags: [...r.flags, 'suppressed'], reasons: [SUPPRESSED_REASON, ...r.reasons] };
}

export const AUDIENCES: readonly Audience[] = ['private', 'professional', 'organization', 'internal', 'unknown', 'invalid'];
export const REGIMES: readonly Regime[] = ['opt-in', 'opt-out', 'internal', 'banned'];

export interface Summary {
  rows: number;
  addresses: number;
  audience: Record<Audience, number>;
  /** Key "none" counts results without a regime (invalid addresses). */
  regime: Record<Regime | 'none', number>;
  suppressed: number;
  /** The columns addresses were read from, for the notes. */
  columns: string[];
}

export function newSummary(columns: string[] = []): Summary {
  return {
    rows: 0,
    addresses: 0,
    audience: Object.fromEntries(AUDIENCES.map((a) => [a, 0])) as Record<Audience, number>,
    regime: Object.fromEntries([...REGIMES, 'none'].map((a) => [a, 0])) as Record<Regime | 'none', number>,
    suppressed: 0,
    columns,
  };
}

export function count(summary: Summary, items: readonly Item[]): void {
  // Tallies in locals, written back once per chunk of rows.
  let addresses = 0;
  let suppressed = 0;
  let priv = 0, professional = 0, organization = 0, internal = 0, invalid = 0, unknown = 0;
  let optIn = 0, optOut = 0, internalRegime = 0, banned = 0, none = 0;
  for (let i = 0; i < items.length; i++) {
    const entries = items[i]!.entries;
    addresses += entries.length;
    for (let j = 0; j < entries.length; j++) {
      const r = entries[j]!.result;
      switch (r.audience) {
        case 'private': priv++; break;
        case 'professional': professional++; break;
        case 'organization': organization++; break;
        case 'internal': internal++; break;
        case 'invalid': invalid++; break;
        default: unknown++;
      }
      switch (r.regime) {
        case 'opt-in': optIn++; break;
        case 'opt-out': optOut++; break;
        case 'internal': internalRegime++; break;
        case 'banned': banned++; break;
        default: none++;
      }
      if (r.flags.length && r.flags.includes('suppressed')) suppressed++;
    }
  }
  summary.rows += items.length;
  summary.addresses += addresses;
  summary.suppressed += suppressed;
  const a = summary.audience;
  a.private += priv;
  a.professional += professional;
  a.organization += organization;
  a.internal += internal;
  a.invalid += invalid;
  a.unknown += unknown;
  const g = summary.regime;
  g['opt-in'] += optIn;
  g['opt-out'] += optOut;
  g.internal += internalRegime;
  g.banned += banned;
  g.none += none;
}

/**
 * The reason that explains a result: the suppression, else the audience reason — unless the recipient's
 * country is not the one the audit defaults to (--jurisdiction, France otherwise) and brings its own
 * rule: then that rule, the last reason (e.g. a .de business address is opt-in under UWG §7).
 */
export function mainReason(r: CliResult, defaultJurisdiction: string = 'FR'): Reason | undefined {
  if (r.flags.length && r.flags.includes('suppressed')) return r.reasons[0];
  if (r.jurisdiction !== defaultJurisdiction && r.regime !== null && r.reasons.length > 1) {
    const last = r.reasons[r.reasons.length - 1]!;
    if (last.id.startsWith('regime:')) return last;
  }
  return r.reasons[0];
}

/** Campaign order, strictest first: suppressed, banned, opt-in, invalid, unknown, opt-out, internal. */
export function strictness(r: CliResult): number {
  if (r.flags.includes('suppressed')) return 0;
  if (r.regime === 'banned') return 1;
  if (r.regime === 'opt-in') return 2;
  if (r.audience === 'invalid') return 3;
  if (r.audience === 'unknown') return 4;
  if (r.regime === 'opt-out') return 5;
  return 6;
}
