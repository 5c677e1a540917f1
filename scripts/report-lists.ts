/**
 * `npm run report:lists` (also printed by the unit tests, lists.audit.test.ts): how well the
 * classifier recognises lists nobody on the project wrote, and the conflicts between the merged
 * lists and the hand-kept data.
 *
 * - Recall on email-providers common.json: the share of its consumer providers, less the
 *   documented exclusions (corporate exceptions marked excludedFromCommon), classified `private`.
 * - Recall on a 1-in-40 sample of disposable-email-domains (every 40th entry of index.json).
 * - Conflicts: list entries that the hand-kept data overrides or that need a look.
 */
import { parse as parseHost } from 'tldts';
import { classify } from '../src/rules/classify.js';
import { CORPORATE_EXCEPTIONS } from '../src/rules/data/corporate.js';
import { CONSUMER_SUPPLEMENT, TRAP_PAIRS } from '../src/rules/data/providers.js';
import { UPSTREAM_VERSIONS } from '../src/rules/data/upstream.generated.js';
import { disposableIndex, emailProvidersCommon, normalizeEntry, rawEntries, UPSTREAM_PACKAGES, type UpstreamName } from './upstream-lists.js';

export const COMMON_GOAL = 0.97;
export const DISPOSABLE_GOAL = 0.95;
export const SAMPLE_EVERY = 40;

export interface Recall {
  total: number;
  excluded: string[];
  counted: number;
  recognised: number;
  recall: number;
  misses: { domain: string; audience: string }[];
}

export interface Conflict {
  kind: 'corporate-exception-listed' | 'trap-corporate-listed' | 'supplement-on-disposable-list' | 'public-suffix-entry' | 'institutional-namespace' | 'common-on-disposable-list';
  domain: string;
  lists: string[];
  resolution: string;
}

export interface ListsReport {
  versions: Record<string, string>;
  common: Recall;
  disposableSample: Recall;
  conflicts: Conflict[];
}

const OPTIONS = { date: '2026-11-28' } as const;

function audienceOf(domain: string): string {
  return classify(`jean.dupont@${domain}`, OPTIONS).audience;
}

function recall(domains: readonly string[], excluded: ReadonlySet<string>): Recall {
  const misses: { domain: string; audience: string }[] = [];
  const ex: string[] = [];
  let counted = 0;
  let recognised = 0;
  for (const raw of domains) {
    const d = raw.toLowerCase();
    if (excluded.has(d)) {
      ex.push(d);
      continue;
    }
    counted++;
    const a = audienceOf(d);
    if (a === 'private') recognised++;
    else misses.push({ domain: d, audience: a });
  }
  return { total: domains.length, excluded: ex, counted, recognised, recall: counted === 0 ? 0 : recognised / counted, misses };
}

/** Which packages list a domain, from a memo of every package's normalised entries. */
function listIndex(): (d: string) => string[] {
  const sets = UPSTREAM_PACKAGES.map((p) => [p.name, new Set(rawEntries(p.name as UpstreamName).map(normalizeEntry).filter((x): x is string => x !== null))] as const);
  return (d) => sets.filter(([, s]) => s.has(d)).map(([n]) => n);
}

const INSTITUTIONAL = /(?:^|\.)(?:edu|gov|mil|int|gouv\.fr|ac\.[a-z]{2}|edu\.[a-z]{2}|gov\.[a-z]{2}|gob\.[a-z]{2})$/;

