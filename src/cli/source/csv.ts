/**
 * A streaming CSV reader: text goes in chunk by chunk, records come out with their cells and their
 * raw text (so a kept row is written back exactly as it was). Memory holds one partial record.
 *
 * RFC 4180 quoting is honoured where it is well formed ("a;b", "say ""hi""", a quoted cell holding line
 * breaks — Google and Outlook put addresses and notes there). Where it is not, the reader is lenient
 * the way the lists people paste are: a quote closed before something other than a delimiter
 * (`"Dupont, Jean" <j@x.fr>`) is kept literally and the cell runs to the next delimiter; a quote inside
 * an unquoted cell is a character; a quote never closed (within MAX_QUOTED characters, or by the end of
 * the input) is a character too. Line ends: \r\n, \n or a lone \r. The delimiter is given (see
 * detectDelimiter); null reads one cell per line.
 */

export type Delimiter = ';' | ',' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [';', '\t', ',', '|'];

/** A quoted cell still open after this many characters is taken as a stray quote. */
export const MAX_QUOTED = 1 << 20;

export interface CsvRecord {
  /**
   * The cells; null for a record without quotes (the common case), whose cells are its raw text split
   * on the delimiter — left to the reader's user, who often needs only one or two of them (recordCells).
   */
  cells: string[] | null;
  /** The record's text as read, without its line end. */
  raw: string;
}

/** The cells of a record. */
export function recordCells(r: CsvRecord, delimiter: Delimiter | null): string[] {
  return r.cells ?? (delimiter === null ? [r.raw] : r.raw.split(delimiter));
}

const QUOTE = 34;

function indexOr(s: string, c: string, from: number, none: number): number {
  const i = s.indexOf(c, from);
  return i < 0 ? none : i;
}
const LF = 10;
const CR = 13;

export class CsvReader {
  /** The first line end met ('\n' until one is seen). */
  newline: '\r\n' | '\n' | '\r' | null = null;
  private buf = '';
  /** Once the first line end is \n or \r\n: a lone \r is a character, not a line end. */
  private lfMode = false;
  private readonly d: number;
  private readonly delim: string;
  private readonly oneCell: boolean;
  // The next \n and \r in buf at or after the position last asked (buf's length when none), for slowRecord:
  // one search per line for all its cells, not one per cell. Reset for each new buf.
  private lfFrom = 0;
  private lfAt = -1;
  private crFrom = 0;
  private crAt = -1;

  constructor(
    delimiter: Delimiter | null,
    private readonly onRecord: (r: CsvRecord) => void = () => {},
  ) {
    this.delim = delimiter ?? '';
    this.d = delimiter === null ? -1 : delimiter.charCodeAt(0);
    this.oneCell = delimiter === null;
  }

  /**
   * Hands on one record: to onRecord, as a CsvRecord. A reader that builds its own object per record
   * overrides this (the CLI's rows: one object per line instead of two).
   */
  protected record(raw: string, cells: string[] | null): void {
    this.onRecord({ cells, raw });
  }

  push(text: string): void {
    this.buf = this.buf.length ? this.buf + text : text;
    this.parse(false);
  }

  end(): void {
    this.parse(true);
    this.buf = '';
  }

