/**
 * The list audit: recall on lists nobody on the project wrote, and the conflicts between the
 * merged lists and the hand-kept data. Prints the report (the same as `npm run report:lists`).
 */
import { describe, expect, it } from 'vitest';
import { buildReport, COMMON_GOAL, DISPOSABLE_GOAL, formatReport, type ListsReport } from '../../scripts/report-lists.js';
import { CORPORATE_EXCEPTIONS } from './data/corporate.js';
import { TRAP_PAIRS } from './data/providers.js';
import { classify } from './classify.js';

let report: ListsReport;

describe('mailbox lists report', () => {
  it('builds and prints the report', () => {
    report = buildReport();
    console.log('\n' + formatReport(report) + '\n');
    expect(report.common.total).toBeGreaterThan(300);
  });

  it(`email-providers common.json: ≥ ${COMMON_GOAL * 100} % private after the documented exclusions`, () => {
    expect(report.common.recall).toBeGreaterThanOrEqual(COMMON_GOAL);
    // the exclusions are exactly the corporate exceptions that say so, each with its note
    const documented = CORPORATE_EXCEPTIONS.filter((e) => e.excludedFromCommon).map((e) => e.domain).sort();
    expect([...report.common.excluded].sort()).toEqual(documented);
  });

  it(`disposable-email-domains, 1-in-40 sample: ≥ ${DISPOSABLE_GOAL * 100} % private`, () => {
    expect(report.disposableSample.counted).toBeGreaterThan(2500);
    expect(report.disposableSample.recall).toBeGreaterThanOrEqual(DISPOSABLE_GOAL);
  });

  it('every corporate exception is found on an upstream list or guards a trap pair (no stale exception)', () => {
    const listed = new Set(report.conflicts.filter((c) => c.kind === 'corporate-exception-listed').map((c) => c.domain));
    const unused = CORPORATE_EXCEPTIONS.filter((e) => !listed.has(e.domain) && !TRAP_PAIRS.some((p) => p.corporate === e.domain));
    expect(unused.map((e) => e.domain)).toEqual([]);
  });

  it('every conflict resolved towards the organisation is professional end to end; listed trap corporates are excepted', () => {
    for (const c of report.conflicts.filter((x) => x.kind === 'corporate-exception-listed' || x.kind === 'trap-corporate-listed')) {
      expect(classify(`jean.dupont@${c.domain}`, { date: '2026-11-28' }).audience, c.domain).toBe('professional');
    }
    expect(report.conflicts.filter((x) => x.kind === 'trap-corporate-listed').map((x) => x.domain).sort()).toEqual(['bt.com', 'cox.com', 'virginmedia.co.uk']);
  });

  it('a consumer portal that a disposable list files wrongly is a consumer webmail (free-mail), not disposable', () => {
    for (const c of report.conflicts.filter((x) => x.kind === 'supplement-on-disposable-list')) {
      expect(classify(`jean.dupont@${c.domain}`, { date: '2026-11-28' }).flags, c.domain).toEqual(['free-mail']);
    }
  });
});
