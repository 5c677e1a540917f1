/**
 * The table for a person at a terminal: row, address, contact (when the input names people or
 * companies), audience, regime, law and the main reason, in --lang's words, then the totals.
 *
 * It fits the terminal's width (COLUMNS, else 80 when not a terminal): column widths are set on the
 * first rows (the row number's on the rows the input should hold; a number is never cut), long cells
 * wrap onto more lines — at spaces, never inside a word (an address breaks only after "@", "." or
 * "-"); when the reason has no room as a column it goes on its own lines under the row. French typography: no break before ":" ";" "!" "?" "»" or after "«".
 */
import type { CliResult, Item, Summary } from '../audit';
import { AUDIENCES, REGIMES } from '../audit';
import { reasonTexts } from '../reason-text';
import { formatCount, labelled, MESSAGES, quoteList, type Lang } from '../i18n';
import type { ByteWriter } from '../io';
import type { OutputContext, Writer } from './context';

// C0/C1 controls and bidi overrides would corrupt (or spoof) the terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One of UNSAFE's characters. */
function unsafe(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200e && c <= 0x2069 && (c <= 0x200f || (c >= 0x202a && c <= 0x202e) || c >= 0x2066));
}

export function clean(s: string): string {
  // most cells hold none: a scan is cheaper than the replace
  for (let i = 0; i < s.length; i++) if (unsafe(s.charCodeAt(i))) return s.replace(UNSAFE, ' ');
  return s;
}

/** Display width in code points (combining accents take none; no East-Asian width tables). */
export function width(s: string): number {
  return widthOf(s, 0, s.length);
}

/** width(s.slice(start, end)), without the slice. */
function widthOf(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its high half
    if (c >= 0x300 && c <= 0x36f) continue;
    n++;
  }
  return n;
}

/** Runs of spaces, made once: the table pads every cell. */
const SPACES: string[] = [''];
function spaces(n: number): string {
  while (SPACES.length <= n) SPACES.push(SPACES[SPACES.length - 1] + ' ');
  return SPACES[n]!;
}

function pad(s: string, w: number): string {
  const d = w - width(s);
  return d > 0 ? s + spaces(d) : s;
}

