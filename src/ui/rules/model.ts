/**
 * The rules page's content, computed from the rules data (src/rules/regime.ts), never retyped: a matrix per
 * jurisdiction (channel × recipient type, each cell the rows that apply with their dates and source), the dated
 * changes (a row that ends the day before another starts), the bans by topic, and the rows that hold everywhere.
 * A jurisdiction, channel or audience added to the data appears here by itself.
 */
import { ALL_CHANNELS, JURISDICTIONS, RULES, type RegimeRule, type RuleAudience } from '../../rules/regime';
import type { Channel, Jurisdiction } from '../../rules/types';

export const MATRIX_AUDIENCES: readonly RuleAudience[] = ['private', 'professional', 'organization'];

export interface MatrixRow {
  channel: Channel;
  /** Per audience: the rows in force at some date, earliest first; empty when the data has none (the fallback applies). */
  cells: Record<string, RegimeRule[]>;
}

export interface JurisdictionView {
  code: Jurisdiction;
  audiences: RuleAudience[];
  rows: MatrixRow[];
  /** Every row of this jurisdiction, topic rows included, in data order (for the details). */
  rules: RegimeRule[];
}

export interface DatedChange {
  jurisdiction: Jurisdiction;
  channel: Channel;
  audience: RuleAudience;
  /** The first day of the new row. */
  date: string;
  before: RegimeRule;
  after: RegimeRule;
}

export interface RulesView {
  jurisdictions: JurisdictionView[];
  changes: DatedChange[];
  bans: RegimeRule[];
  /** Rows that hold in every jurisdiction (internal mail, the fallback). */
  general: RegimeRule[];
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function inOrder<T>(known: readonly T[], seen: Iterable<T>): T[] {
  const s = new Set(seen);
  return [...known.filter((k) => s.has(k)), ...[...s].filter((x) => !known.includes(x))];
}

export function rulesView(rules: readonly RegimeRule[] = RULES, jurisdictions: readonly Jurisdiction[] = JURISDICTIONS): RulesView {
  const byJurisdiction = new Map<Jurisdiction, RegimeRule[]>();
  const general: RegimeRule[] = [];
  for (const r of rules) {
    if (r.jurisdiction === '*') {
      general.push(r);
      continue;
    }
    const list = byJurisdiction.get(r.jurisdiction) ?? [];
    list.push(r);
    byJurisdiction.set(r.jurisdiction, list);
  }
  // Data order first (France leads the data), then any known jurisdiction the data has no row for.
  const codes = [...byJurisdiction.keys(), ...jurisdictions.filter((j) => !byJurisdiction.has(j))];

  const views: JurisdictionView[] = codes.map((code) => {
    const own = byJurisdiction.get(code) ?? [];
    const plain = own.filter((r) => r.topic === undefined);
    const audiences = inOrder(
      MATRIX_AUDIENCES,
      plain.flatMap((r) => r.audiences).filter((a) => a !== 'internal'),
    );
    const channels = inOrder(ALL_CHANNELS, plain.flatMap((r) => r.channels));
    const rows = channels.map((channel) => {
      const cells: Record<string, RegimeRule[]> = {};
      for (const a of audiences.length ? audiences : MATRIX_AUDIENCES) {
        cells[a] = plain
          .filter((r) => r.channels.includes(channel) && r.audiences.includes(a))
          .sort((x, y) => (x.from ?? '').localeCompare(y.from ?? ''));
      }
      return { channel, cells };
    });
    return { code, audiences: audiences.length ? audiences : [...MATRIX_AUDIENCES], rows, rules: own };
  });

  const changes: DatedChange[] = [];
  for (const v of views) {
    for (const row of v.rows) {
      for (const a of v.audiences) {
        const cell = row.cells[a] ?? [];
        for (const after of cell) {
          if (!after.from) continue;
          const before = cell.find((r) => r.until === dayBefore(after.from!));
          if (before) changes.push({ jurisdiction: v.code, channel: row.channel, audience: a, date: after.from, before, after });
        }
      }
    }
  }
  changes.sort((x, y) => x.date.localeCompare(y.date));

  return { jurisdictions: views, changes, bans: rules.filter((r) => r.regime === 'banned'), general };
}

/** Anchor id of a rule's details on the page. */
export function ruleAnchor(r: RegimeRule): string {
  return `rule-${r.id}`;
}