  private parse(final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    let pos = 0;
    this.lfAt = this.crAt = -1;
    // Next quote / LF / CR at or after pos (n when none): cached, recomputed only once passed.
    let q = -2;
    let lf = -2;
    let cr = -2;
    while (pos < n) {
      if (q < pos) q = indexOr(buf, '"', pos, n);
      if (this.lfMode) {
        // Lines end with \n (or \r\n): one search per line (written out: the hottest loop of the reader).
        if (lf < pos) {
          lf = buf.indexOf('\n', pos);
          if (lf < 0) lf = n;
        }
        if (q >= lf) {
          if (lf === n && !final) break;
          let end = lf;
          if (end > pos && buf.charCodeAt(end - 1) === CR && (end < n || final)) end--;
          this.record(buf.slice(pos, end), null);
          pos = lf === n ? n : lf + 1;
        } else {
          const next = this.slowRecord(pos, final);
          if (next < 0) break;
          pos = next;
        }
        continue;
      }
      if (lf < pos) lf = indexOr(buf, '\n', pos, n);
      if (cr < pos) cr = indexOr(buf, '\r', pos, n);
      const lineEnd = lf < cr ? lf : cr;
      let next: number;
      if (q >= lineEnd) {
        // No quote on this line: the common case.
        if (lineEnd === n && !final) break;
        next = this.terminatorEnd(lineEnd, final);
        if (next < 0) break;
        this.record(buf.slice(pos, lineEnd), null);
      } else {
        next = this.slowRecord(pos, final);
        if (next < 0) break;
      }
      pos = next;
    }
    this.buf = pos >= n ? '' : buf.slice(pos);
  }

  /** Position after the line end at `at` (n at the end of input); -1 when more input is needed to tell \r from \r\n. */
  private terminatorEnd(at: number, final: boolean): number {
    const buf = this.buf;
    const n = buf.length;
    if (at >= n) return n;
    const c = buf.charCodeAt(at);
    if (c === LF) {
      if (this.newline === null) {
        this.newline = '\n';
        this.lfMode = true;
      }
      return at + 1;
    }
    // CR
    if (at + 1 >= n) {
      if (!final) return -1;
      this.newline ??= '\r';
      return at + 1;
    }
    if (buf.charCodeAt(at + 1) === LF) {
      if (this.newline === null) {
        this.newline = '\r\n';
        this.lfMode = true;
      }
      return at + 2;
    }
    this.newline ??= '\r';
    return at + 1;
  }

  /** The next \n at or after `from` in buf, its length when none. */
  private nextLf(from: number): number {
    if (this.lfAt < from || from < this.lfFrom) {
      const i = this.buf.indexOf('\n', from);
      this.lfAt = i < 0 ? this.buf.length : i;
      this.lfFrom = from;
    }
    return this.lfAt;
  }

  /** The next \r at or after `from` in buf, its length when none. */
  private nextCr(from: number): number {
    if (this.crAt < from || from < this.crFrom) {
      const i = this.buf.indexOf('\r', from);
      this.crAt = i < 0 ? this.buf.length : i;
      this.crFrom = from;
    }
    return this.crAt;
  }

  /** End of an unquoted cell starting at `from`: the next delimiter or line end; -1 when the input may go on. */
  private rawEnd(from: number, final: boolean): number {
    const buf = this.buf;
    const n = buf.length;
    if (this.lfMode) {
      // A line ends with \n or \r\n (a lone \r is a character): two searches, not a look at every character.
      const lf = this.nextLf(from);
      const end = lf < n && lf > from && buf.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
      const e = this.oneCell ? -1 : buf.indexOf(this.delim, from);
      if (e >= 0 && (lf === n || e < end)) return e;
      if (lf < n) return end;
      // Neither before the end of the text: a \r last may be the start of a \r\n still to come.
      if (!final) return -1;
      return n > from && buf.charCodeAt(n - 1) === CR ? n - 1 : n;
    }
    const d = this.d;
    for (let e = from; e < n; e++) {
      const c = buf.charCodeAt(e);
      if (c === d || c === LF || c === CR) return e;
    }
    return final ? n : -1;
  }

