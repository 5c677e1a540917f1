/**
 * From what a user gives the suppression list — a CSV export (any delimiter, any encoding Excel writes), or a pasted
 * list — to the address cells the store hashes. The table reading is the CLI's (src/cli/extract.ts: delimiter,
 * header and address-column detection, Excel quirks), behind a small interface so that the store does not depend
 * on how the CLI reads rows.
 */
import { splitAddressList } from '../rules/address';
import { decodeBytes } from '../cli/decode';
import { extractAddresses } from '../cli/extract';

/** What a list parser gives the import: the address cells of a table or list, in input order. */
export interface ParsedList {
  /** One cell per data row and address column (a header-less list: one per address). */
  cells: readonly string[];
  /** The header row, when one was recognised. */
  header: readonly string[] | null;
  /** The address columns used (empty for a plain list). */
  columns: readonly number[];
}

/** Text of a CSV or of a pasted list → its address cells. */
export type ListParser = (text: string) => ParsedList;

/** The CLI's table reader (src/cli/extract.ts). */
export const cliListParser: ListParser = (text) => {
  const x = extractAddresses(text);
  return { cells: x.addresses, header: x.header, columns: x.delimiter === null || x.column < 0 ? [] : [x.column] };
};

/** A file's bytes → text: UTF-8 (with or without BOM), UTF-16, or Windows-1252 as French Excel writes it. */
export function decodeListFile(bytes: Uint8Array): string {
  return decodeBytes(bytes).text;
}

/**
 * The address cells of `text`, a cell holding several addresses ("a@x.fr; b@y.fr") giving each of them: each one
 * of them objected.
 */
export function addressCells(text: string, parse: ListParser = cliListParser): { cells: string[]; parsed: ParsedList } {
  const parsed = parse(text);
  const cells: string[] = [];
  for (const cell of parsed.cells) {
    if (cell.indexOf('@') !== cell.lastIndexOf('@')) {
      const parts = splitAddressList(cell);
      if (parts.length > 1) {
        for (const p of parts) cells.push(p);
        continue;
      }
    }
    cells.push(cell);
  }
  return { cells, parsed };
}
