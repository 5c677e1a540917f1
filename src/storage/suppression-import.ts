/**
 * From what a user gives the suppression list — a CSV export (any delimiter, any encoding Excel writes), or a pasted
 * list — to the address cells the store hashes. The table reading is the CLI's (src/cli/source/csv.ts, layout.ts,
 * cells.ts: delimiter, header and every address column, Excel quirks, several addresses in a cell), behind a small
 * interface so that the store does not depend on how the CLI reads rows.
 */
import { splitCell } from '../cli/cells';
import { detectLayout } from '../cli/layout';
import { CsvReader, detectDelimiter, readSepLine, recordCells } from '../cli/source/csv';

/** What a list parser gives the import: the address cells of a table or list, in input order. */
export interface ParsedList {
  /** One cell per data row and address column (a header-less list: one per address). */
  cells: readonly string[];
  /** The header row, when one was recognised. */
  header: readonly string[] | null;
  /** The address columns used. */
  columns: readonly number[];
  /** Why no address column was found (the CLI's layout reasons), when none was. */
  problem?: 'no-address-column' | 'header-only' | 'unknown-column';
}

/** Text of a CSV or of a pasted list → its address cells. */
export type ListParser = (text: string) => ParsedList;

/** Rows sampled to find the header and the address columns, as the CLI does. */
const SAMPLE_ROWS = 1000;

/**
 * The CLI's table reader: Excel's "sep=" line, the delimiter, its lenient CSV reader, and its layout detection
 * (header by name or by shape, every address column); each row gives the cells of its address columns.
 */
export const cliListParser: ListParser = (text) => {
  const sep = readSepLine(text);
  const body = sep ? text.slice(sep.length) : text;
  const delimiter = sep?.delimiter ?? detectDelimiter(body.slice(0, 1 << 16));
  const rows: string[][] = [];
  const reader = new CsvReader(delimiter, (r) => rows.push(recordCells(r, delimiter)));
  reader.push(body);
  reader.end();
  while (rows.length && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
  const layout = detectLayout(rows.slice(0, SAMPLE_ROWS));
  if (!layout.ok) return { cells: [], header: layout.reason === 'header-only' ? layout.header : null, columns: [], problem: layout.reason };
  const { headerIndex, addressColumns, header } = layout.layout;
  const cells: string[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) for (const c of addressColumns) cells.push(rows[i]![c] ?? '');
  return { cells, header, columns: addressColumns };
};

/**
 * A file's bytes → text: UTF-8 (with or without BOM), UTF-16 with its BOM, or Windows-1252 as French Excel writes
 * it (bytes that are not UTF-8). The CLI's decoder does the same with Node's Buffer; this one needs only the
 * browser's TextDecoder, which the options page has.
 */
export function decodeListFile(bytes: Uint8Array): string {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return new TextDecoder('windows-1252').decode(b);
  }
}

/**
 * The address cells of `text`, a cell holding several addresses ("a@x.fr; b@y.fr") giving each of them: each one
 * of them objected.
 */
export function addressCells(text: string, parse: ListParser = cliListParser): { cells: string[]; parsed: ParsedList } {
  const parsed = parse(text);
  const cells: string[] = [];
  for (const cell of parsed.cells) {
    // The CLI's cell splitter: "a@x.fr; b@y.fr", Google's " ::: ", "Jean <j@x.fr>, Claire <c@y.fr>" …
    const parts = cell.indexOf('@') !== cell.lastIndexOf('@') ? splitCell(cell) : [];
    if (parts.length > 1) cells.push(...parts);
    else cells.push(cell);
  }
  return { cells, parsed };
}
