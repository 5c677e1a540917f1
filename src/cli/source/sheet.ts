/**
 * Spreadsheets (.xlsx, .ods, the older .xls and Excel 2003 XML) through SheetJS (@e965/xlsx, the
 * maintained build of the `xlsx` package). SheetJS reads a workbook whole — there is no streaming
 * reader for .ods, and .xlsx files are zip archives whose shared strings come first anyway — so a
 * spreadsheet's memory grows with the sheet (Excel's own limit is 1,048,576 rows); CSV and vCard
 * inputs stream. Loaded on demand: the CLI only, never the extension bundles.
 *
 * Cells are read as the spreadsheet shows them (formatted text); blank rows are kept so that row
 * numbers are the spreadsheet's own.
 */
import type * as XLSXNS from '@e965/xlsx';

type XLSX = typeof XLSXNS;
type WorkBook = XLSXNS.WorkBook;
type WorkSheet = XLSXNS.WorkSheet;
type CellObject = XLSXNS.CellObject;

export type BookType = 'xlsx' | 'ods' | 'xls' | 'xml' | 'numbers' | 'other';

export interface OpenedSheet {
  xlsx: XLSX;
  workbook: WorkBook;
  sheetName: string;
  sheetNames: string[];
  sheet: WorkSheet;
  bookType: BookType;
  /** 0-based index of the sheet's first row and column (a sheet may start below A1). */
  firstRow: number;
  firstCol: number;
  /** Rows as text, from firstRow; a blank row is []. */
  rows: string[][];
}

export class SheetError extends Error {
  constructor(
    readonly code: 'unreadable' | 'no-sheet' | 'unknown-sheet',
    readonly sheetNames: string[] = [],
    message: string = code,
  ) {
    super(message);
  }
}

let loaded: Promise<XLSX> | null = null;
export function loadXlsx(): Promise<XLSX> {
  loaded ??= import('@e965/xlsx');
  return loaded;
}

function bookTypeOf(wb: WorkBook): BookType {
  const t = String((wb as { bookType?: string }).bookType ?? '').toLowerCase();
  if (t === 'xlsx' || t === 'xlsm' || t === 'xlsb') return 'xlsx';
  if (t === 'ods' || t === 'fods') return 'ods';
  if (t === 'xls' || t === 'biff8' || t === 'biff5' || t === 'biff2') return 'xls';
  if (t === 'xlml') return 'xml';
  if (t === 'numbers') return 'numbers';
  return 'other';
}

export async function openSheet(bytes: Uint8Array, wanted: string | undefined): Promise<OpenedSheet> {
  const xlsx = await loadXlsx();
  let workbook: WorkBook;
  try {
    workbook = xlsx.read(bytes, { type: 'buffer', dense: true, cellDates: false, cellHTML: false, cellStyles: false });
  } catch (e) {
    throw new SheetError('unreadable', [], e instanceof Error ? e.message : String(e));
  }
  const sheetNames = workbook.SheetNames.slice();
  if (sheetNames.length === 0) throw new SheetError('no-sheet');
  let sheetName = sheetNames[0]!;
  if (wanted !== undefined) {
    const w = wanted.trim().toLowerCase();
    const found = sheetNames.find((n) => n === wanted) ?? sheetNames.find((n) => n.trim().toLowerCase() === w);
    if (!found) throw new SheetError('unknown-sheet', sheetNames);
    sheetName = found;
  }
  const sheet = workbook.Sheets[sheetName]!;
  const ref = sheet['!ref'];
  let firstRow = 0;
  let firstCol = 0;
  let rows: string[][] = [];
  if (ref) {
    const range = xlsx.utils.decode_range(ref);
    firstRow = range.s.r;
    firstCol = range.s.c;
    rows = xlsx.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true }).map((r) => r.map((v) => (v == null ? '' : String(v))));
  }
  return { xlsx, workbook, sheetName, sheetNames, sheet, bookType: bookTypeOf(workbook), firstRow, firstCol, rows };
}

/**
 * A workbook holding the header and the given rows (indices into `rows`) of the audited sheet, their
 * cells copied as they were (types, formats, formulas' values), in the input's own format.
 */
export function keptWorkbook(opened: OpenedSheet, keepRows: readonly number[]): { bytes: Uint8Array; bookType: 'xlsx' | 'ods' | 'xls' } {
  const { xlsx, sheet } = opened;
  const data = (sheet as { '!data'?: (CellObject | undefined)[][] })['!data'] ?? [];
  const out: WorkSheet = {};
  let maxCol = 0;
  keepRows.forEach((src, newR) => {
    const row = data[opened.firstRow + src] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      out[xlsx.utils.encode_cell({ r: newR, c })] = { ...cell };
      if (c > maxCol) maxCol = c;
    }
  });
  out['!ref'] = xlsx.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, keepRows.length - 1), c: maxCol } });
  if (sheet['!cols']) out['!cols'] = sheet['!cols'];
  const wb = xlsx.utils.book_new();
  xlsx.utils.book_append_sheet(wb, out, opened.sheetName.slice(0, 31));
  const bookType = opened.bookType === 'ods' ? 'ods' : opened.bookType === 'xls' ? 'xls' : 'xlsx';
  // .ods: stored entries, so that the mimetype entry can be read as the OpenDocument format requires.
  const bytes = xlsx.write(wb, { type: 'buffer', bookType, compression: bookType !== 'ods' }) as Uint8Array;
  return { bytes, bookType };
}
