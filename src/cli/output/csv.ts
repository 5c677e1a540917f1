/**
 * CSV: the input's own columns, as they were, then the verdict — audience, regime, jurisdiction,
 * flags, reason — in --lang's words. When a row can give several addresses (several address columns,
 * Google's " ::: ", a vCard), one line per address, with `row`, `column` and `address` before the
 * verdict.
 *
 * Same delimiter and encoding family as the input, so that a double-click opens it in columns: a
 * French Excel ";" file (Windows-1252 or UTF-8) gets ";" and UTF-8 with a BOM back (Excel reads the
 * BOM; the verdict's words need more than Windows-1252); "Unicode text" (UTF-16, tab) gets UTF-16LE
 * with a BOM and tabs; a plain UTF-8 file stays plain UTF-8. A spreadsheet or vCard gets the
 * delimiter French (";") or English (",") Excel expects, with a BOM.
 */
import type { CliResult, Entry, Item } from '../audit';
import { mainReason, strictness } from '../audit';
import { reasonTexts } from '../reason-text';
import { MESSAGES } from '../i18n';
import type { ByteWriter } from '../io';
import { csvCell } from '../source/csv';
import type { Encoding } from '../source/text';
import type { OutputContext, Writer } from './context';

export interface CsvShape {
  delimiter: string;
  encoding: Encoding;
  bom: boolean;
  newline: string;
}

export function csvShape(ctx: OutputContext): CsvShape {
  const excelDelimiter = ctx.lang === 'fr' ? ';' : ',';
  if (ctx.kind === 'sheet' || ctx.kind === 'vcard') return { delimiter: excelDelimiter, encoding: 'utf-8', bom: true, newline: '\r\n' };
  const delimiter = ctx.delimiter ?? excelDelimiter;
  if (ctx.encoding === 'utf-16le' || ctx.encoding === 'utf-16be') return { delimiter, encoding: ctx.encoding, bom: true, newline: ctx.newline };
  const excel = ctx.bom || ctx.encoding === 'windows-1252' || delimiter === ';';
  return { delimiter, encoding: 'utf-8', bom: excel, newline: ctx.newline };
}

/** A cell a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading quote. */
export function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? "'" + v : v;
}

export function csvWriter(ctx: OutputContext, w: ByteWriter, shape: CsvShape = csvShape(ctx)): Writer {
  const M = MESSAGES[ctx.lang];
  const d = shape.delimiter;
  const nl = shape.newline;
  const sameDelimiter = (ctx.kind === 'csv' || ctx.kind === 'lines') && ctx.delimiter === d;
  if (shape.bom) w.bom();

  const own: string[] = ctx.header
    ? Array.from({ length: ctx.width }, (_, i) => ctx.header![i] ?? '')
    : Array.from({ length: ctx.width }, (_, i) => (ctx.addressColumns.includes(i) ? M.csvCol.email : ''));
  const C = M.csvCol;
  const added = [...(ctx.multi ? [C.row, C.column, C.address] : []), C.audience, C.regime, C.jurisdiction, C.flags, C.reason];
  w.push([...own, ...added].map((c) => csvCell(c, d)).join(d) + nl);

  // The verdict cells, built once per reason and verdict: rows share a handful of them, and a row
  // only needs comparing its audience, regime, country and flags with the few seen with its reason.
  interface Cached {
    audience: string;
    regime: string | null;
    jurisdiction: string;
    flags: readonly string[];
    prefix: string;
    /** The verdict cells and the line end, encoded. */
    bytes: Uint8Array;
  }
  const suffixCache = new Map<object | undefined, Cached[]>();
  const explain = reasonTexts(ctx.lang);
  const sameFlags = (a: readonly string[], b: readonly string[]) => {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  const encode = (text: string): Uint8Array =>
    shape.encoding === 'utf-16le' ? Buffer.from(text, 'utf16le') : shape.encoding === 'utf-16be' ? Buffer.from(text, 'utf16le').swap16() : Buffer.from(text, 'utf8');
  /** `d` + the verdict cells + the line end, as bytes. */
  const verdict = (r: CliResult, prefix = ''): Uint8Array => {
    const reason = mainReason(r, ctx.defaultJurisdiction);
    let list = suffixCache.get(reason);
    if (list === undefined) {
      if (suffixCache.size > 10_000) suffixCache.clear();
      list = [];
      suffixCache.set(reason, list);
    }
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      if (c.audience === r.audience && c.regime === r.regime && c.jurisdiction === r.jurisdiction && c.prefix === prefix && sameFlags(c.flags, r.flags)) return c.bytes;
    }
    const t = explain(r);
    const text = t.notes.length ? `${t.main} ${t.notes.join(' ')}` : t.main;
    const cells = [
      M.audience[r.audience] ?? r.audience,
      r.regime ? (M.regime[r.regime] ?? r.regime) : '',
      r.jurisdiction,
      r.flags.map((f) => M.flags[f] ?? f).join(', '),
      prefix + text,
    ]
      .map((c) => csvCell(c, d))
      .join(d);
    const bytes = encode(d + cells + nl);
    if (list.length > 64) list.length = 0;
    list.push({ audience: r.audience, regime: r.regime, jurisdiction: r.jurisdiction, flags: r.flags.slice(), prefix, bytes });
    return bytes;
  };

  const base = (it: Item): string => {
    let b: string;
    let n: number;
    if (it.raw !== null && sameDelimiter) {
      b = it.raw;
      n = ctx.width > 1 ? it.count : 1;
    } else {
      b = it.cells.map((c) => csvCell(c, d)).join(d);
      n = it.cells.length;
    }
    return n < ctx.width ? b + d.repeat(ctx.width - n) : b;
  };
  const addressOf = (e: Entry) => e.result.email ?? e.result.input;

  return {
    items(items) {
      for (const it of items) {
        const b = base(it);
        if (ctx.multi) {
          for (const e of it.entries) {
            w.push(b + d + it.row + d + csvCell(safeCell(e.column), d) + d + csvCell(safeCell(addressOf(e)), d));
            w.pushBytes(verdict(e.result));
          }
        } else if (it.entries.length === 1) {
          w.push(b);
          w.pushBytes(verdict(it.entries[0]!.result));
        } else {
          // A cell with several addresses further down than the sample showed: one line for the row,
          // with the strictest verdict and the address it is about.
          let worst = it.entries[0]!;
          for (const e of it.entries) if (strictness(e.result) < strictness(worst.result)) worst = e;
          const others = it.entries.length - 1;
          const prefix = `${safeCell(addressOf(worst))} (+${others}): `;
          w.push(b);
          w.pushBytes(verdict(worst.result, prefix));
        }
      }
    },
    end() {},
  };
}