  /** One record with quotes in it, from `start`; returns the position after it, or -1 (wait for more input). */
  private slowRecord(start: number, final: boolean): number {
    const buf = this.buf;
    const n = buf.length;
    const d = this.d;
    const cells: string[] = [];
    let i = start;
    for (;;) {
      let field: string | undefined;
      if (buf.charCodeAt(i) === QUOTE) {
        let closed = -1;
        let j = i + 1;
        let open = false; // the quote is still open at the end of the buffer
        let doubled = false; // a "" met inside: the cell is unescaped
        for (;;) {
          const k = buf.indexOf('"', j);
          if (k < 0) {
            open = true;
            break;
          }
          if (k + 1 < n && buf.charCodeAt(k + 1) === QUOTE) {
            j = k + 2;
            doubled = true;
            continue;
          }
          if (k + 1 >= n && !final) {
            open = true; // `""` or `"` + delimiter: cannot tell yet
            break;
          }
          closed = k;
          break;
        }
        if (open && !final && n - i < MAX_QUOTED) return -1;
        if (closed >= 0) {
          const after = closed + 1 < n ? buf.charCodeAt(closed + 1) : -1;
          const spansLines = this.nextLf(i + 1) < closed || this.nextCr(i + 1) < closed;
          if ((after === -1 || after === d || after === LF || after === CR) && !(this.oneCell && spansLines)) {
            field = doubled ? buf.slice(i + 1, closed).replace(/""/g, '"') : buf.slice(i + 1, closed);
            i = closed + 1;
          } else if (!spansLines) {
            // `"Dupont, Jean" <j@x.fr>`: the quotes are part of the text.
            const e = this.rawEnd(closed + 1, final);
            if (e < 0) return -1;
            field = buf.slice(i, e);
            i = e;
          }
        }
        if (field === undefined) {
          // A stray quote: a character like any other.
          const e = this.rawEnd(i + 1, final);
          if (e < 0) return -1;
          field = buf.slice(i, e);
          i = e;
        }
      } else {
        const e = this.rawEnd(i, final);
        if (e < 0) return -1;
        field = buf.slice(i, e);
        i = e;
      }
      cells.push(field);
      if (i >= n) {
        if (!final) return -1;
        this.record(buf.slice(start, n), this.oneCell ? [cells.join('')] : cells);
        return n;
      }
      const c = buf.charCodeAt(i);
      if (c === d) {
        i++;
        if (i >= n && !final) return -1;
        if (i >= n) {
          cells.push('');
          this.record(buf.slice(start, n), cells);
          return n;
        }
        continue;
      }
      // a line end
      const next = this.terminatorEnd(i, final);
      if (next < 0) return -1;
      this.record(buf.slice(start, i), this.oneCell ? [cells.join('')] : cells);
      return next;
    }
  }
}

/** Counts `d` outside double quotes in one line. */
function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === d && !inQuotes) n++;
  }
  return n;
}

/** Detects the delimiter from the first lines of a sample, or null for a plain one-column list. */
export function detectDelimiter(sample: string): Delimiter | null {
  const lines: string[] = [];
  const limit = Math.min(sample.length, 1 << 16);
  let start = 0;
  while (start < limit && lines.length < 50) {
    let end = start;
    while (end < sample.length && sample[end] !== '\n' && sample[end] !== '\r') end++;
    const line = sample.slice(start, end);
    if (line.trim() !== '') lines.push(line);
    start = end + 1;
  }
  if (lines.length === 0) return null;
  let best: Delimiter | null = null;
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const present = counts.filter((c) => c > 0).length;
    if (present === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let modeLines = 0;
    for (const v of freq.values()) if (v > modeLines) modeLines = v;
    // A real delimiter is on (nearly) every line, usually the same number of times.
    const presence = present / lines.length;
    if (lines.length >= 3 && presence < 0.6) continue;
    const score = presence + modeLines / lines.length;
    if (score > bestScore + 1e-9) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Excel's optional first line `sep=;` names the delimiter. */
export function readSepLine(text: string): { delimiter: Delimiter; length: number; line: string } | null {
  const m = /^sep=([;,\t|])[ \t]*(\r\n|\n|\r|$)/i.exec(text);
  return m ? { delimiter: m[1] as Delimiter, length: m[0].length, line: m[0].replace(/[\r\n]+$/, '') } : null;
}

/** One cell, quoted when it holds the delimiter, a quote or a line break (or starts/ends with a space). */
export function csvCell(value: string, delimiter: string): string {
  if (value === '') return '';
  if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')) return '"' + value.replace(/"/g, '""') + '"';
  return value;
}