/** French: the spaces that typography forbids breaking become no-break spaces. */
function glue(text: string, lang: Lang): string {
  if (lang !== 'fr') return text;
  return text.replace(/ ([:;!?»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}

/** Cuts a word longer than the width after "@", "." "-" "/" or "_" when it can, else where it must. */
function breakWord(word: string, w: number): string[] {
  if (width(word) <= w) return word === '' ? [] : [word];
  // Counted in code points; without surrogates those are the string's own units (no array to build).
  if (/[\ud800-\udfff]/.test(word)) return breakCodePoints(word, w);
  const out: string[] = [];
  let rest = word;
  while (width(rest) > w) {
    let cut = -1;
    for (let i = Math.min(w, rest.length) - 1; i > 0; i--) {
      const c = rest.charCodeAt(i - 1);
      if (c === 64 || c === 46 || c === 45 || c === 47 || c === 95) {
        cut = i;
        break;
      }
    }
    if (cut <= 0) cut = w;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
  return out;
}

function breakCodePoints(word: string, w: number): string[] {
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
  const lines: string[] = [];
  let line = '';
  let lineW = 0; // width(line), kept as the line grows: a width is the sum of its parts'
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (text.charCodeAt(i) === 32) {
      i++;
      continue;
    }
    // the next word (up to a space), and its width as width() counts it
    let j = i;
    let ww = 0;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 32) break;
      if ((c < 0x300 || c > 0x36f) && (c < 0xdc00 || c > 0xdfff)) ww++;
    }
    const word = text.slice(i, j);
    i = j;
    if (line !== '' && lineW + 1 + ww <= w) {
      line += ' ' + word;
      lineW += 1 + ww;
      continue;
    }
    if (line !== '') lines.push(line);
    if (ww <= w) {
      line = word;
      lineW = ww;
    } else {
      const parts = breakWord(word, w);
      lines.push(...parts.slice(0, -1));
      line = parts[parts.length - 1]!;
      lineW = width(line);
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** What trimEnd() would take off the end of a line (JavaScript's white space), or a control character. */
function trimmable(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * wrap(s, w)'s lines as [start, end, width] triples of s itself (written to `out`), for the strings
 * whose lines are pieces of them: no surrogate, no space at either end, no two spaces in a row, and
 * nothing clean() would replace (so that they are also clean(s)'s lines). Returns
 * the number of lines, or -1 for any other string or when `out` has no room for them all (wrap it
 * instead). The table writes such lines straight from the cell, without making them.
 */
export function wrapRanges(s: string, w: number, out: Int32Array): number {
  const n = s.length;
  const room = out.length - (out.length % 3);
  if (w <= 0 || room === 0) return -1;
  if (n === 0) {
    out[0] = out[1] = out[2] = 0;
    return 1;
  }
  if (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return -1;
  let o = 0; // triples written × 3
  let lineStart = -1;
  let lineEnd = 0;
  let lineW = 0;
  let i = 0;
  while (i < n) {
    // the word [i, j) and its width
    let j = i;
    let ww = 0;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c > 0x20 && c < 0x7f) {
        ww++; // printable ASCII: most of a cell
        continue;
      }
      if (c === 32) break;
      if ((c >= 0xd800 && c <= 0xdfff) || unsafe(c)) return -1;
      if (c < 0x300 || c > 0x36f) ww++;
    }
    if (lineStart >= 0 && lineW + 1 + ww <= w) {
      lineEnd = j;
      lineW += 1 + ww;
    } else {
      if (lineStart >= 0) {
        if (o === room) return -1;
        out[o++] = lineStart;
        out[o++] = lineEnd;
        out[o++] = lineW;
      }
      let p = i;
      // breakWord's cuts, for a word wider than the column; its last piece starts the line
      while (ww > w) {
        let cut = -1;
        for (let k = Math.min(w, j - p) - 1; k > 0; k--) {
          const c = s.charCodeAt(p + k - 1);
          if (c === 64 || c === 46 || c === 45 || c === 47 || c === 95) {
            cut = k;
            break;
          }
        }
        if (cut <= 0) cut = w;
        const pw = widthOf(s, p, p + cut);
        if (o === room) return -1;
        out[o++] = p;
        out[o++] = p + cut;
        out[o++] = pw;
        p += cut;
        ww -= pw;
      }
      lineStart = p;
      lineEnd = j;
      lineW = ww;
    }
    if (j === n) break;
    i = j + 1; // past the one space between two words
    if (s.charCodeAt(i) === 32) return -1;
  }
  if (o === room) return -1;
  out[o++] = lineStart;
  out[o++] = lineEnd;
  out[o++] = lineW;
  return o / 3;
}

const GAP = 2;
const SEP = ' '.repeat(GAP);

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

/**
 * `direct: false` makes every row's lines as strings, cell by cell (the reference the tests compare the
 * direct writing with).
 */
export function tableWriter(ctx: OutputContext, w: ByteWriter, estimatedRows?: number, { direct = w.encoding === 'utf-8' } = {}): Writer {
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
      // as they are: the direct writing takes only cells without what clean() replaces, writeText cleans
      // them (the same width: one character for one)
      address: address === '' ? (lang === 'fr' ? '(vide)' : '(empty)') : address,
      contact: it.contact || r.name || '',
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

  // A row is its own cells (row, address, contact: wrapped each time, usually one line that fits)
  // followed by the verdict's (audience, regime, law and the reason when it is a column). A list holds
  // a handful of verdicts: each one's padded lines are made once (tailOf), then every row reuses them.
  // The lines are those of the cell-by-cell layout: each cell padded to its column, GAP between, the
  // line's end trimmed.
  type Lines = readonly string[];
  /** The verdict's part of each line of a row, trimmed at its end ('' when blank), and its UTF-8. */
  interface Tail {
    lines: readonly string[];
    bytes: readonly Uint8Array[];
  }
  let tailOf: ((c: Cells) => Tail) | null = null;
  let underRow: ((text: string) => string) | null = null;
  let underRowBytes: ((text: string) => Uint8Array) | null = null;
  let own: { key: 'row' | 'address' | 'contact'; w: number; blank: string }[] = [];
  const setUp = (L: NonNullable<typeof layout>): void => {
    const first = L.keys.findIndex((k) => k !== 'row' && k !== 'address' && k !== 'contact');
    own = L.keys.slice(0, first).map((k, i) => ({ key: k as 'row' | 'address' | 'contact', w: L.widths[i]!, blank: spaces(L.widths[i]!) }));
    const verdictKeys = L.keys.slice(first);
    const verdictWidths = L.widths.slice(first);
    const wrapped = verdictKeys.map((_, i) => memo((text) => wrap(text, verdictWidths[i]!)));
    const make = (c: Cells): Tail => {
      const columns = verdictKeys.map((k, i) => wrapped[i]!(c[k]));
      const height = Math.max(...columns.map((x) => x.length));
      const out: string[] = [];
      for (let line = 0; line < height; line++) {
        let t = '';
        for (let i = 0; i < columns.length; i++) t += spaces(GAP) + pad(columns[i]![line] ?? '', verdictWidths[i]!);
        out.push(t.trimEnd()); // '' when the verdict has nothing on this line
      }
      return { lines: out, bytes: out.map((t) => Buffer.from(t, 'utf8')) };
    };
    // reason → audience → regime → law → lines: the labels are the same few strings, looked up as they are
    type Level<T> = Map<string, T>;
    let tails: Level<Level<Level<Level<Tail>>>> = new Map();
    tailOf = (c) => {
      let a = tails.get(c.reason);
      if (a === undefined) {
        if (tails.size >= MEMO_SIZE) tails = new Map();
        tails.set(c.reason, (a = new Map()));
      }
      let r = a.get(c.audience);
      if (r === undefined) a.set(c.audience, (r = new Map()));
      let l = r.get(c.regime);
      if (l === undefined) r.set(c.regime, (l = new Map()));
      let lines = l.get(c.law);
      if (lines === undefined) l.set(c.law, (lines = make(c)));
      return lines;
    };
    underRow = memo((text) => wrap(text, total - L.indent).map((l) => spaces(L.indent) + l + '\n').join(''));
    // Encoded once too: copied as bytes (the table is written in UTF-8).
    if (w.encoding === 'utf-8') underRowBytes = memo((text) => Buffer.from(underRow!(text), 'utf8'));
  };

  /** A row's own cell as lines padded to the column (the row number to the right). */
  const ownLines = (s: string, o: (typeof own)[number]): Lines => {
    const w = o.w;
    // A row number is never cut: one wider than its column (more rows than expected) pushes its line on.
    if (o.key === 'row') return [s.padStart(w)];
    // It fits as it is: nothing to wrap at (a space), and no wider than the column.
    if (s !== '' && s.length <= w ? s.indexOf(' ') < 0 || (s.indexOf('  ') < 0 && s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32) : s.indexOf(' ') < 0 && width(s) <= w) {
      return [pad(s, w)];
    }
    const lines = o.key === 'address' ? wrap(s, w).flatMap((l) => breakWord(l, w)) : wrap(s, w);
    for (let i = 0; i < lines.length; i++) lines[i] = pad(lines[i]!, w);
    return lines;
  };

  // The row's lines made as strings, cell by cell: the head, the rule, and any row the direct way
  // below does not take.
  const writeText = (c: Cells, tail: Tail): void => {
    const n = own.length;
    const mine: Lines[] = new Array(n);
    let height = tail.lines.length;
    for (let i = 0; i < n; i++) {
      const x = (mine[i] = ownLines(clean(c[own[i]!.key]), own[i]!));
      if (x.length > height) height = x.length;
    }
    let s = '';
    for (let line = 0; line < height; line++) {
      let head = '';
      for (let i = 0; i < n; i++) head += (i ? SEP : '') + (mine[i]![line] ?? own[i]!.blank);
      const t = line < tail.lines.length ? tail.lines[line]! : '';
      s += (t === '' ? head.trimEnd() : head + t) + '\n';
    }
    w.push(s);
  };

  // The same lines written straight into the output: the row's own cells (row number, address,
  // contact) from their strings through their line ranges, padding as spaces, the verdict's part as its
  // bytes. Declines (false, nothing written) a cell wrapRanges does not take or with a line ending in
  // something trimEnd() takes off.
  const addressLines = new Int32Array(3 * 64);
  const contactLines = new Int32Array(3 * 64);
  const lineEndsClean = (s: string, r: Int32Array, k: number): boolean => {
    for (let x = 1; x < 3 * k; x += 3) if (r[x]! > r[x - 1]! && trimmable(s.charCodeAt(r[x]! - 1))) return false;
    return true;
  };
  const writeDirect = (c: Cells, tail: Tail): boolean => {
    const wRow = own[0]!.w;
    const wAddr = own[1]!.w;
    const wContact = own.length > 2 ? own[2]!.w : 0;
    const row = c.row;
    const a = c.address;
    const ka = wrapRanges(a, wAddr, addressLines);
    if (ka < 0 || !lineEndsClean(a, addressLines, ka)) return false;
    const ct = c.contact;
    let kc = 0;
    if (wContact) {
      kc = wrapRanges(ct, wContact, contactLines);
      if (kc < 0 || !lineEndsClean(ct, contactLines, kc)) return false;
    }
    const kt = tail.lines.length;
    const height = Math.max(kt, ka, kc);
    for (let line = 0, x = 0; line < height; line++, x += 3) {
      const t = line < kt && tail.lines[line] !== '' ? tail.bytes[line]! : null;
      const aOn = line < ka && addressLines[x + 1]! > addressLines[x]!;
      const cOn = line < kc && contactLines[x + 1]! > contactLines[x]!;
      // the trimmed line ends with the last cell that has something on it
      const last = t !== null ? 3 : cOn ? 2 : aOn ? 1 : line === 0 ? 0 : -1;
      let gap = 0; // spaces owed (padding, gaps), written before what follows them
      if (line === 0) {
        if (row.length < wRow) w.spaces(wRow - row.length);
        w.utf8(row);
      } else gap = wRow;
      if (last >= 1) {
        gap += GAP;
        if (aOn) {
          w.spaces(gap);
          w.utf8(a, addressLines[x]!, addressLines[x + 1]!);
          gap = wAddr - addressLines[x + 2]!;
        } else gap += wAddr;
        if (last >= 2 && wContact) {
          gap += GAP;
          if (cOn) {
            w.spaces(gap);
            w.utf8(ct, contactLines[x]!, contactLines[x + 1]!);
            gap = wContact - contactLines[x + 2]!;
          } else gap += wContact;
        }
        if (t !== null) {
          w.spaces(gap);
          w.pushBytes(t);
        }
      }
      w.byte(10);
    }
    return true;
  };

  const writeRow = (c: Cells, isHead: boolean): void => {
    const L = layout!;
    if (tailOf === null) setUp(L);
    const tail = tailOf!(c);
    if (isHead || !direct || own[1]?.key !== 'address' || !writeDirect(c, tail)) writeText(c, tail);
    if (L.stacked && !isHead && c.reason) {
      if (underRowBytes) w.pushBytes(underRowBytes(c.reason));
      else w.push(underRow!(c.reason));
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
