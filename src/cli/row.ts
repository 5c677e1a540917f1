/**
 * One record of a table (a CSV line, a spreadsheet row): its 1-based row number (as a spreadsheet
 * numbers it), its cells and its raw text. The same object is the audit's Item for that row once the
 * audit gave it its entries (one object per row, not a row and a wrapper).
 *
 * A CSV line without quotes is split into cells only when all of them are needed: the audit usually
 * needs one or two (measured: splitting every line is a quarter of the reading time). The cells it
 * reads are found in place, and the search goes on from where the last one stopped: reading the
 * address cell and then counting the cells (the CSV output does) looks at each delimiter once.
 */
import type { Entry, Item } from './audit';
import type { Delimiter } from './source/csv';

const NO_ENTRIES: Entry[] = [];

export class Row implements Item {
  /** Name and company, for the table (set by the audit). */
  contact = '';
  /** The row's addresses and their results (set by the audit). */
  entries: Entry[] = NO_ENTRIES;
  /** Delimiters found so far by cell(), all before `next` (cell `passed` starts at `next`). */
  private passed = 0;
  /** Where cell() stopped: just after the last delimiter it found. */
  private next = 0;
  /** Number of cells, once known (-1 before). */
  private n = -1;

  constructor(
    readonly row: number,
    private known: string[] | null,
    /** The text as read (CSV and plain lists); null for spreadsheets. */
    readonly raw: string | null,
    private readonly delimiter: Delimiter | null = null,
  ) {}

  get cells(): string[] {
    if (this.known === null) this.known = this.delimiter === null ? [this.raw!] : this.raw!.split(this.delimiter);
    return this.known;
  }

  /** Cell i ('' past the end), without splitting the whole line. */
  cell(i: number): string {
    if (this.known !== null) return this.known[i] ?? '';
    const raw = this.raw!;
    const d = this.delimiter;
    if (d === null) return i === 0 ? raw : '';
    if (this.n >= 0 && i >= this.n) return '';
    // Cell `passed` starts at `next`: go on from there when i is at or after it, else from the start.
    let k = 0;
    let start = 0;
    if (i >= this.passed) {
      k = this.passed;
      start = this.next;
    }
    for (; k < i; k++) {
      const at = raw.indexOf(d, start);
      if (at < 0) {
        this.n = k + 1;
        return '';
      }
      start = at + 1;
    }
    const end = raw.indexOf(d, start);
    if (end < 0) {
      this.n = i + 1;
      return raw.slice(start);
    }
    if (i + 1 > this.passed) {
      this.passed = i + 1;
      this.next = end + 1;
    }
    return raw.slice(start, end);
  }

  /** Number of cells. */
  get count(): number {
    if (this.known !== null) return this.known.length;
    if (this.delimiter === null) return 1;
    if (this.n < 0) {
      const raw = this.raw!;
      let n = this.passed + 1;
      for (let at = raw.indexOf(this.delimiter, this.next); at >= 0; at = raw.indexOf(this.delimiter, at + 1)) n++;
      this.n = n;
    }
    return this.n;
  }

  /** Only blanks (and delimiters). */
  get blank(): boolean {
    if (this.known !== null) {
      for (let i = 0; i < this.known.length; i++) if (this.known[i]!.trim() !== '') return false;
      return true;
    }
    const raw = this.raw!;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 160 && (this.delimiter === null || c !== this.delimiter.charCodeAt(0))) return false;
    }
    return true;
  }
}
