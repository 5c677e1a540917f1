/**
 * The table for a person at a terminal: row, address, contact (when the input names people or
 * companies), audience, regime, law and the main reason, in --lang's words, then the totals.
 *
 * It fits the terminal's width (COLUMNS, else 80 when not a terminal): column widths are set on the
 * first rows, long cells wrap onto more lines — at spaces, never inside a word (an address breaks
 * only after "@", "." or "-"); when the reason has no room as a column it goes on its own lines under
 * the row. French typography: no break before ":" ";" "!" "?" "»" or after "«".
 */
import type { CliResult, Item, Summary } from '../audit';
import { AUDIENCES, REGIMES } from '../audit';
import { reasonTexts } from '../reason-text';
import { formatCount, labelled, MESSAGES, quoteList, type Lang } from '../i18n';
import type { ByteWriter } from '../io';
import type { OutputContext, Writer } from './context';

// C0/C1 controls and bidi overrides would corrupt (or spoof) the terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function clean(s: string): string {
  return s.replace(UNSAFE, ' ');
}

/** Display width in code points (combining accents take none; no East-Asian width tables). */
export function width(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its high half
    if (c >= 0x300 && c <= 0x36f) continue;
    n++;
  }
  return n;
}

function pad(s: string, w: number): string {
  const d = w - width(s);
  return d > 0 ? s + ' '.repeat(d) : s;
}

