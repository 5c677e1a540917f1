/**
 * The reason the table and the CSV give for a verdict, in one language: why the address is what it is
 * (the audience reason), then what follows and under which law — from the rules' wording policy
 * (src/rules/wording.ts, the overlay's words): "Messagerie grand public … : adresse d'un particulier.
 * Consentement requis (CPCE art. L34-5)." — and its notes (a country whose law is not covered …).
 * A suppressed address says so first. Cached per verdict: rows share a handful of them.
 */
import type { RecipientResult } from '../rules/types';
import { shortCitation } from '../rules/citation';
import { recipientWording } from '../rules/wording';
import type { CliResult } from './audit';
import type { Lang } from './i18n';

function capitalize(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}

export interface ReasonText {
  /** Why the address is what it is, what follows and under which law. */
  main: string;
  /** The wording's notes (a country whose law is not covered, the sole-trader reading …). */
  notes: readonly string[];
}

/** The text, uncached. */
export function reasonText(r: CliResult, lang: Lang): ReasonText {
  const first = r.reasons[0];
  const text = (x: typeof first) => (x ? (lang === 'fr' ? x.fr : x.en) || x.en || x.id : '');
  if (r.flags.includes('suppressed')) return { main: text(first), notes: [] };
  if (r.audience === 'invalid' || r.regime === null || r.ruleId === undefined) return { main: text(first), notes: [] };
  const w = recipientWording(r as unknown as RecipientResult, lang);
  let s = text(first);
  if (r.regime !== 'internal' && w.verdict !== 'internal') {
    // the audience reason may already cite the law (French rules): cite the rule only when it does not
    const cite = w.source && !first?.source ? ` (${shortCitation(w.source, lang)})` : '';
    s += `${s && /[\p{L}\p{N}]$/u.test(s) ? '.' : ''} ${capitalize(w.verdictLabel)}${cite}.`;
  }
  return { main: s.trim(), notes: w.notes };
}

interface Cached {
  audience: string;
  regime: string | null;
  jurisdiction: string;
  ruleId: string | undefined;
  flags: readonly string[];
  text: ReasonText;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** reasonText, remembered per first reason object and verdict fields. */
export function reasonTexts(lang: Lang): (r: CliResult) => ReasonText {
  const cache = new Map<object | undefined, Cached[]>();
  return (r) => {
    const key = r.reasons[0];
    let list = cache.get(key);
    if (list === undefined) {
      if (cache.size > 10_000) cache.clear();
      list = [];
      cache.set(key, list);
    }
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      if (c.audience === r.audience && c.regime === r.regime && c.jurisdiction === r.jurisdiction && c.ruleId === r.ruleId && sameList(c.flags, r.flags)) return c.text;
    }
    const text = reasonText(r, lang);
    if (list.length > 64) list.length = 0;
    list.push({ audience: r.audience, regime: r.regime, jurisdiction: r.jurisdiction, ruleId: r.ruleId, flags: r.flags.slice(), text });
    return text;
  };
}
