/**
 * Precision and recall of the analysis on the corpus: of `prospecting`, of each element's
 * presence, of the bans; per set (tuning, held-out). Pure.
 */
import { INTRO_ELEMENTS } from '../../intro.js';
import type { Topic } from '../../types.js';
import type { MessageAnalysis } from '../decide.js';
import { analyzeMessage } from '../index.js';
import { TOPICS } from '../scan.js';
import type { CorpusEntry } from './format.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface EntryResult {
  entry: CorpusEntry;
  analysis: MessageAnalysis;
  /** What differs from the expectation, one line each (empty: all as expected). */
  errors: string[];
}

export type Metric = 'prospecting' | (typeof INTRO_ELEMENTS)[number] | 'missing' | 'banned';

export interface SetReport {
  set: string;
  messages: number;
  exact: number;
  counts: Record<string, Counts>;
  results: EntryResult[];
}

export function analyzeEntry(e: CorpusEntry): MessageAnalysis {
  const ctx: Parameters<typeof analyzeMessage>[1] = { audience: e.audience };
  if (e.topic) ctx.topic = e.topic;
  if (e.alreadyContacted !== undefined) ctx.alreadyContacted = e.alreadyContacted;
  if (e.self) ctx.self = e.self;
  return analyzeMessage({ body: e.body, subject: e.subject }, ctx);
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

export function compare(e: CorpusEntry, a: MessageAnalysis): string[] {
  const errors: string[] = [];
  if (a.prospecting !== e.expect.prospecting) errors.push(`prospecting: expected ${e.expect.prospecting}, got ${a.prospecting}`);
  if (!same(a.present, e.expect.present)) errors.push(`present: expected [${e.expect.present}], got [${a.present}]`);
  if (!same(a.missing, e.expect.missing)) errors.push(`missing: expected [${e.expect.missing}], got [${a.missing}]`);
  if (!same(a.banned, e.expect.banned)) errors.push(`banned: expected [${e.expect.banned}], got [${a.banned}]`);
  return errors;
}

function count(c: Counts, expected: boolean, got: boolean): void {
  if (expected && got) c.tp++;
  else if (!expected && got) c.fp++;
  else if (expected && !got) c.fn++;
  else c.tn++;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

export function evaluate(set: string, entries: readonly CorpusEntry[]): SetReport {
  const counts: Record<string, Counts> = { prospecting: zero() };
  for (const el of INTRO_ELEMENTS) counts[el] = zero();
  for (const t of TOPICS) counts[`banned:${t}`] = zero();
  const results: EntryResult[] = [];
  for (const e of entries) {
    const a = analyzeEntry(e);
    count(counts.prospecting!, e.expect.prospecting, a.prospecting);
    for (const el of INTRO_ELEMENTS) count(counts[el]!, e.expect.present.includes(el), a.present.includes(el));
    for (const t of TOPICS) count(counts[`banned:${t}`]!, e.expect.banned.includes(t as Topic), a.banned.includes(t as Topic));
    results.push({ entry: e, analysis: a, errors: compare(e, a) });
  }
  return { set, messages: entries.length, exact: results.filter((r) => r.errors.length === 0).length, counts, results };
}

export function precision(c: Counts): number | null {
  return c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
}

export function recall(c: Counts): number | null {
  return c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
}

const pct = (v: number | null) => (v === null ? '   n/a' : `${(v * 100).toFixed(1).padStart(5)}%`);

/** A plain-text table: one row per metric, precision, recall and the counts. */
export function formatReport(reports: readonly SetReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.set}: ${r.messages} messages, ${r.exact} fully as expected`);
    lines.push(`  ${'metric'.padEnd(26)} precision  recall   tp  fp  fn  tn`);
    for (const [k, c] of Object.entries(r.counts)) {
      lines.push(`  ${k.padEnd(26)} ${pct(precision(c))}  ${pct(recall(c))}  ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)} ${String(c.tn).padStart(3)}`);
    }
    for (const res of r.results) if (res.errors.length) lines.push(`  ✗ ${res.entry.id}: ${res.errors.join('; ')}`);
  }
  return lines.join('\n');
}
