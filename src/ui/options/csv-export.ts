/**
 * CSV that French Excel opens as a table by a double click: `;` between cells, CRLF line ends, a UTF-8 byte-order
 * mark (without it Excel reads UTF-8 as Windows-1252 and "é" comes out as "Ã©"), RFC 4180 quoting. A cell that
 * starts like a formula (= + - @, tab, carriage return) is prefixed with an apostrophe so that a spreadsheet shows it
 * as text instead of running it (OWASP "CSV injection").
 */

export const BOM = '\uFEFF';

export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The whole file, BOM included, from a header row and data rows. */
export function toExcelCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  const lines = [header.map(csvCell).join(';'), ...rows.map((r) => r.map(csvCell).join(';'))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A file name with today's date: prospect-guard-consentements-2026-11-28.csv. */
export function exportFileName(what: string, date: string, ext = 'csv'): string {
  return `prospect-guard-${what}-${date}.${ext}`;
}
