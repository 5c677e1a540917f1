/**
 * Every legal source the engine cites reads in the reader's language: the French rendering carries no English
 * commentary, the English one no French commentary, neither a path of the project. The sources are found by walking
 * every catalogue (the rules' public API, the catalogues' own modules, the CLI's own reasons), not listed by hand.
 */
import { describe, expect, it } from 'vitest';
import { SUPPRESSED_REASON } from '../cli/audit';
import * as api from './index';
import { englishIn, FILE_PATH, frenchIn } from './language-test-support';
import * as person from './linkedin/person';
import * as mailboxReasons from './mailbox-reasons';
import * as messageReasons from './message/reasons';
import { citation } from './reasons';
import * as reasons from './reasons';
import * as regime from './regime';
import type { Reason, Source } from './types';
import { shortCitation } from './wording';

const isSource = (x: object): x is Source => 'ref' in x && 'confidence' in x && ['P', 'S', 'NC'].includes((x as Source).confidence);

/** Every Source object reachable from `roots` (plain objects, arrays, maps; functions are not called). */
function sourcesIn(roots: readonly unknown[]): Source[] {
  const seen = new Set<object>();
  const out = new Set<Source>();
  const walk = (x: unknown): void => {
    if (x === null || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (isSource(x)) out.add(x);
    if (x instanceof Map) for (const [k, v] of x) (walk(k), walk(v));
    else if (x instanceof Set) for (const v of x) walk(v);
    else if (Array.isArray(x)) for (const v of x) walk(v);
    else for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k]);
  };
  for (const r of roots) walk(r);
  return [...out];
}

/** Every Reason object reachable from `roots`. */
function reasonsIn(roots: readonly unknown[]): Reason[] {
  const seen = new Set<object>();
  const out: Reason[] = [];
  const walk = (x: unknown): void => {
    if (x === null || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if ('id' in x && 'fr' in x && 'en' in x && typeof (x as Reason).fr === 'string') out.push(x as Reason);
    if (x instanceof Map) for (const [k, v] of x) (walk(k), walk(v));
    else if (Array.isArray(x)) for (const v of x) walk(v);
    else for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k]);
  };
  for (const r of roots) walk(r);
  return out;
}

const CATALOGUES = [
  { ...api },
  { ...reasons },
  { ...mailboxReasons },
  { ...person },
  { ...messageReasons },
  { ...regime },
  api.RULES.map((r) => api.ruleReason(r)),
  api.staticReasons(),
  SUPPRESSED_REASON,
];
// the reasons carry copies of their sources: one of each
const SOURCES = [...new Map(sourcesIn(CATALOGUES).map((s) => [JSON.stringify(s), s])).values()];
const REF = (s: Source) => JSON.stringify(s.ref);

/** The renderings of a source people read in `lang`: the reasons' citation and the titles' short one. */
const renderings = (s: Source, lang: 'fr' | 'en') => [citation(s, lang), shortCitation(s, lang)];

describe('the sources, in the reader’s language', () => {
  it('finds every catalogue’s sources (the walk is not empty)', () => {
    const refs = new Set(SOURCES.map(REF));
    expect(refs.size).toBeGreaterThanOrEqual(50);
    // one from each catalogue
    for (const s of [reasons.SOURCES.cpceL34_5, mailboxReasons.MAILBOX_SOURCES.studentFormats, person.PERSON_SOURCES.soleTrader, messageReasons.MESSAGE_SOURCES.contactSource, SUPPRESSED_REASON.source!, regime.PHONE_CANVASSING_LIMITS.source])
      expect(SOURCES.map((x) => JSON.stringify(x))).toContain(JSON.stringify(s));
  });

  it.each(SOURCES.map((s) => [REF(s), s] as const))('French without English, English without French: %s', (_, s) => {
    for (const text of renderings(s, 'fr')) {
      expect(englishIn(text), text).toEqual([]);
      expect(text).not.toMatch(FILE_PATH);
    }
    for (const text of renderings(s, 'en')) {
      expect(frenchIn(text), text).toEqual([]);
      expect(text).not.toMatch(FILE_PATH);
    }
  });

  it('every reason’s citation, French and English', () => {
    const all = reasonsIn(CATALOGUES).filter((r) => r.source);
    expect(all.length).toBeGreaterThan(100);
    for (const r of all) {
      const fr = r.fr.slice(r.fr.lastIndexOf(' (source : '));
      const en = r.en.slice(r.en.lastIndexOf(' (source: '));
      expect(fr.startsWith(' (source : '), r.fr).toBe(true);
      expect(en.startsWith(' (source: '), r.en).toBe(true);
      expect(englishIn(fr), `${r.id}: ${fr}`).toEqual([]);
      expect(frenchIn(en), `${r.id}: ${en}`).toEqual([]);
      expect(`${r.fr} ${r.en}`, r.id).not.toMatch(FILE_PATH);
    }
  });

  it('the sole trader at a webmail address: French commentary in French, English in English', () => {
    const [r] = api.classify('jean.dupont@gmail.com').reasons.filter((x) => x.id === 'sole-trader-webmail');
    expect(r!.fr).not.toMatch(/any natural person|no CNIL position|webmail/);
    expect(r!.fr).toContain('(source : CPCE art. L34-5 (la CNIL ne s’est pas prononcée sur les entrepreneurs individuels à une adresse de messagerie grand public) — non confirmé)');
    expect(r!.en).toContain('(source: CPCE art. L34-5 (no CNIL position on sole traders at a consumer webmail address) — not confirmed)');
    expect(r!.en).not.toMatch(/toute personne physique|ne s’est pas prononcée/);
  });
});