export function buildReport(): ListsReport {
  const versions = { ...UPSTREAM_VERSIONS };
  const listsOf = listIndex();

  const common = emailProvidersCommon();
  const excludedCommon = new Set(CORPORATE_EXCEPTIONS.filter((e) => e.excludedFromCommon).map((e) => e.domain));
  const commonRecall = recall(common, excludedCommon);

  const sample = disposableIndex().filter((_, i) => i % SAMPLE_EVERY === 0);
  const disposableRecall = recall(sample, new Set());

  const conflicts: Conflict[] = [];
  for (const e of CORPORATE_EXCEPTIONS) {
    const l = listsOf(e.domain);
    if (l.length) conflicts.push({ kind: 'corporate-exception-listed', domain: e.domain, lists: l, resolution: `professional (corporate exception: ${e.note})` });
  }
  for (const t of TRAP_PAIRS) {
    const l = listsOf(t.corporate);
    if (l.length) conflicts.push({ kind: 'trap-corporate-listed', domain: t.corporate, lists: l, resolution: `professional (corporate side of ${t.consumer})` });
  }
  for (const s of CONSUMER_SUPPLEMENT) {
    const l = listsOf(s.domain).filter((n) => UPSTREAM_PACKAGES.find((p) => p.name === n)?.kind === 'disposable');
    if (l.length) conflicts.push({ kind: 'supplement-on-disposable-list', domain: s.domain, lists: l, resolution: `private ${s.kind} (${s.country}), not disposable: ${s.operator}` });
  }
  const seen = new Set<string>();
  for (const p of UPSTREAM_PACKAGES) {
    for (const raw of rawEntries(p.name as UpstreamName)) {
      const d = normalizeEntry(raw);
      if (d === null || seen.has(d)) continue;
      seen.add(d);
      const h = parseHost(d, { allowPrivateDomains: false });
      if (h.domain === null || (h.publicSuffix === d && h.isIcann === true)) {
        conflicts.push({ kind: 'public-suffix-entry', domain: d, lists: listsOf(d), resolution: 'ignored: a public suffix is never a registrable domain, so it matches no address' });
      } else if (p.kind === 'free-mail' && INSTITUTIONAL.test(d) && !listsOf(d).some((n) => UPSTREAM_PACKAGES.find((q) => q.name === n)?.kind === 'disposable') && audienceOf(d) === 'private') {
        conflicts.push({ kind: 'institutional-namespace', domain: d, lists: listsOf(d), resolution: `${audienceOf(d)} (to review: an education or government namespace on a consumer list)` });
      }
    }
  }
  for (const d of common) {
    const l = listsOf(d).filter((n) => UPSTREAM_PACKAGES.find((p) => p.name === n)?.kind === 'disposable');
    if (l.length && !excludedCommon.has(d)) {
      const r = classify(`jean.dupont@${d}`, OPTIONS);
      conflicts.push({ kind: 'common-on-disposable-list', domain: d, lists: l, resolution: `${r.audience} (${r.flags.join(', ') || 'no flag'})` });
    }
  }
  return { versions, common: commonRecall, disposableSample: disposableRecall, conflicts };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/** The report as text (French team, English report: the figures are what matter). */
export function formatReport(r: ListsReport): string {
  const out: string[] = [];
  out.push(`Mailbox lists report — ${Object.entries(r.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const c = r.common;
  out.push(
    `email-providers common.json: ${c.recognised}/${c.counted} consumer providers classified private = ${pct(c.recall)} ` +
      `(goal ≥ ${pct(COMMON_GOAL)}: ${c.recall >= COMMON_GOAL ? 'met' : 'NOT met'}); ${c.total} entries, ${c.excluded.length} documented exclusions (corporate domains): ${c.excluded.join(', ')}`,
  );
  if (c.misses.length) out.push(`  not private: ${c.misses.map((m) => `${m.domain} (${m.audience})`).join(', ')}`);
  const d = r.disposableSample;
  out.push(
    `disposable-email-domains, 1-in-${SAMPLE_EVERY} sample: ${d.recognised}/${d.counted} classified private = ${pct(d.recall)} ` +
      `(goal ≥ ${pct(DISPOSABLE_GOAL)}: ${d.recall >= DISPOSABLE_GOAL ? 'met' : 'NOT met'})`,
  );
  if (d.misses.length) out.push(`  not private: ${d.misses.slice(0, 40).map((m) => `${m.domain} (${m.audience})`).join(', ')}${d.misses.length > 40 ? ' …' : ''}`);
  const kinds = [...new Set(r.conflicts.map((x) => x.kind))];
  out.push(`conflicts found: ${r.conflicts.length}`);
  for (const k of kinds) {
    const xs = r.conflicts.filter((x) => x.kind === k);
    out.push(`  ${k} (${xs.length}):`);
    for (const x of xs.slice(0, 60)) out.push(`    ${x.domain} [${x.lists.join(', ')}] → ${x.resolution}`);
    if (xs.length > 60) out.push(`    … ${xs.length - 60} more`);
  }
  return out.join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  console.log(formatReport(buildReport()));
}