/** French: the spaces that typography forbids breaking become no-break spaces. */
function glue(text: string, lang: Lang): string {
  if (lang !== 'fr') return text;
  return text.replace(/ ([:;!?»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

/** Cuts a word longer than the width after "@", "." "-" "/" or "_" when it can, else where it must. */
function breakWord(word: string, w: number): string[] {
  const out: string[] = [];
  let rest = word;
  while (width(rest) > w) {
    const cps = Array.from(rest);
    let cut = -1;
    for (let i = Math.min(w, cps.length) - 1; i > 0; i--) {
      if ('@.-/_'.includes(cps[i - 1]!)) {
        cut = i;
        break;
      }
    }
    if (cut <= 0) cut = w;
    out.push(cps.slice(0, cut).join(''));
    rest = cps.slice(cut).join('');
  }
  if (rest) out.push(rest);
  return out;
}

/** Greedy wrap at spaces; a line never holds part of a word unless the word alone is wider than the column. */
export function wrap(text: string, w: number): string[] {
  if (w <= 0) return [text];
  const words = text.split(/ +/).filter((x) => x !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const ww = width(word);
    if (line === '') {
      if (ww <= w) line = word;
      else {
        const parts = breakWord(word, w);
        lines.push(...parts.slice(0, -1));
        line = parts[parts.length - 1]!;
      }
    } else if (width(line) + 1 + ww <= w) {
      line += ' ' + word;
    } else {
      lines.push(line);
      if (ww <= w) line = word;
      else {
        const parts = breakWord(word, w);
        lines.push(...parts.slice(0, -1));
        line = parts[parts.length - 1]!;
      }
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

const GAP = 2;

/** Entries a table's memo holds before it starts again (rows share a handful of verdicts). */
const MEMO_SIZE = 1000;

/** f(key), remembered: the same reason text is cleaned, glued and wrapped once, not once per row. */
function memo<T>(f: (key: string) => T): (key: string) => T {
  const m = new Map<string, T>();
  return (key) => {
    let v = m.get(key);
    if (v === undefined) {
      if (m.size >= MEMO_SIZE) m.clear();
      v = f(key);
      m.set(key, v);
    }
    return v;
  };
}
const SAMPLE = 200;
const REASON_MIN = 28;

interface Cells {
  row: string;
  address: string;
  contact: string;
  audience: string;
  regime: string;
  law: string;
  reason: string;
}

export function tableWriter(ctx: OutputContext, w: ByteWriter, estimatedRows?: number): Writer {
  const lang = ctx.lang;
  const M = MESSAGES[lang];
  const total = Math.max(40, ctx.columns);
  const pending: Cells[] = [];
  let layout: { widths: number[]; keys: (keyof Cells)[]; stacked: boolean; indent: number } | null = null;

  const explain = reasonTexts(lang);
  // A note (the sole-trader reading, a country whose law is not covered …) is shown the first time only.
  const shownNotes = new Set<string>();
  const cellsOf = (it: Item, r: CliResult): Cells => {
    const t = explain(r);
    let text = t.main;
    for (const n of t.notes) {
      if (shownNotes.has(n)) continue;
      if (shownNotes.size < 100) shownNotes.add(n);
      text += ` ${n}`;
    }
    const address = r.email ?? r.input;
    return {
      row: String(it.row),
      address: clean(address === '' ? (lang === 'fr' ? '(vide)' : '(empty)') : address),
      contact: clean(it.contact || r.name || ''),
      audience: M.audience[r.audience] ?? r.audience,
      regime: r.regime ? (M.regime[r.regime] ?? r.regime) : '—',
      law: r.jurisdiction,
      reason: reasonCell(text),
    };
  };
  const reasonCell = memo((text) => glue(clean(text), lang));

  const decide = (): void => {
    const keys: (keyof Cells)[] = ['row', 'address', ...(ctx.hasContact ? (['contact'] as const) : []), 'audience', 'regime', 'law'];
    const head: Cells = { row: M.col.row, address: M.col.address, contact: M.col.contact, audience: M.col.audience, regime: M.col.regime, law: M.col.law, reason: M.col.reason };
    const natural = (k: keyof Cells, cap: number) => Math.min(cap, Math.max(width(head[k]), ...pending.map((c) => width(c[k]))));
    const maxRow = Math.max(0, estimatedRows ?? 0, ...pending.map((c) => Number(c.row)));
    const widths: Record<keyof Cells, number> = {
      row: Math.max(width(head.row), String(maxRow).length),
      address: natural('address', 40),
      contact: natural('contact', 28),
      // every label, not only those seen: the column never has to grow
      audience: Math.max(width(head.audience), ...AUDIENCES.map((a) => width(M.audience[a]))),
      regime: Math.max(width(head.regime), ...REGIMES.map((g) => width(M.regime[g])), 1),
      law: Math.max(width(head.law), 2),
      reason: 0,
    };
    const used = () => keys.reduce((s, k) => s + widths[k], 0) + GAP * keys.length; // with the gap before the reason
    let reasonW = total - used();
    if (reasonW < REASON_MIN) {
      widths.contact = Math.min(widths.contact, Math.max(12, width(head.contact)));
      widths.address = Math.min(widths.address, 24);
      reasonW = total - used();
    }
    let stacked = false;
    if (reasonW < REASON_MIN) {
      stacked = true;
      // Without the reason column: give the address what is left, within reason.
      const others = keys.filter((k) => k !== 'address').reduce((s, k) => s + widths[k], 0) + GAP * (keys.length - 1);
      widths.address = Math.max(12, Math.min(natural('address', 40), total - others));
      if (ctx.hasContact && others + widths.address > total) widths.contact = Math.max(8, widths.contact - (others + widths.address - total));
      // What is left goes to the contact, then the address, up to what they need.
      let spare = total - (keys.reduce((s, k) => s + widths[k], 0) + GAP * (keys.length - 1));
      if (ctx.hasContact && spare > 0) {
        const more = Math.min(spare, natural('contact', 28) - widths.contact);
        if (more > 0) {
          widths.contact += more;
          spare -= more;
        }
      }
      if (spare > 0) widths.address += Math.max(0, Math.min(spare, natural('address', 40) - widths.address));
    } else {
      widths.reason = reasonW;
    }
    const allKeys = stacked ? keys : [...keys, 'reason' as const];
    layout = { widths: allKeys.map((k) => widths[k]), keys: allKeys, stacked, indent: widths.row + GAP };
    writeRow(head, true);
    const rule: Cells = { row: '', address: '', contact: '', audience: '', regime: '', law: '', reason: '' };
    allKeys.forEach((k, i) => (rule[k] = '-'.repeat(k === 'reason' ? Math.min(layout!.widths[i]!, width(head.reason)) : layout!.widths[i]!)));
    writeRow(rule, true);
    for (const c of pending) writeRow(c, false);
    pending.length = 0;
  };

  // The verdict's columns hold a handful of distinct texts: each is wrapped once (the widths are set
  // once, by decide()). The row's own cells (row, address, contact) are wrapped every time.
  let wrapped: Partial<Record<keyof Cells, (text: string) => string[]>> | null = null;
  let underRow: ((text: string) => string) | null = null;
  const writeRow = (c: Cells, isHead: boolean): void => {
    const L = layout!;
    if (wrapped === null) {
      wrapped = {};
      L.keys.forEach((k, i) => {
        if (k === 'audience' || k === 'regime' || k === 'law' || k === 'reason') wrapped![k] = memo((text) => wrap(text, L.widths[i]!));
      });
      underRow = memo((text) => wrap(text, total - L.indent).map((l) => ' '.repeat(L.indent) + l + '\n').join(''));
    }
    const columns = L.keys.map((k, i) => {
      if (k === 'address') return wrap(c[k], L.widths[i]!).flatMap((l) => breakWord(l, L.widths[i]!));
      const f = wrapped![k];
      return f ? f(c[k]) : wrap(c[k], L.widths[i]!);
    });
    const height = Math.max(...columns.map((x) => x.length));
    for (let line = 0; line < height; line++) {
      let s = '';
      L.keys.forEach((k, i) => {
        const v = columns[i]![line] ?? '';
        const cell = k === 'row' ? v.padStart(L.widths[i]!) : pad(v, L.widths[i]!);
        s += (i ? ' '.repeat(GAP) : '') + cell;
      });
      w.push(s.trimEnd() + '\n');
    }
    if (L.stacked && !isHead && c.reason) {
      w.push(underRow!(c.reason));
    }
  };

  return {
    items(items) {
      for (const it of items) {
        for (const e of it.entries) {
          const c = cellsOf(it, e.result);
          if (layout) writeRow(c, false);
          else {
            pending.push(c);
            if (pending.length >= SAMPLE) decide();
          }
        }
      }
    },
    end(summary: Summary) {
      if (!layout) decide();
      const n = (x: number) => formatCount(x, lang);
      const lines: string[] = [''];
      lines.push(labelled(M.total, n(summary.addresses), lang));
      lines.push(...wrap(labelled(M.rowsLabel, n(summary.rows), lang), total));
      if (summary.columns.length) lines.push(...wrap(glue(labelled(M.columnsLabel, quoteList(summary.columns, lang), lang), lang), total));
      if (summary.suppressed) lines.push(labelled(M.suppressedLabel, n(summary.suppressed), lang));
      const aud = AUDIENCES.map((a) => [M.audience[a], summary.audience[a] ?? 0] as const);
      const reg = [...REGIMES.map((g) => [M.regime[g], summary.regime[g] ?? 0] as const), [M.none, summary.regime.none ?? 0] as const];
      const lw = Math.max(...[...aud, ...reg].map(([l]) => width(l)));
      const nw = Math.max(...[...aud, ...reg].map(([, x]) => n(x).length));
      const block = (title: string, rows: readonly (readonly [string, number])[]) => [title, ...rows.map(([l, x]) => `  ${pad(l, lw)}  ${n(x).padStart(nw)}`)];
      lines.push('', ...block(M.byAudience, aud), '', ...block(M.byRegime, reg));
      w.push(lines.join('\n') + '\n');
    },
  };
}
